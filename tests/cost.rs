//! Cost engine tests with dollar amounts worked out by hand from the price facts
//! in ../shared/PRICING.md (AWS us-east-1 list prices).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::unreadable_literal,
    clippy::items_after_statements
)]

mod common;

use common::{assert_usd, book, cost_of, item, plain};
use serverless_advisor::cost::OptionId;
use serverless_advisor::workload::{ApiGateway, Architecture, Shape, Trigger};

// The primer's scenario: 10M requests a month at 200 ms.
// requests: 10 x $0.20 = $2.00
// GB-s = 10,000,000 x 0.2 s x memory/1024, at $0.0000166667 per GB-s.
#[test]
fn primer_10m_at_200ms_128mb() {
    let c = cost_of(OptionId::AwsLambda, &plain(1e7, 200.0, 128), &book());
    assert_usd(item(&c, "requests"), 2.00, "requests");
    // 250,000 GB-s x 0.0000166667 = 4.166675
    assert_usd(item(&c, "duration"), 4.166675, "duration");
    assert_usd(c.monthly_usd, 6.166675, "total");
}

#[test]
fn primer_10m_at_200ms_512mb() {
    let c = cost_of(OptionId::AwsLambda, &plain(1e7, 200.0, 512), &book());
    // 1,000,000 GB-s x 0.0000166667 = 16.6667
    assert_usd(item(&c, "duration"), 16.6667, "duration");
    assert_usd(c.monthly_usd, 18.6667, "total");
}

#[test]
fn primer_10m_at_200ms_1024mb() {
    let c = cost_of(OptionId::AwsLambda, &plain(1e7, 200.0, 1024), &book());
    // 2,000,000 GB-s x 0.0000166667 = 33.3334
    assert_usd(c.monthly_usd, 35.3334, "total");
}

#[test]
fn duration_rounds_up_to_the_millisecond() {
    // 199.2 ms bills as 200 ms.
    let c = cost_of(OptionId::AwsLambda, &plain(1e7, 199.2, 512), &book());
    assert_usd(c.monthly_usd, 18.6667, "total");
}

#[test]
fn x86_past_the_first_6b_gb_s_tier() {
    // 1e10 requests x 1 s x 1 GB = 1e10 GB-s:
    // 6e9 x 0.0000166667 = 100,000.20; 4e9 x 0.000015 = 60,000.00; requests 1e4 x $0.20 = $2,000.
    let c = cost_of(OptionId::AwsLambda, &plain(1e10, 1000.0, 1024), &book());
    assert_usd(item(&c, "duration"), 160_000.20, "duration");
    assert_usd(c.monthly_usd, 162_000.20, "total");
}

#[test]
fn arm_tiers_are_their_own() {
    // 1e10 GB-s on Arm: 7.5e9 x 0.0000133334 = 100,000.50; 2.5e9 x 0.0000120001 = 30,000.25.
    let mut w = plain(1e10, 1000.0, 1024);
    w.execution.architecture = Architecture::Arm;
    let c = cost_of(OptionId::AwsLambda, &w, &book());
    assert_usd(item(&c, "duration"), 130_000.75, "duration");
}

#[test]
fn free_tier_only_when_asked() {
    // 3M requests x 100 ms x 0.5 GB = 150,000 GB-s, inside the 400,000 free: duration $0;
    // 2M billable requests x $0.20/M = $0.40.
    let mut w = plain(3e6, 100.0, 512);
    w.pricing.include_free_tier = true;
    let c = cost_of(OptionId::AwsLambda, &w, &book());
    assert_usd(item(&c, "duration"), 0.0, "duration");
    assert_usd(c.monthly_usd, 0.40, "total");
    // 10M x 200 ms x 0.5 GB = 1,000,000 GB-s - 400,000 = 600,000 x 0.0000166667 = 10.00002;
    // 9M requests x $0.20/M = 1.80.
    let mut w = plain(1e7, 200.0, 512);
    w.pricing.include_free_tier = true;
    let c = cost_of(OptionId::AwsLambda, &w, &book());
    assert_usd(c.monthly_usd, 11.80002, "total with free tier");
    w.pricing.include_free_tier = false;
    assert_usd(
        cost_of(OptionId::AwsLambda, &w, &book()).monthly_usd,
        18.6667,
        "without",
    );
}

#[test]
fn api_gateway_http_tier_crossing() {
    // 500M requests: 300M x $1.00/M + 200M x $0.90/M = $480.
    let mut w = plain(5e8, 10.0, 128);
    w.triggers = vec![Trigger::HttpApi];
    w.api_gateway = ApiGateway::Http;
    let c = cost_of(OptionId::AwsLambda, &w, &book());
    assert_usd(item(&c, "api_gateway"), 480.0, "http api");
}

#[test]
fn api_gateway_rest_tier_crossing() {
    // 500M requests: 333M x $3.50/M = 1,165.50 + 167M x $2.80/M = 467.60 -> $1,633.10.
    let mut w = plain(5e8, 10.0, 128);
    w.triggers = vec![Trigger::Webhook];
    w.api_gateway = ApiGateway::Rest;
    let c = cost_of(OptionId::AwsLambda, &w, &book());
    assert_usd(item(&c, "api_gateway"), 1_633.10, "rest api");
    // No gateway, no charge; a queue trigger never pays one.
    w.api_gateway = ApiGateway::NoGateway;
    assert_usd(
        item(&cost_of(OptionId::AwsLambda, &w, &book()), "api_gateway"),
        0.0,
        "none",
    );
}

#[test]
fn provisioned_concurrency_covers_the_load() {
    // 10 instances x 0.5 GB x 2,628,000 s x 0.0000041667 = 54.750 kept warm, and all
    // 1,000,000 GB-s served at 0.0000097222 = 9.7222; requests $2.00; no on-demand duration.
    let mut w = plain(1e7, 200.0, 512);
    w.pricing.provisioned_concurrency = 10;
    let c = cost_of(OptionId::AwsLambda, &w, &book());
    assert_usd(item(&c, "provisioned_concurrency"), 54.750_238 + 9.7222, "pc");
    assert_usd(item(&c, "duration"), 0.0, "on-demand duration");
    assert_usd(c.monthly_usd, 66.472_438, "total");
}

#[test]
fn one_server_at_low_volume() {
    // 10M x 200 ms CPU-bound, flat: 0.76 in flight / (2 vCPU x 0.6) -> 1 t3.medium:
    // 730 h x $0.0416 = $30.368.
    let c = cost_of(OptionId::AwsEc2, &plain(1e7, 200.0, 512), &book());
    assert_usd(c.monthly_usd, 30.368, "ec2");
}

#[test]
fn server_fleet_grows_with_volume() {
    // 100M x 200 ms CPU-bound, flat: 38.05 req/s x 0.2 s = 7.61 in flight / 1.2 = 6.34 -> 7:
    // 7 x 730 x $0.0416 = $212.576.
    let c = cost_of(OptionId::AwsEc2, &plain(1e8, 200.0, 512), &book());
    assert_usd(c.monthly_usd, 212.576, "ec2");
}

#[test]
fn server_fleet_grows_with_peak_traffic() {
    // A daily batch: all of a day's traffic in one hour (24x the mean), 10M a month:
    // peak 24 x 3.805 req/s x 0.2 s = 18.27 in flight / 1.2 -> 16 instances in 7 hours a
    // week, the 1-instance floor in the other 161: 273 instance-hours a week
    // x 730/168 = 1,186.25 h x $0.0416 = $49.348.
    let mut w = plain(1e7, 200.0, 512);
    w.traffic.shape = Shape::Scheduled;
    w.traffic.peak_to_average = Some(24.0);
    let c = cost_of(OptionId::AwsEc2, &w, &book());
    assert_usd(c.monthly_usd, 49.348, "ec2 at peak");
    // The same volume spread flat needs one instance.
    assert!(c.monthly_usd > cost_of(OptionId::AwsEc2, &plain(1e7, 200.0, 512), &book()).monthly_usd);
}

#[test]
fn io_bound_requests_share_a_vcpu() {
    // I/O-bound: 10 requests per vCPU -> 7.61 in flight / (2 x 10 x 0.6) -> 1 instance.
    let mut w = plain(1e8, 200.0, 512);
    w.execution.cpu_bound = false;
    assert_usd(
        cost_of(OptionId::AwsEc2, &w, &book()).monthly_usd,
        30.368,
        "io-bound ec2",
    );
}

#[test]
fn min_instances_is_a_floor() {
    let mut w = plain(1e3, 200.0, 512);
    w.servers.min_instances = 3;
    assert_usd(
        cost_of(OptionId::AwsEc2, &w, &book()).monthly_usd,
        3.0 * 30.368,
        "floor",
    );
}

#[test]
fn http_fleet_pays_a_load_balancer() {
    // ALB: 730 h x $0.0225 = 16.425; LCUs from new connections: 3.805 req/s / 25 = 0.1522
    // LCU an hour x 730 h x $0.008 = 0.8889. Total 17.314 on top of the $30.368 instance.
    let mut w = plain(1e7, 200.0, 512);
    w.triggers = vec![Trigger::HttpApi];
    let c = cost_of(OptionId::AwsEc2, &w, &book());
    assert_usd(item(&c, "load_balancer"), 17.3139, "alb");
    assert_usd(c.monthly_usd, 47.682, "total");
}

#[test]
fn fargate_task_sized_like_the_instance() {
    // One 2 vCPU / 4 GB task: 2 x 0.04048 + 4 x 0.004445 = 0.09874/h x 730 = $72.080.
    let c = cost_of(OptionId::AwsFargate, &plain(1e7, 200.0, 512), &book());
    assert_usd(c.monthly_usd, 72.0802, "fargate");
}

#[test]
fn cloud_functions_rounds_to_100ms_and_bills_ghz() {
    // 10M x 150 ms -> 200 ms billed; 512 MB at 0.8 GHz:
    // invocations 10 x $0.40 = 4.00; GB-s 1,000,000 x 0.0000025 = 2.50;
    // GHz-s 1,600,000 x 0.00001 = 16.00. Total $22.50.
    let c = cost_of(OptionId::GcpCloudFunctions, &plain(1e7, 150.0, 512), &book());
    assert_usd(c.monthly_usd, 22.50, "cloud functions");
}

#[test]
fn cloud_functions_memory_rounds_up_to_a_size() {
    // 300 MB rounds up to 512 MB: same bill as 512.
    let a = cost_of(OptionId::GcpCloudFunctions, &plain(1e7, 150.0, 300), &book());
    assert_usd(a.monthly_usd, 22.50, "rounded memory");
}

#[test]
fn azure_consumption_minimums() {
    // 10M x 50 ms at 200 MB: billed as 100 ms and 256 MB:
    // 10,000,000 x 0.1 s x 0.25 GB = 250,000 GB-s x $0.000016 = 4.00; executions $2.00.
    let c = cost_of(OptionId::AzureFunctions, &plain(1e7, 50.0, 200), &book());
    assert_usd(c.monthly_usd, 6.00, "azure consumption");
}

#[test]
fn azure_premium_always_bills_one_instance() {
    // EP1: 1 vCPU x $0.173 + 3.5 GB x $0.0123 = $0.21605/h x 730 = $157.7165.
    let c = cost_of(OptionId::AzureFunctionsPremium, &plain(1e3, 50.0, 512), &book());
    assert_usd(c.monthly_usd, 157.7165, "premium floor");
}

#[test]
fn cloud_run_cpu_bound_bills_request_time() {
    // 10M x 200 ms, 1 vCPU, 0.5 GiB, one request per instance at a time:
    // 2,000,000 vCPU-s x $0.000024 = 48.00; 1,000,000 GiB-s x $0.0000025 = 2.50;
    // requests 10 x $0.40 = 4.00. Total $54.50.
    let c = cost_of(OptionId::GcpCloudRun, &plain(1e7, 200.0, 512), &book());
    assert_usd(c.monthly_usd, 54.50, "cloud run");
}

#[test]
fn cloud_run_io_bound_bills_request_time_and_notes_what_sharing_saves() {
    // Billed like the published unit prices whether or not requests mostly wait:
    // the same $54.50 as the CPU-bound case. Sharing an instance (10 requests per
    // vCPU at once) would bill far less; the note says how much.
    let mut w = plain(1e7, 200.0, 512);
    w.execution.cpu_bound = false;
    let c = cost_of(OptionId::GcpCloudRun, &w, &book());
    assert_usd(c.monthly_usd, 54.50, "cloud run, I/O-bound");
    // 10M x 0.2 s = 2,000,000 s over 730 h is 0.76 requests in flight: an
    // instance is busy 1 - e^-0.761 = 53.3% of the time, 1,400,244 s:
    // 1,400,244 x ($0.000024 + 0.5 x $0.0000025) = $35.36.
    let note = c
        .notes
        .iter()
        .find(|n| n.contains("concurrency"))
        .expect("a note on sharing instances");
    assert!(note.contains("$35.36") && note.contains("$50.50"), "{note}");
}

#[test]
fn other_clouds_use_an_equivalent_instance() {
    // t3.medium (2 vCPU, 4 GiB, burstable) -> e2-medium on Google Cloud
    // ($0.03350571/h) and B2s on Azure ($0.0416/h): 730 h each.
    let mut w = plain(1e6, 100.0, 512);
    assert_usd(
        cost_of(OptionId::GcpComputeEngine, &w, &book()).monthly_usd,
        24.4592,
        "e2-medium",
    );
    assert_usd(cost_of(OptionId::AzureVm, &w, &book()).monthly_usd, 30.368, "B2s");
    // m5.large (2 vCPU, 8 GiB, steady) -> e2-standard-2 ($0.06701142/h) and
    // D2s_v5 ($0.096/h): a steady reference never gets a burstable stand-in.
    w.servers.instance = "m5.large".into();
    assert_usd(
        cost_of(OptionId::GcpComputeEngine, &w, &book()).monthly_usd,
        48.918_336_6,
        "e2-standard-2",
    );
    assert_usd(
        cost_of(OptionId::AzureVm, &w, &book()).monthly_usd,
        70.08,
        "D2s_v5",
    );
}

#[test]
fn every_option_has_the_design_item_names() {
    let mut w = plain(1e7, 200.0, 512);
    w.triggers = vec![Trigger::HttpApi];
    w.api_gateway = ApiGateway::Http;
    let b = book();
    let allowed = [
        "requests",
        "duration",
        "api_gateway",
        "provisioned_concurrency",
        "compute",
        "load_balancer",
    ];
    for option in OptionId::ALL {
        let c = cost_of(option, &w, &b);
        assert!(!c.breakdown.is_empty(), "{option:?} has lines");
        let sum: f64 = c.breakdown.iter().map(|l| l.usd).sum();
        assert_usd(c.monthly_usd, sum, "lines add up");
        for line in &c.breakdown {
            assert!(allowed.contains(&line.item.as_ref()), "{option:?}: {}", line.item);
            assert!(
                !line.detail.is_empty(),
                "{option:?} {} explains itself",
                line.item
            );
        }
    }
}

#[test]
fn break_even_moves_with_memory_and_gateway() {
    // One t3.medium ($30.368) against Lambda at 200 ms, I/O-bound so the fleet stays at one.
    let b = book();
    let at = |memory: u32, gateway: bool| {
        let mut w = plain(1e7, 200.0, memory);
        w.execution.cpu_bound = false;
        if gateway {
            w.triggers = vec![Trigger::HttpApi];
            w.api_gateway = ApiGateway::Http;
        }
        let profile = serverless_advisor::cost::Profile::new(w.traffic.shape, w.peak_to_average());
        serverless_advisor::cost::break_even(&w, &b, &profile, &[OptionId::AwsLambda], &[OptionId::AwsEc2])
            .and_then(|be| be.monthly_requests)
            .unwrap_or(f64::NAN)
    };
    // 128 MB: $30.368 / ($0.20/M + 0.025 GB-s x $0.0000166667) = 49.2M.
    let m128 = at(128, false);
    assert!(
        (m128 - 49.25e6).abs() / 49.25e6 < 0.01,
        "128 MB break-even {m128}"
    );
    // 512 MB: $30.368 / $1.8667e-6 = 16.27M.
    let m512 = at(512, false);
    assert!(
        (m512 - 16.27e6).abs() / 16.27e6 < 0.01,
        "512 MB break-even {m512}"
    );
    // Over HTTP, Lambda pays the gateway ($1/M) and the fleet pays an ALB ($16.425 + $0.008
    // per 90,000 requests): $46.793 / ($2.8667e-6 - $0.0889e-6) = 16.85M.
    let with_gateway = at(512, true);
    assert!(
        (with_gateway - 16.845e6).abs() / 16.845e6 < 0.01,
        "gateway break-even {with_gateway}"
    );
}

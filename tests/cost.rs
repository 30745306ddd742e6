//! Cost engine tests with dollar amounts worked out by hand from the published
//! prices in the price book (its sources name the pages).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::unreadable_literal,
    clippy::items_after_statements
)]

mod common;

use common::{assert_usd, book, cost_of, item, plain};
use serverless_advisor::cost::OptionId;
use serverless_advisor::workload::{ApiGateway, Architecture, Shape, Trigger, Workload};

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

/// An HTTP service behind no gateway, flat traffic, I/O-bound.
fn http_service(monthly_requests: f64, avg_ms: f64, memory_mb: u32) -> Workload {
    let mut w = plain(monthly_requests, avg_ms, memory_mb);
    w.triggers = vec![Trigger::HttpApi];
    w.execution.cpu_bound = false;
    w
}

// Reference bills for the shared-instance platforms, worked out with exact
// Poisson sums (E[ceil(N / C)] summed term by term) from the published unit
// prices: flat traffic, 730 hours, 2,628,000 seconds.

#[test]
fn cloud_run_functions_bill_busy_instance_time_at_cloud_run_rates() {
    // 10M x 150 ms at 512 MB: 0.333 vCPU, one request per instance (below a
    // vCPU), so each request bills its own 200 ms: 2,000,000 s
    // x (0.333 x $0.000024 + 0.5 x $0.0000025) + 10 x $0.40 = $22.484.
    let c = cost_of(OptionId::GcpCloudFunctions, &plain(1e7, 150.0, 512), &book());
    assert_usd(c.monthly_usd, 22.484, "Cloud Run functions");
    assert_usd(item(&c, "requests"), 4.0, "requests");
    assert!(c.notes.iter().any(|n| n.contains("1st gen")), "{:?}", c.notes);
}

#[test]
fn cloud_run_shares_instances_and_takes_the_cheaper_billing() {
    // 40M x 120 ms at 512 MB, I/O-bound, 80 requests per instance: 1.83 in
    // flight. Request-based: 0.95236 instances busy (200 ms windows) x
    // 2,628,000 s x $0.00002525 + 40 x $0.40 = $79.196. Instance-based: one
    // instance always up, 2,628,000 s x (1 x $0.000018 + 0.5 x $0.000002) = $49.932.
    let c = cost_of(OptionId::GcpCloudRun, &http_service(4e7, 120.0, 512), &book());
    assert_usd(c.monthly_usd, 49.932, "instance-based");
    assert_usd(item(&c, "requests"), 0.0, "no request fee");
    let note = c
        .notes
        .iter()
        .find(|n| n.contains("Instance-based billing"))
        .expect("says which billing and why");
    assert!(note.contains("$79.20") && note.contains("$49.93"), "{note}");
    assert!(
        !c.notes.iter().any(|n| n.contains("one request per instance")),
        "{:?}",
        c.notes
    );
}

#[test]
fn cloud_run_request_based_wins_at_low_volume() {
    // 2M x 120 ms: 0.14118 instances busy -> $9.369 + 2 x $0.40 = $10.169,
    // against $49.932 for an instance kept alive all month.
    let c = cost_of(OptionId::GcpCloudRun, &http_service(2e6, 120.0, 512), &book());
    assert_usd(c.monthly_usd, 10.1689, "request-based");
    assert!(
        c.notes
            .iter()
            .any(|n| n.contains("Request-based billing is cheaper")),
        "{:?}",
        c.notes
    );
}

#[test]
fn cloud_run_cpu_bound_requests_take_a_vcpu_each() {
    // 10M x 200 ms, CPU-bound on 1 vCPU: one at a time, 2,000,000 busy s:
    // $50.50 + $4.00 = $54.50 request-based. Instance-based keeps the pool the
    // busiest moment of the last 15 minutes needed: 0.761 in flight, passed
    // 5 once in 4,501 request times, so 5 instances, $249.66: request-based wins.
    let mut w = http_service(1e7, 200.0, 512);
    w.execution.cpu_bound = true;
    let c = cost_of(OptionId::GcpCloudRun, &w, &book());
    assert_usd(c.monthly_usd, 54.50, "cloud run, CPU-bound");
    assert!(c.notes.iter().any(|n| n.contains("$249.66")), "{:?}", c.notes);
}

#[test]
fn concurrency_per_instance_is_the_users_to_set() {
    // One request per instance on Cloud Run turns the 40M API into 1.83
    // busy instances (2.435 with 200 ms windows): dearer than with 80.
    let mut w = http_service(4e7, 120.0, 512);
    let shared = cost_of(OptionId::GcpCloudRun, &w, &book()).monthly_usd;
    w.execution.concurrency_per_instance = Some(1);
    let alone = cost_of(OptionId::GcpCloudRun, &w, &book()).monthly_usd;
    assert!(alone > 1.5 * shared, "{alone} vs {shared}");
}

#[test]
fn flex_consumption_bills_instance_memory_while_executing() {
    // 10M x 150 ms, 2,048 MB instances, Node (16 at once), windows of at
    // least 1,000 ms: 0.97774 instances busy x 2,628,000 s x 2 GB x $0.000026
    // + 10 x $0.40 = $137.615. Python takes one at a time, so every execution
    // bills its own 1,000 ms: 10M x 1 s x 2 GB x $0.000026 + $4 = $524.
    let mut w = http_service(1e7, 150.0, 2048);
    let c = cost_of(OptionId::AzureFlexConsumption, &w, &book());
    assert_usd(c.monthly_usd, 137.6147, "flex, Node");
    w.execution.runtime = serverless_advisor::workload::Runtime::Python;
    let c = cost_of(OptionId::AzureFlexConsumption, &w, &book());
    assert_usd(c.monthly_usd, 524.0, "flex, Python");
}

#[test]
fn flex_always_ready_instances_bill_a_baseline_and_lose_the_free_grant() {
    // One always-ready 2,048 MB instance: baseline 2 GB x 2,628,000 s x
    // $0.000004 = $21.024; the busy time on it at $0.000016 instead of $0.000026.
    let mut w = http_service(1e7, 150.0, 2048);
    w.pricing.provisioned_concurrency = 1;
    w.pricing.include_free_tier = true;
    let c = cost_of(OptionId::AzureFlexConsumption, &w, &book());
    let ready = item(&c, "provisioned_concurrency");
    // 0.97774 busy instances, all on the ready one: 2 x 2,628,000 x 0.97774 x $0.000016 = $82.225.
    assert_usd(ready, 21.024 + 82.2248, "always ready");
    // Every execution ran on the ready instance: no on-demand GB-s are left.
    assert_usd(item(&c, "duration"), 0.0, "no on-demand time");
    assert_usd(item(&c, "requests"), 4.0, "executions at the always-ready price");
}

#[test]
fn container_apps_bill_replicas_while_they_run() {
    // 10M x 150 ms at 512 MB: 0.25 vCPU / 0.5 GiB replicas, 10 requests each;
    // one replica up all month (the 300 s cooldown outlasts every gap):
    // 657,000 vCPU-s x $0.000024 + 1,314,000 GiB-s x $0.000003 + 10 x $0.40 = $23.71.
    let c = cost_of(
        OptionId::AzureContainerApps,
        &http_service(1e7, 150.0, 512),
        &book(),
    );
    assert_usd(c.monthly_usd, 23.71, "container apps");
}

#[test]
fn container_apps_minimum_replicas_wait_at_the_idle_rate() {
    // No traffic, one minimum replica: 2,628,000 s x (0.25 x $0.000003 + 0.5 x $0.000003) = $5.913.
    let mut w = http_service(0.0, 150.0, 512);
    w.pricing.provisioned_concurrency = 1;
    let c = cost_of(OptionId::AzureContainerApps, &w, &book());
    assert_usd(c.monthly_usd, 5.913, "idle minimum replica");
}

#[test]
fn nightly_etl_runs_as_container_jobs_billed_per_run() {
    // 30 runs a month x 25 minutes, 2 GB, started by a schedule.
    let mut w = plain(30.0, 1_500_000.0, 2048);
    w.triggers = vec![Trigger::Schedule];
    w.traffic.shape = serverless_advisor::workload::Shape::Scheduled;
    w.traffic.peak_to_average = None;
    let b = book();
    // Fargate: the smallest task with 2 GB is 0.25 vCPU / 2 GB:
    // 12.5 h x (0.25 x $0.04048 + 2 x $0.004445) = $0.2376.
    let f = cost_of(OptionId::AwsFargate, &w, &b);
    assert_usd(f.monthly_usd, 0.2376, "ECS task on Fargate per run");
    assert_usd(item(&f, "load_balancer"), 0.0, "no load balancer");
    assert!(
        f.notes
            .iter()
            .any(|n| n.contains("Run as a job per scheduled run")),
        "{:?}",
        f.notes
    );
    // Cloud Run jobs: 45,000 s x (1 vCPU x $0.000018 + 2 GiB x $0.000002) = $0.99.
    assert_usd(
        cost_of(OptionId::GcpCloudRun, &w, &b).monthly_usd,
        0.99,
        "Cloud Run job",
    );
    // Container Apps jobs: 1 vCPU / 2 GiB at the active rate: 45,000 s x $0.00003 = $1.35
    // (a service would also idle through each 300 s cooldown).
    assert_usd(
        cost_of(OptionId::AzureContainerApps, &w, &b).monthly_usd,
        1.35,
        "Container Apps job",
    );
}

#[test]
fn fargate_tasks_come_in_the_sizes_fargate_offers() {
    // t3.micro is 2 vCPU / 1 GiB; Fargate's 2 vCPU tasks start at 4 GB:
    // 2 x $0.04048 + 4 x $0.004445 = $0.09874/h x 730 = $72.080, named in the notes.
    let mut w = plain(1e6, 100.0, 512);
    w.servers.instance = "t3.micro".into();
    let c = cost_of(OptionId::AwsFargate, &w, &book());
    assert_usd(c.monthly_usd, 72.0802, "2 vCPU / 4 GB");
    assert!(
        c.notes.iter().any(|n| n.contains("2 vCPU / 4 GB")),
        "{:?}",
        c.notes
    );
}

#[test]
fn lambda_bills_the_init_phase_of_cold_starts() {
    // 10,000 requests a month, flat: a request finds the function cold after
    // a gap over 5 minutes, e^-(0.0038 x 300) = 31.93%; Node's INIT at 512 MB
    // is 139.1 ms (log-interpolated, 128 -> 1,024 MB), billed as 140 ms:
    // 3,193 x 0.14 s x 0.5 GB = 223.5 GB-s x $0.0000166667 = $0.003725.
    let c = cost_of(OptionId::AwsLambda, &plain(1e4, 100.0, 512), &book());
    let init = item(&c, "init");
    assert!((init - 0.003_725_4).abs() < 1e-6, "{init}");
}

#[test]
fn free_tier_never_covers_a_function_with_provisioned_concurrency() {
    let mut w = plain(1e6, 100.0, 512);
    w.pricing.include_free_tier = true;
    let free = cost_of(OptionId::AwsLambda, &w, &book());
    assert_usd(item(&free, "requests"), 0.0, "1M requests free");
    w.pricing.provisioned_concurrency = 1;
    let provisioned = cost_of(OptionId::AwsLambda, &w, &book());
    // All 1M requests are billed: $0.20.
    assert_usd(item(&provisioned, "requests"), 0.20, "no free requests");
    assert!(item(&provisioned, "duration") + item(&provisioned, "provisioned_concurrency") > 0.0);
}

#[test]
fn compute_engine_n2_gets_sustained_use_discounts_and_e2_none() {
    // One n2-standard-2 all month: 182.5 h at each of 100%, 86.78%, 73.3%
    // and 60% of $0.097118 = $56.731 (Google's own monthly figure), against
    // $70.896 at list: a -$14.165 line.
    let mut w = plain(1e3, 100.0, 512);
    w.servers.instance = "n2-standard-2".into();
    let c = cost_of(OptionId::GcpComputeEngine, &w, &book());
    assert_usd(c.monthly_usd, 56.7311, "n2 with SUD");
    assert_usd(item(&c, "sustained_use"), -14.1650, "the discount line");
    // e2-medium gets none.
    let e2 = cost_of(OptionId::GcpComputeEngine, &plain(1e3, 100.0, 512), &book());
    assert_usd(item(&e2, "sustained_use"), 0.0, "no SUD on E2");
}

#[test]
fn gpu_work_is_priced_on_gpus() {
    let mut w = plain(1e5, 500.0, 4096);
    w.hardware = serverless_advisor::workload::Hardware::Gpu;
    w.triggers = vec![Trigger::HttpApi];
    let b = book();
    // The cheapest GPU machine of each cloud, one all month.
    assert_usd(
        cost_of(OptionId::AwsEc2, &w, &b).monthly_usd
            - item(&cost_of(OptionId::AwsEc2, &w, &b), "load_balancer"),
        383.98,
        "g4dn.xlarge",
    );
    let gce = cost_of(OptionId::GcpComputeEngine, &w, &b);
    assert_usd(item(&gce, "compute"), 515.9875, "g2-standard-4");
    assert_usd(item(&gce, "sustained_use"), 0.0, "no SUD on G2");
    assert_usd(
        item(&cost_of(OptionId::AzureVm, &w, &b), "compute"),
        383.98,
        "NC4as_T4_v3",
    );
    // Cloud Run with an L4: 4 vCPU / 16 GiB minimum, one instance up all
    // month: 2,628,000 s x (4 x $0.000018 + 16 x $0.000002 + $0.0001867) = $763.96.
    let run = cost_of(OptionId::GcpCloudRun, &w, &b);
    assert_usd(run.monthly_usd, 763.9596, "Cloud Run L4");
    assert!(item(&run, "gpu") > 490.0, "{:?}", run.breakdown);
    // The GPU rate is the one without zonal redundancy, which Google turns
    // on by default: the bill says which it priced.
    assert!(
        run.notes
            .iter()
            .any(|n| n.contains("zonal redundancy turned off")),
        "{:?}",
        run.notes
    );
}

#[test]
fn an_arm_machine_never_stands_in_for_an_x86_one() {
    // n2-standard-2 (2 vCPU, 8 GiB) on AWS: m6g.large ($0.077) is cheaper
    // but Arm; the x86 stand-in is m5.large, 730 h x $0.096 = $70.08.
    let mut w = plain(1e3, 100.0, 512);
    w.servers.instance = "n2-standard-2".into();
    let c = cost_of(OptionId::AwsEc2, &w, &book());
    assert_usd(c.monthly_usd, 70.08, "m5.large");
    assert!(c.notes.iter().any(|n| n.contains("m5.large")), "{:?}", c.notes);
}

#[test]
fn azure_consumption_notes_its_linux_retirement() {
    let c = cost_of(OptionId::AzureFunctions, &plain(1e6, 100.0, 512), &book());
    assert!(
        c.notes
            .iter()
            .any(|n| n.contains("2028-09-30") && n.contains("Flex Consumption")),
        "{:?}",
        c.notes
    );
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
fn azure_premium_bills_every_always_ready_instance() {
    // Microsoft: "You are charged for each instance allocated in the minimum
    // instance count regardless if functions are executing or not." Five
    // always-ready EP1 instances: 5 x 730 h x $0.21605.
    let mut w = plain(1e3, 50.0, 512);
    for (ready, instances) in [(0, 1.0), (1, 1.0), (2, 2.0), (5, 5.0)] {
        w.pricing.provisioned_concurrency = ready;
        let c = cost_of(OptionId::AzureFunctionsPremium, &w, &book());
        assert_usd(c.monthly_usd, instances * 157.7165, &format!("{ready} ready"));
    }
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

// Google API Gateway (cloud.google.com/api-gateway/docs/pricing): 0 to 2M calls
// a month $0, 2M to 1B $3.00 per million, over 1B $1.50 per million, on both
// Cloud Run and Cloud Run functions in front of HTTP work.
#[test]
fn google_api_gateway_tiers_on_both_google_serverless_options() {
    use serverless_advisor::workload::Provider;
    let b = book();
    let mut w = plain(4e7, 120.0, 512);
    w.provider = Provider::Gcp;
    w.triggers = vec![Trigger::HttpApi];
    w.api_gateway = ApiGateway::Http;
    for option in [OptionId::GcpCloudRun, OptionId::GcpCloudFunctions] {
        // 38M billable calls x $3.00/M = $114.
        assert_usd(item(&cost_of(option, &w, &b), "api_gateway"), 114.0, "40M calls");
    }
    // Under the $0 tier: a line of $0, not a missing one.
    w.traffic.monthly_requests = 1.5e6;
    let c = cost_of(OptionId::GcpCloudFunctions, &w, &b);
    assert!(
        c.breakdown
            .iter()
            .any(|l| l.item == "api_gateway" && l.usd == 0.0)
    );
    // Past a billion: 998M x $3.00 + 1B x $1.50 = $4,494.
    w.traffic.monthly_requests = 2e9;
    assert_usd(
        item(&cost_of(OptionId::GcpCloudFunctions, &w, &b), "api_gateway"),
        4494.0,
        "2B calls",
    );
    // REST has no Google counterpart: the same gateway, said so in Google's words.
    w.api_gateway = ApiGateway::Rest;
    let c = cost_of(OptionId::GcpCloudRun, &w, &b);
    assert_usd(item(&c, "api_gateway"), 4494.0, "rest");
    assert!(
        c.notes
            .iter()
            .any(|n| n.contains("REST front door asked for is priced as Google API Gateway"))
    );
    // Its own URL, or work no one calls over HTTP: no gateway.
    w.api_gateway = ApiGateway::NoGateway;
    assert!(
        cost_of(OptionId::GcpCloudRun, &w, &b)
            .breakdown
            .iter()
            .all(|l| l.item != "api_gateway")
    );
    w.api_gateway = ApiGateway::Http;
    w.triggers = vec![Trigger::Queue];
    assert!(
        cost_of(OptionId::GcpCloudFunctions, &w, &b)
            .breakdown
            .iter()
            .all(|l| l.item != "api_gateway")
    );
    // The server side has a load balancer, not the gateway.
    w.triggers = vec![Trigger::HttpApi];
    assert!(
        cost_of(OptionId::GcpComputeEngine, &w, &b)
            .breakdown
            .iter()
            .all(|l| l.item != "api_gateway")
    );
}

// A load balancer as the front door. AWS (Elastic Load Balancing pricing):
// $0.0225 an hour and $0.008 per LCU-hour, where an LCU covers 25 new
// connections a second or, for Lambda targets, 0.4 GB an hour. At 10M
// requests a month of 10 KB (the price book's assumption) and one new
// connection each: 2,777.8 request-per-second-hours x max(1/25, 0.036 GB/0.4)
// = 250 LCU-hours = $2.00, plus 730 h x $0.0225 = $16.425. Google: the
// forwarding rule, 730 h x $0.025 = $18.25, plus 100 GB x $0.008 = $0.80.
#[test]
fn a_load_balancer_in_front_of_the_functions() {
    use serverless_advisor::workload::Provider;
    let b = book();
    let mut w = plain(1e7, 100.0, 512);
    w.triggers = vec![Trigger::HttpApi];
    w.api_gateway = ApiGateway::LoadBalancer;
    let c = cost_of(OptionId::AwsLambda, &w, &b);
    assert_usd(item(&c, "load_balancer"), 18.425, "ALB with Lambda targets");
    assert!(c.breakdown.iter().all(|l| l.item != "api_gateway"));
    // The same load balancer in front of servers covers 1 GB an hour per LCU.
    let ec2 = cost_of(OptionId::AwsEc2, &w, &b);
    assert_usd(
        item(&ec2, "load_balancer"),
        16.425 + 2_777.777_8 * 0.04 * 0.008,
        "ALB with instance targets",
    );
    w.provider = Provider::Gcp;
    for option in [OptionId::GcpCloudFunctions, OptionId::GcpCloudRun] {
        let c = cost_of(option, &w, &b);
        // The forwarding rule's 730 h x $0.025 and 100 GB processed, billed
        // per GiB at $0.008.
        assert_usd(
            item(&c, "load_balancer"),
            18.25 + 1e11 / 1_073_741_824.0 * 0.008,
            "external Application Load Balancer",
        );
        assert!(c.breakdown.iter().all(|l| l.item != "api_gateway"));
    }
}

#[test]
fn the_cost_curves_reach_a_decade_past_the_workloads_volume() {
    use serverless_advisor::cost::{SWEEP_MAX_REQUESTS, SWEEP_MIN_REQUESTS, sweep_range, sweep_volumes};
    // The usual range where the workload sits well inside it: 41 points, five a decade.
    assert_eq!(sweep_range(1.5e8), (SWEEP_MIN_REQUESTS, SWEEP_MAX_REQUESTS));
    assert_eq!(sweep_volumes(1.5e8).len(), 41);
    // A job run 30 times a month is on the chart, from 1 a month, at the same density.
    let (lo, hi) = sweep_range(30.0);
    assert_eq!((lo, hi), (1.0, SWEEP_MAX_REQUESTS));
    let volumes = sweep_volumes(30.0);
    assert_eq!(volumes.len(), 11 * 5 + 1);
    assert!(volumes.first().unwrap() <= &3.0 && (volumes[5] - 10.0).abs() < 1e-9);
    // A busier one than 1e11 widens the top, up to 1e13.
    assert_eq!(sweep_range(5e11), (SWEEP_MIN_REQUESTS, 1e13));
    assert_eq!(sweep_range(1e12), (SWEEP_MIN_REQUESTS, 1e13));
    // Each assessment's curves span its own range, and the break-even stays within 1e3..1e11.
    let b = book();
    let c = common::catalogue();
    for monthly in [30.0, 2e5, 5e11] {
        let mut w = plain(monthly, 100.0, 512);
        w.triggers = vec![serverless_advisor::workload::Trigger::Schedule];
        let a = serverless_advisor::advice::assess(&w, &b, &c);
        let xs = &a.cost_curves.monthly_requests;
        assert!(
            xs[0] <= (monthly / 10.0).clamp(1.0, SWEEP_MIN_REQUESTS) * 1.0001,
            "{monthly}: {}",
            xs[0]
        );
        assert!(*xs.last().unwrap() >= monthly * 10.0 * 0.9999, "{monthly}");
        if let Some(v) = a.break_even.monthly_requests {
            assert!(
                (SWEEP_MIN_REQUESTS..=SWEEP_MAX_REQUESTS).contains(&v),
                "{monthly}: {v}"
            );
        }
    }
}

#[test]
fn the_explorer_sweeps_duration_memory_and_peak_over_their_ranges() {
    use serverless_advisor::advice::explore::{AXIS_POINTS, CurveAxis, sweep_along};
    use serverless_advisor::advice::flip;
    let b = book();
    let rules = serverless_advisor::advice::built_in_rules();
    let w = plain(2e6, 120.0, 512);
    let options = [OptionId::AwsLambda, OptionId::AwsEc2];
    for axis in [CurveAxis::Duration, CurveAxis::Memory, CurveAxis::Peak] {
        let (xs, curves) = sweep_along(&w, &b, rules, &options, axis);
        assert_eq!(xs.len(), AXIS_POINTS, "{axis:?}");
        assert!(xs.windows(2).all(|p| p[0] < p[1]), "{axis:?} ascends");
        assert_eq!(curves.len(), 2);
        // Each point is the option's bill with that one answer changed.
        let answer = flip::answer(match axis {
            CurveAxis::Duration => "execution.avg_duration_ms",
            CurveAxis::Memory => "execution.memory_mb",
            _ => "traffic.peak_to_average",
        })
        .unwrap();
        assert_eq!(
            (xs[0], xs[AXIS_POINTS - 1]),
            (answer.min, answer.max),
            "{axis:?} spans the valid range"
        );
        let i = AXIS_POINTS / 3;
        let moved = answer.set(&w, xs[i]);
        for (option, ys) in &curves {
            assert_usd(
                ys[i],
                cost_of(*option, &moved, &b).monthly_usd,
                &format!("{axis:?} {option:?}"),
            );
        }
    }
    // Lambda bills memory x time: dearer with more of either, while it can run the work.
    for axis in [CurveAxis::Duration, CurveAxis::Memory] {
        let (_, curves) = sweep_along(&w, &b, rules, &[OptionId::AwsLambda], axis);
        let priced: Vec<f64> = curves[0].1.iter().copied().take_while(|y| !y.is_nan()).collect();
        assert!(
            priced.len() > 2 && priced.windows(2).all(|p| p[1] >= p[0] - 1e-9),
            "{axis:?}"
        );
    }
    // Past Lambda's 15-minute limit (the longest job scaled with the average)
    // it has no price: a hard stop takes it off the curve, as on the volume chart.
    let (xs, curves) = sweep_along(&w, &b, rules, &options, CurveAxis::Duration);
    let limit_s = b.aws_lambda.max_duration_s.value;
    for (i, x) in xs.iter().enumerate() {
        let longest_s = w.execution.max_duration_s * x / w.execution.avg_duration_ms;
        assert_eq!(
            curves[0].1[i].is_nan(),
            longest_s > limit_s,
            "Lambda at {x} ms average"
        );
        assert!(!curves[1].1[i].is_nan(), "EC2 has no time limit");
    }
    // The fleet follows the week hour by hour, so the peak moves its bill
    // (each hour rounds up to whole instances): the curve is not flat.
    let (_, curves) = sweep_along(
        &plain(2e8, 120.0, 512),
        &b,
        rules,
        &[OptionId::AwsEc2],
        CurveAxis::Peak,
    );
    let (lo, hi) = curves[0]
        .1
        .iter()
        .fold((f64::INFINITY, 0.0_f64), |(l, h), y| (l.min(*y), h.max(*y)));
    assert!(hi > lo * 1.01, "{:?}", curves[0].1);
}

//! The rest of the bill: internet egress, NAT gateways, public addresses,
//! logs, CORS pre-flights at the front door, and the lines left uncounted.
//! Every expected amount is worked out by hand from the published price
//! (the price book's source for it is named beside each).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::unreadable_literal)]

mod common;

use common::{assert_usd, book, cost_of, item, plain};
use serverless_advisor::cost::profile::Profile;
use serverless_advisor::cost::{OptionId, OptionKind};
use serverless_advisor::workload::{ApiGateway, Provider, Shape, Trigger, Workload};

fn on(provider: Provider, mut w: Workload) -> Workload {
    w.provider = provider;
    w
}

fn http(mut w: Workload, gateway: ApiGateway) -> Workload {
    w.triggers = vec![Trigger::HttpApi];
    w.api_gateway = gateway;
    w
}

fn options_of(provider: Provider) -> Vec<OptionId> {
    OptionId::ALL
        .into_iter()
        .filter(|o| o.provider() == provider)
        .collect()
}

#[test]
fn egress_on_aws_is_tiered_after_the_free_100_gb_on_both_sides() {
    let b = book();
    // 10M requests x 50 KB = 500 GB out, at $0.09/GB (data transfer golden).
    let mut w = plain(1e7, 100.0, 512);
    w.data.response_kb = Some(50.0);
    for option in [OptionId::AwsLambda, OptionId::AwsFargate, OptionId::AwsEc2] {
        assert_usd(item(&cost_of(option, &w, &b), "data_transfer"), 45.0, option.id());
    }
    // Counting free grants: the account's 100 GB a month come off first.
    w.pricing.include_free_tier = true;
    assert_usd(
        item(&cost_of(OptionId::AwsLambda, &w, &b), "data_transfer"),
        36.0,
        "free 100 GB",
    );
    // 20,000 GB: 10,240 at $0.09 and 9,760 at $0.085.
    w.pricing.include_free_tier = false;
    w.traffic.monthly_requests = 2e7;
    w.data.response_kb = Some(1000.0);
    assert_usd(
        item(&cost_of(OptionId::AwsEc2, &w, &b), "data_transfer"),
        10_240.0 * 0.09 + 9_760.0 * 0.085,
        "second tier",
    );
    // None sent out: no line and nothing uncounted.
    w.data.response_kb = Some(0.0);
    let c = cost_of(OptionId::AwsLambda, &w, &b);
    assert!(c.breakdown.iter().all(|l| l.item != "data_transfer"));
    assert!(
        c.not_counted.iter().all(|t| !t.contains("egress")),
        "{:?}",
        c.not_counted
    );
}

#[test]
fn egress_on_google_cloud_is_billed_in_gib_and_on_azure_in_gb() {
    let b = book();
    // 1M x 100 KB = 1e11 bytes = 93.13 GiB at $0.12/GiB (first TiB).
    let mut w = on(Provider::Gcp, plain(1e6, 100.0, 512));
    w.data.response_kb = Some(100.0);
    let gib = 1e11 / 1_073_741_824.0;
    for option in options_of(Provider::Gcp) {
        assert_usd(
            item(&cost_of(option, &w, &b), "data_transfer"),
            gib * 0.12,
            option.id(),
        );
    }
    // Azure: 10M x 50 KB = 500 GB at $0.087, after 100 GB free when counted.
    let mut w = on(Provider::Azure, plain(1e7, 100.0, 512));
    w.data.response_kb = Some(50.0);
    for option in options_of(Provider::Azure) {
        assert_usd(
            item(&cost_of(option, &w, &b), "data_transfer"),
            500.0 * 0.087,
            option.id(),
        );
    }
    w.pricing.include_free_tier = true;
    assert_usd(
        item(&cost_of(OptionId::AzureVm, &w, &b), "data_transfer"),
        400.0 * 0.087,
        "azure free 100 GB",
    );
}

#[test]
fn a_private_network_puts_functions_behind_a_nat_gateway_and_gives_servers_addresses() {
    let b = book();
    // Queue work sending 500 GB a month out, in a private network.
    let mut w = plain(1e7, 100.0, 512);
    w.data.response_kb = Some(50.0);
    w.data.private_network = true;
    // Lambda: two NAT gateways (one per zone) x 730 h x $0.045, each with
    // its Elastic IP at $0.005 an hour (AWS bills every public IPv4 address),
    // plus the 500 GB it sends out processed at $0.045/GB.
    let lambda = cost_of(OptionId::AwsLambda, &w, &b);
    assert_usd(
        item(&lambda, "nat_gateway"),
        2.0 * 730.0 * (0.045 + 0.005) + 500.0 * 0.045,
        "nat",
    );
    assert_usd(item(&lambda, "public_ipv4"), 0.0, "functions hold no address");
    // The data still leaves to the internet: egress is billed as well.
    assert_usd(item(&lambda, "data_transfer"), 45.0, "egress beside the NAT");
    // EC2: no NAT; one address per instance-hour at $0.005. A 100 ms
    // CPU-bound job at 10M a month needs one instance all month.
    let ec2 = cost_of(OptionId::AwsEc2, &w, &b);
    assert_usd(item(&ec2, "nat_gateway"), 0.0, "servers need no NAT");
    assert_usd(item(&ec2, "public_ipv4"), 730.0 * 0.005, "one address all month");
    // Google: Cloud NAT by the instance-hour ($0.0014, one counted), its
    // external address at $0.005 an hour, and $0.045 per GiB processed.
    let g = on(Provider::Gcp, w.clone());
    let gib = 5e11 / 1_073_741_824.0;
    assert_usd(
        item(&cost_of(OptionId::GcpCloudRun, &g, &b), "nat_gateway"),
        730.0 * (0.0014 + 0.005) + gib * 0.045,
        "cloud nat",
    );
    assert_usd(
        item(&cost_of(OptionId::GcpComputeEngine, &g, &b), "public_ipv4"),
        730.0 * 0.005,
        "gce",
    );
    // Azure: one NAT gateway with its static public IP ($3.65 for 730 h in
    // the same golden); the consumption plan cannot join a network.
    let a = on(Provider::Azure, w.clone());
    assert_usd(
        item(&cost_of(OptionId::AzureFlexConsumption, &a, &b), "nat_gateway"),
        730.0 * 0.045 + 3.65 + 500.0 * 0.045,
        "azure nat",
    );
    let consumption = cost_of(OptionId::AzureFunctions, &a, &b);
    assert_usd(item(&consumption, "nat_gateway"), 0.0, "consumption");
    assert!(
        consumption
            .notes
            .iter()
            .any(|n| n.contains("cannot join a virtual network"))
    );
    // Off by default: none of these lines.
    w.data.private_network = false;
    for option in OptionId::ALL {
        let c = cost_of(option, &on(option.provider(), w.clone()), &b);
        assert_usd(
            item(&c, "nat_gateway") + item(&c, "public_ipv4"),
            0.0,
            option.id(),
        );
    }
}

#[test]
fn an_http_api_in_a_private_network_pays_the_nat_hours_and_names_what_it_cannot_price() {
    let b = book();
    let mut w = http(plain(1e6, 100.0, 512), ApiGateway::Http);
    w.data.response_kb = Some(10.0);
    w.data.private_network = true;
    let c = cost_of(OptionId::AwsLambda, &w, &b);
    // Replies leave through the front door: the NAT processes none of them;
    // its hours and its two Elastic IPs are billed.
    assert_usd(
        item(&c, "nat_gateway"),
        2.0 * 730.0 * (0.045 + 0.005),
        "hours only",
    );
    assert!(
        c.not_counted
            .iter()
            .any(|t| t.contains("NAT gateway") && t.contains("not asked")),
        "{:?}",
        c.not_counted
    );
}

#[test]
fn logs_are_priced_per_cloud_with_lambdas_own_tiers() {
    let b = book();
    // 10M x 2 KB = 20 GB: $0.50/GB ingested + $0.03/GB-month for a month kept.
    let mut w = plain(1e7, 100.0, 512);
    w.data.log_kb_per_request = Some(2.0);
    for option in [OptionId::AwsLambda, OptionId::AwsEc2, OptionId::AwsFargate] {
        assert_usd(item(&cost_of(option, &w, &b), "logs"), 20.0 * 0.53, option.id());
    }
    // The free 5 GB come off the ingestion when free grants count, and the
    // free 5 GB-month off the storage ("First 5GB-mo per month of logs
    // storage is free", the AWS bill cited as aws_cloudwatch_free).
    w.pricing.include_free_tier = true;
    assert_usd(
        item(&cost_of(OptionId::AwsLambda, &w, &b), "logs"),
        15.0 * 0.5 + 15.0 * 0.03,
        "free",
    );
    // 20,000 GB: Lambda's own logs cross into the $0.25 tier; a fleet's do not.
    w.pricing.include_free_tier = false;
    w.traffic.monthly_requests = 1e10;
    assert_usd(
        item(&cost_of(OptionId::AwsLambda, &w, &b), "logs"),
        10_240.0 * 0.5 + 9_760.0 * 0.25 + 20_000.0 * 0.03,
        "lambda tiers",
    );
    assert_usd(
        item(&cost_of(OptionId::AwsEc2, &w, &b), "logs"),
        20_000.0 * 0.53,
        "ec2 flat",
    );
    // Google: $0.50/GiB, 30 days stored at no charge, 50 GiB free a project.
    let mut g = on(Provider::Gcp, plain(1e8, 100.0, 512));
    g.data.log_kb_per_request = Some(1.0);
    let gib = 1e11 / 1_073_741_824.0;
    assert_usd(
        item(&cost_of(OptionId::GcpCloudRun, &g, &b), "logs"),
        gib * 0.5,
        "cloud logging",
    );
    g.pricing.include_free_tier = true;
    assert_usd(
        item(&cost_of(OptionId::GcpComputeEngine, &g, &b), "logs"),
        (gib - 50.0) * 0.5,
        "cloud logging free",
    );
    // Azure: Log Analytics $2.30/GB, 31 days kept at no charge, 5 GB free.
    let mut a = on(Provider::Azure, plain(1e7, 100.0, 512));
    a.data.log_kb_per_request = Some(1.0);
    assert_usd(
        item(&cost_of(OptionId::AzureFlexConsumption, &a, &b), "logs"),
        23.0,
        "log analytics",
    );
    a.pricing.include_free_tier = true;
    assert_usd(
        item(&cost_of(OptionId::AzureVm, &a, &b), "logs"),
        11.5,
        "log analytics free",
    );
}

#[test]
fn cors_preflights_double_the_front_doors_calls_and_reach_code_only_where_nothing_answers_them() {
    let b = book();
    // AWS HTTP API at $1.00/M: 10M calls become 20M; API Gateway answers
    // the pre-flights, so Lambda's request fee stays at 10M x $0.20/M.
    let mut w = http(plain(1e7, 100.0, 512), ApiGateway::Http);
    let before = cost_of(OptionId::AwsLambda, &w, &b);
    w.traffic.cors_preflight = true;
    let after = cost_of(OptionId::AwsLambda, &w, &b);
    assert_usd(item(&before, "api_gateway"), 10.0, "10M calls");
    assert_usd(item(&after, "api_gateway"), 20.0, "20M calls");
    assert_usd(
        item(&after, "requests"),
        item(&before, "requests"),
        "lambda requests",
    );
    // An ALB passes them to the function: twice the invocations.
    w.api_gateway = ApiGateway::LoadBalancer;
    assert_usd(
        item(&cost_of(OptionId::AwsLambda, &w, &b), "requests"),
        4.0,
        "alb invocations",
    );
    // Google API Gateway: 20M calls, the first 2M at $0, then $3.00/M.
    let g = on(Provider::Gcp, http(w.clone(), ApiGateway::Http));
    assert_usd(
        item(&cost_of(OptionId::GcpCloudRun, &g, &b), "api_gateway"),
        54.0,
        "google gateway",
    );
    // API Management: 20M calls, the first million at $0, then $3.50/M.
    let a = on(Provider::Azure, http(w.clone(), ApiGateway::Http));
    assert_usd(
        item(&cost_of(OptionId::AzureFlexConsumption, &a, &b), "api_gateway"),
        19.0 * 3.5,
        "api management",
    );
    // Work nobody calls from a browser has no pre-flights.
    let mut q = plain(1e7, 100.0, 512);
    q.traffic.cors_preflight = true;
    assert_usd(
        item(&cost_of(OptionId::AwsLambda, &q, &b), "requests"),
        2.0,
        "queue",
    );
}

#[test]
fn api_management_and_application_gateway_are_azures_priced_front_doors() {
    let b = book();
    let w = on(Provider::Azure, http(plain(1e7, 100.0, 512), ApiGateway::Http));
    for option in options_of(Provider::Azure) {
        let c = cost_of(option, &w, &b);
        if option.kind() == OptionKind::Server {
            assert_usd(item(&c, "api_gateway"), 0.0, option.id());
        } else {
            // 9M billable calls x $3.50/M.
            assert_usd(item(&c, "api_gateway"), 31.5, option.id());
        }
    }
    // Application Gateway Standard_v2 (Microsoft Learn, "Understanding
    // pricing for Azure Application Gateway"): $0.246 a gateway-hour plus
    // $0.008 a capacity-unit-hour, a unit covering 50 new connections a
    // second or 2.22 Mbps, a load under one unit billed as one (its example
    // 3a), and the gateway's public IPv4 address apart ($0.005 an hour,
    // $3.65 a month). With the book's assumptions (a new connection and
    // 10 KB a request), one request a second needs max(1/50, 0.08/2.22) =
    // 0.036 units. A flat week of 730 hours:
    // - 10M a month is 3.8 requests a second, 0.14 units: one unit every
    //   hour, $179.58 + $5.84 + $3.65;
    // - 1,000M is 380.5 a second, 13.71 units: $179.58 + $80.08 + $3.65;
    // - 10,000M is 3,805 a second, 137.1 units: $179.58 + $800.80 + $3.65.
    for (volume, expected) in [(1e7, 189.07), (1e9, 263.31), (1e10, 984.03)] {
        let lb = on(
            Provider::Azure,
            http(plain(volume, 100.0, 512), ApiGateway::LoadBalancer),
        );
        for option in options_of(Provider::Azure)
            .into_iter()
            .filter(|o| o.kind() != OptionKind::Server)
        {
            let c = cost_of(option, &lb, &b);
            assert_usd(
                item(&c, "load_balancer"),
                expected,
                &format!("{} at {volume}", option.id()),
            );
            assert!(c.breakdown.iter().all(|l| l.item != "api_gateway"));
            assert!(
                c.not_counted.iter().all(|t| !t.contains("Application Gateway")),
                "{:?}",
                c.not_counted
            );
        }
    }
    // Idle hours bill no units: business hours peaking at 6x the average
    // leave nights and weekends idle (the busiest hour, 10M x 6 / 730 / 3,600
    // = 23 a second, is under one unit).
    let mut office = on(
        Provider::Azure,
        http(plain(1e7, 100.0, 512), ApiGateway::LoadBalancer),
    );
    office.traffic.shape = Shape::BusinessHours;
    office.traffic.peak_to_average = Some(6.0);
    let busy = Profile::new(Shape::BusinessHours, office.peak_to_average()).busy_hours;
    assert_eq!(busy, 50, "ten hours on five days");
    let c = cost_of(OptionId::AzureFlexConsumption, &office, &b);
    assert_usd(
        item(&c, "load_balancer"),
        179.58 + busy as f64 * 730.0 / 168.0 * 0.008 + 3.65,
        "business hours",
    );
    // Held connections count toward its units too, and their number is not
    // asked: named as not counted rather than priced as none.
    let mut chat = on(
        Provider::Azure,
        http(plain(1e7, 100.0, 512), ApiGateway::LoadBalancer),
    );
    chat.state = serverless_advisor::workload::State::LongLivedConnections;
    let c = cost_of(OptionId::AzureContainerApps, &chat, &b);
    assert!(
        c.not_counted
            .iter()
            .any(|t| t.contains("2,500 persistent connections")),
        "{:?}",
        c.not_counted
    );
    // A book without it lists the front door as not counted.
    let mut bare = b.clone();
    bare.azure_application_gateway = None;
    let lb = on(
        Provider::Azure,
        http(plain(1e7, 100.0, 512), ApiGateway::LoadBalancer),
    );
    let c = cost_of(OptionId::AzureContainerApps, &lb, &bare);
    assert!(
        c.not_counted.iter().any(|t| t.contains("Application Gateway")),
        "{:?}",
        c.not_counted
    );
    assert_usd(item(&c, "load_balancer"), 0.0, "unpriced");
}

#[test]
fn lines_not_given_are_listed_as_not_counted_never_shown_as_zero() {
    let b = book();
    let w = plain(1e7, 100.0, 512);
    for option in OptionId::ALL {
        let c = cost_of(option, &on(option.provider(), w.clone()), &b);
        assert!(
            c.not_counted.iter().any(|t| t.contains("egress")),
            "{}",
            option.id()
        );
        assert!(
            c.not_counted.iter().any(|t| t.starts_with("Logs")),
            "{}",
            option.id()
        );
        assert!(
            c.breakdown
                .iter()
                .all(|l| l.item != "data_transfer" && l.item != "logs"),
            "{}",
            option.id()
        );
    }
    let mut given = w.clone();
    given.data.response_kb = Some(1.0);
    given.data.log_kb_per_request = Some(1.0);
    let c = cost_of(OptionId::AwsLambda, &given, &b);
    assert!(c.not_counted.is_empty(), "{:?}", c.not_counted);
}

#[test]
fn a_nat_gateway_can_decide_a_small_function_in_a_private_network() {
    // A small internal job: 1M runs of 200 ms in a private network. On its
    // own Lambda is a few dollars; the two NAT gateways and their addresses ($73.00) make the
    // single instance with its own address cheaper.
    let b = book();
    let mut w = plain(1e6, 200.0, 512);
    w.data.response_kb = Some(1.0);
    let lambda = cost_of(OptionId::AwsLambda, &w, &b).monthly_usd;
    let ec2 = cost_of(OptionId::AwsEc2, &w, &b).monthly_usd;
    assert!(
        lambda < ec2,
        "without a private network Lambda is cheaper: {lambda} vs {ec2}"
    );
    w.data.private_network = true;
    let lambda = cost_of(OptionId::AwsLambda, &w, &b).monthly_usd;
    let ec2 = cost_of(OptionId::AwsEc2, &w, &b).monthly_usd;
    assert!(
        ec2 < lambda,
        "in a private network the NAT makes EC2 cheaper: {lambda} vs {ec2}"
    );
}

#[test]
fn a_load_balancer_processes_the_responses_size_when_it_is_given() {
    let b = book();
    // 20M requests a month answering 100 KB each through an ALB to Lambda:
    // 2,000 GB processed, 2.74 GB an hour. A capacity unit covers 0.4 GB an
    // hour for Lambda targets (1 GB for instances), so 6.85 units x 730 h
    // x $0.008, plus 730 h x $0.0225 (Elastic Load Balancing pricing:
    // "Processed bytes: the number of bytes processed by the load balancer").
    let mut w = http(plain(2e7, 200.0, 512), ApiGateway::LoadBalancer);
    w.data.response_kb = Some(100.0);
    let gb_hour = 2e7 * 100.0 * 1000.0 / 1e9 / 730.0;
    let lambda = cost_of(OptionId::AwsLambda, &w, &b);
    assert_usd(
        item(&lambda, "load_balancer"),
        730.0 * 0.0225 + gb_hour / 0.4 * 730.0 * 0.008,
        "alb to lambda",
    );
    let ec2 = cost_of(OptionId::AwsEc2, &w, &b);
    assert_usd(
        item(&ec2, "load_balancer"),
        730.0 * 0.0225 + gb_hour * 730.0 * 0.008,
        "alb to instances",
    );
    // Not given: the book's assumption per request, as before.
    let assumed = b.assumptions.kb_per_request;
    w.data.response_kb = Some(assumed);
    let given = item(&cost_of(OptionId::AwsEc2, &w, &b), "load_balancer");
    w.data.response_kb = None;
    assert_usd(
        item(&cost_of(OptionId::AwsEc2, &w, &b), "load_balancer"),
        given,
        "the assumption when not given",
    );
    // Google's load balancer bills the same bytes per GiB processed.
    let mut g = on(Provider::Gcp, w.clone());
    let none = item(&cost_of(OptionId::GcpComputeEngine, &g, &b), "load_balancer");
    g.data.response_kb = Some(10.0 * assumed);
    assert!(
        item(&cost_of(OptionId::GcpComputeEngine, &g, &b), "load_balancer") > none,
        "Google's per-GiB charge follows the responses' size"
    );
    // 20M x 100 KB = 2e12 bytes = 1,862.6 GiB at $0.008 per GiB, beside
    // the forwarding rule's 730 h x $0.025 (Cloud Load Balancing pricing).
    g.data.response_kb = Some(100.0);
    assert_usd(
        item(&cost_of(OptionId::GcpComputeEngine, &g, &b), "load_balancer"),
        730.0 * 0.025 + 2e12 / 1_073_741_824.0 * 0.008,
        "google per GiB",
    );
}

#[test]
fn cloud_run_functions_bill_the_vcpu_google_gives_each_memory_tier() {
    let b = book();
    // Google's memory and vCPU table: 4 GiB gets 2 vCPU when only memory is
    // set. 3M requests of 180 ms billed in 100 ms steps: 600,000 s x
    // (2 x $0.000024 + 4 x $0.0000025), free grants off.
    let mut w = on(Provider::Gcp, plain(3e6, 180.0, 4096));
    w.pricing.include_free_tier = false;
    w.execution.concurrency_per_instance = Some(1);
    let c = cost_of(OptionId::GcpCloudFunctions, &w, &b);
    assert_usd(
        item(&c, "duration"),
        600_000.0 * (2.0 * 0.000024 + 4.0 * 0.0000025),
        "4 GiB at 2 vCPU",
    );
    let tiers: Vec<(u32, f64)> = b
        .gcp_cloud_functions
        .memory_sizes
        .iter()
        .map(|s| (s.memory_mb, s.cpu))
        .collect();
    assert_eq!(
        tiers,
        vec![
            (128, 0.083),
            (256, 0.167),
            (512, 0.333),
            (1024, 0.583),
            (2048, 1.0),
            (4096, 2.0),
            (8192, 2.0),
            (16384, 4.0),
            (32768, 8.0)
        ],
        "the tiers of Google's table, no others"
    );
}

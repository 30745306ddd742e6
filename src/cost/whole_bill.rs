//! The rest of the bill beside compute and the front door: internet egress,
//! a NAT gateway or public IPv4 addresses in a private network, and logs.
//! Each line is priced only from answers the workload gives; a line the
//! answers cannot price is listed as not counted, never shown as $0.

use super::{Bill, CostInput, OptionId, OptionKind, count, line, money};
use crate::pricing::{CloudLogs, CloudNetwork, GB};
use crate::workload::{ApiGateway, Provider, Workload};

/// Bytes in a KB as the workload gives sizes (1,000).
const KB: f64 = 1000.0;

fn unit_name(bytes_per_unit: f64) -> &'static str {
    if bytes_per_unit == GB { "GB" } else { "GiB" }
}

/// Whether browsers' CORS pre-flights double the calls the front door sees.
#[must_use]
pub fn preflights(w: &Workload) -> bool {
    w.traffic.cors_preflight && w.is_http()
}

/// The calls an HTTP front door bills for `n` requests: each pre-flighted
/// call is two (the OPTIONS request and the call itself).
#[must_use]
pub fn front_door_calls(w: &Workload, n: f64) -> f64 {
    if preflights(w) { 2.0 * n } else { n }
}

/// Whether the OPTIONS pre-flights reach the option's code (so it bills them
/// as requests) rather than being answered by the front door in front of it.
/// AWS's API Gateway answers them when CORS is configured, and a Lambda
/// function URL's CORS settings answer them; an Application Load Balancer
/// has no CORS of its own and passes them on. Google API Gateway and the
/// load balancer pass them to Cloud Run, which has no CORS of its own. On
/// Azure, API Management's CORS policy and the Functions platform's CORS
/// settings answer them; Container Apps' ingress CORS policy does too.
#[must_use]
pub fn preflights_reach_code(option: OptionId, w: &Workload) -> bool {
    if !preflights(w) {
        return false;
    }
    match option {
        OptionId::AwsLambda => w.api_gateway == ApiGateway::LoadBalancer,
        OptionId::GcpCloudRun | OptionId::GcpCloudFunctions => true,
        _ => false,
    }
}

/// The requests the option's own request fee counts: the workload's, plus
/// the pre-flights that reach its code.
#[must_use]
pub fn code_requests(option: OptionId, w: &Workload, n: f64) -> f64 {
    if preflights_reach_code(option, w) {
        2.0 * n
    } else {
        n
    }
}

/// Whether the option's compute holds public addresses of its own (servers
/// and Fargate tasks) rather than reaching the internet through a NAT gateway.
fn holds_addresses(option: OptionId) -> bool {
    option.kind() == OptionKind::Server || option == OptionId::AwsFargate
}

/// Adds the egress, NAT or public address, and log lines to an option's bill.
/// `instance_hours` is the month's server or task hours, for public addresses.
pub(super) fn add(option: OptionId, input: &CostInput<'_>, bill: &mut Bill) {
    let provider = option.provider();
    let network = input.book.network.as_ref().map(|n| n.of(provider));
    let egress_units = egress(option, input, bill, network);
    if input.workload.data.private_network {
        private_network(option, input, bill, network, egress_units);
    }
    logs(
        option,
        input,
        bill,
        input.book.logs.as_ref().map(|l| l.of(provider)),
    );
}

/// Internet egress; returns the month's units sent out, when known.
fn egress(
    option: OptionId,
    input: &CostInput<'_>,
    bill: &mut Bill,
    network: Option<&CloudNetwork>,
) -> Option<f64> {
    let w = input.workload;
    let Some(kb) = w.data.response_kb else {
        bill.not_counted(|| {
            "Internet egress: the data each request sends out is not given (Data sent out per request prices it).".into()
        });
        return None;
    };
    let Some(net) = network else {
        bill.not_counted(|| {
            "Internet egress: the price book has no data-transfer prices for this cloud.".into()
        });
        return None;
    };
    let n = input.monthly_requests.max(0.0);
    let units = n * kb * KB / net.bytes_per_unit;
    if units <= 0.0 {
        return Some(0.0);
    }
    let free = if w.pricing.include_free_tier {
        net.egress_free_units.value
    } else {
        0.0
    };
    let billable = (units - free).max(0.0);
    let usd = net.egress_per_unit.cost(billable, 1.0);
    let unit = unit_name(net.bytes_per_unit);
    bill.add(line(input, "data_transfer", usd, || {
        format!(
            "{} requests x {kb} KB = {:.1} {unit} out to the internet{}, at {}'s tiers from ${}/{unit}",
            count(n),
            units,
            if free > 0.0 {
                format!(", after the account's {} {unit} a month free", count(free))
            } else {
                String::new()
            },
            provider_name(option.provider()),
            net.egress_per_unit.first_price(1.0)
        )
    }));
    Some(units)
}

fn provider_name(provider: Provider) -> &'static str {
    match provider {
        Provider::Aws => "AWS",
        Provider::Gcp => "Google Cloud",
        Provider::Azure => "Azure",
    }
}

/// In a private network: servers and tasks hold a public IPv4 address each;
/// functions and serverless containers reach the internet through a NAT gateway.
fn private_network(
    option: OptionId,
    input: &CostInput<'_>,
    bill: &mut Bill,
    network: Option<&CloudNetwork>,
    egress_units: Option<f64>,
) {
    let w = input.workload;
    let Some(net) = network else {
        bill.not_counted(|| {
            "The private network: the price book has no NAT or address prices for this cloud.".into()
        });
        return;
    };
    if holds_addresses(option) {
        let hours = bill.instance_hours;
        if hours > 0.0 {
            let usd = hours * net.public_ipv4_per_hour.value;
            bill.add(line(input, "public_ipv4", usd, || {
                format!(
                    "{} instance-hours x ${}/h, one public IPv4 address per {}",
                    count(hours),
                    net.public_ipv4_per_hour.value,
                    if option == OptionId::AwsFargate {
                        "task"
                    } else {
                        "instance"
                    }
                )
            }));
        }
        return;
    }
    if option == OptionId::AzureFunctions {
        bill.note(|| {
            "The consumption plan cannot join a virtual network, so it cannot run in a private network: Flex Consumption and premium can.".into()
        });
        return;
    }
    let hours = input.book.hours_per_month;
    let gateways = net.nat_gateways.value;
    // Each gateway sends from a public IPv4 address of its own, billed at the
    // cloud's address price: an Elastic IP on AWS, which bills every public
    // IPv4 address by the hour (https://aws.amazon.com/vpc/pricing/),
    // a public IP on Azure (the NAT gateway's own source prices it), a
    // static regional external address on Google Cloud
    // (https://docs.cloud.google.com/nat/docs/ports-and-addresses).
    let gateway_hours = gateways * hours;
    let addresses = gateway_hours * net.public_ipv4_per_hour.value;
    let fixed = gateway_hours * net.nat_per_hour.value + addresses;
    // Replies to HTTP callers leave through the front door, not the NAT; the
    // output of queue, schedule and stream work goes out through it.
    let through = if w.is_http() {
        0.0
    } else {
        egress_units.unwrap_or(0.0)
    };
    let processed = through * net.nat_per_unit.value;
    let unit = unit_name(net.bytes_per_unit);
    bill.add(line(input, "nat_gateway", fixed + processed, || {
        format!(
            "{}: {gateways} x {hours} h x ${}/h ({}) + one public IPv4 address each, {gateways} x {hours} h x ${}/h ({}) + {through:.1} {unit} processed x ${}/{unit} ({})",
            net.nat_name,
            net.nat_per_hour.value,
            money(gateway_hours * net.nat_per_hour.value),
            net.public_ipv4_per_hour.value,
            money(addresses),
            net.nat_per_unit.value,
            money(processed)
        )
    }));
    if w.is_http() {
        bill.not_counted(|| {
            format!(
                "Data the code itself sends to the internet through the {} (calls to outside services) is not asked, so its per-{unit} charge is not counted; replies to callers leave through the front door.",
                net.nat_name
            )
        });
    } else if egress_units.is_none() {
        bill.not_counted(|| {
            format!(
                "Data through the {}: the data each request sends out is not given, so its per-{unit} charge is not counted.",
                net.nat_name
            )
        });
    }
}

fn logs(option: OptionId, input: &CostInput<'_>, bill: &mut Bill, logs: Option<&CloudLogs>) {
    let w = input.workload;
    let Some(kb) = w.data.log_kb_per_request else {
        bill.not_counted(|| {
            "Logs: the log written per request is not given (Log written per request prices it).".into()
        });
        return;
    };
    let Some(l) = logs else {
        bill.not_counted(|| "Logs: the price book has no log prices for this cloud.".into());
        return;
    };
    let n = input.monthly_requests.max(0.0);
    let units = n * kb * KB / l.bytes_per_unit;
    if units <= 0.0 {
        return;
    }
    let free = if w.pricing.include_free_tier {
        l.free_units.value
    } else {
        0.0
    };
    let tiers = if option.kind() == OptionKind::Function {
        &l.function_ingest_per_unit
    } else {
        &l.ingest_per_unit
    };
    let billable = (units - free).max(0.0);
    let ingest = tiers.cost(billable, 1.0);
    // The free allowance covers storage as well where storage is billed
    // (CloudWatch Logs: the first 5 GB-month of storage is free too).
    let stored = units * l.retention_months;
    let billed_stored = (stored - free).max(0.0);
    let storage = billed_stored * l.storage_per_unit_month.value;
    let unit = unit_name(l.bytes_per_unit);
    bill.add(line(input, "logs", ingest + storage, || {
        format!(
            "{}: {} requests x {kb} KB = {:.1} {unit} ingested{} ({}){}",
            l.name,
            count(n),
            units,
            if free > 0.0 {
                format!(", after {} {unit} a month free", count(free))
            } else {
                String::new()
            },
            money(ingest),
            if storage > 0.0 {
                format!(
                    " + {billed_stored:.1} {unit}-months stored ({} kept{}) x ${}/{unit}-month ({})",
                    if l.retention_months == 1.0 {
                        "one month".to_owned()
                    } else {
                        format!("{} months", l.retention_months)
                    },
                    if free > 0.0 {
                        format!(", after {} {unit}-months free", count(free))
                    } else {
                        String::new()
                    },
                    l.storage_per_unit_month.value,
                    money(storage)
                )
            } else {
                String::new()
            }
        )
    }));
}

/// What every option leaves out on purpose: the parts of the system that
/// cost the same whichever side runs the code.
#[must_use]
pub fn left_out_on_purpose(w: &Workload) -> Vec<String> {
    let mut out = vec![
        "The database, queues and object storage the code uses: they cost the same whichever side runs it."
            .to_owned(),
    ];
    out.push(if w.is_http() {
        "DNS, certificates, a CDN and monitoring dashboards: the same on both sides.".to_owned()
    } else {
        "DNS, certificates and monitoring dashboards: the same on both sides.".to_owned()
    });
    out
}

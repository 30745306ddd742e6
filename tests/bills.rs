//! Every sample's bill, on each of the three clouds, to the cent: a new
//! answer at its default must leave every existing bill as it was.
//!
//! `tests/golden/bills.tsv` holds one row per sample, cloud, option and line
//! (`total` for the option's total). It was written before the whole-bill
//! lines (data transfer, NAT, public addresses, logs, pre-flights) existed,
//! so it proves they add nothing at their defaults. After an intended change
//! to a billing rule, rewrite it and review the diff:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test --test bills
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fmt::Write as _;
use std::path::PathBuf;

use common::{book, samples};
use serverless_advisor::cost::{Profile, all_costs};
use serverless_advisor::workload::{ApiGateway, Provider};

fn bills() -> String {
    let book = book();
    let mut out = String::from("sample\tcloud\toption\tline\tusd\n");
    for (stem, sample) in samples() {
        for (provider, gateway) in [Provider::Aws, Provider::Gcp, Provider::Azure]
            .into_iter()
            .flat_map(|p| ApiGateway::ALL.iter().map(move |g| (p, *g)))
        {
            let mut w = sample.clone();
            w.provider = provider;
            w.api_gateway = gateway;
            let profile = Profile::new(w.traffic.shape, w.peak_to_average());
            for cost in all_costs(&w, &book, &profile) {
                let id = cost.option.id();
                let cloud = format!("{provider:?}/{gateway:?}");
                writeln!(out, "{stem}\t{cloud}\t{id}\ttotal\t{:.2}", cost.monthly_usd).unwrap();
                for line in &cost.breakdown {
                    writeln!(out, "{stem}\t{cloud}\t{id}\t{}\t{:.2}", line.item, line.usd).unwrap();
                }
            }
        }
    }
    out
}

#[test]
fn every_sample_bill_is_unchanged_to_the_cent() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/bills.tsv");
    let now = bills();
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &now).unwrap();
        return;
    }
    let golden = std::fs::read_to_string(&path).expect("tests/golden/bills.tsv (UPDATE_GOLDEN=1 writes it)");
    let differences: Vec<String> = golden
        .lines()
        .zip(now.lines())
        .filter(|(g, n)| g != n)
        .map(|(g, n)| format!("  golden: {g}\n  now:    {n}"))
        .take(20)
        .collect();
    assert!(
        differences.is_empty() && golden.lines().count() == now.lines().count(),
        "bills differ from tests/golden/bills.tsv ({} lines there, {} now):\n{}",
        golden.lines().count(),
        now.lines().count(),
        differences.join("\n")
    );
}

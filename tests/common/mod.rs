//! Shared helpers for the integration tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::unreadable_literal,
    clippy::items_after_statements
)]

use serverless_advisor::catalogue::Catalogue;
use serverless_advisor::cost::{CostInput, OptionCost, OptionId, Profile, option_cost};
use serverless_advisor::pricing::PriceBook;
use serverless_advisor::workload::{ApiGateway, Shape, Trigger, Workload};

pub fn book() -> PriceBook {
    PriceBook::built_in().unwrap_or_else(|e| panic!("built-in price book: {e}"))
}

pub fn catalogue() -> Catalogue {
    Catalogue::built_in().unwrap_or_else(|e| panic!("built-in catalogue: {e}"))
}

/// A queue-triggered workload (no gateway, no load balancer) with a flat profile.
pub fn plain(monthly_requests: f64, avg_ms: f64, memory_mb: u32) -> Workload {
    let mut w = Workload {
        name: "test".into(),
        ..Workload::default()
    };
    w.traffic.monthly_requests = monthly_requests;
    w.traffic.shape = Shape::Steady;
    w.traffic.peak_to_average = Some(1.0);
    w.execution.avg_duration_ms = avg_ms;
    w.execution.p99_duration_ms = avg_ms * 4.0;
    w.execution.max_duration_s = avg_ms * 4.0 / 1000.0;
    w.execution.memory_mb = memory_mb;
    w.execution.cpu_bound = true;
    w.triggers = vec![Trigger::Queue];
    w.api_gateway = ApiGateway::NoGateway;
    w
}

pub fn cost_of(option: OptionId, w: &Workload, book: &PriceBook) -> OptionCost {
    let profile = Profile::new(w.traffic.shape, w.peak_to_average());
    option_cost(
        option,
        &CostInput {
            workload: w,
            book,
            profile: &profile,
            monthly_requests: w.traffic.monthly_requests,
            detailed: true,
            memo: None,
            bound: false,
        },
    )
}

pub fn assert_usd(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= 0.005 + expected.abs() * 1e-6,
        "{what}: got {actual}, expected {expected}"
    );
}

pub fn item(cost: &OptionCost, name: &str) -> f64 {
    serverless_advisor::cost::item_usd(cost, name)
}

/// Every sample workload in assets/workloads/, as (file stem, workload), sorted by stem.
pub fn samples() -> Vec<(String, Workload)> {
    let b = book();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/workloads");
    let mut out: Vec<(String, Workload)> = std::fs::read_dir(&dir)
        .expect("assets/workloads")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| {
            let stem = p.file_stem().expect("stem").to_string_lossy().into_owned();
            let w = Workload::load(&p, &b).unwrap_or_else(|e| panic!("{e}"));
            (stem, w)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!out.is_empty(), "no samples in {}", dir.display());
    out
}

/// The monthly total of one option at another volume, everything else held fixed.
pub fn usd_at(
    option: OptionId,
    w: &Workload,
    book: &PriceBook,
    profile: &Profile,
    monthly_requests: f64,
) -> f64 {
    serverless_advisor::cost::monthly_usd(
        option,
        &CostInput {
            workload: w,
            book,
            profile,
            monthly_requests,
            detailed: false,
            memo: None,
            bound: false,
        },
    )
}

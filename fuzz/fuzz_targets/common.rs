//! What every target checks once a loader accepts its input: the assessment
#![allow(dead_code)] // Each target uses a part.
//! and every report writer finish, and the numbers are finite and in range.

use serverless_advisor::advice::{Assessment, assess};
use serverless_advisor::catalogue::Catalogue;
use serverless_advisor::pricing::PriceBook;
use serverless_advisor::report;
use serverless_advisor::workload::Workload;

pub fn built_in_book() -> &'static PriceBook {
    static BOOK: std::sync::OnceLock<PriceBook> = std::sync::OnceLock::new();
    BOOK.get_or_init(|| PriceBook::built_in().expect("built-in price book"))
}

pub fn built_in_catalogue() -> &'static Catalogue {
    static CATALOGUE: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue::built_in().expect("built-in catalogue"))
}

/// Assesses and writes every report; panics (a finding) on a bad number.
pub fn assess_and_report(w: &Workload, book: &PriceBook, catalogue: &Catalogue) -> Assessment {
    let a = assess(w, book, catalogue);
    for c in &a.costs {
        assert!(c.monthly_usd.is_finite() && c.monthly_usd >= 0.0, "{:?}: {}", c.option, c.monthly_usd);
        for line in &c.breakdown {
            assert!(line.usd.is_finite() && line.usd >= 0.0, "{:?} {}: {}", c.option, line.item, line.usd);
        }
    }
    assert!((0.0..=1.0).contains(&a.confidence), "confidence {}", a.confidence);
    assert!((0.0..=100.0).contains(&a.scores.serverless), "{:?}", a.scores);
    assert!((0.0..=100.0).contains(&a.scores.traditional), "{:?}", a.scores);
    assert!((0.0..=1.0).contains(&a.cold_start.fraction_of_requests));
    for (_, curve) in &a.cost_curves.curves {
        assert!(curve.iter().all(|v| v.is_finite() && *v >= 0.0), "sweep {curve:?}");
    }
    report::to_json(&a).expect("JSON report");
    let _ = report::to_markdown(&a, catalogue, book);
    let _ = report::to_html(&a, catalogue, book);
    a
}

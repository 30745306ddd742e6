//! docs/report.schema.json describes every JSON report: each sample on each
//! cloud, with the answers that add keys (a move, people's time, a
//! commitment), validates against it, and a report it should refuse is refused.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{book, catalogue, samples};
use serverless_advisor::advice::assess;
use serverless_advisor::report;
use serverless_advisor::workload::{Commitment, Current, Provider};

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string("docs/report.schema.json").expect("docs/report.schema.json");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("a valid draft 2020-12 schema")
}

fn problems(v: &jsonschema::Validator, json: &serde_json::Value) -> Vec<String> {
    v.iter_errors(json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn every_exported_json_report_validates_against_the_schema() {
    let v = validator();
    let (b, c) = (book(), catalogue());
    let mut checked = 0;
    for (stem, w) in samples() {
        for provider in Provider::ALL {
            for variant in 0..3 {
                let mut w = w.clone();
                w.provider = *provider;
                match variant {
                    1 => {
                        w.migration.current = Current::Servers;
                        w.migration.effort_days = 20.0;
                        w.migration.engineer_day_usd = 650.0;
                    }
                    2 => {
                        w.pricing.commitment = Commitment::ThreeYear;
                        w.pricing.spot = true;
                        w.pricing.negotiated_discount = 0.1;
                    }
                    _ => {}
                }
                let text = report::to_json(&assess(&w, &b, &c)).unwrap();
                let json: serde_json::Value = serde_json::from_str(&text).unwrap();
                let found = problems(&v, &json);
                assert!(
                    found.is_empty(),
                    "{stem} on {provider:?}, variant {variant}: {found:#?}"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, samples().len() * 9);
}

#[test]
fn the_schema_refuses_what_is_not_a_report() {
    let v = validator();
    let w = &samples()[0].1;
    let text = report::to_json(&assess(w, &book(), &catalogue())).unwrap();
    let good: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(problems(&v, &good).is_empty());
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("verdict");
    assert!(!problems(&v, &missing).is_empty(), "a report without its verdict");
    let mut unknown = good.clone();
    unknown["costs"][0]["option"] = serde_json::json!("aws_mainframe");
    assert!(
        !problems(&v, &unknown).is_empty(),
        "an option id that does not exist"
    );
    let mut extra = good;
    extra["surprise"] = serde_json::json!(1);
    assert!(
        !problems(&v, &extra).is_empty(),
        "a key the schema does not describe"
    );
}

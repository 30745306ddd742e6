//! The price book: the built-in one is valid and sourced; a broken one is
//! refused with file, line, column, field and value.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::unreadable_literal,
    clippy::items_after_statements
)]

use serverless_advisor::pricing::{BUILT_IN, PriceBook};
use serverless_advisor::workload::{Commitment, Provider};

fn with(replace: &str, by: &str) -> String {
    assert!(
        BUILT_IN.contains(replace),
        "fixture text {replace:?} not in the book"
    );
    BUILT_IN.replacen(replace, by, 1)
}

fn first_problem(text: &str) -> serverless_advisor::source::FileError {
    let err = PriceBook::from_ron(text, "prices.ron").expect_err("must be refused");
    err.problems()
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("no problems in {err}"))
}

#[test]
fn built_in_book_is_valid_and_dated() {
    let book = PriceBook::built_in().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(book.hours_per_month, 730.0);
    assert_eq!(book.compiled_on, "2026-12-08");
    let (from, to) = book.read_range();
    assert!(from.as_str() <= to.as_str());
    assert!(from.starts_with("20"), "{from}");
    // The facts the cost tests rely on.
    assert_eq!(book.aws_lambda.requests_per_million.value, 0.20);
    assert_eq!(book.instance("t3.medium").map(|i| i.per_hour.value), Some(0.0416));
    assert_eq!(book.aws_lambda.max_duration_s.value, 900.0);
}

#[test]
fn every_price_names_a_known_source() {
    let book = PriceBook::built_in().unwrap_or_else(|e| panic!("{e}"));
    let tree = serde_json::to_value(&book).expect("json");
    let mut count = 0;
    fn walk(v: &serde_json::Value, book: &PriceBook, count: &mut usize) {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(_), Some(src)) = (m.get("value"), m.get("source")) {
                    *count += 1;
                    let id = src.as_str().expect("source id");
                    let source = book
                        .sources
                        .get(id)
                        .unwrap_or_else(|| panic!("unknown source {id}"));
                    assert!(!source.url.is_empty() && source.read_on.len() == 10);
                }
                m.values().for_each(|c| walk(c, book, count));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|c| walk(c, book, count)),
            _ => {}
        }
    }
    walk(&tree, &book, &mut count);
    assert!(count > 60, "{count} sourced numbers");
}

#[test]
fn negative_price_is_refused_with_its_position() {
    let text = with(
        "requests_per_million: (value: 0.20, source: \"infracost_lambda_function\")",
        "requests_per_million: (value: -0.20, source: \"infracost_lambda_function\")",
    );
    let e = first_problem(&text);
    assert_eq!(e.field, "aws_lambda.requests_per_million.value");
    assert_eq!(e.value, "-0.20");
    let expected_line = text
        .lines()
        .position(|l| l.contains("value: -0.20"))
        .expect("line")
        + 1;
    assert_eq!(e.line, expected_line);
    assert!(
        e.to_string().starts_with(&format!("prices.ron:{expected_line}:")),
        "{e}"
    );
}

#[test]
fn unknown_source_id_is_refused() {
    let text = with(
        "(value: 0.0416, source: \"infracost_instance\")",
        "(value: 0.0416, source: \"a_blog\")",
    );
    let e = first_problem(&text);
    assert!(e.field.ends_with("per_hour.source"), "{e}");
    assert!(e.problem.contains("not a source id"), "{e}");
}

#[test]
fn bad_date_is_refused() {
    let text = with("read_on: \"2024-07-01\"", "read_on: \"July 2024\"");
    let e = first_problem(&text);
    assert!(
        e.field.starts_with("sources.") && e.field.ends_with(".read_on"),
        "{e}"
    );
    assert!(e.allowed.contains("YYYY-MM-DD"), "{e}");
}

#[test]
fn tiers_out_of_order_are_refused() {
    let text = with(
        "(up_to: Some(15000000000.0), price: 0.000015)",
        "(up_to: Some(1000.0), price: 0.000015)",
    );
    let e = first_problem(&text);
    assert!(
        e.field.contains("duration_per_gb_second_x86.tiers[1].up_to"),
        "{e}"
    );
}

#[test]
fn unknown_field_in_book_is_refused() {
    let text = with("currency: \"USD\",", "currency: \"USD\",\n    discount: 0.5,");
    let e = first_problem(&text);
    assert!(e.problem.contains("unknown field `discount`"), "{e}");
}

#[test]
fn missing_runtime_cold_start_is_refused() {
    let text = with(
        "(runtime: Java, init_ms_128: 242.137, init_ms_1024: 234.515, first_invoke_ms_128: 89.508, first_invoke_ms_1024: 6.714),",
        "",
    );
    let e = first_problem(&text);
    assert!(e.problem.contains("Java"), "{e}");
}

#[test]
fn a_book_without_a_gpu_instance_for_a_cloud_is_refused() {
    let line = BUILT_IN
        .lines()
        .find(|l| l.trim_start().starts_with(r#"(name: "NC4as_T4_v3""#))
        .expect("the Azure GPU instance");
    let text = with(&format!("{line}\n"), "");
    let e = first_problem(&text);
    assert_eq!(e.field, "instances");
    assert!(e.problem.contains("no GPU instance type for Azure"), "{e}");
    assert!(e.allowed.contains("gpus"), "{e}");
}

#[test]
fn a_book_missing_a_flex_price_is_refused_with_its_place() {
    let text = with(
        r#"        always_ready_baseline_per_gb_second: (value: 0.000004, source: "azure_flex_pricing"),
"#,
        "",
    );
    let err = PriceBook::from_ron(&text, "prices.ron").expect_err("must be refused");
    let shown = err.to_string();
    assert!(shown.contains("prices.ron:"), "{shown}");
    assert!(shown.contains("always_ready_baseline_per_gb_second"), "{shown}");
    // The Cloud Run GPU price too.
    let text = with(
        r#"            per_gpu_second: (value: 0.0001867, source: "cloud_run_pricing"),
"#,
        "",
    );
    let shown = PriceBook::from_ron(&text, "prices.ron")
        .expect_err("refused")
        .to_string();
    assert!(shown.contains("per_gpu_second"), "{shown}");
}

#[test]
fn a_gpu_price_of_zero_is_refused() {
    let text = with(
        "per_gpu_second: (value: 0.0001867,",
        "per_gpu_second: (value: 0.0,",
    );
    let e = first_problem(&text);
    assert_eq!(e.field, "gcp_cloud_run.gpu.per_gpu_second");
    assert!(e.line > 1, "{e}");
}

// ---- Commitments and spot ----

#[test]
fn a_committed_rate_above_on_demand_is_refused_with_its_place() {
    let text = with(
        r#"one_year_per_hour: Some((value: 0.0261, source: "infracost_instance_reserved"))"#,
        r#"one_year_per_hour: Some((value: 0.0500, source: "infracost_instance_reserved"))"#,
    );
    let e = first_problem(&text);
    assert!(
        e.field.starts_with("instances[") && e.field.ends_with("one_year_per_hour.value"),
        "{e}"
    );
    assert_eq!(e.value, "0.0500");
    assert!(e.allowed.contains("at most the on-demand $0.0416"), "{e}");
    assert!(e.line > 1 && e.column > 1, "{e}");
}

#[test]
fn a_commitment_without_any_rate_is_refused() {
    let text = with(
        r#"(plan: "Standard Reserved Instance", one_year_per_hour: Some((value: 0.0261, source: "infracost_instance_reserved")), three_year_per_hour: Some((value: 0.018, source: "infracost_instance_reserved")))"#,
        r#"(plan: "Standard Reserved Instance")"#,
    );
    let e = first_problem(&text);
    assert!(e.field.ends_with(".commitments[0]"), "{e}");
    assert!(e.problem.contains("t3.medium cannot be priced"), "{e}");
}

#[test]
fn a_service_commitment_outside_0_to_0_9_is_refused() {
    let text = with(
        r#"one_year_off: (value: 0.15, source: "lambda_savings_plans")"#,
        r#"one_year_off: (value: 1.5, source: "lambda_savings_plans")"#,
    );
    let e = first_problem(&text);
    assert_eq!(e.field, "commitments.aws_lambda.one_year_off.value");
    assert_eq!(e.value, "1.5");
    assert!(e.line > 1, "{e}");
    // A term left out of a service's commitment is refused by the parser, with its place.
    let text = with(
        r#"            three_year_off: (value: 0.17, source: "lambda_savings_plans"),
"#,
        "",
    );
    let shown = PriceBook::from_ron(&text, "prices.ron")
        .expect_err("refused")
        .to_string();
    assert!(
        shown.contains("prices.ron:") && shown.contains("three_year_off"),
        "{shown}"
    );
}

#[test]
fn a_book_without_spot_facts_is_refused() {
    let start = BUILT_IN.find("    spot: (\n").expect("a spot section");
    let end = start + BUILT_IN[start..].find("\n    ),\n").expect("its end") + "\n    ),\n".len();
    let text = format!("{}{}", &BUILT_IN[..start], &BUILT_IN[end..]);
    let shown = PriceBook::from_ron(&text, "prices.ron")
        .expect_err("refused")
        .to_string();
    assert!(shown.contains("prices.ron:") && shown.contains("spot"), "{shown}");
}

/// Committed rates of named instances as the providers' tables publish them
/// (monthly or term totals turned hourly), against the built-in book: within 1%.
#[test]
fn committed_rates_match_the_published_tables_within_one_percent() {
    let book = PriceBook::built_in().unwrap();
    let published: &[(&str, &str, Commitment, f64)] = &[
        // Infracost golden: $19.05 and $13.14 a month over 730 h.
        (
            "t3.medium",
            "Standard Reserved Instance",
            Commitment::OneYear,
            19.05 / 730.0,
        ),
        (
            "t3.medium",
            "Standard Reserved Instance",
            Commitment::ThreeYear,
            13.14 / 730.0,
        ),
        (
            "m5.large",
            "Standard Reserved Instance",
            Commitment::OneYear,
            0.060,
        ),
        (
            "m5.large",
            "Standard Reserved Instance",
            Commitment::ThreeYear,
            0.041,
        ),
        // instances.vantage.sh data (tsaol/aws-gpu, 2025-11-30): Standard
        // Reserved Instances, no upfront, an hour.
        (
            "g4dn.xlarge",
            "Standard Reserved Instance",
            Commitment::OneYear,
            0.331,
        ),
        (
            "g4dn.xlarge",
            "Standard Reserved Instance",
            Commitment::ThreeYear,
            0.227,
        ),
        (
            "g6.xlarge",
            "Standard Reserved Instance",
            Commitment::OneYear,
            0.52392,
        ),
        (
            "g5.xlarge",
            "Standard Reserved Instance",
            Commitment::ThreeYear,
            0.43459,
        ),
        // Cloud Billing Catalog: month_1y and month_3y over 730 h.
        (
            "e2-standard-2",
            "resource-based committed use discount",
            Commitment::OneYear,
            30.81854578 / 730.0,
        ),
        (
            "e2-standard-2",
            "resource-based committed use discount",
            Commitment::ThreeYear,
            22.01324782 / 730.0,
        ),
        (
            "n2-standard-2",
            "resource-based committed use discount",
            Commitment::OneYear,
            44.66286 / 730.0,
        ),
        (
            "g2-standard-4",
            "resource-based committed use discount",
            Commitment::ThreeYear,
            232.19438719 / 730.0,
        ),
        // Azure reservations: the term's price over its hours.
        ("D2s_v5", "reservation", Commitment::OneYear, 496.0 / 8760.0),
        ("D2s_v5", "reservation", Commitment::ThreeYear, 933.0 / 26280.0),
        ("B2s", "reservation", Commitment::OneYear, 213.0 / 8760.0),
        (
            "NC4as_T4_v3",
            "reservation",
            Commitment::ThreeYear,
            5198.0 / 26280.0,
        ),
        (
            "B1s",
            "savings plan for compute",
            Commitment::ThreeYear,
            0.00468624,
        ),
    ];
    for &(name, plan, term, rate) in published {
        let instance = book
            .instances
            .iter()
            .find(|i| i.name == name)
            .unwrap_or_else(|| panic!("{name}"));
        let offer = instance
            .commitments
            .iter()
            .find(|c| c.plan == plan)
            .unwrap_or_else(|| panic!("{name}: no {plan}"));
        let ours = offer
            .per_hour(term)
            .unwrap_or_else(|| panic!("{name} {plan}: no {term:?} rate"));
        assert!(
            (ours - rate).abs() <= 0.01 * rate,
            "{name} {plan} {term:?}: {ours} against the published {rate}"
        );
    }
    // The cheaper offer that can still be bought is the one a commitment
    // prices: B1s's one-year reservation beat its savings plan until Azure
    // stopped selling one-year Bv1 reservations on 2026-07-01.
    let b1s = book.instances.iter().find(|i| i.name == "B1s").unwrap();
    let (best, rate) = b1s.best_commitment(Commitment::OneYear, "2026-06-30").unwrap();
    assert_eq!(best.plan, "reservation");
    assert!((rate - 53.0 / 8760.0).abs() < 1e-4, "{rate}");
    let (best, rate) = b1s
        .best_commitment(Commitment::OneYear, &book.compiled_on)
        .unwrap();
    assert_eq!(best.plan, "savings plan for compute", "on {}", book.compiled_on);
    assert!((rate - 0.0070044).abs() < 1e-9, "{rate}");
    assert_eq!(
        b1s.best_commitment(Commitment::ThreeYear, &book.compiled_on)
            .unwrap()
            .0
            .plan,
        "savings plan for compute"
    );
}

#[test]
fn azure_one_year_reservations_of_the_retired_series_are_not_sold_after_july_2026() {
    let book = PriceBook::built_in().unwrap();
    // Microsoft's list: one-year reservations of Av2, Bv1, Dv2 and F (among
    // others) ended on 2026-07-01. Every Azure type of those series in the
    // book is checked, so one added later cannot be missed.
    let retired = |name: &str| {
        let n = name.to_ascii_lowercase();
        // Bv1 sizes (B1s, B2s, B1ms...), Av2 (A2_v2), Dv2 (D2_v2), F (F2, F4).
        (n.starts_with('b') && !n.contains("_v"))
            || n.ends_with("_v2") && (n.starts_with('a') || n.starts_with('d'))
            || (n.starts_with('f') && !n.contains("_v"))
    };
    let names: Vec<&str> = book
        .instances
        .iter()
        .filter(|i| i.provider == Provider::Azure && retired(&i.name))
        .map(|i| i.name.as_str())
        .collect();
    assert!(names.len() >= 5, "{names:?}");
    for name in names {
        let i = book.instances.iter().find(|i| i.name == name).unwrap();
        let (offer, w) = i
            .withdrawn_commitment(Commitment::OneYear, "2026-07-01")
            .unwrap_or_else(|| panic!("{name}: its one-year reservation is withdrawn"));
        assert_eq!(offer.plan, "reservation", "{name}");
        assert_eq!(w.from, "2026-07-01", "{name}");
        assert!(
            i.withdrawn_commitment(Commitment::OneYear, "2026-06-30")
                .is_none(),
            "{name}: still sold the day before"
        );
        assert!(
            i.best_commitment(Commitment::OneYear, &book.compiled_on)
                .is_none_or(|(o, _)| o.plan != "reservation"),
            "{name}: no reservation is priced on {}",
            book.compiled_on
        );
    }
    // Series Microsoft did not retire keep theirs.
    let d2s = book.instances.iter().find(|i| i.name == "D2s_v5").unwrap();
    assert_eq!(
        d2s.best_commitment(Commitment::OneYear, &book.compiled_on)
            .unwrap()
            .0
            .plan,
        "reservation"
    );
}

#[test]
fn a_withdrawn_commitment_must_name_a_term() {
    for terms in ["[]", "[OnDemand]"] {
        let text = with(
            "withdrawn: Some((terms: [OneYear],",
            &format!("withdrawn: Some((terms: {terms},"),
        );
        let e = first_problem(&text);
        assert!(e.field.ends_with(".withdrawn.terms"), "{terms}: {e}");
        assert!(e.allowed.contains("OneYear, ThreeYear"), "{e}");
    }
}

#[test]
fn a_withdrawn_term_with_no_date_is_refused_with_its_place() {
    let text = with(
        "withdrawn: Some((terms: [OneYear], from: \"2026-07-01\"",
        "withdrawn: Some((terms: [OneYear], from: \"July 2026\"",
    );
    let e = first_problem(&text);
    assert!(e.field.ends_with(".withdrawn.from"), "{e}");
    assert!(e.value.contains("July 2026"), "{e}");
    assert!(e.allowed.contains("YYYY-MM-DD"), "{e}");
    let expected_line = text
        .lines()
        .position(|l| l.contains("from: \"July 2026\""))
        .expect("line")
        + 1;
    assert_eq!(e.line, expected_line, "{e}");
}

#[test]
fn an_application_gateway_unit_of_no_throughput_is_refused_with_its_place() {
    let text = with("mbps_per_unit: (value: 2.22,", "mbps_per_unit: (value: 0.0,");
    let e = first_problem(&text);
    assert_eq!(e.field, "azure_application_gateway.mbps_per_unit");
    let expected_line = text
        .lines()
        .position(|l| l.contains("mbps_per_unit: (value: 0.0,"))
        .expect("line")
        + 1;
    assert_eq!(e.line, expected_line, "{e}");
    assert!(e.allowed.contains("above 0"), "{e}");
}

#[test]
fn each_clouds_report_cites_its_own_price_pages_and_the_shared_facts() {
    let book = PriceBook::built_in().unwrap();
    let on = |p: Provider| book.sources_on(p);
    let (aws, gcp, azure) = (on(Provider::Aws), on(Provider::Gcp), on(Provider::Azure));
    // Each cloud's own pages, and not the others'.
    for (list, own, others) in [
        (
            &aws,
            "aws_lambda_pricing",
            ["gcp_pricing_catalog", "infracost_azure_vm"],
        ),
        (
            &gcp,
            "gcp_pricing_catalog",
            ["aws_lambda_pricing", "infracost_azure_vm"],
        ),
        (
            &azure,
            "infracost_azure_vm",
            ["aws_lambda_pricing", "gcp_pricing_catalog"],
        ),
    ] {
        assert!(list.contains(&own), "{own} missing from {list:?}");
        for other in others {
            assert!(!list.contains(&other), "{other} cited in {list:?}");
        }
        // The cold-start medians every cloud's estimate rests on.
        assert!(list.contains(&"lambda_perf"), "{list:?}");
    }
    // SnapStart and AWS's API Gateway tiers are AWS's only.
    assert!(aws.contains(&"aws_snapstart") && !gcp.contains(&"aws_snapstart"));
    assert!(aws.contains(&"infracost_apigatewayv2") && !azure.contains(&"infracost_apigatewayv2"));
    // An instance type's price follows its cloud.
    assert!(gcp.contains(&"gcp_pricing_catalog_cud") && !aws.contains(&"gcp_pricing_catalog_cud"));
    // Every source the book cites is cited by some cloud's report.
    let cited: std::collections::BTreeSet<&str> = aws.iter().chain(&gcp).chain(&azure).copied().collect();
    let text = std::fs::read_to_string("assets/pricing.ron").unwrap();
    for id in book.sources.keys() {
        if text.matches(&format!("\"{id}\"")).count() > 1 {
            assert!(cited.contains(id.as_str()), "{id} is used but no cloud cites it");
        }
    }
    // The title reads for the one cloud, with its region.
    assert_eq!(
        book.title_on(Provider::Gcp),
        "List prices on demand, with committed and spot rates, Linux, us-central1"
    );
}

//! Commitments, spot and negotiated discounts: each billing rule worked by
//! hand from the price book's published rates, against the engine.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::unreadable_literal)]

mod common;

use common::{assert_usd, book, catalogue, cost_of, item, plain, samples};
use serverless_advisor::advice::{assess, built_in_rules, flip::verdict_of};
use serverless_advisor::cost::OptionId;
use serverless_advisor::workload::{Commitment, Provider, Shape, Trigger, Workload};

/// A fleet of `n` m5.large all week on AWS: a light queue workload held at `n` instances.
fn fleet_of(n: u32, instance: &str) -> Workload {
    let mut w = plain(1_000.0, 100.0, 512);
    w.servers.instance = instance.into();
    w.servers.min_instances = n;
    w
}

#[test]
fn with_every_discount_at_its_default_no_discount_line_appears() {
    let b = book();
    for (stem, w) in samples() {
        for provider in Provider::ALL {
            let mut w = w.clone();
            w.provider = *provider;
            for c in serverless_advisor::cost::all_costs(
                &w,
                &b,
                &serverless_advisor::cost::Profile::new(w.traffic.shape, w.peak_to_average()),
            ) {
                assert!(c.commitment.is_none(), "{stem} {:?}", c.option);
                for name in ["commitment", "spot", "negotiated"] {
                    assert_eq!(item(&c, name), 0.0, "{stem} {:?} {name}", c.option);
                }
            }
        }
    }
}

#[test]
fn a_reserved_fleet_floor_is_billed_at_the_reserved_rate() {
    let b = book();
    let mut w = fleet_of(2, "m5.large");
    let list = cost_of(OptionId::AwsEc2, &w, &b);
    assert_usd(
        item(&list, "compute"),
        2.0 * 730.0 * 0.096,
        "two m5.large all month",
    );
    for (term, rate) in [(Commitment::OneYear, 0.060), (Commitment::ThreeYear, 0.041)] {
        w.pricing.commitment = term;
        let c = cost_of(OptionId::AwsEc2, &w, &b);
        assert_usd(
            item(&c, "commitment"),
            -2.0 * 730.0 * (0.096 - rate),
            "the saving",
        );
        assert_usd(
            c.monthly_usd,
            list.monthly_usd - 2.0 * 730.0 * (0.096 - rate),
            "the total",
        );
        // The list price stays visible.
        assert_usd(item(&c, "compute"), item(&list, "compute"), "compute at list");
        let bought = c.commitment.as_ref().expect("a commitment");
        assert!(
            bought.plan.contains("Standard Reserved Instance for m5.large"),
            "{}",
            bought.plan
        );
        assert_usd(bought.monthly_usd, 2.0 * 730.0 * rate, "owed a month");
        let months = if term == Commitment::OneYear { 12.0 } else { 36.0 };
        assert_usd(bought.term_usd, 2.0 * 730.0 * rate * months, "owed over the term");
        assert!(
            c.notes.iter().any(|n| n.contains("owed whatever the use")),
            "{:?}",
            c.notes
        );
    }
}

#[test]
fn the_commitment_covers_the_quietest_hour_only() {
    // Business hours: the fleet grows to six by day and falls to its floor of one at night.
    let b = book();
    let mut w = plain(20_000_000.0, 200.0, 512);
    w.traffic.shape = Shape::BusinessHours;
    w.traffic.peak_to_average = None;
    w.servers.instance = "m5.large".into();
    w.servers.min_instances = 1;
    w.pricing.commitment = Commitment::OneYear;
    let c = cost_of(OptionId::AwsEc2, &w, &b);
    let compute = item(&c, "compute");
    assert!(compute > 1.5 * 730.0 * 0.096, "the fleet grows by day: {compute}");
    let bought = c.commitment.as_ref().expect("a commitment");
    // The quietest hour runs the floor, one instance: that is what is committed.
    assert_usd(bought.covers_usd, 730.0 * 0.096, "one instance all month");
    assert_usd(item(&c, "commitment"), -730.0 * (0.096 - 0.060), "its saving");
}

#[test]
fn lambda_commits_its_quietest_hour_duration_at_the_savings_plan_rate() {
    let b = book();
    let mut w = plain(50_000_000.0, 300.0, 1024);
    w.pricing.commitment = Commitment::ThreeYear;
    let list = {
        let mut l = w.clone();
        l.pricing.commitment = Commitment::OnDemand;
        cost_of(OptionId::AwsLambda, &l, &b)
    };
    let c = cost_of(OptionId::AwsLambda, &w, &b);
    let bought = c.commitment.as_ref().expect("a savings plan");
    // A steady week at a peak of 1.0: the quietest hour is the whole use.
    assert_usd(
        bought.covers_usd,
        item(&list, "duration") + item(&list, "init"),
        "duration covered",
    );
    assert_usd(
        bought.saving_usd,
        0.17 * bought.covers_usd,
        "17% off on three years",
    );
    // Requests are not covered.
    assert_usd(item(&c, "requests"), item(&list, "requests"), "requests at list");
}

#[test]
fn a_commitment_the_book_has_no_rate_for_is_listed_as_not_counted() {
    let b = book();
    let mut w = fleet_of(1, "t3.medium");
    w.pricing.commitment = Commitment::OneYear;
    let c = cost_of(OptionId::AwsFargate, &w, &b);
    assert_eq!(item(&c, "commitment"), 0.0);
    assert!(
        c.not_counted
            .iter()
            .any(|t| t.contains("commitments.aws_fargate")),
        "{:?}",
        c.not_counted
    );
    // An instance type without sourced committed rates says so too.
    w.servers.instance = "c5.large".into();
    let c = cost_of(OptionId::AwsEc2, &w, &b);
    assert_eq!(item(&c, "commitment"), 0.0);
    assert!(
        c.not_counted.iter().any(|t| t.contains("c5.large")),
        "{:?}",
        c.not_counted
    );
}

#[test]
fn azure_vms_of_a_retired_reservation_series_are_not_priced_with_a_reservation_no_one_can_buy() {
    let b = book();
    let mut w = fleet_of(1, "B2s");
    w.provider = Provider::Azure;
    w.pricing.commitment = Commitment::OneYear;
    // B2s (Bv1): one-year reservations ended on 2026-07-01, before the book's date.
    let c = cost_of(OptionId::AzureVm, &w, &b);
    assert_eq!(item(&c, "commitment"), 0.0, "{:?}", c.breakdown);
    assert!(
        c.not_counted
            .iter()
            .any(|t| t.contains("B2s")
                && t.contains("stopped selling 1-year reservations of B2s on 2026-07-01")),
        "{:?}",
        c.not_counted
    );
    // B1s also has a savings plan for compute, still sold: that is what is priced.
    w.servers.instance = "B1s".into();
    let c = cost_of(OptionId::AzureVm, &w, &b);
    let compute = item(&c, "compute");
    assert!(compute > 0.0);
    // One B1s all month: the commitment saves (list - savings-plan rate) x 730 h.
    assert_usd(
        item(&c, "commitment"),
        -(0.0104 - 0.0070044) * 730.0,
        "B1s savings plan",
    );
    assert!(
        c.notes.iter().any(|n| n.contains("savings plan for compute")),
        "{:?}",
        c.notes
    );
    // A series Microsoft did not retire keeps its one-year reservation.
    w.servers.instance = "D2s_v5".into();
    let c = cost_of(OptionId::AzureVm, &w, &b);
    assert_usd(
        item(&c, "commitment"),
        -(0.096 - 496.0 / 8760.0) * 730.0,
        "D2s_v5 reservation",
    );
}

#[test]
fn interruptible_work_runs_all_of_its_fleet_on_spot() {
    let b = book();
    let mut w = fleet_of(2, "t3.medium");
    w.pricing.spot = true;
    let c = cost_of(OptionId::AwsEc2, &w, &b);
    let compute = item(&c, "compute");
    // The Spot Instance Advisor's 56% for t3.medium.
    assert_usd(item(&c, "spot"), -compute * 0.56, "t3.medium on spot");
    assert!(c.notes.iter().any(|n| n.contains("two-minute")), "{:?}", c.notes);
    // Fargate Spot's 67%.
    let f = cost_of(OptionId::AwsFargate, &w, &b);
    assert_usd(item(&f, "spot"), -item(&f, "compute") * 0.67, "Fargate Spot");
    // With a commitment asked too, spot's deeper discount wins and nothing is committed.
    w.pricing.commitment = Commitment::OneYear;
    let both = cost_of(OptionId::AwsEc2, &w, &b);
    assert!(both.commitment.is_none());
    assert_usd(both.monthly_usd, c.monthly_usd, "spot alone");
}

#[test]
fn http_only_work_keeps_its_price_when_spot_is_asked() {
    let b = book();
    let mut w = fleet_of(2, "m5.large");
    w.triggers = vec![Trigger::HttpApi];
    let list = cost_of(OptionId::AwsEc2, &w, &b);
    w.pricing.spot = true;
    let c = cost_of(OptionId::AwsEc2, &w, &b);
    assert_usd(c.monthly_usd, list.monthly_usd, "unchanged");
    assert_eq!(item(&c, "spot"), 0.0);
    assert!(
        c.notes.iter().any(|n| n.contains("only serves HTTP")),
        "{:?}",
        c.notes
    );
}

#[test]
fn a_fleet_serving_http_and_a_queue_keeps_an_on_demand_floor() {
    let b = book();
    let mut w = plain(20_000_000.0, 200.0, 512);
    w.traffic.shape = Shape::BusinessHours;
    w.traffic.peak_to_average = None;
    w.triggers = vec![Trigger::HttpApi, Trigger::Queue];
    w.servers.instance = "m5.large".into();
    w.servers.min_instances = 1;
    w.pricing.spot = true;
    let c = cost_of(OptionId::AwsEc2, &w, &b);
    let compute = item(&c, "compute");
    // The floor (one m5.large all month) stays on demand; the rest runs at 66% off.
    assert_usd(
        item(&c, "spot"),
        -(compute - 730.0 * 0.096) * 0.66,
        "spot above the floor",
    );
}

#[test]
fn azure_b_series_is_not_sold_as_spot() {
    let b = book();
    let mut w = fleet_of(1, "t3.medium");
    w.provider = Provider::Azure;
    w.pricing.spot = true;
    let c = cost_of(OptionId::AzureVm, &w, &b);
    assert!(
        c.notes
            .iter()
            .any(|n| n.contains("B2s") && n.contains("not sold")),
        "{:?}",
        c.notes
    );
    assert_eq!(item(&c, "spot"), 0.0);
}

#[test]
fn compute_engine_commits_at_the_catalogue_rate_and_spot_at_its_spot_price() {
    let b = book();
    let mut w = fleet_of(1, "t3.medium");
    w.provider = Provider::Gcp;
    w.servers.instance = "e2-standard-2".into();
    w.pricing.commitment = Commitment::OneYear;
    let c = cost_of(OptionId::GcpComputeEngine, &w, &b);
    assert_usd(
        item(&c, "commitment"),
        -730.0 * (0.06701142 - 0.042217186),
        "e2-standard-2 1-year CUD",
    );
    w.pricing.commitment = Commitment::OnDemand;
    w.pricing.spot = true;
    let s = cost_of(OptionId::GcpComputeEngine, &w, &b);
    assert_usd(
        item(&s, "spot"),
        -730.0 * (0.06701142 - 0.040212),
        "e2-standard-2 Spot VM",
    );
    assert!(s.notes.iter().any(|n| n.contains("30 seconds")), "{:?}", s.notes);
}

#[test]
fn cloud_run_by_request_gets_the_lower_commitment() {
    let b = book();
    // Spiky, short requests: request-based billing is the cheaper mode.
    let mut w = plain(2_000_000.0, 100.0, 512);
    w.provider = Provider::Gcp;
    w.triggers = vec![Trigger::HttpApi];
    w.pricing.commitment = Commitment::ThreeYear;
    let c = cost_of(OptionId::GcpCloudRun, &w, &b);
    if let Some(bought) = &c.commitment {
        let off = bought.saving_usd / bought.covers_usd;
        if item(&c, "duration") > 0.0 {
            assert!((off - 0.17).abs() < 1e-9, "request-based: {off}");
        } else {
            assert!((off - 0.46).abs() < 1e-9, "instance-based: {off}");
        }
    }
}

#[test]
fn cloud_run_commitments_cover_the_request_fee_too() {
    // Google: Cloud Run's committed use discounts "apply to all aggregated
    // Cloud Run CPU, memory, and request usage", Cloud Run functions' too.
    let b = book();
    let mut w = plain(5e8, 200.0, 1024);
    w.provider = Provider::Gcp;
    w.pricing.commitment = Commitment::ThreeYear;
    for option in [OptionId::GcpCloudFunctions, OptionId::GcpCloudRun] {
        w.pricing.commitment = Commitment::OnDemand;
        let list = cost_of(option, &w, &b);
        w.pricing.commitment = Commitment::ThreeYear;
        let c = cost_of(option, &w, &b);
        let bought = c.commitment.as_ref().expect("a commitment is bought");
        // A steady week: the baseline is the whole bill's committable lines.
        let covered = item(&list, "requests") + item(&list, "duration") + item(&list, "compute");
        assert!(item(&list, "requests") > 0.0, "{}: a request fee", option.id());
        assert!(
            (bought.covers_usd - covered).abs() <= 0.01 * covered,
            "{}: covers {} of {covered}",
            option.id(),
            bought.covers_usd
        );
    }
}

#[test]
fn a_negotiated_discount_comes_off_what_the_other_discounts_leave() {
    let b = book();
    let mut w = fleet_of(2, "m5.large");
    w.pricing.commitment = Commitment::OneYear;
    let committed = cost_of(OptionId::AwsEc2, &w, &b);
    w.pricing.negotiated_discount = 0.1;
    let c = cost_of(OptionId::AwsEc2, &w, &b);
    assert_usd(item(&c, "negotiated"), -0.1 * committed.monthly_usd, "10% off");
    assert_usd(c.monthly_usd, 0.9 * committed.monthly_usd, "the total");
}

#[test]
fn the_reports_state_the_purchase_assumptions_and_the_commitment() {
    let (b, cat) = (book(), catalogue());
    let mut w = fleet_of(2, "m5.large");
    let a = assess(&w, &b, &cat);
    assert!(
        a.assumptions.iter().any(|s| s.contains("priced on demand")),
        "{:?}",
        a.assumptions
    );
    w.pricing.commitment = Commitment::ThreeYear;
    w.pricing.spot = true;
    w.pricing.negotiated_discount = 0.05;
    let a = assess(&w, &b, &cat);
    assert!(
        a.assumptions
            .iter()
            .any(|s| s.contains("3-year commitment") && s.contains("no upfront payment")),
        "{:?}",
        a.assumptions
    );
    assert!(
        a.assumptions.iter().any(|s| s.contains("EC2 Spot Instances")),
        "{:?}",
        a.assumptions
    );
    assert!(
        a.assumptions.iter().any(|s| s.contains("5.0%")),
        "{:?}",
        a.assumptions
    );
    let md = serverless_advisor::report::to_markdown(&a, &cat, &b);
    let html = serverless_advisor::report::to_html(&a, &cat, &b);
    for text in [&md, &html] {
        assert!(text.contains("Commitments bought"), "no commitment section");
        assert!(text.contains("no upfront"), "no purchase terms");
        assert!(text.contains("over the term"), "no term total");
    }
    let json = serde_json::to_value(&a).unwrap();
    let with_commitment = json["costs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c.get("commitment").is_some())
        .count();
    assert!(with_commitment > 0, "no commitment in the JSON");
}

#[test]
fn a_commitment_flip_point_flips_where_it_says() {
    let (b, cat) = (book(), catalogue());
    let rules = built_in_rules();
    let mut seen = 0;
    for (stem, w) in samples() {
        for provider in Provider::ALL {
            let mut w = w.clone();
            w.provider = *provider;
            let a = assess(&w, &b, &cat);
            let flips: Vec<_> = a
                .flip_points
                .iter()
                .filter(|f| f.answer == "pricing.commitment")
                .collect();
            let other: Vec<_> = Commitment::ALL
                .iter()
                .filter(|&&t| t != w.pricing.commitment)
                .map(|&t| {
                    let mut x = w.clone();
                    x.pricing.commitment = t;
                    (t, verdict_of(&x, &b, rules, None))
                })
                .collect();
            let any_flip = other.iter().any(|(_, v)| *v != a.verdict);
            assert_eq!(
                flips.len(),
                usize::from(any_flip),
                "{stem} {provider:?}: {flips:?} against {other:?}"
            );
            if let Some(f) = flips.first() {
                seen += 1;
                let term = Commitment::ALL[f.value as usize];
                assert!(
                    other.iter().any(|(t, v)| *t == term && *v == f.verdict),
                    "{stem}: {f:?}"
                );
            }
        }
    }
    eprintln!("{seen} sample workloads flip on a commitment");
}

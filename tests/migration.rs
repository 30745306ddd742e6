//! Moving, not only choosing: where the workload runs today, what moving
//! costs, and people's time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::unreadable_literal)]

mod common;

use common::{book, catalogue, plain, samples};
use serverless_advisor::advice::{Verdict, assess, built_in_rules};
use serverless_advisor::cost::{OptionId, OptionKind};
use serverless_advisor::workload::{Current, Provider, Workload};

/// The verdict, summary and recommendation of an assessment, for comparing.
fn gist(w: &Workload) -> (Verdict, String, Option<OptionId>, Vec<(OptionId, f64)>) {
    let a = assess(w, &book(), &catalogue());
    (
        a.verdict,
        a.summary.clone(),
        a.recommendation.option,
        a.costs.iter().map(|c| (c.option, c.monthly_usd)).collect(),
    )
}

#[test]
fn a_green_field_workload_is_unchanged_by_the_new_fields_at_their_defaults() {
    for (stem, w) in samples() {
        for provider in Provider::ALL {
            let mut w = w.clone();
            w.provider = *provider;
            let a = assess(&w, &book(), &catalogue());
            assert!(a.migration.is_none(), "{stem}");
            assert!(a.costs.iter().all(|c| c.operations_usd.is_none()), "{stem}");
            assert!(
                a.costs
                    .iter()
                    .all(|c| c.breakdown.iter().all(|l| l.item != "operations")),
                "{stem}"
            );
            // An effort or horizon on a green field changes nothing.
            let mut x = w.clone();
            x.migration.effort_days = 40.0;
            x.migration.horizon_months = 6;
            assert_eq!(gist(&w), gist(&x), "{stem} {provider:?}");
        }
    }
}

/// A small always-on API that serverless runs for a few dollars, on servers today.
fn small_api_on_servers() -> Workload {
    let mut w = plain(2_000_000.0, 80.0, 512);
    w.triggers = vec![serverless_advisor::workload::Trigger::HttpApi];
    w.migration.current = Current::Servers;
    w
}

#[test]
fn a_move_that_cannot_repay_its_effort_stays_where_it_runs() {
    let mut w = small_api_on_servers();
    // No day rate: the move is free, and the green-field verdict stands.
    let free = assess(&w, &book(), &catalogue());
    let m = free.migration.as_ref().expect("migration weighed");
    assert_eq!(m.current, Current::Servers);
    assert_eq!(m.one_off_usd, 0.0);
    let saving = m.monthly_saving_usd;
    assert!(saving > 0.0 && saving < 50.0, "the saving is small: {saving}");
    assert!(m.worth_moving);
    assert_eq!(free.verdict, Verdict::Serverless);
    // Twenty days at $600 cannot be repaid by a saving under $50 a month in two years.
    w.migration.effort_days = 20.0;
    w.migration.engineer_day_usd = 600.0;
    // Leave people's time out of this comparison by pricing every kind's the same.
    let mut rules = built_in_rules().clone();
    for kind in [
        &mut rules.operations.server,
        &mut rules.operations.container,
        &mut rules.operations.function,
    ] {
        kind.hours_per_month = 0.0;
    }
    let a = serverless_advisor::advice::assess_with(&w, &book(), &catalogue(), &rules);
    let m = a.migration.as_ref().unwrap();
    assert_eq!(m.one_off_usd, 12_000.0);
    assert!((m.monthly_saving_usd - saving).abs() < 1e-6);
    let payback = m.payback_months.unwrap();
    assert!((payback - 12_000.0 / saving).abs() < 1e-6, "{payback}");
    assert!(!m.worth_moving);
    assert_eq!(a.verdict, Verdict::Traditional, "stays on servers");
    assert!(!a.close_call);
    assert_eq!(a.recommendation.option, m.stay_option);
    assert!(a.summary.starts_with("Stay on"), "{}", a.summary);
    assert!(a.summary.contains("past the 24-month horizon"), "{}", a.summary);
    // A longer horizon lets it pay back.
    w.migration.horizon_months = 120;
    let a = serverless_advisor::advice::assess_with(&w, &book(), &catalogue(), &rules);
    let m = a.migration.as_ref().unwrap();
    assert_eq!(m.worth_moving, payback <= 120.0);
}

/// A fleet of ten m5.large kept for a trickle of queue work, on servers today;
/// a move of 15 engineer-days at $700.
fn idle_fleet_on_servers() -> Workload {
    let mut w = plain(100_000.0, 200.0, 512);
    w.servers.instance = "m5.large".into();
    w.servers.min_instances = 10;
    w.migration.current = Current::Servers;
    w.migration.effort_days = 15.0;
    w.migration.engineer_day_usd = 700.0;
    w
}

#[test]
fn an_idle_fleet_that_costs_thousands_moves_and_pays_back() {
    let w = idle_fleet_on_servers();
    let a = assess(&w, &book(), &catalogue());
    let m = a.migration.as_ref().unwrap();
    assert!(m.worth_moving, "{m:?}");
    assert!(m.monthly_saving_usd > 600.0, "{m:?}");
    let p = m.payback_months.unwrap();
    assert!((p - 10_500.0 / m.monthly_saving_usd).abs() < 1e-9);
    assert_ne!(a.verdict, Verdict::Traditional);
    assert!(a.summary.starts_with("Move to"), "{}", a.summary);
    let md = serverless_advisor::report::to_markdown(&a, &catalogue(), &book());
    assert!(
        md.contains("pays back in"),
        "the decision record says when it pays back"
    );
    assert!(md.contains("$10,500 once"), "and what the move costs");
}

#[test]
fn peoples_time_is_priced_beside_the_cloud_bill_never_inside_it() {
    let mut w = small_api_on_servers();
    w.migration.current = Current::Greenfield;
    let cloud = assess(&w, &book(), &catalogue());
    w.migration.engineer_day_usd = 800.0;
    let a = assess(&w, &book(), &catalogue());
    let ops = &built_in_rules().operations;
    for (c, before) in a.costs.iter().zip(&cloud.costs) {
        assert_eq!(
            c.monthly_usd, before.monthly_usd,
            "{:?}: the cloud bill is unchanged",
            c.option
        );
        let expected = ops.usd(c.kind, 800.0);
        assert_eq!(c.operations_usd, Some(expected));
        let line = c.breakdown.iter().find(|l| l.item == "operations").unwrap();
        assert_eq!(line.usd, expected);
        assert!(line.detail.contains("stated assumption"), "{}", line.detail);
    }
    // A fleet takes more people's time than containers, containers more than functions.
    assert!(ops.usd(OptionKind::Server, 800.0) > ops.usd(OptionKind::Container, 800.0));
    assert!(ops.usd(OptionKind::Container, 800.0) > ops.usd(OptionKind::Function, 800.0));
    assert_eq!(ops.usd(OptionKind::Server, 800.0), 16.0 * 100.0);
}

#[test]
fn the_rules_file_states_each_operations_figure_and_its_basis() {
    let rules = built_in_rules();
    assert_eq!(
        rules.operations,
        serverless_advisor::advice::rules::Operations::default(),
        "assets/advice.ron and the defaults agree"
    );
    for kind in [OptionKind::Server, OptionKind::Container, OptionKind::Function] {
        assert!(rules.operations.basis(kind).starts_with("stated assumption: "));
    }
}

#[test]
fn the_flip_points_include_the_effort_where_it_turns_the_move() {
    // The idle fleet again: the move pays back, so enough effort makes it stay.
    let mut w = idle_fleet_on_servers();
    let a = assess(&w, &book(), &catalogue());
    let m = a.migration.as_ref().unwrap();
    let flip = a
        .flip_points
        .iter()
        .find(|f| f.answer == "migration.effort_days")
        .expect("an effort flip point");
    assert_eq!(flip.verdict, Verdict::Traditional);
    // Where the payback reaches the horizon: saving x horizon / day rate.
    let expected = m.monthly_saving_usd * 24.0 / 700.0;
    assert!(
        (flip.value - expected).abs() <= 2e-3 * expected,
        "{} against {expected}",
        flip.value
    );
    let rules = built_in_rules();
    let at = |days: f64| {
        let mut x = w.clone();
        x.migration.effort_days = days;
        serverless_advisor::advice::flip::verdict_of(&x, &book(), rules, None)
    };
    assert_eq!(at(expected * 0.99), a.verdict);
    assert_eq!(at(expected * 1.01), Verdict::Traditional);
    // A green field searches no move answers.
    w.migration.current = Current::Greenfield;
    let g = assess(&w, &book(), &catalogue());
    assert!(g.flip_points.iter().all(|f| !f.answer.starts_with("migration.")));
}

#[test]
fn effort_without_a_day_rate_is_said_to_be_unpriced() {
    let mut w = small_api_on_servers();
    w.migration.effort_days = 30.0;
    let a = assess(&w, &book(), &catalogue());
    let m = a.migration.as_ref().unwrap();
    assert_eq!(m.one_off_usd, 0.0);
    assert!(
        m.reason.contains("30 engineer-days of the move are not priced"),
        "{}",
        m.reason
    );
}

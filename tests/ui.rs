//! The window, driven through AccessKit with `egui_kittest`: no display, no GPU.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT as _;
use egui_kittest::kittest::Queryable as _;
use serverless_advisor::advice::Verdict;
use serverless_advisor::format;
use serverless_advisor::ui::{AdvisorApp, AppOptions, Settings, Step, Tab, Theme};
use serverless_advisor::workload::{Current, Hardware};

fn options(data_dir: &Path, file: Option<&str>) -> AppOptions {
    AppOptions {
        file: file.map(Into::into),
        data_dir: Some(data_dir.to_path_buf()),
        native_dialogs: false,
        ..AppOptions::default()
    }
}

fn harness(opts: AppOptions) -> Harness<'static, AdvisorApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| AdvisorApp::new(cc, opts));
    h.run();
    h
}

/// Replaces the text of the field with this accessible name.
fn replace_text(h: &mut Harness<'_, AdvisorApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

const REQUESTS: &str = "Requests a month";

#[test]
fn clicks_through_every_step_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), None));
    assert_eq!(h.state().step(), Step::Traffic);
    let mut seen = vec![h.state().step()];
    for _ in 0..5 {
        h.get_by_label("Next ▶").click();
        h.run();
        seen.push(h.state().step());
    }
    assert_eq!(seen, Step::ALL.to_vec());
    // Each step shows its own inputs.
    assert!(
        h.query_by_label("Every answer is valid. The results on the right are up to date.")
            .is_some()
    );
    h.get_by_label("◀ Back").click();
    h.run();
    assert_eq!(h.state().step(), Step::TeamPricing);
    assert!(h.query_by_label("Minimum instances").is_some());
    // The step indicator jumps straight to a step.
    h.get_by_label("2 Execution").click();
    h.run();
    assert_eq!(h.state().step(), Step::Execution);
    assert!(h.query_by_label("Memory (MB)").is_some());
    h.get_by_label("3 Triggers and state").click();
    h.run();
    assert!(h.query_by_label("File upload").is_some());
    h.get_by_label("4 Latency and hardware").click();
    h.run();
    assert!(h.query_by_label("p99 latency target").is_some());
}

#[test]
fn both_tabs_show_their_screens() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(
        dir.path(),
        Some("assets/workloads/thumbnail_generator.ron"),
    ));
    assert!(h.query_by_label("Monthly cost of every option").is_some());
    h.get_by_label("Pattern catalogue").click();
    h.run();
    assert_eq!(h.state().tab(), Tab::Catalogue);
    // It opens on the pattern the advisor matched to the workload.
    let matched = h.state().assessment().expect("assessed").pattern.clone();
    assert_eq!(
        h.state().catalogue_view().selected.as_deref(),
        Some(matched.id.as_str())
    );
    assert!(h.query_by_label(&matched.name).is_some(), "{}", matched.name);
    assert!(h.query_by_label_contains("matches your workload").is_some());
    h.get_by_label("Advisor").click();
    h.run();
    assert_eq!(h.state().tab(), Tab::Advisor);
    assert!(h.query_by_label("Why: the score breakdown").is_some());
}

#[test]
fn a_sample_file_draws_the_full_results() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(
        dir.path(),
        Some("assets/workloads/video_transcoding.ron"),
    ));
    let a = h.state().assessment().expect("assessed").clone();
    assert_eq!(a.verdict, Verdict::Traditional);
    assert!(
        h.query_by_label("Servers / containers").is_some(),
        "verdict banner"
    );
    assert!(h.query_by_label("Close call").is_none(), "not a close call");
    // Exactly one option is marked recommended.
    assert_eq!(h.query_all_by_label_contains("✔ recommended").count(), 1);
    // The scores are explained where they are shown.
    assert!(
        h.query_by_label_contains("adds up its reasons' weight x strength")
            .is_some()
    );
    assert!(
        h.query_by_label_contains(&format!(
            "servers {}",
            serverless_advisor::format::points(a.scores.traditional)
        ))
        .is_some()
    );
    assert!(h.query_by_label("Why: the score breakdown").is_some());
    // The results draw only what is on screen: each jump link brings its part into view.
    let pattern = format!("Pattern: {}", a.pattern.name);
    for (link, headings) in [
        ("Costs", vec!["Monthly cost of every option"]),
        ("Cost curves", vec!["Traffic over a week"]),
        ("Cold starts", vec!["Cold starts"]),
        ("Pattern", vec![pattern.as_str()]),
        ("Flip points", vec!["What would flip the verdict"]),
        ("Why", vec!["Why: the score breakdown", "Hard stops"]),
    ] {
        h.get_by_role_and_label(Role::Link, link).click();
        h.run();
        for heading in headings {
            assert!(
                h.query_by_role_and_label(Role::Label, heading).is_some(),
                "{link}: {heading}"
            );
        }
    }
    h.get_by_role_and_label(Role::Link, "Costs").click();
    h.run();
    // Every option's monthly cost is in the table (two may cost the same).
    for c in &a.costs {
        assert!(
            h.query_all_by_label(&format::usd(c.monthly_usd)).next().is_some(),
            "{:?}",
            c.option
        );
    }
}

#[test]
fn changing_the_volume_changes_the_costs_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(
        dir.path(),
        Some("assets/workloads/thumbnail_generator.ron"),
    ));
    let before = h.state().assessment().unwrap().costs[0].monthly_usd;
    assert!(h.query_by_label(&format::usd(before)).is_some());
    replace_text(&mut h, REQUESTS, "20M");
    h.run();
    let w = h.state().workload();
    assert!((w.traffic.monthly_requests - 2e7).abs() < 1e-6);
    let after = h.state().assessment().unwrap().costs[0].monthly_usd;
    // Lambda: twice the volume, twice the bill ($18.67 -> $37.33).
    assert!((after - 2.0 * before).abs() < 0.02, "{before} -> {after}");
    assert!(h.query_by_label(&format::usd(after)).is_some(), "new cost drawn");
    assert!(h.state().is_dirty());
}

#[test]
fn requests_per_instance_are_asked_in_the_clouds_words_and_priced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("api.ron");
    std::fs::write(
        &path,
        "Workload(name: \"Google API\", provider: Gcp, traffic: (monthly_requests: 40000000.0, shape: Steady, peak_to_average: Some(1.0)), execution: (avg_duration_ms: 120.0), api_gateway: NoGateway, servers: (instance: \"e2-medium\"))",
    )
    .unwrap();
    let mut h = harness(options(dir.path(), Some(path.to_str().unwrap())));
    let run_cost = |h: &Harness<'_, AdvisorApp>| {
        h.state()
            .assessment()
            .unwrap()
            .costs
            .iter()
            .find(|c| c.option == serverless_advisor::cost::OptionId::GcpCloudRun)
            .unwrap()
            .monthly_usd
    };
    let shared = run_cost(&h);
    h.get_by_label("2 Execution").click();
    h.run();
    h.get_by_label("More").click();
    h.run();
    // Left to the platforms' defaults until the user says otherwise.
    h.get_by_label("Each platform's default").click();
    h.run();
    assert_eq!(h.state().workload().execution.concurrency_per_instance, Some(80));
    replace_text(&mut h, "Maximum concurrent requests per instance (at once)", "1");
    assert_eq!(h.state().workload().execution.concurrency_per_instance, Some(1));
    let alone = run_cost(&h);
    assert!(alone > 1.5 * shared, "{shared} -> {alone}");
    // Out of range: the message names the field and what is allowed.
    replace_text(
        &mut h,
        "Maximum concurrent requests per instance (at once)",
        "5000",
    );
    assert!(h.query_by_label_contains("Some(1) to Some(1000)").is_some());
    // Warm instances are named as Google names them.
    h.get_by_label("5 Team and pricing").click();
    h.run();
    assert!(h.query_by_label("Cloud Run minimum instances").is_some());
}

#[test]
fn choosing_gpu_flips_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(
        dir.path(),
        Some("assets/workloads/thumbnail_generator.ron"),
    ));
    assert_eq!(h.state().assessment().unwrap().verdict, Verdict::Serverless);
    h.get_by_label("4 Latency and hardware").click();
    h.run();
    h.get_by_label("Special hardware").click();
    h.run();
    h.get_by_label("GPU").click();
    h.run();
    assert_eq!(h.state().workload().hardware, Hardware::Gpu);
    let a = h.state().assessment().unwrap();
    assert_eq!(a.verdict, Verdict::Traditional);
    assert!(
        h.query_by_label("Servers / containers").is_some(),
        "banner shows the new verdict"
    );
    // The section, and its link in the bar above the results.
    assert_eq!(h.query_all_by_label("Hard stops").count(), 2);
}

#[test]
fn a_bad_value_shows_its_message_at_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), None));
    h.get_by_label("2 Execution").click();
    h.run();
    replace_text(&mut h, "Memory (MB)", "50");
    h.run();
    assert!(!h.state().problems().is_empty());
    // Once at the field (with what is allowed) and once in the results' list of problems.
    assert!(
        h.query_by_label_contains("is below the 128 MB minimum (allowed: 128 to 10240 MB)")
            .is_some(),
        "inline message at the field"
    );
    assert_eq!(
        h.query_all_by_label_contains("is below the 128 MB minimum")
            .count(),
        2
    );
    assert!(
        h.query_by_label_contains("1 answer needs fixing before the results can update")
            .is_some(),
        "results say why they did not update"
    );
    // The list names the field as the questionnaire does.
    assert!(h.query_by_label_contains("• Memory: ").is_some());
    // Not a number at all: the same kind of problem, at the field and in the list,
    // and nothing is saved while it stands.
    replace_text(&mut h, "Average duration", "fast");
    h.run();
    assert_eq!(
        h.query_all_by_label_contains("\"fast\" is not a duration")
            .count(),
        2
    );
    assert!(h.query_by_label_contains("2 answers need fixing").is_some());
    assert_eq!(h.state().problems_now().len(), 2);
    let path = dir.path().join("w.ron");
    h.state_mut().save_to(&path);
    assert!(
        !path.exists(),
        "an answer that is not a number is never saved as the old one"
    );
    // Fixing them clears the messages.
    replace_text(&mut h, "Memory (MB)", "512");
    replace_text(&mut h, "Average duration", "100");
    h.run();
    assert!(h.query_by_label_contains("is below the 128 MB minimum").is_none());
    assert!(h.query_by_label_contains("\"fast\" is not a duration").is_none());
    assert!(h.state().problems_now().is_empty());
    h.state_mut().save_to(&path);
    assert!(path.exists());
}

#[test]
fn save_and_reopen_through_the_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.ron");
    let mut h = harness(options(dir.path(), None));
    replace_text(&mut h, "Name", "Typed path test");
    replace_text(&mut h, REQUESTS, "3.5M");
    let edited = h.state().workload().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.query_by_label("Save the workload as").is_some(),
        "no file yet: asks where"
    );
    replace_text(&mut h, "Path", file.to_str().unwrap());
    h.get_by_label("Save").click();
    h.run();
    assert!(file.exists());
    assert!(!h.state().is_dirty());
    // A new document, then open the file again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_ne!(h.state().workload(), &edited);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    replace_text(&mut h, "Path", file.to_str().unwrap());
    h.get_by_label("Open").click();
    h.run();
    assert_eq!(h.state().workload(), &edited);
    assert_eq!(h.state().path(), Some(file.as_path()));
    assert!(
        h.state()
            .settings()
            .recent
            .iter()
            .any(|p| p.ends_with("mine.ron"))
    );
}

#[test]
fn enter_in_the_path_field_opens_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), None));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    replace_text(&mut h, "Path", "assets/workloads/live_chat.ron");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("Open a workload").is_none(), "the prompt closed");
    assert!(h.state().path().is_some_and(|p| p.ends_with("live_chat.ron")));
    assert_eq!(h.state().workload().name, "Live chat");
}

#[test]
fn a_missing_file_is_refused_in_the_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), None));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    replace_text(&mut h, "Path", dir.path().join("nope.ron").to_str().unwrap());
    h.get_by_label("Open").click();
    h.run();
    assert!(h.query_by_label_contains("does not exist").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Open a workload").is_none());
}

#[test]
fn unsaved_changes_are_marked_and_guarded() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), Some("assets/workloads/mvp_backend.ron")));
    assert!(!h.state().is_dirty());
    replace_text(&mut h, "Name", "Edited");
    assert!(h.state().is_dirty());
    assert!(h.query_by_label_contains("(unsaved changes)").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(
        h.query_by_label("Unsaved changes").is_some(),
        "asks before discarding"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().workload().name, "Edited");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    assert_ne!(h.state().workload().name, "Edited");
    assert!(!h.state().is_dirty());
}

#[test]
fn discarding_for_an_open_that_is_then_cancelled_keeps_the_edits_guarded() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), Some("assets/workloads/mvp_backend.ron")));
    replace_text(&mut h, "Name", "Edited");
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    // The Open prompt is up; the user thinks better of it.
    assert!(h.query_by_label("Path").is_some(), "the Open prompt");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Path").is_none(), "prompt closed");
    assert_eq!(h.state().workload().name, "Edited");
    assert!(
        h.state().is_dirty(),
        "nothing replaced the edits, so they are still unsaved"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_some(), "New asks again");
}

#[test]
fn catalogue_search_filters_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), None));
    h.get_by_label("Pattern catalogue").click();
    h.run();
    let total = h.state().catalogue().patterns.len();
    assert!(
        h.query_by_label(&format!("{total} of {total} patterns"))
            .is_some()
    );
    replace_text(&mut h, "Search", "webhook");
    let shown = h.state().catalogue_view().visible(h.state().catalogue()).len();
    assert!(shown >= 2 && shown < total, "{shown} of {total}");
    assert!(
        h.query_by_label(&format!("{shown} of {total} patterns"))
            .is_some()
    );
    assert!(h.query_by_label_contains("Serverless webhook handler").is_some());
    assert!(h.query_by_label_contains("Scheduled serverless tasks").is_none());
    h.get_by_label_contains("Serverless webhook handler").click();
    h.run();
    assert!(h.query_by_label("When it fits").is_some());
    assert!(h.query_by_label("Bill of materials").is_some());
}

#[test]
fn nothing_is_recomputed_while_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(
        dir.path(),
        Some("assets/workloads/thumbnail_generator.ron"),
    ));
    let before = h.state().recomputes();
    h.run_steps(10);
    assert_eq!(h.state().recomputes(), before);
    replace_text(&mut h, REQUESTS, "11M");
    // The typed text arrives as one edit: one recompute, then none while idle.
    assert_eq!(h.state().recomputes(), before + 1);
    h.run_steps(5);
    assert_eq!(h.state().recomputes(), before + 1);
}

#[test]
fn export_shortcut_writes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("decision.html");
    let mut h = harness(options(
        dir.path(),
        Some("assets/workloads/thumbnail_generator.ron"),
    ));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(h.query_by_label("Export the report").is_some());
    replace_text(&mut h, "Path", out.to_str().unwrap());
    h.get_by_label("Export").click();
    h.run();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Thumbnail generator"));
    // With an answer to fix, Export says so at once instead of asking where.
    h.get_by_label("2 Execution").click();
    h.run();
    replace_text(&mut h, "Memory (MB)", "50");
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(h.query_by_label("Export the report").is_none());
    assert!(
        h.query_by_label_contains("Nothing to export yet: 1 answer needs fixing")
            .is_some()
    );
}

#[test]
fn edits_survive_a_crash_through_the_autosave() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = harness(options(dir.path(), Some("assets/workloads/mvp_backend.ron")));
        replace_text(&mut h, "Name", "Unsaved work");
        // Autosave runs once typing has rested; wait past it.
        std::thread::sleep(serverless_advisor::ui::AUTOSAVE_DELAY + std::time::Duration::from_millis(200));
        h.run();
        assert!(dir.path().join("autosave.ron").exists());
        // Dropped without saving: as if the process died.
    }
    let mut h = harness(options(dir.path(), None));
    assert!(h.state().has_restore_offer());
    assert!(h.query_by_label("Restore unsaved changes?").is_some());
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().workload().name, "Unsaved work");
    assert!(h.state().is_dirty());
    assert!(h.state().path().is_some_and(|p| p.ends_with("mvp_backend.ron")));
}

#[test]
fn the_restore_offer_answers_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = harness(options(dir.path(), None));
        replace_text(&mut h, "Name", "Typed before the crash");
        std::thread::sleep(serverless_advisor::ui::AUTOSAVE_DELAY + std::time::Duration::from_millis(200));
        h.run();
    }
    let mut h = harness(options(dir.path(), None));
    assert!(h.state().has_restore_offer());
    // Restore holds the focus, so Enter takes it.
    h.key_press(Key::Enter);
    h.run();
    assert!(!h.state().has_restore_offer());
    assert_eq!(h.state().workload().name, "Typed before the crash");
}

#[test]
fn another_price_book_is_loaded_and_dated() {
    let dir = tempfile::tempdir().unwrap();
    let book_path = dir.path().join("prices.ron");
    let text = serverless_advisor::pricing::BUILT_IN.replacen(
        "compiled_on: \"2026-12-08\"",
        "compiled_on: \"2027-01-15\"",
        1,
    );
    std::fs::write(&book_path, text).unwrap();
    let mut h = harness(options(dir.path(), None));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Load price book…").click();
    h.run();
    replace_text(&mut h, "Path", book_path.to_str().unwrap());
    h.get_by_label("Load").click();
    h.run();
    assert_eq!(h.state().book().compiled_on, "2027-01-15");
    assert!(h.query_by_label_contains("Loaded prices of 2027-01-15").is_some());
    // And back to the prices built into the app.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Use the built-in price book").click();
    h.run();
    assert_eq!(h.state().book().compiled_on, "2026-12-08");
    assert!(h.query_by_label_contains("Prices of 2026-12-08").is_some());
    h.get_by_label("File").click();
    h.run();
    assert!(h.query_by_label("Use the built-in price book").is_none());
}

#[test]
fn tuned_advice_rules_are_used_and_a_bad_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("advice.ron");
    let tuned = serverless_advisor::advice::rules::BUILT_IN
        .replacen("hybrid_margin_points: 7.0", "hybrid_margin_points: 100.0", 1)
        .replacen("hybrid_margin_share: 0.5", "hybrid_margin_share: 1.0", 1);
    std::fs::write(&rules, tuned).unwrap();
    let sample = Some("assets/workloads/daily_maintenance.ron");
    let h = harness(AppOptions {
        advice: Some(rules.clone()),
        ..options(dir.path(), sample)
    });
    let a = h.state().assessment().unwrap().clone();
    assert_eq!(a.verdict, Verdict::Serverless);
    assert!(a.close_call);
    assert!(h.query_by_label("Serverless").is_some(), "verdict banner");
    assert!(h.query_by_label("Close call").is_some(), "close-call mark");
    drop(h);
    std::fs::write(&rules, "AdviceRules(").unwrap();
    let h = harness(AppOptions {
        advice: Some(rules),
        ..options(dir.path(), sample)
    });
    // The built-in rules stand in, and the window says why.
    assert_eq!(h.state().assessment().unwrap().verdict, Verdict::Serverless);
    let problem = h
        .state()
        .messages()
        .iter()
        .find(|m| m.error && m.text.contains("Could not load the advice rules"))
        .expect("a message about the rules file");
    assert!(problem.text.contains("advice.ron"), "{}", problem.text);
    // Opening the sample came after it, and the status bar still flags it.
    assert!(h.query_by_label_contains("1 earlier problem").is_some());
}

#[test]
fn hostile_text_in_a_workload_never_breaks_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.ron");
    // Markup, bidirectional overrides, zero-width and control characters,
    // emoji, a long unbroken word and many lines, within the length limits.
    let name = format!(
        "<script>alert(1)</script> \u{202e}desrever\u{202c} \u{200b}zero\u{feff}width \u{7}bell 🚀🔥 {}",
        "x".repeat(120)
    );
    assert!(name.chars().count() <= 200, "within the name limit");
    let description = "line\n".repeat(400) + "# heading [link](http://x) | table |";
    let text = format!("Workload(name: {name:?}, description: {description:?}, triggers: [HttpApi])");
    std::fs::write(&file, text).unwrap();
    let mut h = harness(options(dir.path(), Some(file.to_str().unwrap())));
    assert_eq!(h.state().workload().name, name);
    assert!(h.state().assessment().is_some());
    // Every step, the results and the catalogue draw with it.
    for step in [
        "2 Execution",
        "3 Triggers and state",
        "4 Latency and hardware",
        "5 Team and pricing",
        "6 Review",
        "1 Traffic",
    ] {
        h.get_by_label(step).click();
        h.run();
    }
    h.get_by_label("Pattern catalogue").click();
    h.run();
    h.get_by_label("Advisor").click();
    h.run();
    assert!(h.query_by_label("Why: the score breakdown").is_some());
    assert_eq!(h.state().workload().name, name, "shown, not changed");
    // On the Review step the name wraps inside the questionnaire: the results
    // keep their place on the right of a 1400-point window.
    h.get_by_label("6 Review").click();
    h.run();
    let results_left = h.get_by_label("Jump to:").rect().left();
    assert!(results_left < 600.0, "the results start at x = {results_left}");
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_theme_is_chosen_from_the_view_menu_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), None));
    for (item, theme, dark) in [
        ("Dark theme", Theme::Dark, true),
        ("Light theme", Theme::Light, false),
    ] {
        h.get_by_label("View").click();
        h.run();
        h.get_by_label(item).click();
        h.run();
        assert_eq!(h.state().settings().theme, theme);
        assert_eq!(h.ctx.global_style().visuals.dark_mode, dark, "{item}");
    }
    // What eframe stores at exit brings the theme back next time.
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let stored = storage.0.values().next().expect("settings stored").clone();
    let settings: Settings = ron::from_str(&stored).expect("stored settings are RON");
    assert_eq!(settings.theme, Theme::Light);
}

#[test]
fn save_as_shortcut_asks_for_a_new_path_even_for_a_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.ron");
    let mut h = harness(options(dir.path(), Some("assets/workloads/live_chat.ron")));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(h.query_by_label("Save the workload as").is_some());
    replace_text(&mut h, "Path", copy.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().path(), Some(copy.as_path()));
    let saved = std::fs::read_to_string(&copy).unwrap();
    assert!(saved.contains("Live chat"));
}

#[test]
fn every_input_has_an_accessible_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), None));
    let mut checked = 0;
    for step in [
        "1 Traffic",
        "2 Execution",
        "3 Triggers and state",
        "4 Latency and hardware",
        "5 Team and pricing",
    ] {
        h.get_by_label(step).click();
        h.run();
        for role in [
            Role::TextInput,
            Role::MultilineTextInput,
            Role::ComboBox,
            Role::CheckBox,
        ] {
            for node in h.query_all_by_role(role) {
                let label = node.accesskit_node().label().unwrap_or_default();
                assert!(
                    !label.trim().is_empty(),
                    "{step}: a {role:?} without a name: {node:?}"
                );
                checked += 1;
            }
        }
    }
    h.get_by_label("Pattern catalogue").click();
    h.run();
    for role in [Role::TextInput, Role::ComboBox] {
        for node in h.query_all_by_role(role) {
            let label = node.accesskit_node().label().unwrap_or_default();
            assert!(!label.trim().is_empty(), "catalogue: a {role:?} without a name");
            checked += 1;
        }
    }
    assert!(checked >= 25, "only {checked} inputs found");
}

#[test]
// The method path instead of the closure does not type-check (lifetimes).
#[allow(clippy::redundant_closure_for_method_calls)]
fn tab_moves_through_the_first_step_in_reading_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), None));
    h.get_by_label("Name").focus();
    h.run();
    let mut order = Vec::new();
    for _ in 0..4 {
        h.key_press(Key::Tab);
        h.run();
        let focused = h
            .query_all_by(|n| n.is_focused())
            .map(|n| n.accesskit_node().label().unwrap_or_default())
            .next()
            .unwrap_or_default();
        order.push(focused);
    }
    assert_eq!(
        order,
        ["Description", "Cloud", REQUESTS, "Traffic shape"],
        "Tab order on the first step"
    );
}

#[test]
fn keys_typed_after_a_dialog_closes_do_not_edit_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), Some("assets/workloads/mvp_backend.ron")));
    let name = h.state().workload().name.clone();
    h.get_by_label("Name").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(h.query_by_label("Path").is_some(), "Save As asks for a path");
    h.key_press(Key::Escape);
    h.run();
    h.event(egui::Event::Text("x".into()));
    h.run();
    assert_eq!(h.state().workload().name, name);
    assert!(!h.state().is_dirty());
}

/// Picks `item` in the combo box labelled `label` (other text on screen may
/// carry the same words: the combo box and its popup's entry are the ones
/// that are not plain labels).
fn choose(h: &mut Harness<'_, AdvisorApp>, label: &str, item: &str) {
    h.query_all_by_label(label)
        .find(|n| n.accesskit_node().role() == Role::ComboBox)
        .unwrap()
        .click();
    h.run();
    h.query_all_by_label(item)
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap()
        .click();
    h.run();
}

/// Writes a workload file into `dir` and opens the window on it.
fn open_workload(dir: &Path, text: &str) -> Harness<'static, AdvisorApp> {
    let path = dir.join("w.ron");
    std::fs::write(&path, text).unwrap();
    harness(options(dir, Some(path.to_str().unwrap())))
}

#[test]
fn durations_take_units_and_the_p99_follows_the_average() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_workload(
        dir.path(),
        "Workload(name: \"Units\", execution: (avg_duration_ms: 120.0))",
    );
    h.get_by_label("2 Execution").click();
    h.run();
    // Shown with its unit.
    assert_eq!(
        h.get_by_label("Average duration").value().as_deref(),
        Some("120 ms")
    );
    assert_eq!(h.get_by_label("Longest job").value().as_deref(), Some("480 ms"));
    // Typed with a unit; the p99 and the longest job follow while untouched.
    replace_text(&mut h, "Average duration", "25 min");
    let e = &h.state().workload().execution;
    assert_eq!(e.avg_duration_ms, 1_500_000.0);
    assert_eq!(e.p99_duration_ms, 6_000_000.0);
    assert_eq!(e.max_duration_s, 6_000.0);
    // Once the user sets the p99 it stays; the longest job follows the p99 no more either.
    replace_text(&mut h, "p99 duration", "1 h");
    replace_text(&mut h, "Average duration", "1.5 s");
    let e = &h.state().workload().execution;
    assert_eq!(e.avg_duration_ms, 1500.0);
    assert_eq!(e.p99_duration_ms, 3_600_000.0);
    // A bare number in the longest job is seconds.
    replace_text(&mut h, "Longest job", "7200");
    assert_eq!(h.state().workload().execution.max_duration_s, 7200.0);
    // "25m" is refused with the hint, at the field and in the list, and the value stays.
    replace_text(&mut h, "Average duration", "25m");
    assert_eq!(
        h.query_all_by_label_contains("minutes: write 25 min").count(),
        2,
        "the hint at the field and in the list of problems"
    );
    assert_eq!(h.state().workload().execution.avg_duration_ms, 1500.0);
    replace_text(&mut h, "Average duration", "2k");
    assert!(h.query_all_by_label_contains("k, M and B are for counts").count() >= 1);
    replace_text(&mut h, "Average duration", "30 min");
    assert_eq!(h.state().workload().execution.avg_duration_ms, 1_800_000.0);
    assert!(
        h.state().problems_now().is_empty(),
        "{:?}",
        h.state().problems_now()
    );
}

#[test]
fn the_questionnaire_speaks_the_chosen_clouds_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_workload(
        dir.path(),
        "Workload(name: \"API\", triggers: [HttpApi], servers: (instance: \"t3.medium\"))",
    );
    let front_door = |h: &mut Harness<'_, AdvisorApp>| {
        h.get_by_label("3 Triggers and state").click();
        h.run();
        h.get_by_label("API front door").click();
        h.run();
    };
    front_door(&mut h);
    assert!(h.query_by_label("API Gateway HTTP API").is_some());
    assert!(h.query_by_label("Lambda function URL (no gateway)").is_some());
    assert!(
        h.query_by_label("Application Load Balancer (Lambda targets)")
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    // Google Cloud: its own products, no AWS names, and the instance moves to its equivalent.
    h.get_by_label("1 Traffic").click();
    h.run();
    choose(&mut h, "Cloud", "Google Cloud");
    let moved = h.state().workload().servers.instance.clone();
    let book = serverless_advisor::pricing::PriceBook::built_in().unwrap();
    assert_eq!(
        book.instance(&moved).map(|i| i.provider),
        Some(serverless_advisor::workload::Provider::Gcp),
        "{moved}"
    );
    front_door(&mut h);
    assert!(h.query_by_label("Google API Gateway").is_some());
    assert!(h.query_by_label("Cloud Run URL (no gateway)").is_some());
    assert!(
        h.query_by_label("External Application Load Balancer (serverless NEG)")
            .is_some()
    );
    assert!(h.query_by_label("Lambda function URL (no gateway)").is_none());
    assert!(h.query_by_label_contains("API Gateway REST API").is_none());
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("5 Team and pricing").click();
    h.run();
    assert!(h.query_by_label("Cloud Run minimum instances").is_some());
    // The instance list holds Google's types only.
    h.get_by_label("Instance type").click();
    h.run();
    assert!(h.query_by_label_contains("t3.medium").is_none());
    assert!(h.query_by_label_contains("e2-standard-2").is_some());
    h.key_press(Key::Escape);
    h.run();
    // Azure names its warm instances and its front door its own way.
    h.get_by_label("1 Traffic").click();
    h.run();
    choose(&mut h, "Cloud", "Azure");
    h.get_by_label("5 Team and pricing").click();
    h.run();
    assert!(h.query_by_label("Always-ready instances").is_some());
    front_door(&mut h);
    assert!(h.query_by_label("API Management (consumption)").is_some());
    h.key_press(Key::Escape);
    h.run();
    // A schedule-only job: no front door to choose, and the latency target is a deadline.
    h.get_by_label("HTTP API").click();
    h.run();
    h.get_by_label("Schedule").click();
    h.run();
    assert!(
        h.query_by_label_contains("Not asked: only HTTP API and webhook triggers")
            .is_some()
    );
    h.get_by_label("4 Latency and hardware").click();
    h.run();
    assert!(h.query_by_label("Must finish within").is_some());
    assert!(h.query_by_label("p99 latency target").is_none());
    // The review says it the same way, and asks no front door.
    h.get_by_label("6 Review").click();
    h.run();
    assert!(h.query_by_label_contains("must finish within").is_some());
    assert!(h.query_by_label("Front door").is_none());
}

#[test]
fn growth_is_projected_in_the_results() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_workload(
        dir.path(),
        "Workload(name: \"Growing\", traffic: (monthly_requests: 1000000.0, growth_per_month: 0.2))",
    );
    h.get_by_label("Growth").click();
    h.run();
    h.run();
    let a = h.state().assessment().unwrap();
    let p = a.projection.as_ref().unwrap();
    assert!(h.query_by_label("Growth over three years").is_some());
    assert!(h.query_by_label_contains("Growing 20.0% a month").is_some());
    let last = p.months.last().unwrap();
    assert_eq!(last.month, 36);
    assert!(
        h.query_by_label(&format::short_count(last.monthly_requests))
            .is_some()
    );
    // No growth, nothing projected, and the window says why.
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_workload(dir.path(), "Workload(name: \"Flat\")");
    h.get_by_label("Growth").click();
    h.run();
    h.run();
    assert!(h.state().assessment().unwrap().projection.is_none());
    assert!(h.query_by_label_contains("No growth given").is_some());
}

#[test]
fn a_checkpointable_job_is_asked_under_more_in_the_clouds_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_workload(
        dir.path(),
        "Workload(name: \"ETL\", provider: Azure, traffic: (monthly_requests: 30.0, shape: Scheduled), execution: (avg_duration_ms: 1500000.0), triggers: [Schedule])",
    );
    h.get_by_label("2 Execution").click();
    h.run();
    h.get_by_label("More").click();
    h.run();
    assert!(!h.state().workload().execution.checkpointable);
    h.get_by_label("The job saves its progress in steps").click();
    h.run();
    assert!(h.state().workload().execution.checkpointable);
    assert!(h.query_by_label_contains("Durable Functions").is_some());
}

#[test]
fn the_catalogue_shows_the_workloads_cloud_and_searches_every_clouds_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_workload(dir.path(), "Workload(name: \"Google API\", provider: Gcp)");
    h.get_by_label("Pattern catalogue").click();
    h.run();
    // The matched pattern is shown, in the workload's cloud's words.
    assert!(h.query_by_label("Products named on Google Cloud.").is_some());
    // Found by an Azure name, shown in Google's words, and the list says why it is there.
    replace_text(&mut h, "Search", "Cosmos");
    let total = h.state().catalogue().patterns.len();
    let shown = h.state().catalogue_view().visible(h.state().catalogue()).len();
    assert!(shown >= 3 && shown < total, "{shown} of {total}");
    assert!(h.query_all_by_label_contains("found in Azure's names").count() >= 3);
    // Switching the cloud renames the products.
    choose(&mut h, "Cloud", "Azure");
    assert!(h.query_by_label("Products named on Azure.").is_some());
    assert!(h.query_by_label_contains("found in Azure's names").is_none());
}

#[test]
fn the_move_is_asked_on_the_team_step_and_hidden_for_a_green_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), Some("assets/workloads/mvp_backend.ron")));
    h.get_by_label("5 Team and pricing").click();
    h.run();
    assert!(h.query_by_label("Moving an existing workload").is_some());
    // A green field: where it runs is asked, the move's effort and horizon are not.
    assert!(h.query_by_label("Effort to move (engineer-days)").is_none());
    assert!(h.query_by_label("Payback horizon (months)").is_none());
    h.get_by_label("Where it runs today").click();
    h.run();
    h.get_by_label("On servers or containers").click();
    h.run();
    assert_eq!(h.state().workload().migration.current, Current::Servers);
    assert!(h.query_by_label("Effort to move (engineer-days)").is_some());
    replace_text(&mut h, "Effort to move (engineer-days)", "40");
    replace_text(&mut h, "Engineer-day cost (USD)", "800");
    let a = h.state().assessment().unwrap();
    let m = a.migration.as_ref().expect("the move is weighed");
    assert_eq!(m.one_off_usd, 32_000.0);
    // People's time beside the cloud bill in the cost table.
    assert!(h.query_by_label("With people's time").is_some());
    // A day rate past the maximum is refused at the field.
    replace_text(&mut h, "Engineer-day cost (USD)", "20000");
    assert!(h.query_by_label_contains("0 to 10000 USD a day").is_some());
}

#[test]
fn opening_a_json_report_says_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), None));
    let before = h.state().workload().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    replace_text(&mut h, "Path", "tests/golden/live_chat.json");
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label_contains("this is a JSON report").is_some(),
        "the window says what the file is"
    );
    assert_eq!(h.state().workload(), &before, "the open workload is kept");
}

#[test]
fn path_prompts_start_in_the_last_folder_used() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("reviews");
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join("api.ron");
    std::fs::copy("assets/workloads/live_chat.ron", &file).unwrap();
    let mut h = harness(options(dir.path(), None));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    replace_text(&mut h, "Path", file.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().path().is_some_and(|p| p == file));
    // A new workload has no file of its own: the next Open starts where the last one was.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    if h.query_by_label("Discard").is_some() {
        h.get_by_label("Discard").click();
        h.run();
    }
    assert!(h.state().path().is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let text = h.get_by_label("Path").value().unwrap_or_default();
    assert!(
        text.starts_with(folder.to_str().unwrap()),
        "the prompt starts in {}: {text}",
        folder.display()
    );
}

/// The text the last frames copied to the clipboard, if any.
fn copied(h: &Harness<'_, AdvisorApp>) -> Option<String> {
    h.output().platform_output.commands.iter().find_map(|c| match c {
        egui::OutputCommand::CopyText(text) => Some(text.clone()),
        _ => None,
    })
}

#[test]
fn undo_and_redo_put_the_answers_back_one_field_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), Some("assets/workloads/mvp_backend.ron")));
    let original = h.state().workload().clone();
    assert_eq!(h.state().can_undo(), (false, false), "nothing to undo on opening");
    // Two rounds of typing in one field are one step; another field is the next.
    replace_text(&mut h, REQUESTS, "4M");
    replace_text(&mut h, REQUESTS, "5M");
    replace_text(&mut h, "Name", "Renamed");
    assert_eq!(h.state().workload().traffic.monthly_requests, 5e6);
    assert_eq!(h.state().can_undo(), (true, false));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().workload().name,
        original.name,
        "the name went back first"
    );
    assert_eq!(h.state().workload().traffic.monthly_requests, 5e6);
    // The Edit menu does the same, and the field shows the value again.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Undo Ctrl+Z").click();
    h.run();
    assert_eq!(h.state().workload(), &original, "back to the file as opened");
    assert!(!h.state().is_dirty());
    assert_eq!(
        h.get_by_label(REQUESTS).value().as_deref(),
        Some(format::count(original.traffic.monthly_requests).as_str())
    );
    assert_eq!(h.state().can_undo(), (false, true));
    // Redo makes both steps again, in order.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().workload().traffic.monthly_requests, 5e6);
    assert_eq!(h.state().workload().name, original.name);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().workload().name, "Renamed");
    assert_eq!(h.state().can_undo(), (true, false));
    // A new change after an undo drops what could be redone.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    replace_text(&mut h, "Name", "Another");
    assert_eq!(h.state().can_undo(), (true, false));
    // A new document starts a new history.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    assert_eq!(h.state().can_undo(), (false, false));
}

#[test]
fn the_verdict_and_the_cost_table_copy_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), Some("assets/workloads/mvp_backend.ron")));
    let a = h.state().assessment().expect("assessed").clone();
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Copy cost table").click();
    h.step();
    let table = copied(&h).expect("the cost table was copied");
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows[0], "Option\tCloud\tKind\tUSD a month\tRole\tBreakdown");
    assert_eq!(rows.len(), 1 + a.costs.len(), "a row per option");
    // Each row's amount is the option's bill, as a plain number.
    for c in &a.costs {
        let row = rows
            .iter()
            .find(|r| r.starts_with(&format!("{}\t", c.option.label())))
            .unwrap_or_else(|| panic!("a row for {}", c.option.label()));
        assert_eq!(
            row.split('\t').nth(3),
            Some(format!("{:.2}", c.monthly_usd).as_str()),
            "{row}"
        );
    }
    // The recommended option is marked, and only it.
    let recommended = rows.iter().filter(|r| r.contains("\trecommended\t")).count();
    assert_eq!(recommended, 1, "{table}");
    h.run();
    assert!(h.query_by_label_contains("Copied the cost table").is_some());
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Copy verdict").click();
    h.step();
    let verdict = copied(&h).expect("the verdict was copied");
    assert!(
        verdict.starts_with(&format!("{}: {}", a.workload.name, a.verdict.label())),
        "{verdict}"
    );
    assert!(verdict.contains(&a.summary), "{verdict}");
    assert!(verdict.contains(&a.recommendation.text), "{verdict}");
}

#[test]
fn the_help_menu_explains_the_terms_and_names_the_version_and_prices() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), None));
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Glossary…").click();
    h.run();
    for term in [
        "p99",
        "Peak-to-average",
        "Provisioned concurrency",
        "Hard stop",
        "Close call",
        "Confidence",
        "Break-even",
        "Flip point",
    ] {
        assert!(h.query_by_label(term).is_some(), "the glossary explains {term}");
    }
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About serverless-advisor…").click();
    h.run();
    let version = format!("serverless-advisor {}", env!("CARGO_PKG_VERSION"));
    assert!(h.query_by_label(&version).is_some(), "About names the version");
    let compiled = h.state().book().compiled_on.clone();
    assert!(
        h.query_by_label_contains(&format!("compiled {compiled}"))
            .is_some(),
        "About names the price book's date"
    );
    // Quit is in the File menu with its shortcut, and Ctrl+Q asks first with unsaved edits.
    h.get_by_label("File").click();
    h.run();
    assert!(h.query_by_label("Quit Ctrl+Q").is_some(), "Quit shows Ctrl+Q");
    h.key_press(Key::Escape);
    h.run();
    replace_text(&mut h, "Name", "Edited");
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(
        h.query_by_label("Unsaved changes").is_some(),
        "Ctrl+Q asks before discarding the edits"
    );
    h.get_by_label("Discard changes").click();
    h.step();
    let closing = h
        .output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(closing, "then the window closes");
}

#[test]
fn the_earlier_problems_flag_opens_every_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut opts = options(dir.path(), None);
    opts.startup_messages = vec!["A first problem at start".into()];
    let mut h = harness(opts);
    // A later message pushes the problem out of the status bar; the flag stays.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Copy verdict").click();
    h.run();
    let flag = h.get_by_label("⚠ 1 earlier problem");
    flag.click();
    h.run();
    assert!(
        h.query_by_label("Messages of this session").is_some(),
        "the messages window"
    );
    assert!(h.query_by_label("⚠ A first problem at start").is_some());
}

#[test]
fn save_first_goes_on_with_the_action_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("first.ron");
    let mut h = harness(options(dir.path(), None));
    replace_text(&mut h, "Name", "Unsaved work");
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Save first").click();
    h.run();
    // No file yet: it asks where, then saves, then starts the new workload.
    replace_text(&mut h, "Path", file.to_str().unwrap());
    h.get_by_label("Save").click();
    h.run();
    assert!(file.exists(), "saved");
    assert!(std::fs::read_to_string(&file).unwrap().contains("Unsaved work"));
    assert_ne!(h.state().workload().name, "Unsaved work", "then New went on");
    assert!(!h.state().is_dirty());
}

#[test]
fn an_export_whose_name_says_another_format_is_questioned_once() {
    let dir = tempfile::tempdir().unwrap();
    let wrong = dir.path().join("report.md");
    let mut h = harness(options(dir.path(), Some("assets/workloads/mvp_backend.ron")));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    replace_text(&mut h, "Path", wrong.to_str().unwrap());
    h.get_by_label("Export").click();
    h.run();
    assert!(!wrong.exists(), "questioned, not written");
    assert!(
        h.query_by_label_contains(
            "report.md ends in .md, the name of a Markdown file, but this writes an HTML page"
        )
        .is_some()
    );
    // Asked once: the same name again writes the HTML page there.
    h.get_by_label("Export").click();
    h.run();
    let text = std::fs::read_to_string(&wrong).expect("written after the second Export");
    assert!(text.starts_with("<!DOCTYPE html>"), "an HTML page");
}

#[test]
fn the_verdict_stays_above_the_results_and_the_cost_table_sorts() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), Some("assets/workloads/mvp_backend.ron")));
    let a = h.state().assessment().unwrap().clone();
    let verdict = format!(
        "{}: {}",
        a.verdict.label(),
        a.recommendation.option.expect("an option").label()
    );
    assert!(
        h.query_by_label(&verdict).is_some(),
        "the bar above the results names {verdict}"
    );
    // No hard stops on this workload: no link to them.
    assert!(a.blockers.is_empty());
    assert!(h.query_by_label("Hard stops").is_none());
    // The table says how it is ordered, and a heading sorts it.
    h.state_mut().jump_to(serverless_advisor::ui::Section::Costs);
    h.run();
    assert!(
        h.query_by_label_contains("Listed with this workload's cloud first, cheapest first")
            .is_some()
    );
    h.get_by_label("USD a month").click();
    h.run();
    assert!(h.query_by_label("Sorted by USD a month, ascending.").is_some());
    h.get_by_label("USD a month ⏶").click();
    h.run();
    assert!(h.query_by_label("Sorted by USD a month, descending.").is_some());
    h.get_by_label("Default order").click();
    h.run();
    assert!(
        h.query_by_label_contains("Listed with this workload's cloud first")
            .is_some()
    );
    // Options with notes carry the info sign.
    let noted = a
        .costs
        .iter()
        .find(|c| !c.notes.is_empty())
        .expect("an option with notes");
    assert!(
        h.query_by_label_contains(&format!("{} ℹ", noted.option.label()))
            .is_some(),
        "{} is marked",
        noted.option.label()
    );
}

#[test]
fn the_curve_explorer_sweeps_the_duration_the_memory_and_the_peak() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), Some("assets/workloads/mvp_backend.ron")));
    h.state_mut().jump_to(serverless_advisor::ui::Section::CostCurves);
    h.run();
    h.get_by_label("Explore the curves…").click();
    h.run();
    assert!(
        h.query_by_label("Along:").is_some(),
        "the explorer offers its axes"
    );
    for axis in [
        "Average duration",
        "Memory",
        "Peak-to-average",
        "Monthly requests",
    ] {
        h.get_by_label(axis).click();
        h.run();
        let node = h.get_by_label(axis);
        assert_eq!(
            node.accesskit_node().toggled(),
            Some(egui::accesskit::Toggled::True),
            "{axis} is the chosen axis"
        );
        // The plot's legend names each plotted option on every axis (once
        // more than the legend under the results' chart does).
        let a = h.state().assessment().unwrap();
        for (option, _) in &a.cost_curves.curves {
            assert!(
                h.query_all_by_label(option.label()).count() >= 2,
                "{axis}: {}",
                option.label()
            );
        }
    }
}

#[test]
fn the_form_does_not_move_as_the_focus_goes_from_field_to_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), Some("assets/workloads/mvp_backend.ron")));
    let growth = "Growth (% a month)";
    let before = h.get_by_label(growth).rect();
    h.get_by_label(REQUESTS).focus();
    h.run();
    let focused_above = h.get_by_label(growth).rect();
    h.get_by_label(growth).focus();
    h.run();
    let focused_itself = h.get_by_label(growth).rect();
    assert_eq!(before, focused_above, "a hint above it moves nothing");
    assert_eq!(before, focused_itself, "nor its own");
    // The focused field's hint is written under it.
    assert!(
        h.query_by_label_contains("Expected growth in volume per month")
            .is_some()
    );
}

#[test]
fn the_cost_chart_has_a_legend_under_it_naming_each_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(dir.path(), Some("assets/workloads/live_chat.ron")));
    h.state_mut().jump_to(serverless_advisor::ui::Section::CostCurves);
    h.run();
    let a = h.state().assessment().unwrap().clone();
    let chart_bottom = h.get_by_label("Explore the curves…").rect().top();
    for (option, _) in &a.cost_curves.curves {
        // The legend's entry is the option's bare name (the table's rows carry a mark).
        let entry = h.get_by_label(option.label());
        assert!(
            entry.rect().bottom() <= chart_bottom,
            "{} above the explore button",
            option.label()
        );
    }
    assert!(
        h.query_by_label_contains("Solid: functions · dotted: serverless containers · dashed: servers")
            .is_some()
    );
}

#[test]
fn the_cold_start_finding_is_short_and_says_how_on_hover() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(options(
        dir.path(),
        Some("assets/workloads/thumbnail_generator.ron"),
    ));
    h.state_mut().jump_to(serverless_advisor::ui::Section::ColdStarts);
    h.run();
    let a = h.state().assessment().unwrap().clone();
    let short = serverless_advisor::report::cold_start_short(&a);
    let full = serverless_advisor::report::cold_start_sentence(&a);
    // Lambda's remedy: provisioned concurrency; then the SnapStart note.
    let (first, rest) = a.cold_start.remedy.split_once("; ").expect("two parts");
    assert!(
        short.contains(first) && !short.contains(rest) && full.contains(rest),
        "{short}"
    );
    // The window shows the finding with the remedy's first part...
    assert!(h.query_by_label(&short).is_some(), "{short}");
    assert!(h.query_by_label(&full).is_none());
    // ...and hovering it gives the rest.
    h.get_by_label(&short).hover();
    h.run();
    h.run();
    let more = format!("Also: {rest}.");
    assert!(h.query_by_label(&more).is_some(), "{more}");
}

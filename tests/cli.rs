//! The real binary, headless: report formats, exit codes, messages, atomic output.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::unreadable_literal,
    clippy::items_after_statements
)]

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_serverless-advisor");

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        // The headless commands must never need a display.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run the binary")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn json_report_has_the_design_keys() {
    let o = run(&[
        "report",
        "assets/workloads/thumbnail_generator.ron",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    for key in [
        "schema_version",
        "workload",
        "verdict",
        "confidence",
        "scores",
        "criteria",
        "blockers",
        "pattern",
        "costs",
        "break_even",
        "cold_start",
        "flip_points",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["workload"]["name"], "Thumbnail generator");
    assert!(["serverless", "traditional", "hybrid"].contains(&v["verdict"].as_str().expect("verdict")));
    let costs = v["costs"].as_array().expect("costs");
    let ids: Vec<&str> = costs.iter().map(|c| c["option"].as_str().expect("id")).collect();
    assert_eq!(
        ids,
        [
            "aws_lambda",
            "aws_fargate",
            "aws_ec2",
            "gcp_cloud_run",
            "gcp_cloud_functions",
            "gcp_compute_engine",
            "azure_functions",
            "azure_flex_consumption",
            "azure_functions_premium",
            "azure_container_apps",
            "azure_vm"
        ]
    );
    // 10M x 200 ms x 0.5 GB on Lambda: $2.00 + $16.6667.
    let lambda = &costs[0];
    assert!((lambda["monthly_usd"].as_f64().expect("usd") - 18.6667).abs() < 0.01);
    assert_eq!(lambda["kind"], "function");
    assert!(
        lambda["breakdown"]
            .as_array()
            .expect("lines")
            .iter()
            .any(|l| l["item"] == "duration")
    );
    for key in ["monthly_requests", "function_option", "server_option"] {
        assert!(v["break_even"].get(key).is_some(), "break_even.{key}");
    }
    for key in [
        "fraction_of_requests",
        "added_latency_ms",
        "meets_p99_target",
        "provisioned_concurrency_usd",
    ] {
        assert!(v["cold_start"].get(key).is_some(), "cold_start.{key}");
    }
    for c in v["criteria"].as_array().expect("criteria") {
        for key in ["id", "title", "weight", "leans", "points", "reason"] {
            assert!(c.get(key).is_some(), "criterion.{key}");
        }
    }
}

#[test]
fn markdown_and_html_reports() {
    let o = run(&[
        "report",
        "assets/workloads/video_transcoding.ron",
        "--format",
        "md",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    for heading in [
        "## Context and Problem Statement",
        "## Decision Drivers",
        "## Considered Options",
        "## Decision Outcome",
        "## Pros and Cons of the Options",
        "## More Information",
    ] {
        assert!(md.contains(heading), "missing {heading}");
    }
    let o = run(&[
        "report",
        "assets/workloads/video_transcoding.ron",
        "--format",
        "html",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.matches("<svg").count() >= 2);
    assert!(!html.contains("<script"));
}

#[test]
fn bad_file_exits_1_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("bad.ron");
    std::fs::write(
        &path,
        "Workload(\n    name: \"x\",\n    execution: (memory_mb: 50),\n)\n",
    )
    .expect("write");
    let o = run(&["report", path.to_str().expect("utf8"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("bad.ron:3:28"), "{err}");
    assert!(err.contains("execution.memory_mb"), "{err}");
    assert!(err.contains("50") && err.contains("128"), "{err}");
    assert!(stdout(&o).is_empty(), "nothing on stdout");
}

#[test]
fn missing_file_exits_1() {
    let o = run(&["report", "no/such/file.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/file.ron"), "{}", stderr(&o));
}

#[test]
fn bad_usage_exits_2() {
    let o = run(&["report", "assets/workloads/mvp_backend.ron", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("pdf"), "{}", stderr(&o));
    let o = run(&["frobnicate", "x"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = run(&["report"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("report"));
}

#[test]
fn output_is_written_whole_and_replaces_the_old_file() {
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("decision.md");
    std::fs::write(&out, "an old report that is longer than nothing").expect("seed");
    let o = run(&[
        "report",
        "assets/workloads/mvp_backend.ron",
        "--format",
        "md",
        "--output",
        out.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(text.starts_with("# Serverless or servers"));
    assert!(text.contains("## More Information"));
    let entries: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert_eq!(entries.len(), 1, "no temporary files left");
}

#[test]
fn unwritable_output_fails_cleanly() {
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("missing-folder").join("r.json");
    let o = run(&[
        "report",
        "assets/workloads/mvp_backend.ron",
        "--output",
        out.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
    assert!(!dir.path().join("missing-folder").exists());
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
}

#[test]
fn another_price_book_changes_the_numbers() {
    let dir = tempfile::tempdir().expect("dir");
    let book = serverless_advisor::pricing::BUILT_IN.replacen(
        "requests_per_million: (value: 0.20, source: \"infracost_lambda_function\")",
        "requests_per_million: (value: 0.40, source: \"infracost_lambda_function\")",
        1,
    );
    let path = dir.path().join("prices.ron");
    std::fs::write(&path, book).expect("write");
    let o = run(&[
        "report",
        "assets/workloads/thumbnail_generator.ron",
        "--pricing",
        path.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    // Requests now $4.00 instead of $2.00.
    assert!((v["costs"][0]["monthly_usd"].as_f64().expect("usd") - 20.6667).abs() < 0.01);
    // A broken price book is a bad file.
    std::fs::write(&path, "PriceBook(format_version: 1)").expect("write");
    let o = run(&[
        "report",
        "assets/workloads/thumbnail_generator.ron",
        "--pricing",
        path.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("prices.ron:"), "{}", stderr(&o));
}

#[test]
fn tuned_advice_rules_change_the_verdict_and_a_bad_one_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("advice.ron");
    let verdict = |extra: &[&str]| {
        let mut args = vec!["report", "assets/workloads/daily_maintenance.ron"];
        args.extend_from_slice(extra);
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        (
            v["verdict"].as_str().expect("verdict").to_owned(),
            v["close_call"].as_bool().expect("close_call"),
        )
    };
    assert_eq!(verdict(&[]), ("serverless".to_owned(), false));
    // A team that calls any two scores a close call gets one: the side to start on.
    let tuned = serverless_advisor::advice::rules::BUILT_IN
        .replacen("hybrid_margin_points: 7.0", "hybrid_margin_points: 100.0", 1)
        .replacen("hybrid_margin_share: 0.5", "hybrid_margin_share: 1.0", 1);
    assert_ne!(tuned, serverless_advisor::advice::rules::BUILT_IN);
    std::fs::write(&path, tuned).expect("write");
    assert_eq!(
        verdict(&["--advice", path.to_str().expect("utf8")]),
        ("serverless".to_owned(), true)
    );
    // A weight out of range names the file, the line and the field.
    let broken = serverless_advisor::advice::rules::BUILT_IN.replacen("cost: 3.0", "cost: -3.0", 1);
    std::fs::write(&path, broken).expect("write");
    let o = run(&[
        "report",
        "assets/workloads/daily_maintenance.ron",
        "--advice",
        path.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("advice.ron:") && e.contains("weights.cost") && e.contains("-3"),
        "{e}"
    );
}

#[test]
fn patterns_listing() {
    let o = run(&["patterns"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("api_backend"));
    let o = run(&["patterns", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let list = v.as_array().expect("array");
    assert!(list.len() >= 12);
    for p in list {
        for key in ["id", "name", "triggers", "kind", "nodes", "edges"] {
            assert!(p.get(key).is_some(), "{key}");
        }
    }
}

#[test]
fn patterns_check_reports_bad_files_by_name_and_line() {
    let dir = tempfile::tempdir().expect("dir");
    let good = std::fs::read_to_string("patterns/api_backend.ron").expect("read");
    std::fs::write(dir.path().join("api_backend.ron"), &good).expect("write");
    let broken = good
        .replacen("id: \"api_backend\"", "id: \"broken\"", 1)
        .replacen("(from: \"client\"", "(from: \"nobody\"", 1);
    std::fs::write(dir.path().join("broken.ron"), &broken).expect("write");
    let o = run(&["patterns", "--check", dir.path().to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let line = broken
        .lines()
        .position(|l| l.contains("\"nobody\""))
        .expect("line")
        + 1;
    assert!(err.contains(&format!("broken.ron:{line}:")), "{err}");
    assert!(err.contains("nobody"), "{err}");
    assert!(!err.contains("api_backend.ron"), "{err}");
    assert!(
        stdout(&o).contains("1 pattern file passed, 1 failed"),
        "{}",
        stdout(&o)
    );
    let _ = Path::new(BIN);
}

//! The workload file format, version 1: parsing, defaults, round trips, and
//! error messages that name file, line, column, field, value and what is allowed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::unreadable_literal,
    clippy::items_after_statements
)]

mod common;

use common::book;
use serverless_advisor::source::LoadError;
use serverless_advisor::workload::{Provider, Runtime, Shape, Trigger, Workload};

const DESIGN_EXAMPLE: &str = r#"Workload(
    name: "Thumbnail generator",
    description: "Resize uploads into three sizes",
    provider: Aws,                  // Aws | Gcp | Azure: the cloud whose serverless offer is judged
    traffic: (
        monthly_requests: 10000000, // invocations in a 730-hour month
        shape: Spiky,               // Steady | Diurnal | BusinessHours | Spiky | Scheduled
        peak_to_average: None,      // Some(f64): peak hourly rate / mean hourly rate; None: the shape's default
        growth_per_month: 0.0,      // fraction, e.g. 0.05 = +5% a month, for projections
    ),
    execution: (
        avg_duration_ms: 200.0,
        p99_duration_ms: 800.0,
        max_duration_s: 30.0,       // the longest single job
        memory_mb: 512,
        architecture: X86,          // X86 | Arm
        runtime: Python,            // Node | Python | Go | Rust | Java | Dotnet | Container
        cpu_bound: true,            // does a request keep a vCPU busy for its whole duration?
    ),
    triggers: [FileUpload],         // any of HttpApi | Webhook | FileUpload | Queue | Stream | Schedule
    api_gateway: Http,              // Http | Rest | NoGateway: front door when a trigger is HttpApi or Webhook
    state: Stateless,               // Stateless | ExternalStore | Sessions | LongLivedConnections | InMemory
    hardware: Standard,             // Standard | Gpu | CustomKernel | LargeMemory
    latency: (
        p99_target_ms: 1000.0,
        cold_start_tolerant: true,
    ),
    team: (
        ops_capacity: Low,          // Low | Medium | High: people and time to run servers
        stage: Mvp,                 // Mvp | Growing | Established
        lock_in_tolerance: Medium,  // Low | Medium | High
    ),
    pricing: (
        include_free_tier: false,
    ),
    servers: (
        instance: "t3.medium",      // an instance type in the price book
        target_utilization: 0.6,    // fraction of vCPU capacity the fleet is sized to
        min_instances: 1,
    ),
)
"#;

fn parse(text: &str) -> Result<Workload, LoadError> {
    Workload::from_ron(text, "w.ron", &book())
}

fn single_error(text: &str) -> serverless_advisor::source::FileError {
    match parse(text) {
        Ok(w) => panic!("expected an error, parsed {w:?}"),
        Err(e) => {
            let problems = e.problems();
            assert!(!problems.is_empty(), "{e}");
            problems[0].clone()
        }
    }
}

#[test]
fn the_design_example_parses() {
    let w = parse(DESIGN_EXAMPLE).expect("design example");
    assert_eq!(w.name, "Thumbnail generator");
    assert_eq!(w.provider, Provider::Aws);
    assert_eq!(w.traffic.shape, Shape::Spiky);
    assert!((w.traffic.monthly_requests - 1e7).abs() < 1e-6);
    assert_eq!(w.execution.runtime, Runtime::Python);
    assert_eq!(w.triggers, vec![Trigger::FileUpload]);
    assert_eq!(w.servers.instance, "t3.medium");
}

#[test]
fn only_the_name_is_required() {
    let w = parse(r#"Workload(name: "x")"#).expect("minimal");
    let d = Workload::default();
    assert_eq!(w.traffic, d.traffic);
    assert_eq!(w.execution, d.execution);
    assert_eq!(w.triggers, vec![Trigger::HttpApi]);
    // Without a struct name too.
    assert!(parse(r#"(name: "x")"#).is_ok());
    let e = single_error("Workload(description: \"no name\")");
    assert!(e.problem.contains("missing"), "{e}");
    assert_eq!(e.field, "name");
}

#[test]
fn a_long_mean_alone_derives_p99_and_maximum() {
    let w = parse(r#"Workload(name: "x", execution: (avg_duration_ms: 2000.0))"#).expect("valid");
    assert!((w.execution.p99_duration_ms - 8000.0).abs() < 1e-9);
    assert!((w.execution.max_duration_s - 8.0).abs() < 1e-9);
}

#[test]
fn a_p99_left_out_never_exceeds_the_longest_job_given() {
    // 90 s on average and 5 minutes at most: the usual 4x (6 minutes) would
    // be longer than the longest job, so the p99 is the longest job.
    let w = parse("Workload(name: \"x\", execution: (avg_duration_ms: 90000.0, max_duration_s: 300.0))")
        .expect("valid: the user wrote nothing wrong");
    assert!((w.execution.p99_duration_ms - 300_000.0).abs() < 1e-9);
    // Room to spare: the usual 4x.
    let w =
        parse("Workload(name: \"x\", execution: (avg_duration_ms: 100.0, max_duration_s: 30.0))").unwrap();
    assert!((w.execution.p99_duration_ms - 400.0).abs() < 1e-9);
    // A longest job shorter than the mean is still the user's mistake, and says so.
    let e = single_error("Workload(name: \"x\", execution: (avg_duration_ms: 9000.0, max_duration_s: 2.0))");
    assert_eq!(e.field, "execution.max_duration_s");
}

#[test]
fn saving_and_loading_gives_the_same_workload() {
    let b = book();
    for entry in std::fs::read_dir("assets/workloads").expect("samples") {
        let path = entry.expect("entry").path();
        let w = Workload::load(&path, &b).unwrap_or_else(|e| panic!("{e}"));
        let text = w.to_ron();
        assert!(text.contains("Workload("), "{text}");
        let again = Workload::from_ron(&text, "saved.ron", &b).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(w, again, "{}", path.display());
        assert_eq!(text, again.to_ron());
    }
}

#[test]
fn at_least_six_samples_and_all_valid() {
    let b = book();
    let count = std::fs::read_dir("assets/workloads")
        .expect("samples")
        .filter(|e| {
            let path = e.as_ref().expect("entry").path();
            Workload::load(&path, &b).unwrap_or_else(|e| panic!("{e}"));
            true
        })
        .count();
    assert!(count >= 6, "{count} samples");
}

#[test]
fn memory_below_minimum_names_everything() {
    let e = single_error("Workload(\n    name: \"x\",\n    execution: (\n        memory_mb: 50,\n    ),\n)");
    assert_eq!(e.file, "w.ron");
    assert_eq!((e.line, e.column), (4, 20));
    assert_eq!(e.field, "execution.memory_mb");
    assert_eq!(e.value, "50");
    assert!(e.problem.contains("below the 128 MB minimum"), "{e}");
    assert!(e.allowed.contains("128 to 10240"), "{e}");
    let text = e.to_string();
    assert!(
        text.starts_with("w.ron:4:20: field `execution.memory_mb` = 50: "),
        "{text}"
    );
}

#[test]
fn unknown_field_is_rejected_by_name() {
    let e = single_error("Workload(\n  name: \"x\",\n  traffic: (monthly_requests: 5, colour: 3),\n)");
    assert_eq!(e.field, "traffic.colour");
    assert!(e.problem.contains("unknown field `colour`"), "{e}");
    assert!(e.allowed.contains("monthly_requests"), "{e}");
    assert_eq!(e.line, 3);
}

#[test]
fn unknown_variant_is_rejected_by_name() {
    let e = single_error("Workload(name: \"x\", provider: Oracle)");
    assert!(e.problem.contains("unknown variant `Oracle`"), "{e}");
    assert!(e.allowed.contains("Aws") && e.allowed.contains("Azure"), "{e}");
    assert_eq!(e.field, "provider");
    let e = single_error("Workload(name: \"x\", triggers: [HttpApi, Carrier])");
    assert!(e.problem.contains("Carrier"), "{e}");
}

#[test]
fn wrong_type_names_the_field() {
    let e = single_error("Workload(name: \"x\", execution: (memory_mb: \"lots\"))");
    assert_eq!(e.field, "execution.memory_mb");
    assert!(e.value.contains("lots"), "{e}");
}

#[test]
fn ranges_are_checked() {
    let cases = [
        (
            "traffic: (monthly_requests: -5)",
            "traffic.monthly_requests",
            "negative",
        ),
        (
            "traffic: (monthly_requests: 1e13)",
            "traffic.monthly_requests",
            "above the maximum",
        ),
        (
            "traffic: (peak_to_average: Some(0.5))",
            "traffic.peak_to_average",
            "below the minimum",
        ),
        (
            "execution: (avg_duration_ms: 0.0)",
            "execution.avg_duration_ms",
            "must be more than 0",
        ),
        (
            "execution: (avg_duration_ms: inf)",
            "execution.avg_duration_ms",
            "infinite",
        ),
        (
            "execution: (avg_duration_ms: NaN)",
            "execution.avg_duration_ms",
            "not a number",
        ),
        (
            "execution: (avg_duration_ms: 200.0, p99_duration_ms: 100.0)",
            "execution.p99_duration_ms",
            "below the average duration",
        ),
        (
            "execution: (memory_mb: 20000)",
            "execution.memory_mb",
            "above the 10240 MB maximum",
        ),
        (
            "servers: (target_utilization: 0.0)",
            "servers.target_utilization",
            "must be more than 0",
        ),
        (
            "servers: (target_utilization: 1.5)",
            "servers.target_utilization",
            "above the maximum",
        ),
        (
            "servers: (instance: \"z9.huge\")",
            "servers.instance",
            "not an instance type",
        ),
        ("triggers: [Queue, Queue]", "triggers[1]", "listed twice"),
        (
            "latency: (p99_target_ms: -1.0)",
            "latency.p99_target_ms",
            "negative",
        ),
    ];
    for (fields, field, problem) in cases {
        let text = format!("Workload(name: \"x\", {fields})");
        let e = single_error(&text);
        assert_eq!(e.field, field, "{text}: {e}");
        assert!(e.problem.contains(problem), "{text}: {e}");
        assert!(!e.allowed.is_empty(), "{text}: {e}");
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let err = parse("Workload(name: \"x\", execution: (memory_mb: 50), servers: (min_instances: 1, target_utilization: 2.0))")
        .expect_err("two problems");
    assert_eq!(err.problems().len(), 2, "{err}");
}

#[test]
fn syntax_errors_have_a_position() {
    let e = single_error("Workload(\n  name: \"x\"\n  description: \"missing comma\",\n)");
    assert_eq!(e.line, 3, "{e}");
    let e = single_error("Workload(name: \"x\"");
    assert!(
        e.problem.contains("ends too early") || e.problem.contains("Expected"),
        "{e}"
    );
}

#[test]
fn a_missing_file_is_an_io_error() {
    let err = Workload::load(std::path::Path::new("does/not/exist.ron"), &book()).expect_err("missing");
    assert!(err.to_string().contains("does/not/exist.ron"), "{err}");
    assert!(err.to_string().contains("cannot read"), "{err}");
}

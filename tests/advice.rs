//! Advice engine tests: the verdicts an experienced architect gives for the
//! primer's "when to use / when not to use" cases, the hard stops per option,
//! cold starts against traffic, the flip points of the samples, determinism and
//! the rules file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::unreadable_literal,
    clippy::items_after_statements
)]

mod common;

use std::fmt::Write as _;

use common::{book, catalogue, samples};
use serverless_advisor::advice::flip::{ANSWERS, verdict_of};
use serverless_advisor::advice::rules::{AdviceRules, BUILT_IN};
use serverless_advisor::advice::{
    Assessment, Lean, Verdict, assess, built_in_rules, decide, is_serverless_side,
};
use serverless_advisor::cost::{OptionId, OptionKind, Profile};
use serverless_advisor::format;
use serverless_advisor::workload::{
    ApiGateway, Hardware, Level, Provider, Runtime, Shape, Stage, State, Trigger, Workload,
};

/// What a case's reasons must show.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// The criterion with this id leans this way.
    Leans(&'static str, Lean),
    /// The criterion's reason contains this text.
    Says(&'static str, &'static str),
    /// The cost criterion's reason cites the cheapest usable option's monthly
    /// price on each side, as the cost table shows them.
    CitesCosts,
    /// This option has a blocker with this id.
    Blocked(OptionId, &'static str),
    /// The hybrid split says this.
    Split(&'static str),
    /// Whether the two sides are within the close-call margin.
    CloseCall(bool),
    /// The one recommended option.
    Recommends(OptionId),
}

use Expect::{Blocked, CitesCosts, CloseCall, Leans, Recommends, Says, Split};

struct Case {
    /// A short description drawn from the primer's lists.
    description: &'static str,
    verdict: Verdict,
    build: fn(&mut Workload),
    expect: &'static [Expect],
}

fn workload(description: &str, build: fn(&mut Workload)) -> Workload {
    let mut w = Workload {
        name: description.chars().take(60).collect(),
        description: description.to_owned(),
        ..Workload::default()
    };
    build(&mut w);
    let problems = w.problems(&book());
    assert!(
        problems.is_empty(),
        "{description}: invalid test workload: {problems:?}"
    );
    w
}

fn set_durations(w: &mut Workload, avg_ms: f64, p99_ms: f64, max_s: f64) {
    w.execution.avg_duration_ms = avg_ms;
    w.execution.p99_duration_ms = p99_ms;
    w.execution.max_duration_s = max_s;
}

/// The table. Each verdict is what an architect would say from the description,
/// each reason the one that architect would give first.
const CASES: &[Case] = &[
    // ---- When to use ----
    Case {
        description: "Variable workload: image uploads resized into thumbnails, in bursts ten times the average",
        verdict: Verdict::Serverless,
        build: |w| {
            w.traffic.monthly_requests = 10e6;
            w.traffic.shape = Shape::Spiky;
            set_durations(w, 200.0, 800.0, 30.0);
            w.execution.cpu_bound = true;
            w.execution.runtime = Runtime::Python;
            w.triggers = vec![Trigger::FileUpload];
            w.api_gateway = ApiGateway::NoGateway;
            w.team.ops_capacity = Level::Low;
            w.team.stage = Stage::Mvp;
        },
        expect: &[
            Leans("traffic_variability", Lean::Serverless),
            Says("traffic_variability", "10.0x"),
            Leans("event_driven", Lean::Serverless),
            Says("event_driven", "File upload"),
        ],
    },
    Case {
        description: "Event-driven: payment webhooks whose volume follows daytime sales",
        verdict: Verdict::Serverless,
        build: |w| {
            w.traffic.monthly_requests = 600_000.0;
            w.traffic.shape = Shape::BusinessHours;
            w.traffic.peak_to_average = Some(6.0);
            set_durations(w, 300.0, 1200.0, 10.0);
            w.execution.memory_mb = 256;
            w.triggers = vec![Trigger::Webhook];
            w.state = State::ExternalStore;
            w.latency.p99_target_ms = 5000.0;
            w.team.ops_capacity = Level::Low;
        },
        expect: &[
            Leans("event_driven", Lean::Serverless),
            Says("event_driven", "Webhook"),
            Leans("cost", Lean::Serverless),
            CitesCosts,
        ],
    },
    Case {
        description: "Event-driven: clickstream events consumed from a stream at a modest volume",
        verdict: Verdict::Serverless,
        build: |w| {
            w.traffic.monthly_requests = 5e6;
            w.traffic.shape = Shape::Diurnal;
            set_durations(w, 50.0, 200.0, 2.0);
            w.execution.memory_mb = 256;
            w.triggers = vec![Trigger::Stream];
            w.api_gateway = ApiGateway::NoGateway;
            w.latency.p99_target_ms = 5000.0;
        },
        expect: &[
            Leans("event_driven", Lean::Serverless),
            Says("event_driven", "Stream"),
            Leans("job_duration", Lean::Serverless),
        ],
    },
    Case {
        description: "Short-running operations: a mobile app's API, requests of 80 ms",
        verdict: Verdict::Serverless,
        build: |w| {
            w.traffic.monthly_requests = 3e6;
            set_durations(w, 80.0, 300.0, 1.0);
            w.execution.memory_mb = 256;
        },
        expect: &[
            Leans("job_duration", Lean::Serverless),
            Says("job_duration", "80 ms"),
            Says("job_duration", "15.0 min"),
            Leans("cost", Lean::Serverless),
            CitesCosts,
        ],
    },
    Case {
        description: "Short-running operations: a data transformation step fed by a queue",
        verdict: Verdict::Serverless,
        build: |w| {
            w.traffic.monthly_requests = 1e6;
            w.traffic.shape = Shape::BusinessHours;
            set_durations(w, 400.0, 1500.0, 5.0);
            w.execution.memory_mb = 1024;
            w.execution.cpu_bound = true;
            w.triggers = vec![Trigger::Queue];
            w.api_gateway = ApiGateway::NoGateway;
            w.latency.p99_target_ms = 30_000.0;
        },
        expect: &[
            Leans("event_driven", Lean::Serverless),
            Leans("job_duration", Lean::Serverless),
            Leans("traffic_variability", Lean::Neutral),
            // One instance carries the busiest hour, so the peak costs the fleet nothing.
            Says("traffic_variability", "carries even that hour"),
        ],
    },
    Case {
        description: "Rapid prototyping: an MVP's sign-up and feed endpoints on Google Cloud",
        verdict: Verdict::Serverless,
        build: |w| {
            w.provider = Provider::Gcp;
            w.traffic.monthly_requests = 50_000.0;
            w.execution.runtime = Runtime::Go;
            w.state = State::ExternalStore;
            w.team.ops_capacity = Level::Low;
            w.team.stage = Stage::Mvp;
            w.team.lock_in_tolerance = Level::High;
            w.servers.instance = "e2-small".into();
        },
        expect: &[
            Leans("stage", Lean::Serverless),
            Says("stage", "MVP"),
            Leans("team_ops", Lean::Serverless),
            Leans("cost", Lean::Serverless),
            CitesCosts,
        ],
    },
    Case {
        description: "Low-to-medium traffic: an internal tool's API used in office hours, 200k requests a month",
        verdict: Verdict::Serverless,
        build: |w| {
            w.traffic.monthly_requests = 200_000.0;
            w.traffic.shape = Shape::BusinessHours;
            set_durations(w, 120.0, 500.0, 3.0);
        },
        expect: &[
            Leans("cost", Lean::Serverless),
            Says("cost", "200k"),
            CitesCosts,
            Leans("traffic_variability", Lean::Neutral),
            // One instance carries the busiest hour, so the peak costs the fleet nothing.
            Says("traffic_variability", "carries even that hour"),
        ],
    },
    Case {
        description: "Variable workload: seasonal retail promotions on Azure, bursts twenty times the average",
        verdict: Verdict::Serverless,
        build: |w| {
            w.provider = Provider::Azure;
            w.traffic.monthly_requests = 5e6;
            w.traffic.shape = Shape::Spiky;
            w.traffic.peak_to_average = Some(20.0);
            set_durations(w, 150.0, 600.0, 5.0);
            w.triggers = vec![Trigger::HttpApi, Trigger::Queue];
            w.latency.p99_target_ms = 3000.0;
            w.servers.instance = "F2".into();
        },
        expect: &[
            Leans("traffic_variability", Lean::Serverless),
            Says("traffic_variability", "20.0x"),
            Leans("event_driven", Lean::Serverless),
        ],
    },
    Case {
        description: "Scheduled task: a nightly clean-up job at 2 AM that runs about two minutes",
        verdict: Verdict::Serverless,
        build: |w| {
            w.traffic.monthly_requests = 30.0;
            w.traffic.shape = Shape::Scheduled;
            set_durations(w, 120_000.0, 180_000.0, 240.0);
            w.execution.memory_mb = 1024;
            w.triggers = vec![Trigger::Schedule];
            w.api_gateway = ApiGateway::NoGateway;
            w.state = State::ExternalStore;
            w.latency.p99_target_ms = 600_000.0;
            w.team.ops_capacity = Level::Low;
            w.servers.instance = "t3.micro".into();
        },
        expect: &[
            Leans("event_driven", Lean::Serverless),
            Says("event_driven", "Schedule"),
            Leans("traffic_variability", Lean::Serverless),
            // A container job billed per run costs as little as the function.
            Leans("cost", Lean::Neutral),
        ],
    },
    // ---- When not to use ----
    Case {
        description: "Long-running process: video rendering, every job one to three hours",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 2000.0;
            w.traffic.shape = Shape::Spiky;
            set_durations(w, 5_400_000.0, 9_000_000.0, 10_800.0);
            w.execution.memory_mb = 8192;
            w.execution.cpu_bound = true;
            w.execution.runtime = Runtime::Container;
            w.triggers = vec![Trigger::Queue];
            w.api_gateway = ApiGateway::NoGateway;
            w.latency.p99_target_ms = 3_600_000.0;
            w.servers.instance = "c5.large".into();
            w.servers.min_instances = 0;
        },
        expect: &[
            Leans("job_duration", Lean::Traditional),
            Says("job_duration", "3.0 h"),
            Blocked(OptionId::AwsLambda, "duration"),
        ],
    },
    Case {
        description: "Long-running process on special hardware: ML training on GPUs, four-hour jobs",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 100.0;
            w.traffic.shape = Shape::Scheduled;
            set_durations(w, 14_400_000.0, 18_000_000.0, 21_600.0);
            w.execution.memory_mb = 10_240;
            w.execution.cpu_bound = true;
            w.execution.runtime = Runtime::Container;
            w.triggers = vec![Trigger::Queue];
            w.api_gateway = ApiGateway::NoGateway;
            w.hardware = Hardware::Gpu;
            w.state = State::InMemory;
            w.latency.p99_target_ms = 3_600_000.0;
            w.servers.instance = "m5.large".into();
        },
        expect: &[
            Leans("hardware", Lean::Traditional),
            Says("hardware", "GPU"),
            Blocked(OptionId::AwsLambda, "gpu"),
            Blocked(OptionId::AwsFargate, "gpu"),
        ],
    },
    Case {
        description: "Latency-critical: an ad-bidding hot path that needs a sub-millisecond p99",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 5e9;
            w.traffic.shape = Shape::Steady;
            set_durations(w, 0.2, 0.4, 0.001);
            w.execution.memory_mb = 1024;
            w.execution.runtime = Runtime::Rust;
            w.execution.cpu_bound = true;
            w.api_gateway = ApiGateway::NoGateway;
            w.latency.p99_target_ms = 0.5;
            w.latency.cold_start_tolerant = false;
            w.servers.instance = "c5.large".into();
        },
        expect: &[
            Leans("latency", Lean::Traditional),
            Says("latency", "sub-millisecond"),
            Blocked(OptionId::AwsLambda, "sub_millisecond"),
        ],
    },
    Case {
        description: "Consistent high load: a checkout API at 1.5B requests a month, flat around the clock, run by a team that operates servers",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 1.5e9;
            w.traffic.shape = Shape::Steady;
            w.traffic.peak_to_average = Some(1.2);
            set_durations(w, 50.0, 200.0, 5.0);
            w.execution.memory_mb = 1024;
            w.execution.runtime = Runtime::Java;
            w.api_gateway = ApiGateway::Rest;
            w.state = State::Sessions;
            w.team.ops_capacity = Level::High;
            w.team.stage = Stage::Established;
            w.team.lock_in_tolerance = Level::Low;
            w.servers.instance = "m5.large".into();
            w.servers.min_instances = 3;
        },
        expect: &[
            Leans("cost", Lean::Traditional),
            Says("cost", "1.5B"),
            CitesCosts,
            Leans("traffic_variability", Lean::Traditional),
            Says("traffic_variability", "1.2x"),
        ],
    },
    Case {
        description: "Heavy state: a multiplayer game server holding WebSocket connections open",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 100e6;
            w.traffic.shape = Shape::Steady;
            w.traffic.peak_to_average = Some(1.5);
            set_durations(w, 20.0, 80.0, 1.0);
            w.state = State::LongLivedConnections;
            w.latency.p99_target_ms = 100.0;
            w.latency.cold_start_tolerant = false;
        },
        expect: &[
            Leans("state", Lean::Traditional),
            Says("state", "connections open"),
        ],
    },
    Case {
        description: "Heavy state: a recommendation service that keeps a 6 GB graph in memory",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 50e6;
            w.traffic.shape = Shape::Steady;
            w.traffic.peak_to_average = Some(1.4);
            set_durations(w, 30.0, 120.0, 2.0);
            w.execution.memory_mb = 8192;
            w.execution.runtime = Runtime::Java;
            w.state = State::InMemory;
            w.hardware = Hardware::LargeMemory;
            w.latency.p99_target_ms = 300.0;
            w.latency.cold_start_tolerant = false;
            w.servers.instance = "m5.large".into();
        },
        expect: &[
            Leans("state", Lean::Traditional),
            Leans("hardware", Lean::Traditional),
            Says("hardware", "8192 MB"),
        ],
    },
    Case {
        description: "Heavy state: team chat over WebSockets on a plain HTTP API, busy by day, with no event-driven work to hand off",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 60e6;
            w.traffic.shape = Shape::Diurnal;
            set_durations(w, 10.0, 50.0, 1.0);
            w.execution.runtime = Runtime::Go;
            w.state = State::LongLivedConnections;
            w.latency.p99_target_ms = 150.0;
            w.latency.cold_start_tolerant = false;
            w.servers.instance = "m5.large".into();
            w.servers.min_instances = 2;
        },
        expect: &[
            Blocked(OptionId::AwsLambda, "connections"),
            Leans("state", Lean::Traditional),
            Leans("hard_stops", Lean::Traditional),
            Leans("latency", Lean::Neutral),
            Says("latency", "rule out every serverless option on AWS"),
        ],
    },
    Case {
        description: "Heavy state: a match server holding the world in memory, whose longest matches run an hour",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 2e9;
            w.traffic.shape = Shape::Diurnal;
            set_durations(w, 2.0, 8.0, 3600.0);
            w.execution.memory_mb = 2048;
            w.execution.runtime = Runtime::Rust;
            w.execution.cpu_bound = true;
            w.state = State::InMemory;
            w.latency.p99_target_ms = 30.0;
            w.latency.cold_start_tolerant = false;
            w.servers.instance = "c5.large".into();
            w.servers.min_instances = 2;
        },
        expect: &[
            Blocked(OptionId::AwsLambda, "duration"),
            Leans("state", Lean::Traditional),
            Says("state", "in-memory state"),
        ],
    },
    Case {
        description: "Consistent high load: live-video defect checks at 2.6B events a month from a stream, flat around the clock, run by a team that operates servers",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 2.6e9;
            w.traffic.shape = Shape::Steady;
            w.traffic.peak_to_average = Some(1.2);
            set_durations(w, 200.0, 500.0, 2.0);
            w.execution.memory_mb = 2048;
            w.execution.runtime = Runtime::Container;
            w.execution.cpu_bound = true;
            w.triggers = vec![Trigger::Stream];
            w.api_gateway = ApiGateway::NoGateway;
            w.latency.p99_target_ms = 2000.0;
            w.team.ops_capacity = Level::High;
            w.team.stage = Stage::Established;
            w.servers.instance = "c5.large".into();
            w.servers.target_utilization = 0.7;
            w.servers.min_instances = 10;
        },
        expect: &[
            Leans("traffic_variability", Lean::Traditional),
            Leans("cost", Lean::Traditional),
            CitesCosts,
        ],
    },
    Case {
        description: "Event-driven, tiny ops team: device telemetry and commands at 300M a month from a stream, a queue and an API, where a small fleet costs a fifth of the functions: a side five times dearer is not bought for a softer reason",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 300e6;
            w.traffic.shape = Shape::Diurnal;
            w.traffic.peak_to_average = Some(3.0);
            set_durations(w, 100.0, 500.0, 10.0);
            w.execution.memory_mb = 256;
            w.triggers = vec![Trigger::Stream, Trigger::Queue, Trigger::HttpApi];
            w.state = State::ExternalStore;
            w.latency.p99_target_ms = 2000.0;
            w.team.ops_capacity = Level::Low;
            w.team.stage = Stage::Established;
            w.team.lock_in_tolerance = Level::High;
        },
        expect: &[
            Leans("cost", Lean::Traditional),
            Says("cost", "so cost decides the side"),
            Leans("team_ops", Lean::Serverless),
            Leans("event_driven", Lean::Serverless),
            CloseCall(false),
        ],
    },
    Case {
        description: "Event-driven: virus scans of uploaded files in a container image, half a million a month, a small ops team",
        verdict: Verdict::Serverless,
        build: |w| {
            w.traffic.monthly_requests = 500_000.0;
            w.traffic.shape = Shape::Diurnal;
            set_durations(w, 8000.0, 60_000.0, 300.0);
            w.execution.memory_mb = 2048;
            w.execution.runtime = Runtime::Container;
            w.execution.cpu_bound = true;
            w.triggers = vec![Trigger::FileUpload];
            w.api_gateway = ApiGateway::NoGateway;
            w.latency.p99_target_ms = 300_000.0;
            w.team.ops_capacity = Level::Low;
        },
        expect: &[
            Leans("event_driven", Lean::Serverless),
            Says("event_driven", "File upload"),
            Leans("team_ops", Lean::Serverless),
        ],
    },
    Case {
        description: "Long-running process: a nightly three-hour ETL on Azure; the plans with no hard limit guarantee a run an hour, and Container Apps jobs take it, at 2.6 times the VMs: a close call that starts on the VMs",
        verdict: Verdict::Traditional,
        build: |w| {
            w.provider = Provider::Azure;
            w.traffic.monthly_requests = 30.0;
            w.traffic.shape = Shape::Scheduled;
            set_durations(w, 3.0 * 3_600_000.0, 3.0 * 3_600_000.0, 3.0 * 3600.0);
            w.execution.memory_mb = 2048;
            w.execution.cpu_bound = true;
            w.triggers = vec![Trigger::Schedule];
            w.api_gateway = ApiGateway::NoGateway;
            w.latency.p99_target_ms = 4.0 * 3_600_000.0;
            w.servers.instance = "B2s".into();
            w.servers.min_instances = 0;
        },
        expect: &[
            Blocked(OptionId::AzureFunctions, "duration"),
            Leans("job_duration", Lean::Traditional),
            Says(
                "job_duration",
                "past the 1.0 h limit of Azure Functions (Flex Consumption)",
            ),
            Says("job_duration", "only Azure Container Apps takes it"),
            CloseCall(true),
            Recommends(OptionId::AzureVm),
        ],
    },
    Case {
        description: "Event-driven: queue-fed order steps on Azure whose slowest call waits 8 minutes, near the consumption plan's 10 and well inside the hour Flex Consumption guarantees",
        verdict: Verdict::Serverless,
        build: |w| {
            w.provider = Provider::Azure;
            w.traffic.monthly_requests = 5e6;
            set_durations(w, 2000.0, 30_000.0, 480.0);
            w.execution.runtime = Runtime::Dotnet;
            w.triggers = vec![Trigger::Queue];
            w.api_gateway = ApiGateway::NoGateway;
            w.state = State::ExternalStore;
            w.latency.p99_target_ms = 600_000.0;
            w.team.ops_capacity = Level::Low;
            w.team.lock_in_tolerance = Level::High;
            w.servers.instance = "B2s".into();
        },
        expect: &[
            // The side runs on Container Apps, the cheapest that meets the
            // target: the reason measures the job against it.
            Says(
                "job_duration",
                "Azure Container Apps has no hard limit on how long a run takes",
            ),
            Leans("event_driven", Lean::Serverless),
        ],
    },
    Case {
        description: "A container image on Google Cloud: Cloud Functions cannot run it, Cloud Run can",
        verdict: Verdict::Serverless,
        build: |w| {
            w.provider = Provider::Gcp;
            w.traffic.monthly_requests = 2e6;
            w.traffic.shape = Shape::BusinessHours;
            set_durations(w, 150.0, 600.0, 10.0);
            w.execution.runtime = Runtime::Container;
            w.team.ops_capacity = Level::Low;
            w.servers.instance = "e2-medium".into();
        },
        expect: &[
            Blocked(OptionId::GcpCloudFunctions, "container_image"),
            Blocked(OptionId::AzureFunctions, "container_image"),
            Leans("hard_stops", Lean::Traditional),
        ],
    },
    Case {
        description: "Steady but light: an internal queue worker handling five messages a second around the clock",
        verdict: Verdict::Serverless,
        build: |w| {
            w.traffic.monthly_requests = 5.0 * 3600.0 * 730.0;
            w.traffic.shape = Shape::Steady;
            w.traffic.peak_to_average = Some(1.1);
            set_durations(w, 40.0, 150.0, 2.0);
            w.execution.memory_mb = 256;
            w.triggers = vec![Trigger::Queue];
            w.api_gateway = ApiGateway::NoGateway;
            w.team.ops_capacity = Level::Low;
        },
        expect: &[
            Leans("traffic_variability", Lean::Neutral),
            Says("traffic_variability", "but light"),
            Leans("event_driven", Lean::Serverless),
        ],
    },
    Case {
        description: "Consistent high load at any shape: 100B spiky requests a month, where functions cost ten times a fleet, even for a small team",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 1e11;
            w.traffic.shape = Shape::Spiky;
            set_durations(w, 120.0, 600.0, 10.0);
            w.state = State::ExternalStore;
            w.team.ops_capacity = Level::Low;
            w.team.stage = Stage::Mvp;
            w.team.lock_in_tolerance = Level::High;
        },
        expect: &[
            Leans("cost", Lean::Traditional),
            Says("cost", "weighs 3x the usual"),
            CitesCosts,
        ],
    },
    Case {
        description: "Scheduled-looking work over HTTP on Azure: report exports that users wait on for up to 5 minutes, past the 230 s an HTTP-triggered function may take",
        verdict: Verdict::Serverless,
        build: |w| {
            w.provider = Provider::Azure;
            w.traffic.monthly_requests = 20_000.0;
            w.traffic.shape = Shape::BusinessHours;
            set_durations(w, 60_000.0, 240_000.0, 300.0);
            w.execution.memory_mb = 1024;
            w.execution.runtime = Runtime::Dotnet;
            w.execution.cpu_bound = true;
            w.latency.p99_target_ms = 400_000.0;
            w.team.ops_capacity = Level::Low;
            w.team.lock_in_tolerance = Level::High;
            w.servers.instance = "B2s".into();
        },
        expect: &[
            Leans("job_duration", Lean::Traditional),
            Says("job_duration", "must answer within 3.8 min"),
            Says("job_duration", "Durable Functions"),
        ],
    },
    Case {
        description: "Special hardware: packet capture that needs a custom kernel module",
        verdict: Verdict::Traditional,
        build: |w| {
            w.traffic.monthly_requests = 20e6;
            w.traffic.shape = Shape::Steady;
            w.triggers = vec![Trigger::Stream];
            w.api_gateway = ApiGateway::NoGateway;
            w.hardware = Hardware::CustomKernel;
        },
        expect: &[
            Leans("hardware", Lean::Traditional),
            Says("hardware", "kernel"),
            Blocked(OptionId::AwsLambda, "custom_kernel"),
            Blocked(OptionId::AwsFargate, "custom_kernel"),
        ],
    },
    // ---- Mixed ----
    Case {
        description: "Mixed: a short API with a few 45-minute export jobs",
        verdict: Verdict::Hybrid,
        build: |w| {
            w.traffic.monthly_requests = 2e6;
            set_durations(w, 150.0, 600.0, 2700.0);
            w.triggers = vec![Trigger::HttpApi, Trigger::Queue];
        },
        expect: &[
            Blocked(OptionId::AwsLambda, "duration"),
            Split("45.0 min"),
            Split("AWS Lambda"),
            Says("job_duration", "45.0 min"),
        ],
    },
    Case {
        description: "Mixed: live chat over WebSockets with push notifications sent from a queue",
        verdict: Verdict::Hybrid,
        build: |w| {
            w.provider = Provider::Azure;
            w.traffic.monthly_requests = 150e6;
            w.traffic.peak_to_average = Some(2.5);
            set_durations(w, 15.0, 60.0, 1.0);
            w.execution.runtime = Runtime::Dotnet;
            w.triggers = vec![Trigger::HttpApi, Trigger::Queue];
            w.api_gateway = ApiGateway::NoGateway;
            w.state = State::LongLivedConnections;
            w.latency.p99_target_ms = 200.0;
            w.latency.cold_start_tolerant = false;
            w.servers.instance = "F2".into();
            w.servers.min_instances = 2;
        },
        expect: &[
            Leans("state", Lean::Traditional),
            Split("connections"),
            Split("Queue"),
        ],
    },
];

fn criterion<'a>(a: &'a Assessment, id: &str) -> &'a serverless_advisor::advice::Criterion {
    a.criteria
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no criterion `{id}` in {:?}", ids(a)))
}

fn ids(a: &Assessment) -> Vec<&str> {
    a.criteria.iter().map(|c| c.id.as_ref()).collect()
}

fn explain(a: &Assessment) -> String {
    let mut s = format!(
        "verdict {:?} (serverless {:.1}, traditional {:.1}); summary: {}\n",
        a.verdict, a.scores.serverless, a.scores.traditional, a.summary
    );
    for c in &a.criteria {
        let _ = writeln!(
            s,
            "  {} w{} lean {:+.2} {:?}: {}",
            c.id, c.weight, c.lean, c.leans, c.reason
        );
    }
    for b in &a.blockers {
        let _ = writeln!(s, "  blocker {} on {}: {}", b.id, b.option.id(), b.reason);
    }
    s
}

/// The cheapest usable (unblocked) option of the provider on one side, with its price.
fn cheapest_usable(a: &Assessment, serverless_side: bool) -> Option<(OptionId, f64)> {
    a.costs
        .iter()
        .filter(|c| c.option.provider() == a.workload.provider)
        .filter(|c| is_serverless_side(c.option) == serverless_side)
        .filter(|c| !a.blockers.iter().any(|b| b.option == c.option))
        .map(|c| (c.option, c.monthly_usd))
        .min_by(|x, y| x.1.total_cmp(&y.1))
}

fn check(case: &Case, a: &Assessment) {
    let d = case.description;
    assert_eq!(a.verdict, case.verdict, "{d}\n{}", explain(a));
    for e in case.expect {
        match *e {
            Leans(id, lean) => {
                assert_eq!(criterion(a, id).leans, lean, "{d}: `{id}`\n{}", explain(a));
            }
            Says(id, text) => {
                let reason = &criterion(a, id).reason;
                assert!(
                    reason.contains(text),
                    "{d}: `{id}` reason lacks {text:?}: {reason}"
                );
            }
            CitesCosts => {
                let reason = &criterion(a, "cost").reason;
                for side in [true, false] {
                    let (option, usd) = cheapest_usable(a, side).expect("an option on each side");
                    assert!(
                        reason.contains(&format::usd(usd)) && reason.contains(option.label()),
                        "{d}: cost reason should cite {} at {}: {reason}",
                        option.label(),
                        format::usd(usd)
                    );
                }
            }
            Blocked(option, id) => assert!(
                a.blockers.iter().any(|b| b.option == option && b.id == id),
                "{d}: expected a `{id}` blocker on {}\n{}",
                option.id(),
                explain(a)
            ),
            Split(text) => {
                let split = a.recommendation.split.as_deref().unwrap_or_default();
                assert!(split.contains(text), "{d}: split lacks {text:?}: {split:?}");
            }
            CloseCall(close) => assert_eq!(a.close_call, close, "{d}: close call\n{}", explain(a)),
            Recommends(option) => assert_eq!(
                a.recommendation.option,
                Some(option),
                "{d}: recommended option\n{}",
                explain(a)
            ),
        }
    }
    // Every reason is written out, whatever the verdict.
    for c in &a.criteria {
        assert!(!c.reason.trim().is_empty(), "{d}: `{}` has no reason", c.id);
    }
    assert!(!a.summary.trim().is_empty(), "{d}: no summary");
}

#[test]
fn the_table_has_enough_cases_of_every_kind() {
    assert!(CASES.len() >= 15, "{} cases", CASES.len());
    for verdict in Verdict::ALL {
        assert!(
            CASES.iter().filter(|c| c.verdict == verdict).count() >= 2,
            "at least two {verdict:?} cases"
        );
    }
}

#[test]
fn verdicts_and_reasons_of_the_primer_cases() {
    let (b, cat) = (book(), catalogue());
    let mut failures = Vec::new();
    for case in CASES {
        let w = workload(case.description, case.build);
        let a = assess(&w, &b, &cat);
        if let Err(e) = std::panic::catch_unwind(|| check(case, &a)) {
            let message = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(message);
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The primer says consistent high load is cheaper on servers; with an
/// ordinary team (medium ops capacity, growing product, medium lock-in
/// tolerance) a flat 1.5B-request stateless API costs many times more on
/// functions than on a small fleet, and nothing else argues for functions
/// strongly enough to make it a close call.
#[test]
fn consistent_high_load_with_an_ordinary_team_is_traditional() {
    let (b, cat) = (book(), catalogue());
    let w = workload(
        "Consistent high load: a stateless API at 1.5B requests a month, flat around the clock",
        |w| {
            w.traffic.monthly_requests = 1.5e9;
            w.traffic.shape = Shape::Steady;
            w.traffic.peak_to_average = Some(1.2);
            set_durations(w, 50.0, 200.0, 5.0);
            w.execution.memory_mb = 1024;
        },
    );
    let a = assess(&w, &b, &cat);
    let (_, lambda) = cheapest_usable(&a, true).unwrap();
    let (_, fleet) = cheapest_usable(&a, false).unwrap();
    // The premise: functions cost several times the fleet here.
    assert!(lambda > 5.0 * fleet, "lambda {lambda}, fleet {fleet}");
    assert_eq!(criterion(&a, "cost").leans, Lean::Traditional);
    assert_eq!(a.verdict, Verdict::Traditional, "{}", explain(&a));
}

/// A hybrid "by parts" verdict for a short API with a few 45-minute jobs says
/// to serve the usual requests with Lambda and the long jobs elsewhere; the
/// recommendation should then name an option for each part, as the hybrid
/// verdict of the live-chat case does.
#[test]
fn a_hybrid_by_parts_recommends_an_option_for_each_part() {
    let w = workload("Mixed: a short API with a few 45-minute export jobs", |w| {
        w.traffic.monthly_requests = 2e6;
        set_durations(w, 150.0, 600.0, 2700.0);
        w.triggers = vec![Trigger::HttpApi, Trigger::Queue];
    });
    let a = assess(&w, &book(), &catalogue());
    assert_eq!(a.verdict, Verdict::Hybrid);
    let split = a.recommendation.split.as_deref().unwrap_or_default();
    assert!(split.contains("AWS Lambda"), "{split}");
    assert_eq!(
        a.recommendation.serverless_option,
        Some(OptionId::AwsLambda),
        "{}",
        a.recommendation.text
    );
    assert!(
        a.recommendation.text.contains("AWS Lambda"),
        "{}",
        a.recommendation.text
    );
}

// ---- Blockers per option ----

fn blocked_ids(a: &Assessment, id: &str) -> Vec<OptionId> {
    let mut v: Vec<OptionId> = a
        .blockers
        .iter()
        .filter(|b| b.id == id)
        .map(|b| b.option)
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn gpu_blocks_every_option_without_a_gpu_but_not_the_vms_or_cloud_run() {
    let (b, cat) = (book(), catalogue());
    for provider in Provider::ALL {
        let w = workload("GPU inference", |w| w.hardware = Hardware::Gpu);
        let w = Workload {
            provider: *provider,
            ..w
        };
        let a = assess(&w, &b, &cat);
        // Cloud Run attaches an NVIDIA L4; the VMs run GPU machines.
        let expected: Vec<OptionId> = OptionId::ALL
            .into_iter()
            .filter(|o| o.kind() != OptionKind::Server && *o != OptionId::GcpCloudRun)
            .collect();
        assert_eq!(blocked_ids(&a, "gpu"), expected, "{provider:?}");
        for vm in [
            OptionId::AwsEc2,
            OptionId::GcpComputeEngine,
            OptionId::AzureVm,
            OptionId::GcpCloudRun,
        ] {
            assert!(!a.blockers.iter().any(|x| x.option == vm), "{vm:?} blocked");
        }
        if *provider == Provider::Gcp {
            continue;
        }
        assert_eq!(a.verdict, Verdict::Traditional, "{provider:?}\n{}", explain(&a));
        assert_eq!(
            a.recommendation.traditional_option,
            Some(OptionId::server_of(*provider)),
            "{provider:?}: only the VMs are left"
        );
    }
}

#[test]
fn a_45_minute_job_blocks_the_15_10_and_9_minute_platforms_only() {
    let b = book();
    // Over HTTP, Cloud Run functions allow an hour; event-driven ones 9 minutes.
    let w = workload("A few 45-minute jobs", |w| set_durations(w, 150.0, 600.0, 2700.0));
    let a = assess(&w, &b, &catalogue());
    assert_eq!(
        blocked_ids(&a, "duration"),
        vec![OptionId::AwsLambda, OptionId::AzureFunctions]
    );
    let mut queued = w.clone();
    queued.triggers = vec![Trigger::Queue];
    let a = assess(&queued, &b, &catalogue());
    assert_eq!(
        blocked_ids(&a, "duration"),
        vec![
            OptionId::AwsLambda,
            OptionId::GcpCloudFunctions,
            OptionId::AzureFunctions
        ]
    );
    for open in [
        OptionId::AzureFunctionsPremium,
        OptionId::AwsFargate,
        OptionId::GcpCloudRun,
    ] {
        assert!(!a.blockers.iter().any(|x| x.option == open), "{open:?} blocked");
    }
    // Cloud Run's 60-minute limit: a 61-minute job is past it, a 59-minute one is not.
    let over = workload("61 minutes", |w| set_durations(w, 150.0, 600.0, 3660.0));
    let a = assess(&over, &b, &catalogue());
    assert!(blocked_ids(&a, "duration").contains(&OptionId::GcpCloudRun));
    let under = workload("59 minutes", |w| set_durations(w, 150.0, 600.0, 3540.0));
    let a = assess(&under, &b, &catalogue());
    assert!(!blocked_ids(&a, "duration").contains(&OptionId::GcpCloudRun));
    // Exactly at a limit is allowed: 900 s fits Lambda's 15 minutes.
    let at = workload("15 minutes", |w| set_durations(w, 150.0, 600.0, 900.0));
    let a = assess(&at, &b, &catalogue());
    assert!(!blocked_ids(&a, "duration").contains(&OptionId::AwsLambda));
}

#[test]
fn a_4_gb_function_blocks_azure_consumption_but_not_lambda() {
    let w = workload("4 GB of memory", |w| w.execution.memory_mb = 4096);
    let a = assess(&w, &book(), &catalogue());
    assert_eq!(blocked_ids(&a, "memory"), vec![OptionId::AzureFunctions]);
    let reason = &a.blockers.iter().find(|b| b.id == "memory").unwrap().reason;
    assert!(reason.contains("4096") && reason.contains("1536"), "{reason}");
    // 1.5 GB itself still fits Azure's consumption plan.
    let w = workload("1.5 GB of memory", |w| w.execution.memory_mb = 1536);
    let a = assess(&w, &book(), &catalogue());
    assert!(blocked_ids(&a, "memory").is_empty());
}

#[test]
fn a_sub_millisecond_target_blocks_functions_and_containers() {
    let w = workload("0.5 ms p99", |w| {
        set_durations(w, 0.1, 0.3, 0.001);
        w.latency.p99_target_ms = 0.5;
    });
    let a = assess(&w, &book(), &catalogue());
    let expected: Vec<OptionId> = OptionId::ALL
        .into_iter()
        .filter(|o| matches!(o.kind(), OptionKind::Function | OptionKind::Container))
        .collect();
    assert_eq!(blocked_ids(&a, "sub_millisecond"), expected);
    assert_eq!(a.verdict, Verdict::Traditional, "{}", explain(&a));
    // A 2 ms target is not sub-millisecond.
    let w = workload("2 ms p99", |w| {
        set_durations(w, 0.1, 0.3, 0.001);
        w.latency.p99_target_ms = 2.0;
    });
    assert!(blocked_ids(&assess(&w, &book(), &catalogue()), "sub_millisecond").is_empty());
}

/// Every workload the tests use: the table, the samples and the blocker cases.
fn all_workloads() -> Vec<Workload> {
    let mut out: Vec<Workload> = CASES.iter().map(|c| workload(c.description, c.build)).collect();
    out.extend(samples().into_iter().map(|(_, w)| w));
    out.push(workload("gpu", |w| w.hardware = Hardware::Gpu));
    out.push(workload("kernel", |w| w.hardware = Hardware::CustomKernel));
    out.push(workload("45 min", |w| set_durations(w, 150.0, 600.0, 2700.0)));
    out.push(workload("4 GB on Azure", |w| {
        w.provider = Provider::Azure;
        w.execution.memory_mb = 4096;
    }));
    out.push(workload("45 min on Azure", |w| {
        w.provider = Provider::Azure;
        set_durations(w, 150.0, 600.0, 2700.0);
    }));
    out.push(workload("45 min on GCP", |w| {
        w.provider = Provider::Gcp;
        set_durations(w, 150.0, 600.0, 2700.0);
    }));
    out.push(workload("sub-ms", |w| {
        set_durations(w, 0.1, 0.3, 0.001);
        w.latency.p99_target_ms = 0.5;
    }));
    out
}

#[test]
fn every_blocker_explains_itself_and_is_never_recommended() {
    let (b, cat) = (book(), catalogue());
    let mut seen_blockers = 0;
    for w in all_workloads() {
        let a = assess(&w, &b, &cat);
        for blocker in &a.blockers {
            seen_blockers += 1;
            assert!(!blocker.reason.trim().is_empty(), "{}: {blocker:?}", w.name);
            assert!(!blocker.alternative.trim().is_empty(), "{}: {blocker:?}", w.name);
        }
        let rec = &a.recommendation;
        for option in [rec.serverless_option, rec.traditional_option]
            .into_iter()
            .flatten()
        {
            // A hybrid by parts recommends the function for the usual requests even
            // though the longest jobs rule it out: it may then be blocked by their
            // duration only, and the split must send those jobs elsewhere.
            let only_long_jobs = a.verdict == Verdict::Hybrid
                && Some(option) == rec.serverless_option
                && rec.split.as_deref().is_some_and(|s| s.contains(option.label()))
                && rec.traditional_option.is_some()
                && a.blockers
                    .iter()
                    .filter(|x| x.option == option)
                    .all(|x| x.id == "duration");
            assert!(
                only_long_jobs || !a.blockers.iter().any(|x| x.option == option),
                "{}: recommends blocked {option:?}\n{}",
                w.name,
                explain(&a)
            );
            assert_eq!(
                option.provider(),
                w.provider,
                "{}: recommends another cloud",
                w.name
            );
        }
        // The verdict names which sides are used.
        match a.verdict {
            Verdict::Serverless => {
                assert!(
                    rec.serverless_option.is_some() && rec.traditional_option.is_none(),
                    "{}",
                    w.name
                );
            }
            Verdict::Traditional => {
                assert!(
                    rec.serverless_option.is_none() && rec.traditional_option.is_some(),
                    "{}",
                    w.name
                );
            }
            Verdict::Hybrid => assert!(rec.traditional_option.is_some(), "{}", w.name),
        }
    }
    assert!(seen_blockers >= 20, "only {seen_blockers} blockers seen");
}

// ---- Cold starts ----

#[test]
fn cold_starts_fall_as_traffic_rises() {
    let (b, cat) = (book(), catalogue());
    let base = workload("default API", |_| {});
    let fraction = |v: f64| {
        let mut w = base.clone();
        w.traffic.monthly_requests = v;
        assess(&w, &b, &cat).cold_start.fraction_of_requests
    };
    let volumes: Vec<f64> = (3..=10).map(|e| 10f64.powi(e)).collect();
    let fractions: Vec<f64> = volumes.iter().map(|v| fraction(*v)).collect();
    for (i, pair) in fractions.windows(2).enumerate() {
        // The share from concurrency rising hour to hour does not depend on the
        // volume, so at high volumes the fraction is flat: allow float noise only.
        assert!(
            pair[1] <= pair[0] * (1.0 + 1e-9),
            "cold fraction rose from {} at {:e} to {} at {:e}",
            pair[0],
            volumes[i],
            pair[1],
            volumes[i + 1]
        );
    }
    for f in &fractions {
        assert!((0.0..=1.0).contains(f), "{fractions:?}");
    }
    let (at_1e4, at_1e8) = (fraction(1e4), fraction(1e8));
    assert!(at_1e8 < at_1e4, "1e4: {at_1e4}, 1e8: {at_1e8}");
    // At 1,000 requests a month (one every 44 minutes) with a 5-minute keep-warm,
    // nearly every request is cold; at 100M almost none is.
    assert!(fraction(1e3) > 0.8, "{}", fraction(1e3));
    assert!(at_1e8 < 0.01, "{at_1e8}");
}

#[test]
fn provisioned_concurrency_covering_the_peak_removes_cold_starts_on_aws() {
    let (b, cat) = (book(), catalogue());
    for (volume, shape) in [
        (1e4, Shape::Spiky),
        (1e7, Shape::Diurnal),
        (1e9, Shape::BusinessHours),
    ] {
        let mut w = workload("warm", |_| {});
        w.traffic.monthly_requests = volume;
        w.traffic.shape = shape;
        let cold = assess(&w, &b, &cat).cold_start;
        assert!(
            cold.fraction_of_requests > 0.0,
            "{volume:e} {shape:?}: nothing cold to remove"
        );
        // Peak concurrency = peak x mean rate x duration; provision past it.
        let peak = w.peak_to_average() * volume / (730.0 * 3600.0) * w.execution.avg_duration_ms / 1000.0;
        w.pricing.provisioned_concurrency = (peak.ceil() as u32 + 1).max(cold.provisioned_instances);
        let warm = assess(&w, &b, &cat).cold_start;
        assert_eq!(warm.fraction_of_requests, 0.0, "{volume:e} {shape:?}: {warm:?}");
    }
}

// ---- Flip points ----

#[test]
fn every_flip_point_of_the_samples_flips_where_it_says() {
    let (b, cat) = (book(), catalogue());
    let rules = built_in_rules();
    let mut checked = 0;
    for (stem, w) in samples() {
        let a = assess(&w, &b, &cat);
        // A commitment flips as a whole term (tests/discounts.rs checks those).
        for flip in a.flip_points.iter().filter(|f| f.answer != "pricing.commitment") {
            let answer = serverless_advisor::advice::flip::answer(&flip.answer)
                .unwrap_or_else(|| panic!("{stem}: unknown answer {}", flip.answer));
            assert_ne!(
                flip.verdict, a.verdict,
                "{stem}: {flip:?} flips to the same verdict"
            );
            assert!(
                flip.value >= answer.min && flip.value <= answer.max,
                "{stem}: {flip:?} outside {}..{}",
                answer.min,
                answer.max
            );
            assert_eq!(flip.current, answer.get(&w), "{stem}: {flip:?}");
            let (toward, away) = if answer.integer {
                if flip.value > flip.current {
                    (flip.value - 1.0, flip.value + 1.0)
                } else {
                    (flip.value + 1.0, flip.value - 1.0)
                }
            } else if flip.value > flip.current {
                // The search brackets the boundary to under 8e-4 (relative); step 1e-3 either side.
                (flip.value * (1.0 - 1e-3), flip.value * (1.0 + 1e-3))
            } else {
                (flip.value * (1.0 + 1e-3), flip.value * (1.0 - 1e-3))
            };
            let at = |v: f64| verdict_of(&answer.set(&w, v), &b, rules, None);
            assert_eq!(
                at(toward),
                a.verdict,
                "{stem}: {} just on the current side of {} ({toward})",
                flip.answer,
                flip.value
            );
            assert_eq!(
                at(away),
                flip.verdict,
                "{stem}: {} just past {} ({away})",
                flip.answer,
                flip.value
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 5,
        "only {checked} flip points reported across the samples"
    );
}

#[test]
fn flip_search_agrees_with_the_full_assessment() {
    // verdict_of (the cheap path) and assess (the full one) must agree, or flip
    // points would be found against a different verdict than the one shown.
    let (b, cat) = (book(), catalogue());
    for w in all_workloads() {
        let a = assess(&w, &b, &cat);
        assert_eq!(
            verdict_of(&w, &b, built_in_rules(), None),
            a.verdict,
            "{}",
            w.name
        );
        let profile = Profile::new(w.traffic.shape, w.peak_to_average());
        let d = decide(&w, &b, built_in_rules(), &profile, true);
        assert_eq!(d.verdict, a.verdict);
        assert_eq!(d.scores, a.scores);
    }
}

// ---- Determinism and rules ----

#[test]
fn the_same_workload_gives_the_same_assessment() {
    let (b, cat) = (book(), catalogue());
    for w in all_workloads() {
        let first = assess(&w, &b, &cat);
        let second = assess(&w.clone(), &b, &cat);
        assert_eq!(first, second, "{}", w.name);
    }
}

#[test]
fn the_built_in_rules_parse() {
    let rules = AdviceRules::built_in().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rules.format_version, 1);
    assert_eq!(&rules, built_in_rules());
    let w = &rules.weights;
    for weight in [
        w.traffic_variability,
        w.event_driven,
        w.job_duration,
        w.cost,
        w.latency,
        w.state,
        w.hardware,
        w.team_ops,
        w.stage,
        w.lock_in,
    ] {
        assert!(weight > 0.0, "every criterion counts: {weight}");
    }
}

#[test]
fn a_negative_weight_is_refused_naming_the_field_and_line() {
    let needle = "cost: 3.0,";
    assert_eq!(
        BUILT_IN.matches(needle).count(),
        1,
        "the rules file changed; update the test"
    );
    let text = BUILT_IN.replace(needle, "cost: -1.0,");
    let line = 1 + text[..text.find("cost: -1.0").unwrap()].matches('\n').count();
    let e = AdviceRules::from_ron(&text, "rules.ron").expect_err("a negative weight");
    let problems = e.problems();
    assert_eq!(problems.len(), 1, "{e}");
    let p = &problems[0];
    assert_eq!(p.field, "weights.cost", "{e}");
    assert_eq!(p.line, line, "{e}");
    assert_eq!(p.value, "-1", "{e}");
    let message = e.to_string();
    assert!(
        message.contains("weights.cost") && message.contains("rules.ron") && message.contains("0 to 100"),
        "{message}"
    );
}

#[test]
fn a_decisive_cost_ratio_of_one_or_less_is_refused_and_its_absence_means_three() {
    let needle = "cost_ratio_decisive: 3.0,";
    assert_eq!(
        BUILT_IN.matches(needle).count(),
        1,
        "the rules file changed; update the test"
    );
    let text = BUILT_IN.replace(needle, "cost_ratio_decisive: 0.5,");
    let line = 1 + text[..text.find("cost_ratio_decisive: 0.5").unwrap()]
        .matches('\n')
        .count();
    let e = AdviceRules::from_ron(&text, "rules.ron").expect_err("a ratio under 1");
    let p = &e.problems()[0];
    assert_eq!(p.field, "thresholds.cost_ratio_decisive", "{e}");
    assert_eq!(p.line, line, "{e}");
    assert!(e.to_string().contains("1.01 to 1000"), "{e}");
    // A rules file written before the rule existed still loads, with the default.
    let old = BUILT_IN
        .replace(needle, "")
        .replace("ready_instances_fix: -0.2,", "");
    let rules = AdviceRules::from_ron(&old, "old.ron").expect("an older rules file loads");
    assert_eq!(rules.thresholds.cost_ratio_decisive, 3.0);
    assert_eq!(rules.leans.latency.ready_instances_fix, -0.2);
}

#[test]
fn a_rules_file_missing_an_answer_is_refused() {
    let text = BUILT_IN.replace("            Gpu: -1.0,\n", "");
    assert_ne!(text, BUILT_IN, "the rules file changed; update the test");
    let e = AdviceRules::from_ron(&text, "rules.ron").expect_err("no lean for Gpu");
    assert!(
        e.problems()
            .iter()
            .any(|p| p.field == "leans.hardware" && p.problem.contains("Gpu")),
        "{e}"
    );
}

#[test]
fn the_strangler_pattern_is_for_established_products_only() {
    use serverless_advisor::advice::{match_pattern, traits};
    let b = book();
    let cat = catalogue();
    let matched = |stage: Stage| {
        let mut w = workload("An HTTP API that scores close between the sides", |w| {
            w.triggers = vec![Trigger::HttpApi];
        });
        w.team.stage = stage;
        let profile = Profile::new(w.traffic.shape, w.peak_to_average());
        match_pattern(&w, Verdict::Hybrid, &traits(&w, &b, &profile), &cat, None)
            .expect("a pattern")
            .id
    };
    assert_eq!(matched(Stage::Established), "strangler_migration");
    for stage in [Stage::Mvp, Stage::Growing] {
        let id = matched(stage);
        assert_ne!(id, "strangler_migration", "{stage:?}");
        let kind = cat.patterns.iter().find(|p| p.id == id).map(|p| p.kind);
        assert_eq!(
            kind,
            Some(serverless_advisor::catalogue::PatternKind::Hybrid),
            "{stage:?}: {id}"
        );
    }
}

#[test]
fn a_pattern_that_serves_none_of_the_triggers_is_not_matched() {
    use serverless_advisor::advice::{match_pattern, traits};
    let b = book();
    let cat = catalogue();
    // An established product's queue consumer: the strangler facade (HTTP only)
    // fits its stage but not its trigger.
    let w = workload("A queue consumer of an established product", |w| {
        w.triggers = vec![Trigger::Queue];
        w.api_gateway = ApiGateway::NoGateway;
        w.team.stage = Stage::Established;
    });
    let profile = Profile::new(w.traffic.shape, w.peak_to_average());
    for verdict in [Verdict::Serverless, Verdict::Traditional, Verdict::Hybrid] {
        let id = match_pattern(&w, verdict, &traits(&w, &b, &profile), &cat, None)
            .expect("a pattern")
            .id;
        let p = cat.patterns.iter().find(|p| p.id == id).unwrap();
        assert!(p.triggers.contains(&Trigger::Queue), "{verdict:?}: {id}");
    }
}

#[test]
fn a_forced_verdict_is_summed_up_with_a_hard_stop_of_its_own_cloud() {
    // Google Cloud runs GPUs on Cloud Run, so only AWS and Azure are forced.
    for provider in [Provider::Aws, Provider::Azure] {
        let w = workload("GPU inference", |w| w.hardware = Hardware::Gpu);
        let w = Workload { provider, ..w };
        let a = assess(&w, &book(), &catalogue());
        assert_eq!(a.verdict, Verdict::Traditional, "{provider:?}");
        let own: Vec<&str> = a
            .blockers
            .iter()
            .filter(|b| b.option.provider() == provider)
            .map(|b| b.reason.as_str())
            .collect();
        assert!(own.contains(&a.summary.as_str()), "{provider:?}: {}", a.summary);
    }
}

#[test]
fn cold_starts_are_shown_for_a_serverless_option_that_is_not_ruled_out() {
    let b = book();
    // 45-minute jobs rule out Azure's consumption plan; Flex Consumption,
    // Azure's function plan, takes them (it has no hard limit).
    let w = workload("45-minute jobs from a queue on Azure", |w| {
        w.provider = Provider::Azure;
        set_durations(w, 1_200_000.0, 2_400_000.0, 2700.0);
        w.triggers = vec![Trigger::Queue];
        w.api_gateway = ApiGateway::NoGateway;
        w.latency.p99_target_ms = 3_600_000.0;
        w.servers.instance = "B2s".into();
    });
    let a = assess(&w, &b, &catalogue());
    assert!(a.blockers.iter().any(|x| x.option == OptionId::AzureFunctions));
    // The estimate is for the serverless option the advice would build on.
    let usable =
        |a: &Assessment, o: OptionId| is_serverless_side(o) && !a.blockers.iter().any(|x| x.option == o);
    assert!(usable(&a, a.cold_start.option), "{:?}", a.cold_start.option);
    // A container image rules out Flex and consumption alike; the premium
    // plan keeps an instance ready, so nothing starts cold and nothing needs adding.
    let mut image = w.clone();
    image.execution.runtime = Runtime::Container;
    let a = assess(&image, &b, &catalogue());
    assert!(usable(&a, a.cold_start.option), "{:?}", a.cold_start.option);
    let premium = serverless_advisor::advice::coldstart::estimate_on(
        OptionId::AzureFunctionsPremium,
        &image,
        &b,
        &Profile::new(image.traffic.shape, image.peak_to_average()),
    );
    assert!(premium.fraction_of_requests == 0.0 && premium.provisioned_concurrency_usd == 0.0);
    // A container image rules out Cloud Functions; Cloud Run's minimum
    // instances are priced at Cloud Run's own rates.
    let mut w = workload("A container API on Google Cloud", |w| {
        w.provider = Provider::Gcp;
        w.execution.runtime = Runtime::Container;
        w.servers.instance = "e2-medium".into();
    });
    let a = assess(&w, &b, &catalogue());
    assert_eq!(a.cold_start.option, OptionId::GcpCloudRun);
    // The break-even compares the option that remains, not the ruled-out function.
    assert_eq!(a.break_even.function_option, OptionId::GcpCloudRun);
    // The remedy is minimum instances, priced through Cloud Run's own bill:
    // never more than keeping them all month at the active rate, 730 h x 3600 s
    // x (1 vCPU x $0.000024 + 0.5 GiB x $0.0000025) = $66.357 each.
    let per_instance = 730.0 * 3600.0 * (0.000024 + 0.5 * 0.0000025);
    let n = f64::from(a.cold_start.provisioned_instances);
    assert!(n >= 1.0);
    assert!(
        a.cold_start.provisioned_concurrency_usd <= n * per_instance + 0.01,
        "{:?}",
        a.cold_start
    );
    // Where the function is usable, its cold starts are the ones shown.
    w.execution.runtime = Runtime::Python;
    let a = assess(&w, &b, &catalogue());
    assert_eq!(a.cold_start.option, OptionId::GcpCloudFunctions);
}

#[test]
fn azure_premium_has_no_hard_time_limit() {
    // DESIGN.md: premium is unbounded (60 minutes guaranteed). A six-hour job
    // rules out every other serverless option but never premium.
    let w = workload("Six-hour jobs", |w| {
        set_durations(w, 3_600_000.0, 18_000_000.0, 21_600.0);
        w.triggers = vec![Trigger::Queue];
        w.api_gateway = ApiGateway::NoGateway;
        w.latency.p99_target_ms = 30_000_000.0;
    });
    let a = assess(&w, &book(), &catalogue());
    let blocked = blocked_ids(&a, "duration");
    for option in [
        OptionId::AwsLambda,
        OptionId::GcpCloudFunctions,
        OptionId::GcpCloudRun,
        OptionId::AzureFunctions,
    ] {
        assert!(blocked.contains(&option), "{option:?}");
    }
    assert!(!blocked.contains(&OptionId::AzureFunctionsPremium));
}

#[test]
fn a_close_call_names_the_side_to_start_on_and_one_fallback_never_a_hybrid() {
    use serverless_advisor::advice::assess_with;
    // Rules under which any two scores are a close call.
    let text = BUILT_IN
        .replacen("hybrid_margin_points: 7.0", "hybrid_margin_points: 100.0", 1)
        .replacen("hybrid_margin_share: 0.5", "hybrid_margin_share: 1.0", 1);
    let rules = AdviceRules::from_ron(&text, "close.ron").unwrap();
    let (b, cat) = (book(), catalogue());
    let mut w = workload("A plain HTTP API", |w| {
        w.traffic.monthly_requests = 30e6;
        w.team.ops_capacity = Level::High;
    });
    for triggers in [vec![Trigger::HttpApi], vec![Trigger::HttpApi, Trigger::Queue]] {
        w.triggers = triggers;
        let a = assess_with(&w, &b, &cat, &rules);
        // A close call is one side to start on, not two platforms in production.
        assert!(a.close_call, "{}", explain(&a));
        assert_ne!(a.verdict, Verdict::Hybrid, "{}", explain(&a));
        let lead = if a.scores.serverless >= a.scores.traditional {
            Verdict::Serverless
        } else {
            Verdict::Traditional
        };
        assert_eq!(a.verdict, lead, "the verdict is the side that leads");
        let r = &a.recommendation;
        let (option, fallback) = (r.option.expect("an option"), r.fallback.expect("a fallback"));
        assert_eq!(is_serverless_side(option), a.verdict == Verdict::Serverless);
        assert_ne!(is_serverless_side(option), is_serverless_side(fallback));
        assert!(r.text.starts_with("Close call: start on"), "{}", r.text);
        assert!(a.summary.starts_with("Close call"), "{}", a.summary);
        assert!(r.split.is_none(), "{:?}", r.split);
    }
    // A side the 3x rule decides is no close call, however wide the margin,
    // and its scores still lead.
    let a = assess_with(&nightly_etl(1), &b, &cat, &rules);
    assert_eq!(a.verdict, Verdict::Traditional, "{}", explain(&a));
    assert!(!a.close_call);
    assert!(a.scores.traditional > a.scores.serverless, "{:?}", a.scores);
}

#[test]
fn no_curve_crossing_or_cheapest_claim_rests_on_a_ruled_out_option() {
    let (b, cat) = (book(), catalogue());
    for provider in Provider::ALL {
        let mut w = workload("GPU inference", |w| w.hardware = Hardware::Gpu);
        w.provider = *provider;
        let a = assess(&w, &b, &cat);
        let blocked: Vec<OptionId> = a.blockers.iter().map(|x| x.option).collect();
        assert!(!blocked.is_empty());
        for (option, _) in &a.cost_curves.curves {
            assert!(!blocked.contains(option), "{provider:?}: {option:?} is drawn");
            // The curves are the chosen cloud's; the table holds every cloud's.
            assert_eq!(option.provider(), *provider, "{option:?}");
        }
        assert!(!a.cost_curves.curves.is_empty());
        assert_eq!(a.costs.len(), OptionId::ALL.len());
        if a.break_even.monthly_requests.is_some() {
            assert!(!blocked.contains(&a.break_even.function_option), "{provider:?}");
            assert!(!blocked.contains(&a.break_even.server_option), "{provider:?}");
        }
    }
}

// ---- Issue cases: requirements first, reasons that hold, one recommendation ----

/// A nightly 25-minute ETL on Azure shipped as a container image with 10 GB:
/// consumption, Flex Consumption and Container Apps are ruled out, leaving
/// the premium plan on the serverless side.
fn nightly_etl(min_instances: u32) -> Workload {
    workload("Nightly 25-minute ETL on Azure", |w| {
        w.provider = Provider::Azure;
        w.traffic.monthly_requests = 30.0;
        w.traffic.shape = Shape::Scheduled;
        set_durations(w, 1_500_000.0, 1_500_000.0, 1500.0);
        w.execution.memory_mb = 10_240;
        w.execution.runtime = Runtime::Container;
        w.execution.cpu_bound = true;
        w.triggers = vec![Trigger::Schedule];
        w.api_gateway = ApiGateway::NoGateway;
        w.latency.p99_target_ms = 3_600_000.0;
        w.team.ops_capacity = Level::Low;
        w.servers.instance = "B2s".into();
        w.servers.min_instances = 0;
    })
    .pipe(|mut w| {
        w.servers.min_instances = min_instances;
        w
    })
}

trait Pipe: Sized {
    fn pipe(self, f: impl FnOnce(Self) -> Self) -> Self {
        f(self)
    }
}
impl Pipe for Workload {}

fn usd_of(a: &Assessment, o: OptionId) -> f64 {
    a.costs
        .iter()
        .find(|c| c.option == o)
        .map_or(f64::NAN, |c| c.monthly_usd)
}

#[test]
fn a_nightly_etl_is_not_sent_to_an_always_on_plan_many_times_dearer_than_the_vms() {
    let (b, cat) = (book(), catalogue());
    for floor in [0, 1] {
        let a = assess(&nightly_etl(floor), &b, &cat);
        let premium = usd_of(&a, OptionId::AzureFunctionsPremium);
        let vms = usd_of(&a, OptionId::AzureVm);
        assert!(
            premium > 3.0 * vms,
            "floor {floor}: premium {premium} vs VMs {vms}"
        );
        assert_eq!(a.verdict, Verdict::Traditional, "floor {floor}\n{}", explain(&a));
        assert_eq!(a.recommendation.option, Some(OptionId::AzureVm), "floor {floor}");
        assert!(!a.close_call, "floor {floor}: a many-times gap is no close call");
        // The cost counts by ratio: full strength at this many times dearer.
        let cost = criterion(&a, "cost");
        assert_eq!(cost.leans, Lean::Traditional);
        assert!(cost.points >= 9.9, "floor {floor}: {cost:?}");
        // No reason claims the premium plan scales to zero.
        for c in &a.criteria {
            assert!(
                !(c.reason.contains("scales to zero") && c.reason.contains("premium")),
                "floor {floor}: {}",
                c.reason
            );
        }
        assert!(!a.summary.contains("scale to zero"), "{}", a.summary);
    }
    // Nor that it costs nothing idle.
    let mut mvp = nightly_etl(1);
    mvp.team.stage = Stage::Mvp;
    let a = assess(&mvp, &b, &cat);
    let stage = &criterion(&a, "stage").reason;
    assert!(!stage.contains("cost nothing idle"), "{stage}");
}

#[test]
fn a_b2b_api_that_misses_its_p99_on_cold_starts_gets_an_option_that_meets_it() {
    let (b, cat) = (book(), catalogue());
    let w = workload("B2B API on Azure with a 500 ms p99", |w| {
        w.provider = Provider::Azure;
        w.traffic.monthly_requests = 3000.0;
        w.traffic.shape = Shape::BusinessHours;
        set_durations(w, 120.0, 300.0, 10.0);
        w.execution.memory_mb = 512;
        w.execution.runtime = Runtime::Dotnet;
        w.triggers = vec![Trigger::HttpApi];
        w.latency.p99_target_ms = 500.0;
        w.latency.cold_start_tolerant = false;
    });
    // Consumption's own estimate misses the target.
    let profile = Profile::new(w.traffic.shape, w.peak_to_average());
    let consumption =
        serverless_advisor::advice::coldstart::estimate_on(OptionId::AzureFunctions, &w, &b, &profile);
    assert!(!consumption.meets_p99_target, "{consumption:?}");
    let a = assess(&w, &b, &cat);
    let option = a.recommendation.option.expect("an option");
    assert_ne!(option, OptionId::AzureFunctions, "{}", explain(&a));
    // The recommended option meets the target: with priced ready instances,
    // or always ready, or a fleet.
    let meets = a.recommendation.ready_instances.is_some()
        || !is_serverless_side(option)
        || (a.cold_start.option == option && a.cold_start.meets_p99_target);
    assert!(meets, "{}\n{:?}", explain(&a), a.recommendation);
    assert!(
        a.recommendation.misses.is_empty(),
        "{:?}",
        a.recommendation.misses
    );
    if let Some(r) = &a.recommendation.ready_instances {
        assert!(r.monthly_usd > 0.0 && r.instances >= 1);
        assert!(
            a.recommendation.text.contains(&format::usd(r.monthly_usd)),
            "{}",
            a.recommendation.text
        );
    }
}

#[test]
fn a_target_no_option_meets_leads_the_headline_with_the_miss() {
    let (b, cat) = (book(), catalogue());
    let w = workload("An API whose work alone takes longer than its target", |w| {
        w.provider = Provider::Azure;
        set_durations(w, 300.0, 720.0, 10.0);
        w.latency.p99_target_ms = 500.0;
    });
    let a = assess(&w, &b, &cat);
    assert!(a.summary.starts_with("Misses the p99 target"), "{}", a.summary);
    assert!(
        a.summary.contains("ms over") && a.summary.contains("the work itself takes 720 ms"),
        "{}",
        a.summary
    );
    assert_eq!(a.recommendation.misses.len(), 1);
}

#[test]
fn variability_is_neutral_when_the_fleets_floor_carries_the_peak() {
    let (b, cat) = (book(), catalogue());
    let w = workload("A light day-and-night API", |w| {
        w.traffic.monthly_requests = 200_000.0;
        w.traffic.shape = Shape::Diurnal;
        w.traffic.peak_to_average = Some(4.0);
        w.servers.instance = "t3.micro".into();
    });
    let a = assess(&w, &b, &cat);
    let c = criterion(&a, "traffic_variability");
    // Its idle hours are a true reason (Lambda scales to zero in them); the peak is not.
    assert!(
        !c.reason.contains("sized for the peak") && !c.reason.contains("must grow"),
        "{}",
        c.reason
    );
    assert!(c.reason.contains("floor of 1 t3.micro"), "{}", c.reason);
    // With provisioned concurrency Lambda no longer scales to zero, so the
    // idle hours are no reason either: the criterion is neutral.
    let mut warm = w.clone();
    warm.pricing.provisioned_concurrency = 1;
    let a = assess(&warm, &b, &cat);
    let c = criterion(&a, "traffic_variability");
    assert_eq!(c.leans, Lean::Neutral, "{}", explain(&a));
    assert!(c.reason.contains("carries even that hour"), "{}", c.reason);
    assert!(c.reason.contains("does not scale to zero"), "{}", c.reason);
    // With many more requests the fleet must grow for the peak, and the reason says so.
    let busy = Workload {
        traffic: serverless_advisor::workload::Traffic {
            monthly_requests: 200e6,
            ..w.traffic.clone()
        },
        ..w
    };
    let a = assess(&busy, &b, &cat);
    let c = criterion(&a, "traffic_variability");
    assert_eq!(c.leans, Lean::Serverless, "{}", explain(&a));
    assert!(c.reason.contains("must grow from 1 to"), "{}", c.reason);
}

#[test]
fn exactly_one_option_is_recommended_and_hybrid_means_two_parts() {
    let (b, cat) = (book(), catalogue());
    for w in all_workloads()
        .into_iter()
        .chain([nightly_etl(0), nightly_etl(1)])
    {
        let a = assess(&w, &b, &cat);
        let marked = a
            .costs
            .iter()
            .filter(|c| serverless_advisor::report::option_role(&a, c.option) == Some("recommended"))
            .count();
        assert_eq!(
            marked,
            usize::from(a.recommendation.option.is_some()),
            "{}",
            w.name
        );
        assert!(
            a.recommendation.option.is_some(),
            "{}: nothing recommended",
            w.name
        );
        if a.verdict == Verdict::Hybrid {
            assert!(!a.close_call, "{}", w.name);
            assert!(
                a.recommendation.serverless_option.is_some() && a.recommendation.traditional_option.is_some(),
                "{}: a hybrid names a part on each side",
                w.name
            );
            assert!(a.recommendation.split.is_some(), "{}", w.name);
        } else {
            let option = a.recommendation.option.unwrap();
            assert_eq!(
                is_serverless_side(option),
                a.verdict == Verdict::Serverless,
                "{}",
                w.name
            );
            assert_eq!(a.recommendation.fallback.is_some(), a.close_call, "{}", w.name);
            // The scores shown agree with the side chosen.
            let lead = a.scores.serverless - a.scores.traditional;
            assert!(
                if a.verdict == Verdict::Serverless {
                    lead >= 0.0
                } else {
                    lead <= 0.0
                },
                "{}: {:?} with scores {:?}",
                w.name,
                a.verdict,
                a.scores
            );
        }
    }
}

#[test]
fn the_recommended_option_is_never_over_three_times_the_cheapest_that_meets_every_requirement() {
    let (b, cat) = (book(), catalogue());
    let rules = built_in_rules();
    for w in all_workloads()
        .into_iter()
        .chain([nightly_etl(0), nightly_etl(1)])
    {
        let profile = Profile::new(w.traffic.shape, w.peak_to_average());
        let d = decide(&w, &b, rules, &profile, false);
        let a = assess(&w, &b, &cat);
        if a.verdict == Verdict::Hybrid {
            continue; // two parts, priced each for its part
        }
        let picks: Vec<_> = [d.serverless_pick.as_ref(), d.traditional_pick.as_ref()]
            .into_iter()
            .flatten()
            .filter(|p| p.meets())
            .collect();
        let Some(cheapest) = picks.iter().map(|p| p.usd()).min_by(f64::total_cmp) else {
            continue;
        };
        let option = a.recommendation.option.unwrap();
        let chosen = picks
            .iter()
            .find(|p| p.option == option)
            .map_or(f64::NAN, |p| p.usd());
        assert!(
            chosen <= 3.0 * cheapest || chosen < rules.thresholds.cost_floor_usd,
            "{}: {} at {chosen} against {cheapest}\n{}",
            w.name,
            option.id(),
            explain(&a)
        );
    }
}

#[test]
fn a_verdict_on_a_step_finer_than_the_answer_names_its_billing_step() {
    let (b, cat) = (book(), catalogue());
    let mut checked = 0;
    for (stem, w) in samples() {
        let a = assess(&w, &b, &cat);
        for f in a.flip_points.iter().filter(|f| f.answer == "execution.memory_mb") {
            // Move the memory to 1 MB before the flip: the flip is now finer
            // than the answer's precision, and it must say why.
            let near = if f.value > f.current {
                f.value - 1.0
            } else {
                f.value + 1.0
            };
            let answer = ANSWERS.iter().find(|x| x.path == f.answer).unwrap();
            let moved = answer.set(&w, near);
            let again = assess(&moved, &b, &cat);
            assert_eq!(again.verdict, a.verdict, "{stem}: {near} MB keeps the verdict");
            let flip = again
                .flip_points
                .iter()
                .find(|g| g.answer == f.answer)
                .unwrap_or_else(|| panic!("{stem}: a memory flip next to {near} MB"));
            assert!((flip.value - flip.current).abs() <= 1.0, "{stem}: {flip:?}");
            let because = flip
                .because
                .as_deref()
                .unwrap_or_else(|| panic!("{stem}: {flip:?}"));
            // A per-MB bill (Lambda) has no step: the scores cross there.
            assert!(
                because.contains("MB") || because.contains("scores cross"),
                "{stem}: {because}"
            );
            assert!(again.stability.is_some(), "{stem}: the verdict names its step");
            checked += 1;
        }
    }
    assert!(checked >= 1, "no sample has a memory flip point to check");
}

#[test]
fn azure_memory_steps_are_named_as_azure_bills_them() {
    let b = book();
    let w = workload("Azure function at 512 MB", |w| {
        w.provider = Provider::Azure;
        w.execution.memory_mb = 512;
    });
    let profile = Profile::new(w.traffic.shape, w.peak_to_average());
    let answer = ANSWERS.iter().find(|x| x.path == "execution.memory_mb").unwrap();
    assert!(answer.within_precision(512.0, 513.0) && !answer.within_precision(512.0, 514.0));
    let because = serverless_advisor::advice::flip::billing_step(answer, &w, &b, &profile, 513.0);
    assert!(
        because.contains("513 MB bills as 640 MB")
            || because.contains("513 MB on its 2,048 MB instance size"),
        "{because}"
    );
}

#[test]
fn an_accepted_cold_start_miss_is_still_named_with_its_remedy_and_price() {
    let (b, cat) = (book(), catalogue());
    let w = workload("A rarely called Java API whose users accept slow starts", |w| {
        w.traffic.monthly_requests = 3000.0;
        w.traffic.shape = Shape::BusinessHours;
        set_durations(w, 120.0, 300.0, 10.0);
        w.execution.runtime = Runtime::Java;
        w.latency.p99_target_ms = 500.0;
        w.latency.cold_start_tolerant = true;
    });
    let a = assess(&w, &b, &cat);
    assert!(!a.cold_start.meets_p99_target, "{:?}", a.cold_start);
    assert!(a.summary.starts_with("Misses the p99 target"), "{}", a.summary);
    assert!(a.summary.contains("which the users accept"), "{}", a.summary);
    assert!(
        a.summary
            .contains(&format::usd(a.cold_start.provisioned_concurrency_usd)),
        "{}",
        a.summary
    );
}

#[test]
fn a_private_network_rules_out_azure_consumption_functions() {
    let (b, cat) = (book(), catalogue());
    for (stem, mut w) in samples() {
        w.provider = Provider::Azure;
        w.data.private_network = true;
        let a = assess(&w, &b, &cat);
        let blocker = a
            .blockers
            .iter()
            .find(|x| x.option == OptionId::AzureFunctions && x.id == "private_network")
            .unwrap_or_else(|| panic!("{stem}: consumption not ruled out: {:?}", a.blockers));
        assert!(
            blocker.alternative.contains("Flex Consumption"),
            "{stem}: {blocker:?}"
        );
        assert_ne!(a.recommendation.option, Some(OptionId::AzureFunctions), "{stem}");
        // Without the private network the plan stays in the running.
        w.data.private_network = false;
        let a = assess(&w, &b, &cat);
        assert!(!a.blockers.iter().any(|x| x.id == "private_network"), "{stem}");
    }
}

#[test]
fn reasons_for_a_serverless_container_pick_speak_of_containers_not_functions() {
    // A nightly 25-minute ETL on Azure for a team with little time to run
    // servers: a Container Apps job is the pick. Its reasons must be true of
    // it: it has an image to keep (no "functions leave patching"), and its
    // duration is measured against its own limit, not Flex Consumption's.
    let w = workload("Nightly 25-minute ETL on Azure", |w| {
        w.provider = Provider::Azure;
        w.traffic.monthly_requests = 30.0;
        w.traffic.shape = Shape::Scheduled;
        w.traffic.peak_to_average = None;
        set_durations(w, 1_500_000.0, 1_500_000.0, 1500.0);
        w.execution.memory_mb = 2048;
        w.execution.cpu_bound = true;
        w.triggers = vec![Trigger::Schedule];
        w.latency.p99_target_ms = 3_600_000.0;
        w.latency.cold_start_tolerant = true;
        w.team.ops_capacity = Level::Low;
        w.servers.instance = "D2s_v5".into();
        w.servers.min_instances = 0;
    });
    let a = assess(&w, &book(), &catalogue());
    assert_eq!(
        a.recommendation.option,
        Some(OptionId::AzureContainerApps),
        "{}",
        explain(&a)
    );
    let ops = &criterion(&a, "team_ops").reason;
    assert!(
        ops.contains("serverless containers") && ops.contains("image"),
        "{ops}"
    );
    assert!(!ops.contains("functions"), "{ops}");
    let duration = &criterion(&a, "job_duration").reason;
    assert!(duration.contains("Azure Container Apps"), "{duration}");
    assert!(!duration.contains("Flex"), "{duration}");
    assert!(!duration.contains("every millisecond"), "{duration}");
}

//! The advice engine: turns a workload into a verdict with reasons, hard stops,
//! costs, the break-even point, cold starts, a pattern and the flip points.
//!
//! `assess` is pure and deterministic: the same workload, price book and
//! catalogue always give the same assessment.

pub mod coldstart;
pub mod flip;
pub mod rules;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, PatternKind, Suits};
use crate::cost::{self, BreakEven, CostInput, OptionCost, OptionId, OptionKind, Profile, Sweep};
use crate::format;
use crate::pricing::PriceBook;
use crate::workload::{Hardware, Provider, Runtime, Stage, State, Trigger, Workload};
pub use coldstart::ColdStart;
pub use flip::FlipPoint;
pub use rules::AdviceRules;

/// Version of the assessment's JSON form.
pub const SCHEMA_VERSION: u32 = 1;
/// Points on each cost curve of the sweep.
pub const SWEEP_POINTS: usize = 41;

/// The decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Functions and managed services.
    Serverless,
    /// Servers or containers.
    Traditional,
    /// Each part on the side it suits.
    Hybrid,
}

impl Verdict {
    /// Every verdict.
    pub const ALL: [Self; 3] = [Self::Serverless, Self::Traditional, Self::Hybrid];

    /// A short label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Serverless => "Serverless",
            Self::Traditional => "Servers / containers",
            Self::Hybrid => "Hybrid",
        }
    }

    /// The id as in the JSON report.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::Serverless => "serverless",
            Self::Traditional => "traditional",
            Self::Hybrid => "hybrid",
        }
    }

    /// The catalogue kind that goes with the verdict.
    #[must_use]
    pub fn pattern_kind(self) -> PatternKind {
        match self {
            Self::Serverless => PatternKind::Serverless,
            Self::Traditional => PatternKind::Traditional,
            Self::Hybrid => PatternKind::Hybrid,
        }
    }
}

/// Which side a criterion leans to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lean {
    /// Toward functions.
    Serverless,
    /// Toward servers and containers.
    Traditional,
    /// Neither.
    Neutral,
}

/// One scored reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable id, e.g. `cost`.
    pub id: Cow<'static, str>,
    /// Title.
    pub title: Cow<'static, str>,
    /// How much it counts (from the rules file).
    pub weight: f64,
    /// Which side it leans to.
    pub leans: Lean,
    /// How strongly, 0 to 10.
    pub points: f64,
    /// The lean as a number, -1 (servers) to +1 (serverless).
    pub lean: f64,
    /// One plain sentence that cites the numbers.
    pub reason: String,
}

/// A hard stop for one option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Blocker {
    /// What stops it: `gpu`, `custom_kernel`, `duration`, `memory`, `sub_millisecond`.
    pub id: Cow<'static, str>,
    /// The option that can't be used.
    pub option: OptionId,
    /// Why, with the numbers.
    pub reason: String,
    /// What to use instead.
    pub alternative: String,
}

/// The two sides' scores, 0 to 100 each.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// Weighted share of reasons for serverless.
    pub serverless: f64,
    /// Weighted share of reasons for servers and containers.
    pub traditional: f64,
}

/// The matching catalogue pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatternRef {
    /// Pattern id.
    pub id: String,
    /// Pattern name.
    pub name: String,
    /// Why it was chosen.
    pub why: String,
}

/// What to build, named by option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// The cheapest unblocked serverless option on the provider, when the verdict uses one.
    pub serverless_option: Option<OptionId>,
    /// The cheapest unblocked server or container option on the provider, when the verdict uses one.
    pub traditional_option: Option<OptionId>,
    /// For a hybrid verdict, which part goes where.
    pub split: Option<String>,
    /// The recommendation in one or two sentences.
    pub text: String,
}

/// The price book the numbers came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceBookRef {
    /// Its title.
    pub title: String,
    /// Its date.
    pub compiled_on: String,
    /// The earliest date a source was read.
    pub sources_from: String,
    /// The latest date a source was read.
    pub sources_to: String,
}

/// Everything the engine concludes about one workload (the JSON report).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Version of this form, 1.
    pub schema_version: u32,
    /// The input with every default filled in.
    pub workload: Workload,
    /// The decision.
    pub verdict: Verdict,
    /// How sure, 0 to 1.
    pub confidence: f64,
    /// The one-line why.
    pub summary: String,
    /// Both sides' scores.
    pub scores: Scores,
    /// Every criterion with its reason.
    pub criteria: Vec<Criterion>,
    /// Hard stops per option.
    pub blockers: Vec<Blocker>,
    /// The matching pattern.
    pub pattern: PatternRef,
    /// What to build.
    pub recommendation: Recommendation,
    /// Every option's monthly bill.
    pub costs: Vec<OptionCost>,
    /// Where functions and servers cost the same.
    pub break_even: BreakEven,
    /// Cold starts on the provider's functions.
    pub cold_start: ColdStart,
    /// The smallest change to one answer that flips the verdict.
    pub flip_points: Vec<FlipPoint>,
    /// The week's traffic, hour by hour, as multiples of the mean.
    pub traffic_profile: Vec<f64>,
    /// Monthly cost of every option across volumes, for the plots.
    pub cost_curves: Sweep,
    /// The price book used.
    pub price_book: PriceBookRef,
    /// Assumptions worth reading before trusting the numbers.
    pub assumptions: Vec<String>,
}

/// The built-in rules, parsed once.
///
/// # Panics
/// Never in a tested build: the embedded file is checked by the test suite.
#[must_use]
pub fn built_in_rules() -> &'static AdviceRules {
    static RULES: OnceLock<AdviceRules> = OnceLock::new();
    RULES.get_or_init(|| {
        #[allow(clippy::expect_used)] // The embedded rules are validated by tests/advice.rs.
        AdviceRules::built_in().expect("the built-in assets/advice.ron is valid")
    })
}

/// Assesses a workload with the built-in rules.
#[must_use]
pub fn assess(workload: &Workload, book: &PriceBook, catalogue: &Catalogue) -> Assessment {
    assess_with(workload, book, catalogue, built_in_rules())
}

/// The part of the assessment the verdict depends on; cheap enough to repeat
/// in the flip-point search when `detailed` is false (no sentences are written).
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The verdict.
    pub verdict: Verdict,
    /// Its confidence.
    pub confidence: f64,
    /// Scores.
    pub scores: Scores,
    /// Criteria (reasons empty unless detailed).
    pub criteria: Vec<Criterion>,
    /// Blockers (texts empty unless detailed).
    pub blockers: Vec<Blocker>,
    /// For a hybrid by parts, the split.
    pub split: Option<String>,
    /// Whether only the longest jobs rule the provider's function out (a hybrid by parts).
    pub long_tail: bool,
    /// The serverless option that would carry the work: the provider's function,
    /// or the one a hard stop leaves (Cloud Run, Azure premium); `None` when none is left.
    pub carrier: Option<OptionId>,
    /// The one-line why (empty unless detailed).
    pub summary: String,
}

/// The longest run an option allows the workload, in seconds; `None` when
/// it has no hard limit. Cloud Run functions allow HTTP functions longer than
/// event-driven ones.
#[must_use]
pub fn duration_limit_s(option: OptionId, workload: &Workload, book: &PriceBook) -> Option<f64> {
    match option {
        OptionId::AwsLambda => Some(book.aws_lambda.max_duration_s.value),
        OptionId::GcpCloudFunctions => Some(book.gcp_cloud_functions.max_duration_s(http_only(workload))),
        OptionId::AzureFunctions => Some(book.azure_functions.max_duration_s.value),
        OptionId::GcpCloudRun => Some(book.gcp_cloud_run.max_duration_s.value),
        _ => None,
    }
}

/// The run time a plan with no hard limit still guarantees (a scale-in may
/// stop a run after it), in seconds.
#[must_use]
pub fn guaranteed_duration_s(option: OptionId, book: &PriceBook) -> Option<f64> {
    match option {
        OptionId::AzureFunctionsPremium => Some(book.azure_functions_premium.guaranteed_duration_s.value),
        OptionId::AzureFlexConsumption => Some(book.azure_flex_consumption.guaranteed_duration_s.value),
        _ => None,
    }
}

/// Whether every trigger arrives over HTTP.
fn http_only(workload: &Workload) -> bool {
    !workload.triggers.is_empty() && workload.triggers.iter().all(|t| t.is_http())
}

/// The most memory an option offers one instance, in MB; `None` when the fleet's instance decides.
#[must_use]
pub fn memory_limit_mb(option: OptionId, book: &PriceBook) -> Option<f64> {
    match option {
        OptionId::AwsLambda => Some(book.aws_lambda.max_memory_mb.value),
        OptionId::GcpCloudFunctions => book
            .gcp_cloud_functions
            .memory_sizes
            .last()
            .map(|s| f64::from(s.memory_mb)),
        OptionId::AzureFunctions => Some(book.azure_functions.max_memory_mb.value),
        OptionId::AzureFlexConsumption => book
            .azure_flex_consumption
            .instance_sizes
            .last()
            .map(|s| f64::from(s.memory_mb)),
        OptionId::AzureContainerApps => book.azure_container_apps.max_memory_mb(),
        OptionId::GcpCloudRun => Some(book.gcp_cloud_run.max_memory_mb.value),
        OptionId::AzureFunctionsPremium => book
            .azure_functions_premium
            .plans
            .last()
            .map(|p| p.memory_gb * 1024.0),
        _ => None,
    }
}

/// Whether an option sits on the serverless side of the decision.
#[must_use]
pub fn is_serverless_side(option: OptionId) -> bool {
    option.kind() == OptionKind::Function || option.is_serverless()
}

fn duration_alternative(option: OptionId) -> &'static str {
    match option {
        OptionId::AwsLambda => "AWS Fargate or AWS Batch, or split the work into steps under Step Functions",
        OptionId::GcpCloudFunctions => {
            "Cloud Run (up to 60 minutes) or Cloud Run jobs and Compute Engine for longer work"
        }
        OptionId::AzureFunctions => {
            "Azure Functions Flex Consumption or the premium plan (no hard limit, runs of up to 60 minutes guaranteed), or Durable Functions to split the work"
        }
        OptionId::GcpCloudRun => "Cloud Run jobs, Batch or Compute Engine",
        OptionId::AzureFunctionsPremium | OptionId::AzureFlexConsumption => {
            "Azure Container Apps jobs or Azure Batch, or Durable Functions to split the work into steps"
        }
        _ => "servers or containers",
    }
}

/// Whether the workload is all long-lived connections, with no event-driven
/// work beside them that functions could take (that case is split instead).
fn holds_connections_only(workload: &Workload) -> bool {
    workload.state == State::LongLivedConnections && !has_event_triggers(workload)
}

fn has_event_triggers(workload: &Workload) -> bool {
    workload.triggers.iter().any(|t| *t != Trigger::HttpApi)
}

fn connection_alternative(provider: Provider) -> &'static str {
    match provider {
        Provider::Aws => {
            "a container service (ECS on Fargate or EC2) that holds the sockets, or API Gateway WebSocket APIs calling Lambda per message"
        }
        Provider::Gcp => "Cloud Run (WebSockets up to its 60-minute request limit) or Compute Engine",
        Provider::Azure => "Azure Web PubSub or SignalR Service calling functions per message, or Azure VMs",
    }
}

fn server_alternative(provider: Provider, what: &str) -> String {
    let servers = match provider {
        Provider::Aws => "EC2",
        Provider::Gcp => "Compute Engine",
        Provider::Azure => "Azure VMs",
    };
    format!("{servers} {what}")
}

/// Every hard stop, per option.
#[must_use]
pub fn blockers(workload: &Workload, book: &PriceBook, rules: &AdviceRules, detailed: bool) -> Vec<Blocker> {
    let mut out = Vec::new();
    let mut push = |id: &'static str,
                    option: OptionId,
                    reason: &dyn Fn() -> String,
                    alternative: &dyn Fn() -> String| {
        out.push(Blocker {
            id: id.into(),
            option,
            reason: if detailed { reason() } else { String::new() },
            alternative: if detailed { alternative() } else { String::new() },
        });
    };
    let e = &workload.execution;
    let special_hardware = matches!(workload.hardware, Hardware::Gpu | Hardware::CustomKernel);
    for option in OptionId::ALL {
        let provider = option.provider();
        let kind = option.kind();
        match workload.hardware {
            // Cloud Run attaches a GPU (priced on instance-based billing).
            Hardware::Gpu if kind != OptionKind::Server && option != OptionId::GcpCloudRun => push(
                "gpu",
                option,
                &|| {
                    match option {
                    OptionId::AzureContainerApps => "The work needs GPUs; Container Apps offers them only as serverless GPU workload profiles, which the price book does not price.".to_owned(),
                    _ => format!("The work needs GPUs and {} offers none.", option.label()),
                }
                },
                &|| {
                    server_alternative(
                        provider,
                        "with GPUs, behind a queue (or a managed inference endpoint)",
                    )
                },
            ),
            Hardware::CustomKernel if kind != OptionKind::Server => push(
                "custom_kernel",
                option,
                &|| {
                    format!(
                        "The work needs a custom kernel or OS, and {} runs code on the provider's own.",
                        option.label()
                    )
                },
                &|| server_alternative(provider, "with your own machine image"),
            ),
            _ => {}
        }
        if let Some(limit) = duration_limit_s(option, workload, book)
            && e.max_duration_s > limit
        {
            push(
                "duration",
                option,
                &|| {
                    let longest = format::duration_ms(e.max_duration_s * 1000.0);
                    let limit = format::duration_ms(limit * 1000.0);
                    if option == OptionId::AzureFunctionsPremium {
                        format!(
                            "The longest job runs {longest}, past the {limit} that {} guarantees a run; a scale-in can stop it after that.",
                            option.label()
                        )
                    } else {
                        format!(
                            "The longest job runs {longest}, past the {limit} limit of {}.",
                            option.label()
                        )
                    }
                },
                &|| {
                    if special_hardware {
                        server_alternative(provider, "running the job to completion")
                    } else {
                        duration_alternative(option).to_owned()
                    }
                },
            );
        }
        if let Some(limit) = memory_limit_mb(option, book)
            && f64::from(e.memory_mb) > limit
        {
            push(
                "memory",
                option,
                &|| {
                    format!(
                        "{} MB is more than the {limit} MB maximum of {}.",
                        e.memory_mb,
                        option.label()
                    )
                },
                &|| match option {
                    // GPUs and custom kernels rule out the managed alternatives too.
                    _ if special_hardware => server_alternative(provider, "with enough memory"),
                    OptionId::AzureFunctions => {
                        "Azure Functions Flex Consumption (up to 4 GB) or the premium plan (up to 14 GB)"
                            .to_owned()
                    }
                    OptionId::AzureFlexConsumption | OptionId::AzureContainerApps => {
                        "the Azure Functions premium plan (up to 14 GB) or Azure VMs".to_owned()
                    }
                    OptionId::GcpCloudFunctions => "Cloud Run (up to 32 GiB)".to_owned(),
                    _ => server_alternative(provider, "with enough memory"),
                },
            );
        }
        // Consumption plans deploy code, not images.
        if e.runtime == Runtime::Container
            && matches!(
                option,
                OptionId::GcpCloudFunctions | OptionId::AzureFunctions | OptionId::AzureFlexConsumption
            )
        {
            push(
                "container_image",
                option,
                &|| {
                    format!(
                        "The work ships as a container image, and {} deploys source code, not images.",
                        option.label()
                    )
                },
                &|| {
                    match option {
                    OptionId::GcpCloudFunctions => "Cloud Run, which runs the image as it is".to_owned(),
                    _ => "Azure Container Apps, which runs the image as it is, or the Azure Functions premium plan (custom containers)"
                        .to_owned(),
                }
                },
            );
        }
        if holds_connections_only(workload) && kind == OptionKind::Function {
            push(
                "connections",
                option,
                &|| {
                    format!(
                        "Clients keep connections open, and {} runs code per event: no invocation lives on to hold a client's socket.",
                        option.label()
                    )
                },
                &|| connection_alternative(provider).to_owned(),
            );
        }
        if workload.latency.p99_target_ms < rules.thresholds.sub_millisecond_ms && kind != OptionKind::Server
        {
            push(
                "sub_millisecond",
                option,
                &|| {
                    if kind == OptionKind::Function {
                        format!(
                            "A {} ms p99 target is below what a managed request path adds: a warm call to {} alone takes about {} ms.",
                            workload.latency.p99_target_ms,
                            option.label(),
                            book.cold_starts.warm_overhead_ms(provider)
                        )
                    } else {
                        format!(
                            "A {} ms p99 target leaves no room for the network hop and request router in front of {}; only code running beside its callers answers that fast.",
                            workload.latency.p99_target_ms,
                            option.label()
                        )
                    }
                },
                &|| server_alternative(provider, "running the hot path in process, close to its callers"),
            );
        }
    }
    out
}

/// Workload traits the catalogue's `suits` lists match.
#[must_use]
pub fn traits(workload: &Workload, book: &PriceBook, profile: &Profile) -> Vec<Suits> {
    let mut out = Vec::new();
    if workload.hardware == Hardware::Gpu {
        out.push(Suits::Gpu);
    }
    if workload.state == State::LongLivedConnections {
        out.push(Suits::LongLivedConnections);
    }
    // An established product has a running system to move from.
    if workload.team.stage == Stage::Established {
        out.push(Suits::Migration);
    }
    let function = OptionId::function_of(workload.provider);
    if duration_limit_s(function, workload, book)
        .or_else(|| guaranteed_duration_s(function, book))
        .is_some_and(|limit| workload.execution.max_duration_s > limit)
    {
        out.push(Suits::LongJobs);
    }
    let peak = workload.peak_to_average();
    if peak <= 1.5 {
        out.push(Suits::SteadyLoad);
    }
    if peak >= 4.0 || profile.idle_hours() as f64 / 168.0 >= 0.25 {
        out.push(Suits::BurstyLoad);
    }
    out
}

struct Ctx<'a> {
    memo: cost::FleetMemo,
    workload: &'a Workload,
    book: &'a PriceBook,
    rules: &'a AdviceRules,
    profile: &'a Profile,
    detailed: bool,
}

impl Ctx<'_> {
    fn criterion(
        &self,
        id: &'static str,
        title: &'static str,
        weight: f64,
        lean: f64,
        reason: impl FnOnce() -> String,
    ) -> Criterion {
        let lean = lean.clamp(-1.0, 1.0);
        let leans = if lean > 0.05 {
            Lean::Serverless
        } else if lean < -0.05 {
            Lean::Traditional
        } else {
            Lean::Neutral
        };
        Criterion {
            id: id.into(),
            title: title.into(),
            weight,
            leans,
            points: (lean.abs() * 100.0).round() / 10.0,
            lean,
            reason: if self.detailed { reason() } else { String::new() },
        }
    }

    /// The cheapest of `options` at the workload's volume, with its price.
    fn cheapest_at_volume(&self, options: &[OptionId]) -> Option<(OptionId, f64)> {
        cost::cheapest(
            options,
            &CostInput::new(
                self.workload,
                self.book,
                self.profile,
                self.workload.traffic.monthly_requests,
            )
            .with_memo(&self.memo),
        )
    }
}

fn traffic_criterion(c: &Ctx<'_>) -> Criterion {
    let t = &c.rules.thresholds;
    let peak = c.workload.peak_to_average();
    let idle_share = c.profile.idle_hours() as f64 / 168.0;
    let by_peak = if peak >= t.neutral_peak_to_average {
        (peak - t.neutral_peak_to_average) / (t.variable_peak_to_average - t.neutral_peak_to_average)
    } else {
        (peak - t.neutral_peak_to_average) / (t.neutral_peak_to_average - 1.0).max(1e-9)
    };
    // Flat traffic argues for servers only as far as it keeps one busy.
    let busy = fleet_busyness(c);
    let by_peak = by_peak.clamp(t.steady_lean, 1.0);
    let by_peak = if by_peak < 0.0 {
        by_peak * busy.min(1.0)
    } else {
        by_peak
    };
    let by_idle = (idle_share / t.idle_share_full).min(1.0);
    // Idle hours can only add a serverless lean; with none, the peak alone decides.
    let lean = if by_idle > 0.0 {
        by_peak.max(by_idle)
    } else {
        by_peak
    };
    c.criterion("traffic_variability", "Traffic variability", c.rules.weights.traffic_variability, lean, || {
        let idle = format::percent(idle_share);
        if lean > 0.05 && idle_share > 0.0 {
            format!(
                "The busiest hour carries {peak:.1}x the average rate and {idle} of the week's hours are idle: functions scale to zero in the lulls while a fleet sized for the peak sits paid for."
            )
        } else if lean > 0.05 {
            format!(
                "The busiest hour carries {peak:.1}x the average rate: functions follow the bursts request by request, while a fleet must be sized for the peak or scale out behind it."
            )
        } else if lean <= -0.3 {
            format!(
                "Traffic is steady (the busiest hour is only {peak:.1}x the average, {idle} of hours idle), so an always-on fleet stays busy and pay-per-use gains little."
            )
        } else if peak < t.neutral_peak_to_average && busy < 1.0 {
            format!(
                "Traffic is flat (the busiest hour is {peak:.1}x the average) but light: on average it would keep one {} {} busy, so its flatness is no reason for servers.",
                c.workload.servers.instance,
                format::percent(busy)
            )
        } else {
            format!(
                "Traffic varies moderately (busiest hour {peak:.1}x the average, {idle} of hours idle): autoscaling servers and functions both follow it."
            )
        }
    })
}

/// The average load as a share of one server's capacity at the target
/// utilization (CPU-bound requests hold a vCPU; I/O-bound ones share it).
fn fleet_busyness(c: &Ctx<'_>) -> f64 {
    let w = c.workload;
    let in_flight = w.traffic.monthly_requests.max(0.0) / c.book.hours_per_month / 3600.0
        * w.execution.avg_duration_ms
        / 1000.0;
    let per_vcpu = if w.execution.cpu_bound {
        1.0
    } else {
        c.book.assumptions.io_bound_requests_per_vcpu
    };
    let vcpus = c
        .book
        .instance(&w.servers.instance)
        .map_or(1.0, |i| f64::from(i.vcpus));
    in_flight / (vcpus * per_vcpu * w.servers.target_utilization).max(1e-9)
}

fn event_criterion(c: &Ctx<'_>) -> Criterion {
    let l = &c.rules.leans;
    let triggers = &c.workload.triggers;
    let events: Vec<&Trigger> = triggers.iter().filter(|t| **t != Trigger::HttpApi).collect();
    let (lean, kind) = if triggers.is_empty() {
        (l.no_triggers, 0)
    } else if events.len() == triggers.len() {
        (l.all_events, 1)
    } else if events.is_empty() {
        (l.http_only, 2)
    } else {
        (l.mixed_triggers, 3)
    };
    c.criterion("event_driven", "Event-driven triggers", c.rules.weights.event_driven, lean, || {
        let names: Vec<&str> = triggers.iter().map(|t| t.label()).collect();
        match kind {
            0 => "No trigger is named, which reads as a standing service rather than work started by events.".to_owned(),
            1 => format!(
                "Work starts on events ({}), which function platforms wire up natively with retries and no polling loop to run.",
                names.join(", ")
            ),
            2 => "Requests arrive as an HTTP API: functions behind a gateway serve that well while requests stay short.".to_owned(),
            _ => format!(
                "Work arrives both as events and over HTTP ({}); functions take both natively.",
                names.join(", ")
            ),
        }
    })
}

fn duration_criterion(c: &Ctx<'_>, serverless_options: &[OptionId]) -> Criterion {
    let t = &c.rules.thresholds;
    let leans = &c.rules.leans.job_duration;
    let e = &c.workload.execution;
    // The most generous serverless option on the provider sets the bar.
    let best = serverless_options
        .iter()
        .map(|&o| {
            (
                o,
                duration_limit_s(o, c.workload, c.book).unwrap_or(f64::INFINITY),
            )
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((OptionId::function_of(c.workload.provider), f64::INFINITY));
    let function = OptionId::function_of(c.workload.provider);
    // A plan with no hard limit is measured against the run it guarantees.
    let function_limit = duration_limit_s(function, c.workload, c.book)
        .or_else(|| guaranteed_duration_s(function, c.book))
        .unwrap_or(f64::INFINITY);
    let max_ms = e.max_duration_s * 1000.0;
    // Azure answers an HTTP-triggered function within a fixed time on any plan.
    let http_only = !c.workload.triggers.is_empty()
        && c.workload
            .triggers
            .iter()
            .all(|t| matches!(t, Trigger::HttpApi | Trigger::Webhook));
    let http_cutoff = (c.workload.provider == Provider::Azure && http_only)
        .then_some(c.book.azure_functions.http_response_limit_s.value);
    // A plan with no hard limit that guarantees a run only so long.
    let guaranteed = if best.1.is_infinite() {
        guaranteed_duration_s(best.0, c.book)
    } else {
        None
    };
    let (lean, case) = if e.max_duration_s > best.1 {
        (leans.past_every_limit, 0)
    } else if e.max_duration_s > function_limit && guaranteed.is_some_and(|g| e.max_duration_s > g) {
        // Only a plan with no hard limit takes it, and longer than that plan promises.
        (leans.past_every_limit, 5)
    } else if e.max_duration_s > function_limit {
        // Past the function's own limit: as strong as being right at it.
        ((2.0 * leans.near_limit).max(-1.0), 1)
    } else if http_cutoff.is_some_and(|limit| e.max_duration_s > limit) {
        // Over HTTP the caller's connection is cut first: the job needs an asynchronous design.
        ((2.0 * leans.near_limit).max(-1.0), 6)
    } else if e.max_duration_s > t.near_limit_share * function_limit {
        // Closer to the limit, less room for a slow day: from the near-limit
        // lean at `near_limit_share` of it to twice that at the limit itself.
        let share = e.max_duration_s / function_limit;
        let closeness = (share - t.near_limit_share) / (1.0 - t.near_limit_share).max(1e-9);
        (leans.near_limit * (1.0 + closeness.clamp(0.0, 1.0)), 2)
    } else if e.avg_duration_ms <= t.short_job_ms {
        (leans.short, 3)
    } else {
        (leans.long, 4)
    };
    c.criterion("job_duration", "Job duration", c.rules.weights.job_duration, lean, || {
        let limit = |s: f64| {
            if s.is_finite() {
                format!("{} limit", format::duration_ms(s * 1000.0))
            } else {
                "no hard limit".to_owned()
            }
        };
        match case {
            0 => format!(
                "The longest job runs {}, longer than any serverless option on {} allows (at most the {} of {}).",
                format::duration_ms(max_ms),
                c.workload.provider.label(),
                limit(best.1),
                best.0.label()
            ),
            1 => format!(
                "The longest job ({}) is past the {} of {}; only {} takes it.",
                format::duration_ms(max_ms),
                limit(function_limit),
                function.label(),
                best.0.label()
            ),
            6 => format!(
                "Every request arrives over HTTP and the longest runs {}, but an HTTP-triggered Azure function must answer within {}: reply at once and finish the work asynchronously (Durable Functions), or run it elsewhere.",
                format::duration_ms(max_ms),
                format::duration_ms(http_cutoff.unwrap_or_default() * 1000.0)
            ),
            5 => format!(
                "The longest job ({}) is past the {} of {}, and longer than the {} that {} guarantees a run: a scale-in can stop it.",
                format::duration_ms(max_ms),
                limit(function_limit),
                function.label(),
                format::duration_ms(guaranteed.unwrap_or_default() * 1000.0),
                best.0.label()
            ),
            2 => format!(
                "The longest job ({}) is close to the {} of {}: a slow day turns into timeouts.",
                format::duration_ms(max_ms),
                limit(function_limit),
                function.label()
            ),
            3 => format!(
                "Requests average {} and the longest takes {}: short work, well inside the {} of {}.",
                format::duration_ms(e.avg_duration_ms),
                format::duration_ms(max_ms),
                limit(function_limit),
                function.label()
            ),
            _ => format!(
                "Requests average {} (longest {}), inside the {} of {} but long enough that every millisecond is billed.",
                format::duration_ms(e.avg_duration_ms),
                format::duration_ms(max_ms),
                limit(function_limit),
                function.label()
            ),
        }
    })
}

/// A criterion that turns the hard stops into the scores, so a verdict forced by
/// them is also the higher score.
fn hard_stops_criterion(
    c: &Ctx<'_>,
    blockers: &[Blocker],
    serverless_all: &[OptionId],
    serverless_usable: &[OptionId],
    long_tail: bool,
) -> Criterion {
    let leans = &c.rules.leans.hard_stops;
    let blocked_here: Vec<&Blocker> = blockers
        .iter()
        .filter(|b| serverless_all.contains(&b.option))
        .collect();
    let (lean, case) = if serverless_usable.is_empty() && long_tail {
        (leans.long_jobs_only, 1)
    } else if serverless_usable.is_empty() && !serverless_all.is_empty() {
        (leans.all_serverless_blocked, 0)
    } else if blocked_here.is_empty() {
        (0.0, 3)
    } else {
        (leans.some_blocked, 2)
    };
    c.criterion(
        "hard_stops",
        "Hard stops",
        c.rules.weights.hard_stops,
        lean,
        || {
            let names = |list: &[&Blocker]| {
                let mut names: Vec<&str> = list.iter().map(|b| b.option.label()).collect();
                names.dedup();
                names.join(", ")
            };
            match case {
                0 => format!(
                    "Every serverless option on {} is ruled out ({}): {}",
                    c.workload.provider.label(),
                    names(&blocked_here),
                    blocked_here.first().map_or(String::new(), |b| b.reason.clone())
                ),
                1 => format!(
                    "Only the longest jobs rule out {}; the usual requests still fit it.",
                    names(&blocked_here)
                ),
                2 => format!(
                    "{} is ruled out, but another serverless option on {} remains.",
                    names(&blocked_here),
                    c.workload.provider.label()
                ),
                _ => format!(
                    "No hard stop rules out a serverless option on {}.",
                    c.workload.provider.label()
                ),
            }
        },
    )
}

fn cost_criterion(c: &Ctx<'_>, serverless: &[OptionId], traditional: &[OptionId]) -> Criterion {
    let t = &c.rules.thresholds;
    let cheapest = |options: &[OptionId]| c.cheapest_at_volume(options);
    let (Some((so, s_usd)), Some((to, t_usd))) = (cheapest(serverless), cheapest(traditional)) else {
        return c.criterion("cost", "Cost at this volume", c.rules.weights.cost, 0.0, || {
            "One side has no usable option, so there is no price to compare.".to_owned()
        });
    };
    let gap = (t_usd - s_usd).abs();
    let lean = if s_usd.max(t_usd) < t.cost_floor_usd {
        0.0
    } else {
        let ratio = t_usd.max(0.01) / s_usd.max(0.01);
        let by_ratio = (ratio.ln() / t.cost_ratio_full.ln()).clamp(-1.0, 1.0);
        let by_gap = (gap / t.cost_gap_full_usd).clamp(t.cost_gap_min_share, 1.0);
        by_ratio * by_gap
    };
    // A gap that runs to tens of thousands a month outweighs the softer reasons:
    // each tenfold past `cost_gap_full_usd` adds the weight again, up to a cap.
    let growth = (gap / t.cost_gap_full_usd)
        .log10()
        .clamp(0.0, t.cost_weight_max_factor - 1.0);
    let weight = c.rules.weights.cost * (1.0 + growth);
    c.criterion("cost", "Cost at this volume", weight, lean, || {
        let volume = format::short_count(c.workload.traffic.monthly_requests);
        let tail = if s_usd.max(t_usd) < t.cost_floor_usd {
            " Both are small enough that cost should not decide.".to_owned()
        } else if growth > 0.05 {
            format!(
                " A gap of {} a month weighs {:.1}x the usual.",
                format::usd(gap),
                1.0 + growth
            )
        } else {
            String::new()
        };
        format!(
            "At {volume} requests a month {} costs {} and the cheapest server or container option ({}) costs {}.{tail}",
            so.label(),
            format::usd(s_usd),
            to.label(),
            format::usd(t_usd)
        )
    })
}

/// The p99 target against the serverless option that would carry the work
/// (`None` when hard stops rule out every one).
fn latency_criterion(c: &Ctx<'_>, option: Option<OptionId>) -> Criterion {
    let w = c.workload;
    let target = w.latency.p99_target_ms;
    let function_blocked = option.is_none();
    let option = option.unwrap_or_else(|| OptionId::function_of(w.provider));
    let (fraction, added, p99, meets) = coldstart::latency_on(option, w, c.book, c.profile);
    let overhead = c.book.cold_starts.warm_overhead_ms(w.provider);
    let leans = &c.rules.leans.latency;
    let (lean, case) = if target < c.rules.thresholds.sub_millisecond_ms {
        (-1.0, 0)
    } else if function_blocked {
        (0.0, 6)
    } else if w.execution.p99_duration_ms > target {
        (0.0, 1)
    } else if w.execution.p99_duration_ms + overhead > target {
        (leans.warm_overhead_misses, 2)
    } else if meets {
        (leans.met, 3)
    } else if w.latency.cold_start_tolerant {
        (leans.cold_starts_tolerated, 4)
    } else {
        (leans.cold_starts_miss, 5)
    };
    c.criterion("latency", "Latency target", c.rules.weights.latency, lean, || {
        let function = option.label();
        match case {
            0 => format!("A {target} ms p99 target is sub-millisecond: no managed function path answers that fast."),
            6 => format!(
                "Hard stops rule out every serverless option on {}, so how fast one would answer is not weighed.",
                w.provider.label()
            ),
            1 => format!(
                "The p99 of the work itself ({}) is already above the {} target on any platform; revisit the target or the work.",
                format::duration_ms(w.execution.p99_duration_ms),
                format::duration_ms(target)
            ),
            2 => format!(
                "Even warm, {function} adds about {overhead} ms per call, pushing the p99 ({}) past the {} target.",
                format::duration_ms(w.execution.p99_duration_ms + overhead),
                format::duration_ms(target)
            ),
            3 => format!(
                "The estimated p99 on {function} is {} with {} of requests starting cold, inside the {} target.",
                format::duration_ms(p99),
                format::percent(fraction),
                format::duration_ms(target)
            ),
            4 => format!(
                "{} of requests start cold and add about {}, so the p99 ({}) misses the {} target; the users accept an occasional slow start.",
                format::percent(fraction),
                format::duration_ms(added),
                format::duration_ms(p99),
                format::duration_ms(target)
            ),
            _ => format!(
                "{} of requests start cold and add about {}, so the p99 ({}) misses the {} target, and slow starts are not acceptable.",
                format::percent(fraction),
                format::duration_ms(added),
                format::duration_ms(p99),
                format::duration_ms(target)
            ),
        }
    })
}

fn state_criterion(c: &Ctx<'_>) -> Criterion {
    let state = c.workload.state;
    let lean = c.rules.leans.state.get(&state).copied().unwrap_or(0.0);
    c.criterion("state", "State and connections", c.rules.weights.state, lean, || {
        match state {
            State::Stateless => "Each request stands alone, so any instance can serve it and instances can come and go freely.",
            State::ExternalStore => "State lives in an external store, which functions reach like any other client.",
            State::Sessions => "User sessions must be kept outside the function (a cache or table), one more moving part per request.",
            State::LongLivedConnections => "Clients hold connections open, which functions cannot keep between invocations; servers hold them naturally.",
            State::InMemory => "The work relies on large in-memory state, which a function rebuilds on every cold start and cannot share.",
        }
        .to_owned()
    })
}

fn hardware_criterion(c: &Ctx<'_>) -> Criterion {
    let hardware = c.workload.hardware;
    let lean = c.rules.leans.hardware.get(&hardware).copied().unwrap_or(0.0);
    c.criterion("hardware", "Special hardware", c.rules.weights.hardware, lean, || {
        match hardware {
            Hardware::Standard => "Ordinary CPUs are enough, which every option offers.".to_owned(),
            Hardware::Gpu => "The work needs GPUs, which function platforms do not offer.".to_owned(),
            Hardware::CustomKernel => "The work needs a custom kernel or OS, which only your own machines allow.".to_owned(),
            Hardware::LargeMemory => format!(
                "The work needs large memory ({} MB per instance); functions cap it ({} MB on Azure consumption, 10 GB on Lambda) and bill every GB-second.",
                c.workload.execution.memory_mb, c.book.azure_functions.max_memory_mb.value
            ),
        }
    })
}

fn team_criteria(c: &Ctx<'_>) -> [Criterion; 3] {
    let team = &c.workload.team;
    let l = &c.rules.leans;
    let ops = c.criterion(
        "team_ops",
        "Team operations capacity",
        c.rules.weights.team_ops,
        l.ops_capacity.get(&team.ops_capacity).copied().unwrap_or(0.0),
        || match team.ops_capacity {
            crate::workload::Level::Low => "The team has little time to run servers; functions leave patching, scaling and capacity to the provider.",
            crate::workload::Level::Medium => "The team can run some infrastructure, but every server it does not own is time back for the product.",
            crate::workload::Level::High => "The team runs servers well already, so the operations saving of functions is small.",
        }
        .to_owned(),
    );
    let stage = c.criterion(
        "stage",
        "Product stage",
        c.rules.weights.stage,
        l.stage.get(&team.stage).copied().unwrap_or(0.0),
        || match team.stage {
            Stage::Mvp => "An MVP needs speed of change more than cost at scale; functions ship in minutes and cost nothing idle.",
            Stage::Growing => "A growing product needs room to scale; either side can give it.",
            Stage::Established => "An established product knows its load, which favours capacity sized and priced for it.",
        }
        .to_owned(),
    );
    let lock_in = c.criterion(
        "lock_in",
        "Lock-in tolerance",
        c.rules.weights.lock_in,
        l.lock_in_tolerance.get(&team.lock_in_tolerance).copied().unwrap_or(0.0),
        || match team.lock_in_tolerance {
            crate::workload::Level::Low => "Tying the code to one cloud's triggers and APIs is unwelcome; containers move between clouds more easily.",
            crate::workload::Level::Medium => "Some provider-specific code is acceptable if it is kept behind a thin adapter.",
            crate::workload::Level::High => "Using the provider's native services is acceptable, which is where functions shine.",
        }
        .to_owned(),
    );
    [ops, stage, lock_in]
}

/// The options of the workload's provider on each side.
/// A few options, kept on the stack: `decide` runs hundreds of times per
/// assessment and allocating these lists showed up in its profile.
#[derive(Debug, Clone, Copy)]
struct Options {
    items: [OptionId; OptionId::ALL.len()],
    len: usize,
}

impl Options {
    fn of(options: impl IntoIterator<Item = OptionId>) -> Self {
        let mut out = Self {
            items: OptionId::ALL,
            len: 0,
        };
        for o in options {
            out.items[out.len] = o;
            out.len += 1;
        }
        out
    }
}

impl std::ops::Deref for Options {
    type Target = [OptionId];

    fn deref(&self) -> &[OptionId] {
        &self.items[..self.len]
    }
}

fn sides(workload: &Workload) -> (Options, Options) {
    let options = OptionId::ALL
        .into_iter()
        .filter(|o| o.provider() == workload.provider);
    let serverless = Options::of(options.clone().filter(|o| is_serverless_side(*o)));
    let traditional = Options::of(options.filter(|o| !is_serverless_side(*o)));
    (serverless, traditional)
}

/// How close, in points, the two sides' scores must be to count as a close call.
#[must_use]
pub fn hybrid_margin(rules: &AdviceRules, scores: Scores) -> f64 {
    let t = &rules.thresholds;
    t.hybrid_margin_points
        .min(t.hybrid_margin_share * scores.serverless.max(scores.traditional))
}

/// Scores, verdict and reasons; the core of `assess`.
#[must_use]
pub fn decide(
    workload: &Workload,
    book: &PriceBook,
    rules: &AdviceRules,
    profile: &Profile,
    detailed: bool,
) -> Decision {
    let c = Ctx {
        memo: cost::FleetMemo::default(),
        workload,
        book,
        rules,
        profile,
        detailed,
    };
    let blockers = blockers(workload, book, rules, detailed);
    let blocked = |o: &OptionId| blockers.iter().any(|b| b.option == *o);
    let (serverless_all, traditional_all) = sides(workload);
    let serverless = Options::of(serverless_all.iter().copied().filter(|o| !blocked(o)));
    let traditional = Options::of(traditional_all.iter().copied().filter(|o| !blocked(o)));

    let e = &workload.execution;
    let function = OptionId::function_of(workload.provider);
    // Only the longest jobs rule the functions out: the usual requests still fit them.
    // Heavy state goes with the whole workload, so it is not split by duration.
    let heavy_state = matches!(workload.state, State::LongLivedConnections | State::InMemory);
    let long_tail_split = serverless.is_empty()
        && !heavy_state
        && !serverless_all.is_empty()
        && blockers
            .iter()
            .all(|b| b.id == "duration" || !serverless_all.contains(&b.option))
        && duration_limit_s(function, workload, book)
            .is_some_and(|limit| e.p99_duration_ms / 1000.0 <= limit);
    // For a long tail, price the function for the work it can take.
    let priced_serverless = if long_tail_split {
        Options::of([function])
    } else {
        serverless
    };

    let carrier = if long_tail_split || !blocked(&function) {
        Some(function)
    } else {
        serverless.first().copied()
    };
    let [ops, stage, lock_in] = team_criteria(&c);
    let criteria = vec![
        traffic_criterion(&c),
        event_criterion(&c),
        duration_criterion(&c, &serverless_all),
        cost_criterion(&c, &priced_serverless, &traditional),
        latency_criterion(&c, carrier),
        state_criterion(&c),
        hardware_criterion(&c),
        ops,
        stage,
        lock_in,
        hard_stops_criterion(&c, &blockers, &serverless_all, &serverless, long_tail_split),
    ];
    let total_weight: f64 = criteria.iter().map(|k| k.weight).sum::<f64>().max(1e-9);
    let side = |sign: f64| {
        100.0
            * criteria
                .iter()
                .map(|k| k.weight * (sign * k.lean).max(0.0))
                .sum::<f64>()
            / total_weight
    };
    let scores = Scores {
        serverless: side(1.0),
        traditional: side(-1.0),
    };
    let diff = scores.serverless - scores.traditional;
    let margin = hybrid_margin(rules, scores);
    // Which part goes where when the parts fit different sides.
    let connection_split = workload.state == State::LongLivedConnections
        && has_event_triggers(workload)
        && !serverless.is_empty();

    let (verdict, confidence, split) = if serverless.is_empty() && !long_tail_split {
        (Verdict::Traditional, 0.9, None)
    } else if long_tail_split {
        let split = detailed.then(|| {
            let alternative = blockers
                .iter()
                .find(|b| b.option == function)
                .map_or_else(|| "containers".to_owned(), |b| b.alternative.clone());
            format!(
                "Serve the usual requests (p99 {}) with {}, and hand the jobs that run up to {} to {alternative}.",
                format::duration_ms(e.p99_duration_ms),
                function.label(),
                format::duration_ms(e.max_duration_s * 1000.0)
            )
        });
        (Verdict::Hybrid, 0.75, Some(split.unwrap_or_default()))
    } else if connection_split {
        let split = detailed.then(|| {
            format!(
                "Keep the long-lived client connections on a small server fleet, and run the event-driven work ({}) as {} functions.",
                workload
                    .triggers
                    .iter()
                    .filter(|t| **t != Trigger::HttpApi)
                    .map(|t| t.label())
                    .collect::<Vec<_>>()
                    .join(", "),
                workload.provider.label()
            )
        });
        (Verdict::Hybrid, 0.7, Some(split.unwrap_or_default()))
    } else if diff.abs() < margin {
        let split = detailed.then(|| close_call_split(&criteria, scores, margin, workload.triggers.len()));
        (
            Verdict::Hybrid,
            0.5 + 0.2 * (1.0 - diff.abs() / margin.max(1e-9)),
            Some(split.unwrap_or_default()),
        )
    } else if diff > 0.0 {
        (Verdict::Serverless, (0.5 + diff / 80.0).min(0.95), None)
    } else {
        (Verdict::Traditional, (0.5 - diff / 80.0).min(0.95), None)
    };

    let summary = if detailed {
        summarize(
            workload.provider,
            verdict,
            &criteria,
            &blockers,
            split.as_deref(),
            serverless.is_empty(),
        )
    } else {
        String::new()
    };
    Decision {
        verdict,
        confidence,
        scores,
        criteria,
        blockers,
        split,
        long_tail: long_tail_split && verdict == Verdict::Hybrid,
        carrier,
        summary,
    }
}

/// The hybrid advice when the two sides score close: name the strongest reason on each side.
fn close_call_split(criteria: &[Criterion], scores: Scores, margin: f64, entry_points: usize) -> String {
    let strongest = |sign: f64| {
        criteria
            .iter()
            .filter(|k| k.lean * sign > 0.05)
            .max_by(|a, b| (a.weight * a.lean * sign).total_cmp(&(b.weight * b.lean * sign)))
            .map_or_else(|| "nothing strong".to_owned(), |k| k.title.to_lowercase())
    };
    let advice = if entry_points > 1 {
        "Put the bursty, event-driven entry points on functions and the steady core on an autoscaling fleet, and let measured costs move work across.".to_owned()
    } else {
        // One way in: nothing to split, so say which side to start on.
        format!(
            "With a single entry point there is nothing to split: start on {}, which leads, keep the other as the fallback, and decide on measured cost and latency.",
            if scores.serverless >= scores.traditional {
                "functions"
            } else {
                "servers or containers"
            }
        )
    };
    format!(
        "Serverless and servers score within {margin:.0} points of each other ({:.0} to {:.0}); the strongest reason for functions is {}, for servers {}. {advice}",
        scores.serverless,
        scores.traditional,
        strongest(1.0),
        strongest(-1.0)
    )
}

fn summarize(
    provider: Provider,
    verdict: Verdict,
    criteria: &[Criterion],
    blockers: &[Blocker],
    split: Option<&str>,
    serverless_blocked: bool,
) -> String {
    if let Some(split) = split
        && verdict == Verdict::Hybrid
        && !split.is_empty()
        && serverless_blocked
    {
        return split.to_owned();
    }
    if serverless_blocked
        && verdict == Verdict::Traditional
        && let Some(b) = blockers
            .iter()
            .find(|b| b.option.provider() == provider && is_serverless_side(b.option))
    {
        return b.reason.clone();
    }
    let sign = match verdict {
        Verdict::Serverless => 1.0,
        Verdict::Traditional => -1.0,
        Verdict::Hybrid => return split.unwrap_or_default().to_owned(),
    };
    criteria
        .iter()
        .max_by(|a, b| (a.weight * a.lean * sign).total_cmp(&(b.weight * b.lean * sign)))
        .map(|k| k.reason.clone())
        .unwrap_or_default()
}

/// Picks the catalogue pattern that best matches the triggers, traits and verdict.
#[must_use]
pub fn match_pattern(
    workload: &Workload,
    verdict: Verdict,
    traits: &[Suits],
    catalogue: &Catalogue,
) -> Option<PatternRef> {
    let kind = verdict.pattern_kind();
    let scored = catalogue.patterns.iter().map(|p| {
        let mut score = if p.kind == kind {
            4.0
        } else if verdict == Verdict::Hybrid || p.kind == PatternKind::Hybrid {
            1.0
        } else {
            -4.0
        };
        let served = workload
            .triggers
            .iter()
            .filter(|t| p.triggers.contains(t))
            .count() as f64;
        let extra = p
            .triggers
            .iter()
            .filter(|t| !workload.triggers.contains(t))
            .count() as f64;
        score += 2.0 * served - 0.5 * extra;
        // A pattern that serves none of the workload's triggers draws another system.
        if served == 0.0 && !workload.triggers.is_empty() {
            score -= 4.0;
        }
        let fits = p.suits.iter().filter(|s| traits.contains(s)).count() as f64;
        let missing = p
            .suits
            .iter()
            .filter(|s| s.is_requirement() && !traits.contains(s))
            .count() as f64;
        score += 2.5 * fits - 3.0 * missing;
        (score, served, fits, p)
    });
    // Highest score wins; ties keep catalogue order (max_by keeps the last, so compare indexes).
    let best = scored
        .enumerate()
        .max_by(|(ia, a), (ib, b)| a.0.total_cmp(&b.0).then(ib.cmp(ia)))?;
    let (_, (_, served, fits, p)) = best;
    let mut why = format!("A {} pattern", p.kind.label().to_lowercase());
    if served > 0.0 {
        let names: Vec<&str> = workload
            .triggers
            .iter()
            .filter(|t| p.triggers.contains(t))
            .map(|t| t.label())
            .collect();
        // "HTTP API" keeps its capitals; "File upload" reads "file upload" mid-sentence.
        let names: Vec<String> = names
            .iter()
            .map(|n| {
                let mut words = n.split(' ');
                let first = words.next().unwrap_or_default();
                let first = if first.chars().skip(1).any(char::is_uppercase) {
                    first.to_owned()
                } else {
                    first.to_lowercase()
                };
                std::iter::once(first)
                    .chain(words.map(str::to_owned))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let _ = write!(why, " for {} triggers", names.join(" and "));
    }
    if fits > 0.0 {
        let names: Vec<String> = p
            .suits
            .iter()
            .filter(|s| traits.contains(s))
            .map(|s| s.label().to_owned())
            .collect();
        let _ = write!(why, ", made for {}", names.join(", "));
    }
    why.push('.');
    Some(PatternRef {
        id: p.id.clone(),
        name: p.name.clone(),
        why,
    })
}

fn recommend(workload: &Workload, decision: &Decision, costs: &[OptionCost]) -> Recommendation {
    let blocked = |o: OptionId| decision.blockers.iter().any(|b| b.option == o);
    let (serverless, traditional) = sides(workload);
    let cheapest = |options: &[OptionId]| {
        costs
            .iter()
            .filter(|c| options.contains(&c.option) && !blocked(c.option))
            .min_by(|a, b| a.monthly_usd.total_cmp(&b.monthly_usd))
            .map(|c| (c.option, c.monthly_usd))
    };
    let mut s = cheapest(&serverless);
    let mut t = cheapest(&traditional);
    if decision.long_tail {
        // The function serves the usual requests; the jobs past its limit go to a
        // container service that takes them (the blocker's alternative), else the cheapest fleet.
        let function = OptionId::function_of(workload.provider);
        s = costs
            .iter()
            .find(|c| c.option == function)
            .map(|c| (c.option, c.monthly_usd));
        let containers: Vec<OptionId> = traditional
            .iter()
            .copied()
            .filter(|o| o.kind() == OptionKind::Container)
            .collect();
        t = cheapest(&containers).or(t);
    }
    let (serverless_option, traditional_option) = match decision.verdict {
        Verdict::Serverless => (s, None),
        Verdict::Traditional => (None, t),
        Verdict::Hybrid => (s, t),
    };
    let describe =
        |(o, usd): (OptionId, f64)| format!("{} ({} a month at today's volume)", o.label(), format::usd(usd));
    let text = match (serverless_option, traditional_option) {
        (Some(a), Some(b)) if decision.long_tail => format!(
            "Serve the usual requests on {} and run the jobs past its time limit on {}.",
            describe(a),
            describe(b)
        ),
        (Some(a), Some(b)) if workload.triggers.len() <= 1 => {
            // A close call with one way in: one side to start on, the other to fall back to.
            let (lead, other) = if decision.scores.serverless >= decision.scores.traditional {
                (a, b)
            } else {
                (b, a)
            };
            format!(
                "Close call: start on {} and keep {} as the fallback.",
                describe(lead),
                describe(other)
            )
        }
        (Some(a), Some(b)) => format!(
            "Build the serverless part on {} and the rest on {}.",
            describe(a),
            describe(b)
        ),
        (Some(a), None) => format!("Build on {}.", describe(a)),
        (None, Some(b)) if decision.verdict == Verdict::Hybrid => format!(
            "Run the work functions cannot take on {}; the split says which part that is.",
            describe(b)
        ),
        (None, Some(b)) => format!("Build on {}.", describe(b)),
        (None, None) => {
            "No option on this cloud passes the hard stops; see the blockers for alternatives.".to_owned()
        }
    };
    Recommendation {
        serverless_option: serverless_option.map(|x| x.0),
        traditional_option: traditional_option.map(|x| x.0),
        split: decision.split.clone().filter(|s| !s.is_empty()),
        text,
    }
}

/// The full assessment with explicit rules.
#[must_use]
pub fn assess_with(
    workload: &Workload,
    book: &PriceBook,
    catalogue: &Catalogue,
    rules: &AdviceRules,
) -> Assessment {
    let profile = Profile::new(workload.traffic.shape, workload.peak_to_average());
    let decision = decide(workload, book, rules, &profile, true);
    let costs = cost::all_costs(workload, book, &profile);
    let blocked = |o: &OptionId| decision.blockers.iter().any(|b| b.option == *o);
    let provider_options = OptionId::ALL
        .into_iter()
        .filter(|o| o.provider() == workload.provider);
    let functions: Vec<OptionId> = provider_options
        .clone()
        .filter(|o| o.kind() == OptionKind::Function)
        .collect();
    // The cheapest usable function; when hard stops rule out every function,
    // the serverless container that remains (Cloud Run); failing both, all functions.
    let usable: Vec<OptionId> = functions.iter().copied().filter(|o| !blocked(o)).collect();
    let usable_serverless: Vec<OptionId> = provider_options
        .clone()
        .filter(|o| is_serverless_side(*o) && !blocked(o))
        .collect();
    // With none left there is nothing to break even with: no function line.
    let functions = if usable.is_empty() {
        usable_serverless
    } else {
        usable
    };
    let servers: Vec<OptionId> = [OptionId::server_of(workload.provider)]
        .into_iter()
        .filter(|o| !blocked(o))
        .collect();
    // The curves are the chosen cloud's options (the cost table holds every
    // cloud's); a hard stop takes an option off them, so no crossing or
    // cheapest claim rests on an option that cannot run the work.
    let plotted: Vec<OptionId> = OptionId::ALL
        .into_iter()
        .filter(|o| o.provider() == workload.provider && !blocked(o))
        .collect();
    let cost_curves = cost::sweep(workload, book, &profile, &plotted, SWEEP_POINTS);
    let break_even = cost::break_even_on(&cost_curves, workload, book, &profile, &functions, &servers)
        .unwrap_or(BreakEven {
            monthly_requests: None,
            function_option: OptionId::function_of(workload.provider),
            server_option: OptionId::server_of(workload.provider),
        });
    let traits = traits(workload, book, &profile);
    let pattern = match_pattern(workload, decision.verdict, &traits, catalogue).unwrap_or(PatternRef {
        id: String::new(),
        name: "No pattern in the catalogue".into(),
        why: "The catalogue is empty.".into(),
    });
    let recommendation = recommend(workload, &decision, &costs);
    let flip_points = flip::flip_points_on(workload, book, rules, decision.verdict, &profile);
    let (sources_from, sources_to) = book.read_range();
    let mut assumptions = vec![
        format!(
            "Prices are list, on-demand prices from \"{}\" (compiled {}), {} hours a month, in {}.",
            book.title, book.compiled_on, book.hours_per_month, book.currency
        ),
        format!(
            "The week's traffic follows the {} shape with its busiest hour at {:.1}x the average.",
            workload.traffic.shape.label().to_lowercase(),
            profile.peak
        ),
        book.assumptions.io_bound_note.clone(),
        book.assumptions.load_balancer_note.clone(),
        "Cold starts are estimated from Lambda's published medians by runtime and memory on every cloud; keep-warm times and warm overheads are per cloud.".to_owned(),
        "Data transfer, storage, logging and databases are the same on both sides and left out.".to_owned(),
    ];
    if profile.capped {
        assumptions.push(format!(
            "A peak of {:.0}x the average can't be drawn in an hourly week; the profile uses {:.0}x.",
            workload.peak_to_average(),
            profile.peak
        ));
    }
    Assessment {
        schema_version: SCHEMA_VERSION,
        workload: workload.clone(),
        verdict: decision.verdict,
        confidence: decision.confidence,
        summary: decision.summary.clone(),
        scores: decision.scores,
        criteria: decision.criteria.clone(),
        blockers: decision.blockers.clone(),
        pattern,
        recommendation,
        costs,
        break_even,
        cold_start: coldstart::estimate_on(
            decision
                .carrier
                .unwrap_or_else(|| OptionId::function_of(workload.provider)),
            workload,
            book,
            &profile,
        ),
        flip_points,
        traffic_profile: profile.hourly.to_vec(),
        cost_curves,
        price_book: PriceBookRef {
            title: book.title.clone(),
            compiled_on: book.compiled_on.clone(),
            sources_from,
            sources_to,
        },
        assumptions,
    }
}

//! The workload file, format version 1: what the user tells us about one workload.
//!
//! The field names and enum variants here are a contract (see the README): new
//! fields may be added with defaults, nothing may be renamed or removed without a
//! new format version.

mod validate;

use serde::{Deserialize, Deserializer, Serialize};

use crate::source::{self, LoadError};

pub use validate::{EFFORT_DAYS_MAX, ENGINEER_DAY_USD_MAX, HORIZON_MONTHS_MAX, validate};

/// The instance types a workload may name. The workload module checks the
/// name against whatever catalogue of instances the caller has in hand (the
/// price book implements this), so it needs no pricing code of its own.
pub trait InstanceTypes {
    /// Whether `name` is a known instance type.
    fn has_instance(&self, name: &str) -> bool;
    /// Every known instance type, in catalogue order (for the error message).
    fn instance_type_names(&self) -> Vec<&str>;
}

/// The only workload format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// One workload: everything the assessment needs, with every default filled in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    /// Format version of the file; 1 is the only one so far.
    #[serde(default = "format_version")]
    pub format_version: u32,
    /// A short name for the workload (required).
    pub name: String,
    /// What the workload does, in the user's words.
    #[serde(default)]
    pub description: String,
    /// The cloud whose serverless offer is judged.
    #[serde(default)]
    pub provider: Provider,
    /// Volume and shape of the traffic.
    #[serde(default)]
    pub traffic: Traffic,
    /// How long a request runs and what it needs.
    #[serde(default)]
    pub execution: Execution,
    /// What starts the work.
    #[serde(default = "default_triggers")]
    pub triggers: Vec<Trigger>,
    /// The front door for `HttpApi` and `Webhook` triggers on AWS.
    #[serde(default)]
    pub api_gateway: ApiGateway,
    /// What state the work keeps between requests.
    #[serde(default)]
    pub state: State,
    /// The data the work sends out and writes to its logs, and its network.
    #[serde(default)]
    pub data: Data,
    /// Special hardware the work needs.
    #[serde(default)]
    pub hardware: Hardware,
    /// The latency the users expect.
    #[serde(default)]
    pub latency: Latency,
    /// The team that will run it.
    #[serde(default)]
    pub team: Team,
    /// Pricing choices.
    #[serde(default)]
    pub pricing: PricingChoices,
    /// The server fleet that the serverless options are compared with.
    #[serde(default)]
    pub servers: Servers,
    /// Where the workload runs today, and what moving would take.
    #[serde(default)]
    pub migration: Migration,
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

fn default_triggers() -> Vec<Trigger> {
    vec![Trigger::HttpApi]
}

impl Default for Workload {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            name: "Untitled workload".into(),
            description: String::new(),
            provider: Provider::default(),
            traffic: Traffic::default(),
            execution: Execution::default(),
            triggers: default_triggers(),
            api_gateway: ApiGateway::default(),
            state: State::default(),
            data: Data::default(),
            hardware: Hardware::default(),
            latency: Latency::default(),
            team: Team::default(),
            pricing: PricingChoices::default(),
            servers: Servers::default(),
            migration: Migration::default(),
        }
    }
}

/// Defines a fieldless enum with its variants in order and a label per variant.
macro_rules! choice_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $label:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        pub enum $name {
            $( $(#[$vmeta])* #[doc = $label] $variant ),+
        }
        impl $name {
            /// Every variant, in the order the UI lists them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// A short human label.
            #[must_use]
            pub fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label),+
                }
            }

            /// The variant's name as written in workload files.
            #[must_use]
            pub fn file_name(self) -> &'static str {
                match self {
                    $(Self::$variant => stringify!($variant)),+
                }
            }
        }
    };
}

choice_enum!(
    /// A cloud provider.
    Provider {
        #[default] Aws => "AWS",
        Gcp => "Google Cloud",
        Azure => "Azure",
    }
);

choice_enum!(
    /// How traffic is spread over the week.
    Shape {
        Steady => "Steady",
        #[default] Diurnal => "Diurnal (day/night)",
        BusinessHours => "Business hours",
        Spiky => "Spiky",
        Scheduled => "Scheduled (batch)",
    }
);

impl Shape {
    /// The busiest hour's multiple of the weekly mean when the file gives none.
    ///
    /// These are modelling defaults, not measurements: a steady service still
    /// breathes a little by day, a diurnal one doubles at its busiest hour, a
    /// business-hours one is four times its weekly mean at midday, a spiky one
    /// ten times, and a daily batch puts a day's work into one hour (24 times).
    #[must_use]
    pub fn default_peak_to_average(self) -> f64 {
        match self {
            Self::Steady => 1.2,
            Self::Diurnal => 2.0,
            Self::BusinessHours => 4.0,
            Self::Spiky => 10.0,
            Self::Scheduled => 24.0,
        }
    }
}

choice_enum!(
    /// The CPU architecture the code runs on.
    Architecture {
        #[default] X86 => "x86-64",
        Arm => "Arm (Graviton)",
    }
);

choice_enum!(
    /// The language runtime, which moves cold-start time.
    Runtime {
        #[default] Node => "Node.js",
        Python => "Python",
        Go => "Go",
        Rust => "Rust",
        Java => "Java",
        Dotnet => ".NET",
        Container => "Container image",
    }
);

choice_enum!(
    /// What starts a unit of work.
    Trigger {
        #[default] HttpApi => "HTTP API",
        Webhook => "Webhook",
        FileUpload => "File upload",
        Queue => "Queue",
        Stream => "Stream",
        Schedule => "Schedule",
    }
);

choice_enum!(
    /// The front door for HTTP APIs and webhooks (see `label_on` for each cloud's words).
    ApiGateway {
        #[default] Http => "API Gateway HTTP API",
        Rest => "API Gateway REST API",
        LoadBalancer => "Load balancer",
        NoGateway => "No gateway",
    }
);

impl ApiGateway {
    /// The front door in a cloud's own words.
    #[must_use]
    pub fn label_on(self, provider: Provider) -> &'static str {
        match (self, provider) {
            (Self::Http, Provider::Aws) => "API Gateway HTTP API",
            (Self::Rest, Provider::Aws) => "API Gateway REST API",
            (Self::NoGateway, Provider::Aws) => "Lambda function URL (no gateway)",
            (Self::LoadBalancer, Provider::Aws) => "Application Load Balancer (Lambda targets)",
            (Self::LoadBalancer, Provider::Gcp) => "External Application Load Balancer (serverless NEG)",
            (Self::LoadBalancer, Provider::Azure) => "Application Gateway",
            (Self::Http, Provider::Gcp) => "Google API Gateway",
            (Self::Rest, Provider::Gcp) => "Google API Gateway (REST is AWS's tier; the same here)",
            (Self::NoGateway, Provider::Gcp) => "Cloud Run URL (no gateway)",
            (Self::Http, Provider::Azure) => "API Management (consumption)",
            (Self::Rest, Provider::Azure) => "API Management (REST is AWS's tier; the same here)",
            (Self::NoGateway, Provider::Azure) => "Functions HTTP trigger URL (no gateway)",
        }
    }

    /// The choices a cloud offers: AWS's REST tier only on AWS (or when a
    /// file already holds it).
    #[must_use]
    pub fn offered_on(provider: Provider, current: Self) -> Vec<Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|g| *g != Self::Rest || provider == Provider::Aws || current == Self::Rest)
            .collect()
    }
}

impl Architecture {
    /// The CPU architecture in a cloud's words (Graviton is AWS's Arm).
    #[must_use]
    pub fn label_on(self, provider: Provider) -> &'static str {
        match (self, provider) {
            (Self::X86, _) => "x86-64",
            (Self::Arm, Provider::Aws) => "Arm (Graviton)",
            (Self::Arm, Provider::Gcp) => "Arm (Axion, Tau T2A)",
            (Self::Arm, Provider::Azure) => "Arm (Cobalt, Ampere Altra)",
        }
    }
}

choice_enum!(
    /// What state the work keeps.
    State {
        #[default] Stateless => "Stateless",
        ExternalStore => "State in an external store",
        Sessions => "User sessions",
        LongLivedConnections => "Long-lived connections",
        InMemory => "Large in-memory state",
    }
);

choice_enum!(
    /// Special hardware the work needs.
    Hardware {
        #[default] Standard => "Standard CPU",
        Gpu => "GPU",
        CustomKernel => "Custom kernel or OS",
        LargeMemory => "Large memory",
    }
);

choice_enum!(
    /// A coarse three-step scale.
    Level {
        Low => "Low",
        #[default] Medium => "Medium",
        High => "High",
    }
);

choice_enum!(
    /// Where the product is in its life.
    Stage {
        Mvp => "MVP / experiment",
        #[default] Growing => "Growing",
        Established => "Established",
    }
);

impl Trigger {
    /// Whether the trigger arrives over HTTP (and so needs a gateway or a load balancer).
    #[must_use]
    pub fn is_http(self) -> bool {
        matches!(self, Self::HttpApi | Self::Webhook)
    }
}

/// Volume and shape of the traffic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Traffic {
    /// Invocations in a 730-hour month.
    pub monthly_requests: f64,
    /// How the requests spread over the week.
    pub shape: Shape,
    /// Peak hourly rate over mean hourly rate; `None` takes the shape's default.
    pub peak_to_average: Option<f64>,
    /// Growth per month as a fraction (0.05 = +5% a month), for projections.
    pub growth_per_month: f64,
    /// Browsers call the API from another origin, so each call is preceded by
    /// an OPTIONS pre-flight request that the front door bills too.
    pub cors_preflight: bool,
}

impl Default for Traffic {
    fn default() -> Self {
        Self {
            monthly_requests: 1_000_000.0,
            shape: Shape::default(),
            peak_to_average: None,
            growth_per_month: 0.0,
            cors_preflight: false,
        }
    }
}

/// How long a request runs and what it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "ExecutionFile")]
pub struct Execution {
    /// Mean duration of one request in milliseconds.
    pub avg_duration_ms: f64,
    /// 99th percentile duration in milliseconds (defaults to 4 x the mean).
    pub p99_duration_ms: f64,
    /// The longest single job in seconds (defaults to the p99).
    pub max_duration_s: f64,
    /// Memory per function instance in MB.
    pub memory_mb: u32,
    /// CPU architecture.
    pub architecture: Architecture,
    /// Language runtime.
    pub runtime: Runtime,
    /// Whether a request keeps a vCPU busy for its whole duration.
    pub cpu_bound: bool,
    /// Requests one instance serves at once on the platforms that share an
    /// instance (Cloud Run, Cloud Run functions, Container Apps, Flex
    /// Consumption), 1 to 1000; `None` takes each platform's default.
    pub concurrency_per_instance: Option<u32>,
    /// Whether the job can be cut into steps that save their progress, so a
    /// durable workflow can run it past a function's time limit.
    pub checkpointable: bool,
}

/// The p99 assumed when a file gives only the mean: a tail four times the mean,
/// the ratio of the README's example workload.
pub const DEFAULT_P99_OVER_MEAN: f64 = 4.0;

impl Default for Execution {
    fn default() -> Self {
        ExecutionFile::default().into()
    }
}

/// `Execution` as written in a file, where the p99 and the maximum may be left
/// out and are then derived from the mean.
#[derive(Deserialize)]
#[serde(rename = "Execution", deny_unknown_fields, default)]
struct ExecutionFile {
    avg_duration_ms: f64,
    #[serde(deserialize_with = "some_f64")]
    p99_duration_ms: Option<f64>,
    #[serde(deserialize_with = "some_f64")]
    max_duration_s: Option<f64>,
    memory_mb: u32,
    architecture: Architecture,
    runtime: Runtime,
    cpu_bound: bool,
    concurrency_per_instance: Option<u32>,
    checkpointable: bool,
}

impl Default for ExecutionFile {
    fn default() -> Self {
        Self {
            avg_duration_ms: 100.0,
            p99_duration_ms: None,
            max_duration_s: None,
            memory_mb: 512,
            architecture: Architecture::default(),
            runtime: Runtime::default(),
            cpu_bound: false,
            concurrency_per_instance: None,
            checkpointable: false,
        }
    }
}

fn some_f64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    f64::deserialize(deserializer).map(Some)
}

impl From<ExecutionFile> for Execution {
    fn from(file: ExecutionFile) -> Self {
        // Left out, the p99 is a multiple of the mean, but never past a longest
        // job the file gives (nor below the mean).
        let p99_duration_ms = file.p99_duration_ms.unwrap_or_else(|| {
            let usual = file.avg_duration_ms * DEFAULT_P99_OVER_MEAN;
            match file.max_duration_s {
                Some(max_s) if max_s.is_finite() => usual.min(max_s * 1000.0).max(file.avg_duration_ms),
                _ => usual,
            }
        });
        let max_duration_s = file.max_duration_s.unwrap_or(p99_duration_ms / 1000.0);
        Self {
            avg_duration_ms: file.avg_duration_ms,
            p99_duration_ms,
            max_duration_s,
            memory_mb: file.memory_mb,
            architecture: file.architecture,
            runtime: file.runtime,
            cpu_bound: file.cpu_bound,
            concurrency_per_instance: file.concurrency_per_instance,
            checkpointable: file.checkpointable,
        }
    }
}

/// The latency the users expect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Latency {
    /// The 99th percentile response time the users need, in milliseconds.
    pub p99_target_ms: f64,
    /// Whether an occasional slow first request is acceptable.
    pub cold_start_tolerant: bool,
}

impl Default for Latency {
    fn default() -> Self {
        Self {
            p99_target_ms: 1000.0,
            cold_start_tolerant: true,
        }
    }
}

/// The team that will build and run the workload.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Team {
    /// People and time to run servers.
    pub ops_capacity: Level,
    /// Where the product is in its life.
    pub stage: Stage,
    /// How much tying the code to one cloud is acceptable.
    pub lock_in_tolerance: Level,
}

/// The data the work sends out and logs, and the network it sits in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Data {
    /// KB (of 1,000 bytes) sent out to the internet per request; `None` when
    /// not given, so internet egress is listed as not counted (`Some(0.0)`: none).
    pub response_kb: Option<f64>,
    /// KB (of 1,000 bytes) of log written per request; `None` when not given,
    /// so logs are listed as not counted.
    pub log_kb_per_request: Option<f64>,
    /// The compute sits in a private network and reaches the internet through
    /// a NAT gateway (functions and serverless containers), or through a
    /// public address of its own (servers and tasks).
    pub private_network: bool,
}

choice_enum!(
    /// Where the workload runs today.
    Current {
        #[default] Greenfield => "Nowhere yet (a green field)",
        Servers => "On servers or containers",
        Serverless => "On serverless functions",
    }
);

/// Where the workload runs today and what a move would take: with a current
/// side, the advice weighs moving against staying.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Migration {
    /// Where it runs today.
    pub current: Current,
    /// Engineer-days a move to the other side would take.
    pub effort_days: f64,
    /// The loaded cost of an engineer-day, USD; above 0 it also prices each
    /// option's operations time.
    pub engineer_day_usd: f64,
    /// How many months a move has to pay for itself in, 1 to 120.
    pub horizon_months: u32,
}

impl Default for Migration {
    fn default() -> Self {
        Self {
            current: Current::Greenfield,
            effort_days: 0.0,
            engineer_day_usd: 0.0,
            horizon_months: 24,
        }
    }
}

/// A commitment bought for the steady part of the use: savings plans,
/// reservations or committed-use discounts, paid monthly with no upfront.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Commitment {
    /// List prices, nothing committed.
    #[default]
    OnDemand,
    /// A one-year term.
    OneYear,
    /// A three-year term.
    ThreeYear,
}

impl Commitment {
    /// Every term, in the order the questionnaire lists them.
    pub const ALL: [Self; 3] = [Self::OnDemand, Self::OneYear, Self::ThreeYear];

    /// A short label: "on demand", "1-year", "3-year".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::OnDemand => "on demand",
            Self::OneYear => "1-year",
            Self::ThreeYear => "3-year",
        }
    }
}

/// Pricing choices.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PricingChoices {
    /// Subtract the always-free monthly grants (the account has no other use of them).
    pub include_free_tier: bool,
    /// Function instances kept warm with provisioned concurrency (AWS), 0 for none.
    pub provisioned_concurrency: u32,
    /// A commitment for the steady baseline (the week's lowest hourly use);
    /// the rest runs on demand.
    pub commitment: Commitment,
    /// The work tolerates interruption: servers and containers doing
    /// queue, schedule or stream work may run on spot capacity.
    pub spot: bool,
    /// A fraction off every list price (an enterprise agreement), 0 to 0.9.
    pub negotiated_discount: f64,
}

/// The server fleet compared with the serverless options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Servers {
    /// An instance type in the price book; other clouds use their nearest equivalent.
    pub instance: String,
    /// Fraction of vCPU capacity the fleet is sized to, in (0, 1].
    pub target_utilization: f64,
    /// The fleet never shrinks below this many instances.
    pub min_instances: u32,
}

impl Default for Servers {
    fn default() -> Self {
        Self {
            instance: "t3.medium".into(),
            target_utilization: 0.6,
            min_instances: 1,
        }
    }
}

/// What a file that is plainly not a workload is, in words: one of this
/// app's own reports, or another kind of file people open by mistake.
fn not_a_workload(text: &str) -> Option<&'static str> {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') {
        Some(
            if text.contains("\"schema_version\"") && text.contains("\"verdict\"") {
                "a JSON report (an export of an assessment)"
            } else {
                "a JSON file"
            },
        )
    } else if head.starts_with("<!DOCTYPE") || head.starts_with("<html") {
        Some("an HTML file (an exported report?)")
    } else if head.starts_with("# Serverless or servers for") {
        Some("a Markdown decision record (an exported report)")
    } else {
        None
    }
}

impl Workload {
    /// Whether any trigger arrives over HTTP.
    #[must_use]
    pub fn is_http(&self) -> bool {
        self.triggers.iter().any(|t| t.is_http())
    }

    /// Parses and validates a workload file's text. `file` names it in messages.
    ///
    /// # Errors
    /// Syntax errors, unknown fields or variants, wrong types, and every value
    /// outside its allowed range, each with file, line, column, field and value.
    pub fn from_ron(text: &str, file: &str, prices: &impl InstanceTypes) -> Result<Self, LoadError> {
        source::check_size(file, text.len())?;
        if let Some(kind) = not_a_workload(text) {
            return Err(LoadError::Invalid(source::FileErrors(vec![source::FileError {
                file: file.to_owned(),
                line: 1,
                column: 1,
                field: String::new(),
                value: String::new(),
                problem: format!("this is {kind}, not a workload; open a .ron workload file"),
                allowed: "a workload file: Workload( name: \"...\", ... ) in RON".to_owned(),
            }])));
        }
        let workload: Self = ron::Options::default()
            .from_str(text)
            .map_err(|e| LoadError::from(source::ron_error(file, text, &e)))?;
        let map = source::SourceMap::new(text);
        let (errors, unlisted) = validate::validate_counted(&workload, prices, file, &map);
        if errors.is_empty() {
            Ok(workload)
        } else {
            Err(LoadError::Invalid(source::FileErrors::capped_with(
                errors, unlisted,
            )))
        }
    }

    /// Reads, parses and validates a workload file.
    ///
    /// # Errors
    /// As [`Workload::from_ron`], plus I/O errors.
    pub fn load(path: &std::path::Path, prices: &impl InstanceTypes) -> Result<Self, LoadError> {
        let text = source::read_text(path)?;
        Self::from_ron(&text, &path.display().to_string(), prices)
    }

    /// The workload as RON text in format version 1, every field written out.
    #[must_use]
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .indentor("    ")
            .struct_names(false)
            .separate_tuple_members(false);
        // Serializing plain data with finite floats cannot fail; fall back to the
        // debug form rather than panic if it ever does.
        let body = ron::ser::to_string_pretty(self, config).unwrap_or_else(|e| format!("/* {e} */"));
        format!("// serverless-advisor workload, format version {FORMAT_VERSION}\nWorkload{body}\n")
    }

    /// Checks the workload against every rule a file must pass (for edits made in the window).
    #[must_use]
    pub fn problems(&self, prices: &impl InstanceTypes) -> Vec<source::FileError> {
        validate(self, prices, "", &source::SourceMap::default())
    }

    /// The effective peak-to-average ratio: the file's value or the shape's default.
    #[must_use]
    pub fn peak_to_average(&self) -> f64 {
        self.traffic
            .peak_to_average
            .unwrap_or_else(|| self.traffic.shape.default_peak_to_average())
    }
}

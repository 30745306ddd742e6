//! The dated price book: every price, limit and cold-start fact the engine uses,
//! each with the source it was read from and the date it was read.
//!
//! The book ships as `assets/pricing.ron`, embedded in the binary; a user may
//! load another with `--pricing FILE` or from the window.

mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::source::{self, LoadError};
use crate::workload::{Architecture, Provider, Runtime};

/// The price book compiled into the binary.
pub const BUILT_IN: &str = include_str!("../../assets/pricing.ron");
/// How the built-in price book is named in messages.
pub const BUILT_IN_NAME: &str = "<built-in assets/pricing.ron>";
/// The price book format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// Every price and fact the cost and advice engines use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceBook {
    /// Format version of the file.
    pub format_version: u32,
    /// A title for the book, shown in the window and the reports.
    pub title: String,
    /// The day the book was put together (YYYY-MM-DD), shown as its date.
    pub compiled_on: String,
    /// Regions the prices are for.
    pub region: String,
    /// Currency of every price.
    pub currency: String,
    /// Hours in a billing month.
    pub hours_per_month: f64,
    /// Where the numbers come from, by id.
    pub sources: BTreeMap<String, Source>,
    /// AWS Lambda.
    pub aws_lambda: Lambda,
    /// Amazon API Gateway.
    pub api_gateway: ApiGatewayPrices,
    /// AWS Fargate.
    pub aws_fargate: Fargate,
    /// Google Cloud Run (request-based billing).
    pub gcp_cloud_run: CloudRun,
    /// Google Cloud Functions, 1st gen.
    pub gcp_cloud_functions: CloudFunctions,
    /// Azure Functions consumption plan.
    pub azure_functions: AzureConsumption,
    /// Azure Functions premium plan.
    pub azure_functions_premium: AzurePremium,
    /// Virtual machine types of every cloud.
    pub instances: Vec<Instance>,
    /// Load balancers put in front of HTTP fleets.
    pub load_balancers: LoadBalancers,
    /// Cold-start and keep-warm facts.
    pub cold_starts: ColdStarts,
    /// Modelling assumptions that are not prices, each with its reasoning.
    pub assumptions: Assumptions,
}

/// Where a number was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What the source is.
    pub title: String,
    /// Where to find it.
    pub url: String,
    /// The day it was read (YYYY-MM-DD).
    pub read_on: String,
}

/// A number with the id of its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced {
    /// The number, in the unit its field name says.
    pub value: f64,
    /// Id of an entry in [`PriceBook::sources`].
    pub source: String,
}

/// One volume tier: the price applies to the quantity up to `up_to` (cumulative).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Cumulative upper bound of the tier; `None` for the last, open tier.
    pub up_to: Option<f64>,
    /// Price per unit (the unit is in the field name of the tier list).
    pub price: f64,
}

/// Volume tiers with one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tiered {
    /// The tiers, in ascending order; the last has `up_to: None`.
    pub tiers: Vec<Tier>,
    /// Id of an entry in [`PriceBook::sources`].
    pub source: String,
}

impl Tiered {
    /// The price of `quantity` units through the tiers, each tier's price divided by `per`.
    #[must_use]
    pub fn cost(&self, quantity: f64, per: f64) -> f64 {
        let mut remaining = quantity.max(0.0);
        let mut floor = 0.0;
        let mut total = 0.0;
        for tier in &self.tiers {
            if remaining <= 0.0 {
                break;
            }
            let width = tier.up_to.map_or(f64::INFINITY, |cap| (cap - floor).max(0.0));
            let used = remaining.min(width);
            total += used * tier.price / per;
            remaining -= used;
            if let Some(cap) = tier.up_to {
                floor = cap;
            }
        }
        total
    }

    /// The price of the first tier, per unit divided by `per`.
    #[must_use]
    pub fn first_price(&self, per: f64) -> f64 {
        self.tiers.first().map_or(0.0, |t| t.price / per)
    }
}

/// AWS Lambda prices and limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lambda {
    /// USD per million requests.
    pub requests_per_million: Sourced,
    /// USD per GB-second on x86, tiered by the month's GB-seconds.
    pub duration_per_gb_second_x86: Tiered,
    /// USD per GB-second on Arm, tiered by the month's GB-seconds.
    pub duration_per_gb_second_arm: Tiered,
    /// Duration is rounded up to this many milliseconds.
    pub billing_granularity_ms: Sourced,
    /// Free requests a month (when the free tier is asked for).
    pub free_requests: Sourced,
    /// Free GB-seconds a month (when the free tier is asked for).
    pub free_gb_seconds: Sourced,
    /// Provisioned concurrency, USD per GB-second while enabled, x86.
    pub provisioned_per_gb_second_x86: Sourced,
    /// Duration price for requests served by provisioned concurrency, x86.
    pub provisioned_duration_per_gb_second_x86: Sourced,
    /// Provisioned concurrency, USD per GB-second while enabled, Arm.
    pub provisioned_per_gb_second_arm: Sourced,
    /// Duration price for requests served by provisioned concurrency, Arm.
    pub provisioned_duration_per_gb_second_arm: Sourced,
    /// Longest run of one invocation, in seconds.
    pub max_duration_s: Sourced,
    /// Largest memory setting, in MB.
    pub max_memory_mb: Sourced,
    /// Memory at which a function gets one full vCPU, in MB.
    pub one_vcpu_memory_mb: Sourced,
}

impl Lambda {
    /// The on-demand duration tiers for an architecture.
    #[must_use]
    pub fn duration(&self, arch: Architecture) -> &Tiered {
        match arch {
            Architecture::X86 => &self.duration_per_gb_second_x86,
            Architecture::Arm => &self.duration_per_gb_second_arm,
        }
    }

    /// Provisioned concurrency prices (enabled, duration) for an architecture.
    #[must_use]
    pub fn provisioned(&self, arch: Architecture) -> (f64, f64) {
        match arch {
            Architecture::X86 => (
                self.provisioned_per_gb_second_x86.value,
                self.provisioned_duration_per_gb_second_x86.value,
            ),
            Architecture::Arm => (
                self.provisioned_per_gb_second_arm.value,
                self.provisioned_duration_per_gb_second_arm.value,
            ),
        }
    }
}

/// Amazon API Gateway request prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiGatewayPrices {
    /// HTTP APIs, USD per million requests, tiered by the month's requests.
    pub http_per_million: Tiered,
    /// REST APIs, USD per million requests, tiered by the month's requests.
    pub rest_per_million: Tiered,
}

/// AWS Fargate prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fargate {
    /// USD per vCPU-hour, x86.
    pub per_vcpu_hour_x86: Sourced,
    /// USD per GB-hour, x86.
    pub per_gb_hour_x86: Sourced,
    /// USD per vCPU-hour, Arm.
    pub per_vcpu_hour_arm: Sourced,
    /// USD per GB-hour, Arm.
    pub per_gb_hour_arm: Sourced,
}

/// Google Cloud Run prices (request-based billing, tier 1 regions) and limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloudRun {
    /// USD per vCPU-second of billable instance time.
    pub per_vcpu_second: Sourced,
    /// USD per GiB-second of billable instance time.
    pub per_gib_second: Sourced,
    /// USD per million requests.
    pub requests_per_million: Sourced,
    /// Free vCPU-seconds a month.
    pub free_vcpu_seconds: Sourced,
    /// Free GiB-seconds a month.
    pub free_gib_seconds: Sourced,
    /// Free requests a month.
    pub free_requests: Sourced,
    /// Billable time is rounded up to this many milliseconds.
    pub billing_granularity_ms: Sourced,
    /// Longest request, in seconds.
    pub max_duration_s: Sourced,
    /// Largest memory per instance, in MB.
    pub max_memory_mb: Sourced,
    /// Memory (MB) above which an instance needs more vCPUs: (`memory_mb`, vcpus) steps.
    pub vcpus_for_memory: Vec<MemoryCpu>,
    /// Source of `vcpus_for_memory`.
    pub vcpus_for_memory_source: String,
}

/// A step of memory to CPU.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemoryCpu {
    /// Up to this much memory, in MB...
    pub memory_mb: u32,
    /// ... this much CPU (vCPUs for Cloud Run, GHz for Cloud Functions).
    pub cpu: f64,
}

/// The step of `steps` that covers `memory_mb`: the first as large, else the largest.
fn step_for(steps: &[MemoryCpu], memory_mb: u32) -> Option<&MemoryCpu> {
    steps.iter().find(|s| s.memory_mb >= memory_mb).or(steps.last())
}

impl CloudRun {
    /// vCPUs an instance with this much memory gets.
    #[must_use]
    pub fn vcpus_for(&self, memory_mb: u32) -> f64 {
        step_for(&self.vcpus_for_memory, memory_mb).map_or(1.0, |s| s.cpu)
    }
}

impl CloudFunctions {
    /// The size this much memory is billed as (memory rounds up to a size;
    /// past the largest, the largest).
    #[must_use]
    pub fn size_for(&self, memory_mb: u32) -> Option<&MemoryCpu> {
        step_for(&self.memory_sizes, memory_mb)
    }
}

/// Google Cloud Functions (1st gen) prices and limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloudFunctions {
    /// USD per million invocations.
    pub invocations_per_million: Sourced,
    /// USD per GB-second of memory.
    pub per_gb_second: Sourced,
    /// USD per GHz-second of CPU.
    pub per_ghz_second: Sourced,
    /// Free invocations a month.
    pub free_invocations: Sourced,
    /// Free GB-seconds a month.
    pub free_gb_seconds: Sourced,
    /// Free GHz-seconds a month.
    pub free_ghz_seconds: Sourced,
    /// Duration is rounded up to this many milliseconds.
    pub billing_granularity_ms: Sourced,
    /// Longest run, in seconds.
    pub max_duration_s: Sourced,
    /// Memory sizes and the CPU clock each gets (GHz); memory rounds up to a size.
    pub memory_sizes: Vec<MemoryCpu>,
    /// Source of `memory_sizes`.
    pub memory_sizes_source: String,
}

/// Azure Functions consumption plan prices and limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AzureConsumption {
    /// USD per GB-second.
    pub per_gb_second: Sourced,
    /// USD per million executions.
    pub executions_per_million: Sourced,
    /// Free GB-seconds a month.
    pub free_gb_seconds: Sourced,
    /// Free executions a month.
    pub free_executions: Sourced,
    /// Memory is rounded up to a multiple of this many MB.
    pub memory_step_mb: Sourced,
    /// Each execution is billed for at least this many milliseconds.
    pub min_duration_ms: Sourced,
    /// Largest memory per instance, in MB.
    pub max_memory_mb: Sourced,
    /// Longest run, in seconds.
    pub max_duration_s: Sourced,
    /// An HTTP-triggered function must answer within this many seconds.
    pub http_response_limit_s: Sourced,
}

/// Azure Functions premium plan prices and limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AzurePremium {
    /// USD per vCPU-hour.
    pub per_vcpu_hour: Sourced,
    /// USD per GB-hour.
    pub per_gb_hour: Sourced,
    /// Instance sizes, smallest first.
    pub plans: Vec<PremiumPlan>,
    /// Source of `plans`.
    pub plans_source: String,
    /// Instances always billed, even with no traffic.
    pub min_instances: Sourced,
    /// Run time the platform guarantees, in seconds (it has no hard limit).
    pub guaranteed_duration_s: Sourced,
}

/// An Azure Functions premium instance size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PremiumPlan {
    /// Plan name, e.g. EP1.
    pub name: String,
    /// vCPUs per instance.
    pub vcpus: f64,
    /// Memory per instance, GB.
    pub memory_gb: f64,
}

/// A virtual machine type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instance {
    /// The provider's name for it, e.g. `t3.medium`.
    pub name: String,
    /// Whose it is.
    pub provider: Provider,
    /// vCPUs.
    pub vcpus: u32,
    /// Memory in GiB.
    pub memory_gib: f64,
    /// On-demand Linux price, USD per hour.
    pub per_hour: Sourced,
    /// Whether it is burstable (a CPU baseline below 100%).
    pub burstable: bool,
}

/// Load balancer prices per cloud.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadBalancers {
    /// AWS Application Load Balancer.
    pub aws: LoadBalancer,
    /// Google Cloud external load balancer.
    pub gcp: LoadBalancer,
    /// Azure Standard Load Balancer.
    pub azure: LoadBalancer,
}

impl LoadBalancers {
    /// The load balancer of a provider.
    #[must_use]
    pub fn of(&self, provider: Provider) -> &LoadBalancer {
        match provider {
            Provider::Aws => &self.aws,
            Provider::Gcp => &self.gcp,
            Provider::Azure => &self.azure,
        }
    }
}

/// A load balancer: an hourly fee plus a usage charge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadBalancer {
    /// What it is.
    pub name: String,
    /// USD per hour it runs.
    pub per_hour: Sourced,
    /// USD per capacity unit-hour (AWS LCU), 0 where not billed so.
    pub per_capacity_unit_hour: Sourced,
    /// New connections per second one capacity unit covers (0 = not billed so).
    pub new_connections_per_unit_per_second: Sourced,
    /// USD per GB processed, 0 where not billed so.
    pub per_gb_processed: Sourced,
}

/// Cold-start and keep-warm facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColdStarts {
    /// Median cold start by runtime: the range from large memory (fast) to small memory (slow).
    pub by_runtime: Vec<RuntimeColdStart>,
    /// Source of `by_runtime`.
    pub by_runtime_source: String,
    /// Minutes an idle function instance stays warm, AWS.
    pub keep_warm_minutes_aws: Sourced,
    /// Minutes an idle function instance stays warm, Google Cloud.
    pub keep_warm_minutes_gcp: Sourced,
    /// Minutes an idle function instance stays warm, Azure.
    pub keep_warm_minutes_azure: Sourced,
    /// Median warm-start overhead, AWS, ms.
    pub warm_overhead_ms_aws: Sourced,
    /// Median warm-start overhead, Google Cloud, ms.
    pub warm_overhead_ms_gcp: Sourced,
    /// Median warm-start overhead, Azure, ms.
    pub warm_overhead_ms_azure: Sourced,
}

impl ColdStarts {
    /// Keep-warm minutes on a provider's functions.
    #[must_use]
    pub fn keep_warm_minutes(&self, provider: Provider) -> f64 {
        match provider {
            Provider::Aws => self.keep_warm_minutes_aws.value,
            Provider::Gcp => self.keep_warm_minutes_gcp.value,
            Provider::Azure => self.keep_warm_minutes_azure.value,
        }
    }

    /// Median warm-invocation overhead on a provider's functions, ms.
    #[must_use]
    pub fn warm_overhead_ms(&self, provider: Provider) -> f64 {
        match provider {
            Provider::Aws => self.warm_overhead_ms_aws.value,
            Provider::Gcp => self.warm_overhead_ms_gcp.value,
            Provider::Azure => self.warm_overhead_ms_azure.value,
        }
    }

    /// The cold start of a runtime in milliseconds.
    #[must_use]
    pub fn for_runtime(&self, runtime: Runtime) -> Option<&RuntimeColdStart> {
        self.by_runtime.iter().find(|r| r.runtime == runtime)
    }
}

/// A runtime's cold-start range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuntimeColdStart {
    /// The runtime.
    pub runtime: Runtime,
    /// Median cold start with ample memory (a full vCPU), ms.
    pub fast_ms: f64,
    /// Median cold start at the smallest memory, ms.
    pub slow_ms: f64,
}

/// Modelling assumptions that are not prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// How many I/O-bound requests one vCPU serves at once.
    pub io_bound_requests_per_vcpu: f64,
    /// Why that number.
    pub io_bound_note: String,
    /// New connections a load balancer sees per request (1 = no keep-alive, the worst case).
    pub new_connections_per_request: f64,
    /// Kilobytes through the load balancer per request.
    pub kb_per_request: f64,
    /// Why those numbers.
    pub load_balancer_note: String,
    /// Share of requests that may start cold before the p99 latency includes a cold start.
    pub cold_share_in_p99: f64,
}

impl PriceBook {
    /// The price book compiled into the binary.
    ///
    /// # Errors
    /// Only if the embedded file is broken, which the test suite rules out.
    pub fn built_in() -> Result<Self, LoadError> {
        Self::from_ron(BUILT_IN, BUILT_IN_NAME)
    }

    /// Parses and validates a price book's text. `file` names it in messages.
    ///
    /// # Errors
    /// Syntax errors, unknown fields, and every bad price, date or source id,
    /// each with file, line, column, field and value.
    pub fn from_ron(text: &str, file: &str) -> Result<Self, LoadError> {
        source::check_size(file, text.len())?;
        let book: Self = ron::Options::default()
            .from_str(text)
            .map_err(|e| LoadError::from(source::ron_error(file, text, &e)))?;
        let errors = validate::validate(&book, file, &source::SourceMap::new(text));
        if errors.is_empty() {
            Ok(book)
        } else {
            Err(LoadError::Invalid(source::FileErrors(errors)))
        }
    }

    /// Reads, parses and validates a price book file.
    ///
    /// # Errors
    /// As [`PriceBook::from_ron`], plus I/O errors.
    pub fn load(path: &std::path::Path) -> Result<Self, LoadError> {
        let text = source::read_text(path)?;
        Self::from_ron(&text, &path.display().to_string())
    }

    /// The instance type with this name.
    #[must_use]
    pub fn instance(&self, name: &str) -> Option<&Instance> {
        self.instances.iter().find(|i| i.name == name)
    }

    /// The names of every instance type, in book order.
    #[must_use]
    pub fn instance_names(&self) -> Vec<&str> {
        self.instances.iter().map(|i| i.name.as_str()).collect()
    }

    /// The instance on `provider` that stands in for `reference`: the same
    /// instance if it is that provider's, else the cheapest one with at least
    /// its vCPUs and memory (or the largest there is), burstable only when the
    /// reference is.
    #[must_use]
    pub fn equivalent<'a>(&'a self, reference: &'a Instance, provider: Provider) -> Option<&'a Instance> {
        if reference.provider == provider {
            return Some(reference);
        }
        // A steady, non-burstable reference gets a non-burstable stand-in.
        let candidates = self
            .instances
            .iter()
            .filter(|i| i.provider == provider && (reference.burstable || !i.burstable));
        let fitting = candidates
            .clone()
            .filter(|i| i.vcpus >= reference.vcpus && i.memory_gib >= reference.memory_gib * 0.99)
            .min_by(|a, b| a.per_hour.value.total_cmp(&b.per_hour.value));
        fitting.or_else(|| {
            candidates.max_by(|a, b| {
                (a.vcpus, a.memory_gib)
                    .partial_cmp(&(b.vcpus, b.memory_gib))
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
        })
    }

    /// The earliest and latest dates the book's sources were read.
    #[must_use]
    pub fn read_range(&self) -> (String, String) {
        let mut dates: Vec<&str> = self.sources.values().map(|s| s.read_on.as_str()).collect();
        dates.sort_unstable();
        (
            dates.first().map(|d| (*d).to_owned()).unwrap_or_default(),
            dates.last().map(|d| (*d).to_owned()).unwrap_or_default(),
        )
    }
}

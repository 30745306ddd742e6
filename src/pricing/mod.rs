//! The dated price book: every price, limit and cold-start fact the engine uses,
//! each with the source it was read from and the date it was read.
//!
//! The book ships as `assets/pricing.ron`, embedded in the binary; a user may
//! load another with `--pricing FILE` or from the window.

mod network;
mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::source::{self, LoadError};
use crate::workload::{Architecture, Commitment, Provider, Runtime};
pub use network::{CloudLogs, CloudNetwork, GB, GIB, Logs, Network};

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
    /// Google Cloud Run functions (Cloud Functions' current generation, at Cloud Run's rates).
    pub gcp_cloud_functions: CloudFunctions,
    /// Azure Functions consumption plan.
    pub azure_functions: AzureConsumption,
    /// Azure Functions Flex Consumption plan.
    pub azure_flex_consumption: AzureFlex,
    /// Azure Functions premium plan.
    pub azure_functions_premium: AzurePremium,
    /// Azure Container Apps, consumption plan.
    pub azure_container_apps: ContainerApps,
    /// Compute Engine's automatic sustained-use discounts.
    pub gcp_sustained_use: SustainedUse,
    /// Virtual machine types of every cloud.
    pub instances: Vec<Instance>,
    /// Load balancers put in front of HTTP fleets.
    pub load_balancers: LoadBalancers,
    /// Azure Application Gateway (v2), the load balancer in front of Azure
    /// functions and Container Apps; a book without it lists that front
    /// door as not counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure_application_gateway: Option<ApplicationGateway>,
    /// Internet egress, NAT gateways and public addresses per cloud; a book
    /// without them lists those lines as not counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<Network>,
    /// Log ingestion and storage per cloud; a book without them lists logs as not counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logs: Option<Logs>,
    /// Commitments sold for the serverless and container options (the
    /// instances carry their own rates).
    pub commitments: Commitments,
    /// Spot capacity's typical discounts, per cloud.
    pub spot: PerCloud<Spot>,
    /// Cold-start and keep-warm facts.
    pub cold_starts: ColdStarts,
    /// Modelling assumptions that are not prices, each with its reasoning.
    pub assumptions: Assumptions,
    /// Which sources each cloud's reports cite, worked out on first use.
    #[serde(skip)]
    cited_by: CitedBy,
}

/// The source ids each cloud's reports cite (see [`PriceBook::sources_on`]),
/// in [`Provider::ALL`] order: derived from the book, so two books are equal
/// whatever it holds.
#[derive(Debug, Clone, Default)]
struct CitedBy(std::sync::OnceLock<Vec<Vec<String>>>);

impl PartialEq for CitedBy {
    fn eq(&self, _: &Self) -> bool {
        true
    }
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
    /// Whether the INIT phase of a cold start is billed at the duration price
    /// (1 = billed, 0 = free, as it was for managed ZIP runtimes before 2025-08-01).
    pub init_billed: Sourced,
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
    /// Google API Gateway, USD per million calls, tiered by the month's
    /// calls (its free calls are a first tier at $0); a book without it
    /// leaves the gateway on Google Cloud unpriced, and says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gcp_per_million: Option<Tiered>,
    /// Azure API Management, consumption tier, USD per million calls, tiered
    /// by the month's calls (its free calls are a first tier at $0); a book
    /// without it leaves the gateway on Azure unpriced, and says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure_per_million: Option<Tiered>,
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
    /// The CPU and memory combinations a task may have, smallest first.
    pub task_sizes: Vec<TaskSize>,
    /// Source of `task_sizes`.
    pub task_sizes_source: String,
    /// A task is billed for at least this many seconds.
    pub min_billed_s: Sourced,
}

/// The memory a task of one CPU size may have: `min_gb` to `max_gb` in `step_gb` steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskSize {
    /// vCPUs of the task.
    pub vcpus: f64,
    /// Least memory, GB.
    pub min_gb: f64,
    /// Most memory, GB.
    pub max_gb: f64,
    /// Memory steps, GB.
    pub step_gb: f64,
}

impl Fargate {
    /// The smallest task (vCPUs, GB) Fargate offers with at least `vcpus` and
    /// `memory_gb`; `None` past the largest.
    #[must_use]
    pub fn task_for(&self, vcpus: f64, memory_gb: f64) -> Option<(f64, f64)> {
        self.task_sizes.iter().find_map(|t| {
            if t.vcpus + 1e-9 < vcpus || t.max_gb + 1e-9 < memory_gb {
                return None;
            }
            let above = ((memory_gb - t.min_gb) / t.step_gb - 1e-9).ceil().max(0.0);
            Some((t.vcpus, t.min_gb + above * t.step_gb))
        })
    }
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
    /// Request-based billing: USD per vCPU-second of a minimum instance while idle.
    pub idle_per_vcpu_second: Sourced,
    /// Request-based billing: USD per GiB-second of a minimum instance while idle.
    pub idle_per_gib_second: Sourced,
    /// Instance-based billing (CPU always allocated): USD per vCPU-second of instance life.
    pub instance_per_vcpu_second: Sourced,
    /// Instance-based billing: USD per GiB-second of instance life.
    pub instance_per_gib_second: Sourced,
    /// Instance-based billing: free vCPU-seconds a month.
    pub instance_free_vcpu_seconds: Sourced,
    /// Instance-based billing: free GiB-seconds a month.
    pub instance_free_gib_seconds: Sourced,
    /// Requests one instance serves at once unless told otherwise.
    pub default_concurrency: Sourced,
    /// The most requests one instance may serve at once.
    pub max_concurrency: Sourced,
    /// Seconds an instance may stay up idle after its last request (billed under instance-based billing).
    pub idle_instance_s: Sourced,
    /// Cloud Run with a GPU.
    pub gpu: CloudRunGpu,
    /// Cloud Run jobs: USD per vCPU-second of a task's run.
    pub jobs_per_vcpu_second: Sourced,
    /// Cloud Run jobs: USD per GiB-second of a task's run.
    pub jobs_per_gib_second: Sourced,
    /// Cloud Run jobs: each task is billed for at least this many seconds.
    pub jobs_min_billed_s: Sourced,
}

/// Cloud Run with a GPU attached: instance-based billing, scales to zero.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloudRunGpu {
    /// The GPU, e.g. NVIDIA L4.
    pub name: String,
    /// USD per GPU-second while the instance runs.
    pub per_gpu_second: Sourced,
    /// Fewest vCPUs an instance with a GPU may have.
    pub min_vcpus: Sourced,
    /// Least memory an instance with a GPU may have, GiB.
    pub min_memory_gib: Sourced,
    /// Seconds a GPU instance takes to start (with drivers loaded).
    pub start_s: Sourced,
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

/// Google Cloud Run functions (Cloud Functions' current generation): billed
/// at Cloud Run's request-based rates, with a function's sizes and limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloudFunctions {
    /// Longest run of an HTTP function, in seconds.
    pub max_duration_http_s: Sourced,
    /// Longest run of an event-driven function, in seconds.
    pub max_duration_event_s: Sourced,
    /// Requests one instance serves at once unless told otherwise.
    pub default_concurrency: Sourced,
    /// Memory sizes and the vCPUs each gets; memory rounds up to a size.
    pub memory_sizes: Vec<MemoryCpu>,
    /// Source of `memory_sizes`.
    pub memory_sizes_source: String,
    /// Fewest vCPUs at which an instance may serve more than one request at once.
    pub min_vcpus_for_concurrency: Sourced,
}

impl CloudFunctions {
    /// The longest run for a workload: the event-driven limit when any trigger is not HTTP.
    #[must_use]
    pub fn max_duration_s(&self, http_only: bool) -> f64 {
        if http_only {
            self.max_duration_http_s.value
        } else {
            self.max_duration_event_s.value
        }
    }
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
    /// The day hosting on Linux in this plan retires (YYYY-MM-DD).
    pub linux_retires_on: String,
    /// Source of `linux_retires_on`.
    pub linux_retires_on_source: String,
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

/// Azure Functions Flex Consumption prices and limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AzureFlex {
    /// On demand: USD per GB-second of instance memory while the instance executes.
    pub per_gb_second: Sourced,
    /// On demand: USD per million executions.
    pub executions_per_million: Sourced,
    /// Free on-demand GB-seconds a month.
    pub free_gb_seconds: Sourced,
    /// Free on-demand executions a month.
    pub free_executions: Sourced,
    /// Always ready: USD per GB-second of baseline, all month.
    pub always_ready_baseline_per_gb_second: Sourced,
    /// Always ready: USD per GB-second while executing.
    pub always_ready_per_gb_second: Sourced,
    /// Always ready: USD per million executions.
    pub always_ready_executions_per_million: Sourced,
    /// Each instance's busy period is billed for at least this many milliseconds...
    pub min_billed_ms: Sourced,
    /// ... and past that rounded up to this many milliseconds.
    pub rounding_ms: Sourced,
    /// Instance memory sizes with their default HTTP concurrency, smallest first.
    pub instance_sizes: Vec<FlexSize>,
    /// Source of `instance_sizes`.
    pub instance_sizes_source: String,
    /// Run time the plan guarantees, in seconds (it has no hard limit).
    pub guaranteed_duration_s: Sourced,
    /// An HTTP-triggered function must answer within this many seconds.
    pub http_response_limit_s: Sourced,
}

/// A Flex Consumption instance size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlexSize {
    /// Instance memory, MB.
    pub memory_mb: u32,
    /// CPU cores of the instance.
    pub cores: f64,
    /// Concurrent HTTP executions one instance takes by default.
    pub http_concurrency: u32,
}

impl AzureFlex {
    /// The smallest instance size with at least `memory_mb`; `None` past the largest.
    #[must_use]
    pub fn size_for(&self, memory_mb: u32) -> Option<&FlexSize> {
        self.instance_sizes.iter().find(|s| s.memory_mb >= memory_mb)
    }
}

/// Azure Container Apps consumption plan prices and limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContainerApps {
    /// USD per vCPU-second of an active replica.
    pub active_per_vcpu_second: Sourced,
    /// USD per GiB-second of an active replica.
    pub active_per_gib_second: Sourced,
    /// USD per vCPU-second of an idle minimum replica.
    pub idle_per_vcpu_second: Sourced,
    /// USD per GiB-second of an idle minimum replica.
    pub idle_per_gib_second: Sourced,
    /// USD per million HTTP requests.
    pub requests_per_million: Sourced,
    /// Free vCPU-seconds a month.
    pub free_vcpu_seconds: Sourced,
    /// Free GiB-seconds a month.
    pub free_gib_seconds: Sourced,
    /// Free requests a month.
    pub free_requests: Sourced,
    /// Concurrent HTTP requests per replica the default scale rule aims at.
    pub default_concurrency: Sourced,
    /// Seconds a replica above the minimum stays after the load that needed it.
    pub cooldown_s: Sourced,
    /// Replica sizes (vCPUs, GiB) allowed on the consumption plan, smallest first.
    pub replica_sizes: Vec<ReplicaSize>,
    /// Source of `replica_sizes`.
    pub replica_sizes_source: String,
}

/// A Container Apps replica size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplicaSize {
    /// vCPUs.
    pub vcpus: f64,
    /// Memory, GiB.
    pub memory_gib: f64,
}

impl ContainerApps {
    /// The smallest replica with at least this much memory and these vCPUs; `None` past the largest.
    #[must_use]
    pub fn size_for(&self, memory_gib: f64, vcpus: f64) -> Option<&ReplicaSize> {
        self.replica_sizes
            .iter()
            .find(|s| s.memory_gib + 1e-9 >= memory_gib && s.vcpus + 1e-9 >= vcpus)
    }

    /// The largest replica's memory, MB.
    #[must_use]
    pub fn max_memory_mb(&self) -> Option<f64> {
        self.replica_sizes.last().map(|s| s.memory_gib * 1024.0)
    }
}

/// Compute Engine's sustained-use discounts: per machine family, the share
/// of the base price charged for each successive quarter of the month an
/// instance runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SustainedUse {
    /// The families that get them, with their rates.
    pub families: Vec<SustainedUseFamily>,
    /// Source of `families`.
    pub families_source: String,
}

/// One machine family's sustained-use rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SustainedUseFamily {
    /// The family, the part of a machine type's name before the first dash (`n2`).
    pub family: String,
    /// Share of the base price for each quarter of the month, in order (4 values).
    pub quarter_rates: Vec<f64>,
}

impl SustainedUse {
    /// The quarter rates of a Compute Engine machine type, if its family gets the discount.
    #[must_use]
    pub fn rates_for(&self, machine_type: &str) -> Option<&[f64]> {
        let family = machine_type.split('-').next()?;
        self.families
            .iter()
            .find(|f| f.family == family)
            .map(|f| f.quarter_rates.as_slice())
    }
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
    /// GPUs attached (0 for none).
    #[serde(default)]
    pub gpus: u32,
    /// The GPU model, empty without GPUs.
    #[serde(default)]
    pub gpu: String,
    /// Whether it runs Arm code (an x86 workload never runs on it as a stand-in).
    #[serde(default)]
    pub arm: bool,
    /// The commitments its cloud sells for it, each with its effective hourly
    /// rate on a one-year and a three-year term, no upfront payment; the
    /// cheapest for a term is the one priced.
    #[serde(default)]
    pub commitments: Vec<InstanceCommitment>,
    /// Its spot price an hour where the book has one (spot prices move);
    /// without it the cloud's typical spot discount applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spot_per_hour: Option<Sourced>,
    /// The cloud sells no spot capacity of this type (Azure's B-series).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_spot: bool,
}

/// One commitment a cloud sells for an instance type: its effective hourly
/// rate, no upfront, paid monthly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceCommitment {
    /// The cloud's name for it, e.g. "EC2 Instance Savings Plan".
    pub plan: String,
    /// USD an hour on a one-year term, where it is sold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_year_per_hour: Option<Sourced>,
    /// USD an hour on a three-year term, where it is sold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub three_year_per_hour: Option<Sourced>,
    /// Terms the cloud no longer sells (no new purchases or renewals): a
    /// commitment priced on or after the day they ended (the book's date)
    /// does not use their rates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawn>,
}

/// Terms of a commitment a cloud has stopped selling, from a day on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawn {
    /// The terms no longer sold (`OneYear`, `ThreeYear`).
    pub terms: Vec<Commitment>,
    /// The first day they can no longer be bought or renewed (YYYY-MM-DD).
    pub from: String,
    /// Id of the source that says so.
    pub source: String,
}

impl InstanceCommitment {
    /// The hourly rate for `term` (`None` on demand, or where the term is not sold).
    #[must_use]
    pub fn per_hour(&self, term: Commitment) -> Option<f64> {
        match term {
            Commitment::OnDemand => None,
            Commitment::OneYear => self.one_year_per_hour.as_ref().map(|r| r.value),
            Commitment::ThreeYear => self.three_year_per_hour.as_ref().map(|r| r.value),
        }
    }

    /// Whether `term` can still be bought on `date` (YYYY-MM-DD): not one of
    /// the withdrawn terms, or a day before they ended.
    #[must_use]
    pub fn sold_on(&self, term: Commitment, date: &str) -> bool {
        self.withdrawn
            .as_ref()
            .is_none_or(|w| !w.terms.contains(&term) || date < w.from.as_str())
    }
}

impl Instance {
    /// The cheapest commitment for this type that can be bought on `term` on
    /// `date` (the price book's date), with its hourly rate.
    #[must_use]
    pub fn best_commitment(&self, term: Commitment, date: &str) -> Option<(&InstanceCommitment, f64)> {
        self.commitments
            .iter()
            .filter(|c| c.sold_on(term, date))
            .filter_map(|c| c.per_hour(term).map(|r| (c, r)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// The commitment with a rate for `term` that is no longer sold on `date`, if any.
    #[must_use]
    pub fn withdrawn_commitment(
        &self,
        term: Commitment,
        date: &str,
    ) -> Option<(&InstanceCommitment, &Withdrawn)> {
        self.commitments.iter().find_map(|c| {
            let w = c.withdrawn.as_ref()?;
            (c.per_hour(term).is_some() && !c.sold_on(term, date)).then_some((c, w))
        })
    }
}

/// A commitment sold for a service, as the fraction it takes off the list
/// price on each term (no upfront payment, paid monthly).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceCommitment {
    /// The cloud's name for it, e.g. "Compute Savings Plan".
    pub plan: String,
    /// Fraction off the list price on a one-year term.
    pub one_year_off: Sourced,
    /// Fraction off the list price on a three-year term.
    pub three_year_off: Sourced,
}

impl ServiceCommitment {
    /// The fraction off for `term` (`None` on demand).
    #[must_use]
    pub fn off(&self, term: Commitment) -> Option<f64> {
        match term {
            Commitment::OnDemand => None,
            Commitment::OneYear => Some(self.one_year_off.value),
            Commitment::ThreeYear => Some(self.three_year_off.value),
        }
    }
}

/// The commitments sold for options that are not instance types. An entry
/// the book has no sourced rate for is left out: the option is then priced
/// on demand and the commitment listed as not counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitments {
    /// AWS Fargate (Compute Savings Plans).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_fargate: Option<ServiceCommitment>,
    /// AWS Lambda's duration and provisioned concurrency (Compute Savings Plans).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_lambda: Option<ServiceCommitment>,
    /// Cloud Run billed by instance (CPU always allocated), and its jobs
    /// (the Compute flexible committed use discount).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gcp_cloud_run: Option<ServiceCommitment>,
    /// Cloud Run billed by request, and Cloud Run functions (the committed
    /// use discount they get, lower than instance-based billing's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gcp_cloud_run_requests: Option<ServiceCommitment>,
    /// Azure Functions premium plan (savings plan for compute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure_functions_premium: Option<ServiceCommitment>,
}

/// A cloud's spot capacity: the typical discount the book prices with (spot
/// prices move with demand) and how an interruption is announced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spot {
    /// The cloud's name for spot virtual machines, e.g. "EC2 Spot Instances".
    pub servers_name: String,
    /// Typical fraction off the on-demand price of a virtual machine.
    pub servers_off: Sourced,
    /// Spot for serverless containers where the cloud sells it (Fargate Spot): its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub containers_name: Option<String>,
    /// Typical fraction off for those containers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub containers_off: Option<Sourced>,
    /// How the cloud warns before it takes the capacity back, e.g. "a two-minute notice".
    pub notice: String,
}

/// One value per cloud: the price book's sections that each cloud prices in
/// its own product (load balancers, networks, logs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerCloud<T> {
    /// AWS.
    pub aws: T,
    /// Google Cloud.
    pub gcp: T,
    /// Azure.
    pub azure: T,
}

impl<T> PerCloud<T> {
    /// The value of one cloud.
    #[must_use]
    pub fn of(&self, provider: Provider) -> &T {
        match provider {
            Provider::Aws => &self.aws,
            Provider::Gcp => &self.gcp,
            Provider::Azure => &self.azure,
        }
    }
}

/// Load balancer prices per cloud: AWS Application Load Balancer, Google
/// Cloud's external load balancer, Azure Standard Load Balancer.
pub type LoadBalancers = PerCloud<LoadBalancer>;

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
    /// GB an hour one capacity unit covers for Lambda targets (AWS: 0.4,
    /// against 1 GB for instance targets); `None` where functions are not
    /// priced behind this load balancer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lambda_gb_per_unit_hour: Option<Sourced>,
}

/// Azure Application Gateway v2: a fixed price for every hour it runs (its
/// public address billed apart) plus capacity units. A capacity unit covers a
/// compute unit (about 50 new TLS connections a second on `Standard_v2`),
/// 2,500 persistent connections or 2.22 Mbps, whichever the hour uses most,
/// and an hour with any traffic bills at least one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationGateway {
    /// What it is, e.g. "Application Gateway `Standard_v2`".
    pub name: String,
    /// USD per gateway-hour, the fixed part.
    pub per_hour: Sourced,
    /// USD per capacity-unit-hour.
    pub per_capacity_unit_hour: Sourced,
    /// New connections a second one capacity unit (one compute unit) covers.
    pub new_connections_per_unit_per_second: Sourced,
    /// Throughput one capacity unit covers, Mbps.
    pub mbps_per_unit: Sourced,
}

/// Cold-start and keep-warm facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColdStarts {
    /// Measured cold starts by runtime, at 128 MB and at 1,024 MB.
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
    /// Lambda SnapStart: the runtimes it covers and a measured restore.
    pub snapstart: SnapStart,
}

/// Lambda SnapStart: a snapshot restored in place of the INIT phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapStart {
    /// The runtimes it covers (Java 11+, Python 3.12+, .NET 8+).
    pub runtimes: Vec<Runtime>,
    /// Source of `runtimes`.
    pub runtimes_source: String,
    /// The runtime whose restore was measured.
    pub measured_runtime: Runtime,
    /// Its mean restore at 128 MB, ms.
    pub restore_ms_128: Sourced,
    /// Its mean restore at 1,024 MB, ms.
    pub restore_ms_1024: Sourced,
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

/// A runtime's measured cold start: the INIT phase, and the first
/// invocation's own time (JIT-compiled runtimes run slowly at first), each at
/// 128 MB and at 1,024 MB; between, interpolated on log memory, beyond, held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuntimeColdStart {
    /// The runtime.
    pub runtime: Runtime,
    /// INIT duration at 128 MB, ms.
    pub init_ms_128: f64,
    /// INIT duration at 1,024 MB, ms.
    pub init_ms_1024: f64,
    /// The first invocation's duration at 128 MB, ms.
    pub first_invoke_ms_128: f64,
    /// The first invocation's duration at 1,024 MB, ms.
    pub first_invoke_ms_1024: f64,
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
    /// Requests one GPU serves at once (a model's batch of one), unless the workload says.
    pub gpu_requests_per_gpu: f64,
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
            Err(LoadError::Invalid(source::FileErrors::capped(errors)))
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
        // A steady, non-burstable reference gets a non-burstable stand-in; a GPU
        // reference gets as many GPUs, a CPU reference none.
        let candidates = self.instances.iter().filter(|i| {
            i.provider == provider
                && (reference.burstable || !i.burstable)
                && (reference.arm || !i.arm)
                && (i.gpus >= reference.gpus)
                && (reference.gpus > 0 || i.gpus == 0)
        });
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

    /// The instance a fleet runs for a workload on `provider`: the stand-in
    /// for `reference`, or, when the work needs a GPU and the reference has
    /// none, the provider's cheapest GPU instance with at least `memory_gib`
    /// (else its largest GPU instance).
    #[must_use]
    pub fn fleet_instance<'a>(
        &'a self,
        reference: &'a Instance,
        provider: Provider,
        needs_gpu: bool,
        memory_gib: f64,
    ) -> Option<&'a Instance> {
        if !needs_gpu || reference.gpus > 0 {
            return self.equivalent(reference, provider);
        }
        let gpus = self
            .instances
            .iter()
            .filter(|i| i.provider == provider && i.gpus > 0);
        gpus.clone()
            .filter(|i| i.memory_gib + 1e-9 >= memory_gib)
            .min_by(|a, b| a.per_hour.value.total_cmp(&b.per_hour.value))
            .or_else(|| gpus.max_by(|a, b| a.memory_gib.total_cmp(&b.memory_gib)))
    }

    /// The book's title as a report on one cloud gives it: the part before
    /// a colon (where the built-in book lists every cloud's region) with that
    /// cloud's region, when `region` names one per cloud (`a / b / c`, in
    /// AWS, Google Cloud, Azure order); otherwise the title as it is.
    #[must_use]
    pub fn title_on(&self, provider: Provider) -> String {
        let regions: Vec<&str> = self.region.split('/').map(str::trim).collect();
        let index = Provider::ALL.iter().position(|p| *p == provider);
        match (self.title.split_once(": "), index) {
            (Some((head, _)), Some(i)) if regions.len() == Provider::ALL.len() && !regions[i].is_empty() => {
                format!("{head}, {}", regions[i])
            }
            _ => self.title.clone(),
        }
    }

    /// The ids of the sources behind one cloud's prices and the facts every
    /// cloud shares (cold-start medians, modelling assumptions), in the
    /// book's order: a report on that cloud cites these and not the other
    /// clouds' price pages. A value belongs to a cloud by where it sits: a
    /// section or field named for it (`gcp_cloud_run`, `azure`,
    /// `keep_warm_minutes_aws`), an instance type of its `provider`, AWS's
    /// own API Gateway tiers and Lambda's SnapStart.
    /// The book is walked once, on the first call; it is read-only once
    /// loaded.
    #[must_use]
    pub fn sources_on(&self, provider: Provider) -> Vec<&str> {
        let by_cloud = self.cited_by.0.get_or_init(|| {
            let tree = serde_json::to_value(self).ok();
            Provider::ALL
                .iter()
                .map(|&p| {
                    let mut cited: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
                    if let Some(serde_json::Value::Object(top)) = &tree {
                        for (key, value) in top {
                            if key != "sources" {
                                collect_cited(value, cloud_of_key(key, None), p, &mut cited);
                            }
                        }
                    } else {
                        cited.extend(self.sources.keys().cloned());
                    }
                    self.sources
                        .keys()
                        .filter(|id| cited.contains(id.as_str()))
                        .cloned()
                        .collect()
                })
                .collect()
        });
        let index = Provider::ALL.iter().position(|p| *p == provider).unwrap_or(0);
        by_cloud
            .get(index)
            .map(|ids| ids.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The earliest and latest dates the book's sources were read.
    #[must_use]
    pub fn read_range(&self) -> (String, String) {
        read_range_of(self.sources.values())
    }
}

impl crate::workload::InstanceTypes for PriceBook {
    fn has_instance(&self, name: &str) -> bool {
        self.instance(name).is_some()
    }

    fn instance_type_names(&self) -> Vec<&str> {
        self.instance_names()
    }
}

/// The cloud a price book field belongs to by its name, or the enclosing
/// one (`inherited`): `aws`, `aws_lambda`, `keep_warm_minutes_aws` and the
/// like; AWS for the API Gateway tiers without a cloud in their name
/// (`http_per_million`, `rest_per_million`) and for SnapStart.
fn cloud_of_key(key: &str, inherited: Option<Provider>) -> Option<Provider> {
    let named =
        |tag: &str| key == tag || key.starts_with(&format!("{tag}_")) || key.ends_with(&format!("_{tag}"));
    if named("aws") || key == "snapstart" || key == "http_per_million" || key == "rest_per_million" {
        Some(Provider::Aws)
    } else if named("gcp") {
        Some(Provider::Gcp)
    } else if named("azure") {
        Some(Provider::Azure)
    } else {
        inherited
    }
}

/// Adds to `cited` the source ids under `value` that a report on `wanted`
/// cites: those of `wanted`'s values and of values no cloud owns.
fn collect_cited(
    value: &serde_json::Value,
    cloud: Option<Provider>,
    wanted: Provider,
    cited: &mut std::collections::BTreeSet<String>,
) {
    match value {
        serde_json::Value::Object(map) => {
            // An instance type says its cloud.
            let cloud = match map.get("provider").and_then(serde_json::Value::as_str) {
                Some(p) => Provider::ALL
                    .iter()
                    .copied()
                    .find(|x| x.file_name() == p)
                    .or(cloud),
                None => cloud,
            };
            for (key, inner) in map {
                let here = cloud_of_key(key, cloud);
                if key == "source" || key.ends_with("_source") {
                    if let Some(id) = inner.as_str()
                        && here.is_none_or(|c| c == wanted)
                    {
                        cited.insert(id.to_owned());
                    }
                } else {
                    collect_cited(inner, here, wanted, cited);
                }
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                collect_cited(item, cloud, wanted, cited);
            }
        }
        _ => {}
    }
}

/// The earliest and latest dates these sources were read (empty when none).
pub fn read_range_of<'a>(sources: impl Iterator<Item = &'a Source>) -> (String, String) {
    // One pass for the earliest and the latest (ISO dates compare as text).
    let (first, last) = sources.fold((None::<&str>, None::<&str>), |(lo, hi), s| {
        let d = s.read_on.as_str();
        (
            Some(lo.map_or(d, |lo| lo.min(d))),
            Some(hi.map_or(d, |hi| hi.max(d))),
        )
    });
    (
        first.map(str::to_owned).unwrap_or_default(),
        last.map(str::to_owned).unwrap_or_default(),
    )
}

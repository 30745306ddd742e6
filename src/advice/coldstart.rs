//! Cold starts on the serverless option that carries the work: how many
//! requests start cold, what that adds to latency, whether the p99 target
//! survives it, and what keeping instances ready would cost.

use serde::{Deserialize, Serialize};

use crate::cost::coldstart::{Platform, cold_fraction_on};
use crate::cost::{CostInput, OptionId, Profile, monthly_usd, per_instance_concurrency};
use crate::pricing::PriceBook;
use crate::workload::{Hardware, Workload};

pub use crate::cost::coldstart::{cold_start_ms, init_ms};

/// The cold-start estimate (the JSON report's `cold_start`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColdStart {
    /// The function option the estimate is for.
    pub option: OptionId,
    /// Share of requests that find no warm instance, 0 to 1.
    pub fraction_of_requests: f64,
    /// Time a cold start adds to a request, ms.
    pub added_latency_ms: f64,
    /// Estimated p99 response time: p99 duration, warm overhead, and the cold
    /// start when more than the book's share of requests start cold.
    pub p99_latency_ms: f64,
    /// Whether that p99 is within the workload's target.
    pub meets_p99_target: bool,
    /// Extra USD a month to keep enough instances warm that none start cold.
    pub provisioned_concurrency_usd: f64,
    /// Instances kept warm for that price.
    pub provisioned_instances: u32,
    /// How the remedy is priced on this cloud.
    pub remedy: String,
}

/// Whether `option` keeps the workload's `provisioned_concurrency` instances
/// ready (provisioned concurrency, minimum instances or replicas, always-ready
/// instances); the consumption plan has no such setting.
fn keeps_ready(option: OptionId) -> bool {
    !matches!(option, OptionId::AzureFunctions)
}

/// How requests meet instances on `option`: its keep-warm time, requests per
/// instance and ready instances.
fn platform(option: OptionId, workload: &Workload, book: &PriceBook, warm: f64) -> Platform {
    let mut p = Platform::functions_of(workload, book, if keeps_ready(option) { warm } else { 0.0 });
    p.per_instance = per_instance_concurrency(option, workload, book);
    if option == OptionId::AzureContainerApps {
        p.keep_warm_s = book.azure_container_apps.cooldown_s.value;
    }
    if option == OptionId::GcpCloudRun {
        p.keep_warm_s = book.gcp_cloud_run.idle_instance_s.value;
    }
    p
}

/// What a cold start adds on `option`: a GPU instance's start on Cloud Run,
/// else the runtime's measured init and first invocation.
pub(crate) fn added_ms(option: OptionId, workload: &Workload, book: &PriceBook) -> f64 {
    if option == OptionId::GcpCloudRun && workload.hardware == Hardware::Gpu {
        return book.gcp_cloud_run.gpu.start_s.value * 1000.0;
    }
    cold_start_ms(workload, book)
}

/// The p99 estimate on one of the provider's serverless options and whether
/// it meets the target, without pricing the remedy: (cold fraction, added ms,
/// p99 ms, meets). On Azure's premium plan an instance is always ready, so no
/// request waits for a cold start.
#[must_use]
pub fn latency_on(
    option: OptionId,
    workload: &Workload,
    book: &PriceBook,
    profile: &Profile,
) -> (f64, f64, f64, bool) {
    let overhead = book.cold_starts.warm_overhead_ms(workload.provider);
    let added = added_ms(option, workload, book);
    if option == OptionId::AzureFunctionsPremium {
        let p99 = workload.execution.p99_duration_ms + overhead;
        return (0.0, added, p99, p99 <= workload.latency.p99_target_ms);
    }
    let warm = f64::from(workload.pricing.provisioned_concurrency);
    let fraction = cold_fraction_on(
        workload,
        book,
        profile,
        platform(option, workload, book, warm),
        workload.traffic.monthly_requests,
    );
    let mut p99 = workload.execution.p99_duration_ms + overhead;
    if fraction > book.assumptions.cold_share_in_p99 {
        p99 += added;
    }
    (fraction, added, p99, p99 <= workload.latency.p99_target_ms)
}

/// The cold-start estimate on one of the provider's serverless options, with
/// the remedy priced through the cost engine: enough ready instances
/// (provisioned concurrency, minimum instances or replicas, always-ready
/// instances) for the peak hour, net of what the option already costs; on
/// Azure's consumption plan, Flex Consumption with always-ready instances.
#[must_use]
pub fn estimate_on(option: OptionId, workload: &Workload, book: &PriceBook, profile: &Profile) -> ColdStart {
    let (fraction, added, p99, meets) = latency_on(option, workload, book, profile);
    let estimate = |usd: f64, instances: u32, remedy: String| ColdStart {
        option,
        fraction_of_requests: fraction,
        added_latency_ms: added,
        p99_latency_ms: p99,
        meets_p99_target: meets,
        provisioned_concurrency_usd: usd,
        provisioned_instances: instances,
        remedy,
    };
    if option == OptionId::AzureFunctionsPremium {
        return estimate(
            0.0,
            0,
            "Nothing to add: the premium plan keeps at least one instance ready, and its price already counts it".to_owned(),
        );
    }
    let mean_per_second = workload.traffic.monthly_requests.max(0.0) / book.hours_per_month / 3600.0;
    let per_instance = per_instance_concurrency(option, workload, book);
    let peak_concurrency = profile.peak * mean_per_second * workload.execution.avg_duration_ms / 1000.0;
    let needed = (peak_concurrency / per_instance)
        .ceil()
        .clamp(1.0, 1e6)
        .max(f64::from(workload.pricing.provisioned_concurrency));
    // `needed` is at most 1e6 (or the validated provisioned count), so it fits a u32.
    let instances = needed as u32;
    let at = |w: &Workload, option: OptionId| {
        monthly_usd(
            option,
            &CostInput::new(w, book, profile, w.traffic.monthly_requests),
        )
    };
    let mut with = workload.clone();
    with.pricing.provisioned_concurrency = instances;
    let (remedied, remedy) = match option {
        OptionId::AzureFunctions => (
            OptionId::AzureFlexConsumption,
            "Flex Consumption with always-ready instances for the peak hour, over the consumption plan"
                .to_owned(),
        ),
        OptionId::AwsLambda => (option, lambda_remedy(workload, book)),
        OptionId::AzureFlexConsumption => (
            option,
            "always-ready instances for the peak hour, net of the cheaper execution rate they bring"
                .to_owned(),
        ),
        OptionId::AzureContainerApps => (
            option,
            "minimum replicas for the peak hour, billed at the idle rate while they wait".to_owned(),
        ),
        _ => (
            option,
            "minimum instances for the peak hour, billed at the idle rate while they wait".to_owned(),
        ),
    };
    let mut none = workload.clone();
    none.pricing.provisioned_concurrency = 0;
    let base = if remedied == option {
        at(&none, option)
    } else {
        at(workload, option)
    };
    let usd = (at(&with, remedied) - base).max(0.0);
    estimate(usd, instances, remedy)
}

/// Lambda's remedy, and what SnapStart would do where it applies.
fn lambda_remedy(workload: &Workload, book: &PriceBook) -> String {
    let mut remedy =
        "Lambda provisioned concurrency sized to the peak hour's concurrency, net of the cheaper duration it brings"
            .to_owned();
    let snap = &book.cold_starts.snapstart;
    let runtime = workload.execution.runtime;
    if snap.runtimes.contains(&runtime) {
        if runtime == snap.measured_runtime {
            let memory = f64::from(workload.execution.memory_mb).clamp(128.0, 1024.0);
            let t = (memory / 128.0).ln() / 8.0f64.ln();
            let restore =
                snap.restore_ms_128.value + (snap.restore_ms_1024.value - snap.restore_ms_128.value) * t;
            let _ = std::fmt::Write::write_fmt(
                &mut remedy,
                format_args!(
                    "; SnapStart also covers {}, but a minimal function restored in about {} against a {} INIT, so it pays only when the code's own start-up is heavier than that",
                    runtime.label(),
                    crate::format::duration_ms(restore),
                    crate::format::duration_ms(init_ms(workload, book))
                ),
            );
        } else {
            let _ = std::fmt::Write::write_fmt(
                &mut remedy,
                format_args!(
                    "; SnapStart also covers {} (restoring a snapshot in place of INIT), with no measured restore time in the price book",
                    runtime.label()
                ),
            );
        }
    }
    remedy
}

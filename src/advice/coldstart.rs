//! Cold starts on the provider's function platform: how many requests start
//! cold, what that adds to latency, whether the p99 target survives it, and
//! what keeping instances warm would cost.

use serde::{Deserialize, Serialize};

use crate::cost::{CostInput, OptionId, Profile, monthly_usd};
use crate::pricing::PriceBook;
use crate::workload::{Provider, Workload};

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

/// Cold-start time for a runtime and memory: the book's fast figure at a full
/// vCPU, its slow figure at the smallest memory, log-interpolated between.
#[must_use]
pub fn cold_start_ms(workload: &Workload, book: &PriceBook) -> f64 {
    let Some(entry) = book.cold_starts.for_runtime(workload.execution.runtime) else {
        return 0.0;
    };
    let memory = f64::from(workload.execution.memory_mb).max(128.0);
    let full = book.aws_lambda.one_vcpu_memory_mb.value.max(129.0);
    let t = ((memory / 128.0).ln() / (full / 128.0).ln()).clamp(0.0, 1.0);
    entry.slow_ms * (entry.fast_ms / entry.slow_ms).powf(t)
}

/// The fraction of requests that start cold with `warm` instances provisioned.
///
/// Two sources: a request that follows a gap longer than the keep-warm time
/// finds every instance gone (Poisson arrivals, so the chance is e^(-rate x
/// keep-warm)); and when concurrency rises from one hour to the next, each new
/// instance starts cold once. Provisioned instances absorb both up to their number.
#[must_use]
pub fn cold_fraction(workload: &Workload, book: &PriceBook, profile: &Profile, warm: f64) -> f64 {
    let provider = workload.provider;
    let keep_warm_s = book.cold_starts.keep_warm_minutes(provider) * 60.0;
    let mean_per_second = workload.traffic.monthly_requests.max(0.0) / book.hours_per_month / 3600.0;
    let duration_s = workload.execution.avg_duration_ms / 1000.0;
    let hours = profile.hourly.len() as f64;
    // The profile's mean is 1, so a week holds mean x 3600 x 168 requests.
    let requests = mean_per_second * 3600.0 * hours;
    if requests <= 0.0 {
        return 1.0;
    }
    let mut cold = 0.0;
    if warm < 1.0 {
        // Quietest hours first: once a gap longer than the keep-warm time becomes
        // negligible (e^-40), it is for every busier hour too.
        for &(m, hours) in profile.levels().iter().rev() {
            let rate = m * mean_per_second;
            let gaps = rate * keep_warm_s;
            if gaps >= 40.0 {
                break;
            }
            cold += f64::from(hours) * rate * 3600.0 * (-gaps).exp();
        }
        // Scale-up: concurrency rising from one hour to the next starts new
        // instances; the profile's rises are summed once when it is built.
        cold += profile.rise * mean_per_second * duration_s;
    } else {
        let concurrency = |h: usize| (profile.hourly[h] * mean_per_second * duration_s).max(warm);
        let n = profile.hourly.len();
        for h in 0..n {
            cold += (concurrency(h) - concurrency((h + n - 1) % n)).max(0.0);
        }
    }
    (cold / requests).clamp(0.0, 1.0)
}

/// The p99 estimate and whether it meets the target, without pricing the remedy.
#[must_use]
pub fn latency(workload: &Workload, book: &PriceBook, profile: &Profile) -> (f64, f64, f64, bool) {
    let warm = if workload.provider == Provider::Aws {
        f64::from(workload.pricing.provisioned_concurrency)
    } else {
        0.0
    };
    let fraction = cold_fraction(workload, book, profile, warm);
    let added = cold_start_ms(workload, book);
    let mut p99 = workload.execution.p99_duration_ms + book.cold_starts.warm_overhead_ms(workload.provider);
    if fraction > book.assumptions.cold_share_in_p99 {
        p99 += added;
    }
    (fraction, added, p99, p99 <= workload.latency.p99_target_ms)
}

/// [`latency`] on one of the provider's serverless options: on Azure's premium
/// plan an instance is always ready, so no request waits for a cold start.
#[must_use]
pub fn latency_on(
    option: OptionId,
    workload: &Workload,
    book: &PriceBook,
    profile: &Profile,
) -> (f64, f64, f64, bool) {
    if option == OptionId::AzureFunctionsPremium {
        let p99 = workload.execution.p99_duration_ms + book.cold_starts.warm_overhead_ms(workload.provider);
        return (
            0.0,
            cold_start_ms(workload, book),
            p99,
            p99 <= workload.latency.p99_target_ms,
        );
    }
    latency(workload, book, profile)
}

/// The cold-start estimate on one of the provider's serverless options: its
/// function platform, Cloud Run (priced like Cloud Functions' minimum
/// instances, at Cloud Run's rates), or Azure's premium plan, whose
/// always-ready instance means requests do not start cold.
#[must_use]
pub fn estimate_on(option: OptionId, workload: &Workload, book: &PriceBook, profile: &Profile) -> ColdStart {
    if option == OptionId::AzureFunctionsPremium {
        let (fraction, added, p99, meets) = latency_on(option, workload, book, profile);
        return ColdStart {
            option,
            fraction_of_requests: fraction,
            added_latency_ms: added,
            p99_latency_ms: p99,
            meets_p99_target: meets,
            provisioned_concurrency_usd: 0.0,
            provisioned_instances: 0,
            remedy: "Nothing to add: the premium plan keeps at least one instance ready, and its price already counts it".to_owned(),
        };
    }
    if option == OptionId::GcpCloudRun {
        let mut cs = estimate_on(OptionId::GcpCloudFunctions, workload, book, profile);
        let p = &book.gcp_cloud_run;
        let vcpus = p.vcpus_for(workload.execution.memory_mb);
        let gib = f64::from(workload.execution.memory_mb) / 1024.0;
        let seconds = book.hours_per_month * 3600.0;
        cs.option = option;
        cs.provisioned_concurrency_usd = f64::from(cs.provisioned_instances)
            * seconds
            * (vcpus * p.per_vcpu_second.value + gib * p.per_gib_second.value);
        "Cloud Run minimum instances kept running all month, priced at the active rate (idle instances bill less, so this is an upper bound)"
            .clone_into(&mut cs.remedy);
        return cs;
    }
    let (fraction, added, p99, meets) = latency(workload, book, profile);
    let mean_per_second = workload.traffic.monthly_requests.max(0.0) / book.hours_per_month / 3600.0;
    let peak_concurrency = profile.peak * mean_per_second * workload.execution.avg_duration_ms / 1000.0;
    let needed = peak_concurrency.ceil().clamp(1.0, 1e6);
    let at = |w: &Workload, option: OptionId| {
        monthly_usd(
            option,
            &CostInput::new(w, book, profile, w.traffic.monthly_requests),
        )
    };
    let (usd, instances, remedy) = match workload.provider {
        Provider::Aws => {
            let mut none = workload.clone();
            none.pricing.provisioned_concurrency = 0;
            let mut with = workload.clone();
            let instances = needed.max(f64::from(workload.pricing.provisioned_concurrency));
            // `instances` is at most 1e6 after the clamp above, so it fits a u32.
            with.pricing.provisioned_concurrency = instances as u32;
            (
                (at(&with, option) - at(&none, option)).max(0.0),
                instances as u32,
                "Lambda provisioned concurrency sized to the peak hour's concurrency, net of the cheaper duration it brings".to_owned(),
            )
        }
        Provider::Gcp => {
            let p = &book.gcp_cloud_functions;
            let ghz = p.size_for(workload.execution.memory_mb).map_or(0.0, |s| s.cpu);
            let gb = f64::from(workload.execution.memory_mb) / 1024.0;
            let seconds = book.hours_per_month * 3600.0;
            (
                needed * seconds * (gb * p.per_gb_second.value + ghz * p.per_ghz_second.value),
                needed as u32,
                "Minimum instances kept running all month, priced at the active rate (idle instances bill less, so this is an upper bound)".to_owned(),
            )
        }
        Provider::Azure => (
            (at(workload, OptionId::AzureFunctionsPremium) - at(workload, option)).max(0.0),
            needed as u32,
            "The premium plan, whose always-ready instances never start cold, over the consumption plan"
                .to_owned(),
        ),
    };
    ColdStart {
        option,
        fraction_of_requests: fraction,
        added_latency_ms: added,
        p99_latency_ms: p99,
        meets_p99_target: meets,
        provisioned_concurrency_usd: usd,
        provisioned_instances: instances,
        remedy,
    }
}

//! How often requests start cold and how long a cold start takes: the cost
//! engine bills Lambda's INIT phase from these, and the advice weighs them
//! against the latency target.

use super::Profile;
use crate::pricing::PriceBook;
use crate::workload::Workload;

/// The memory below which the book's small-memory figure holds, MB.
const SMALL_MB: f64 = 128.0;
/// The memory from which the book's large-memory figure holds, MB.
const LARGE_MB: f64 = 1024.0;

/// Reads a (128 MB, 1024 MB) pair at `memory_mb`: log-interpolated between,
/// held outside.
fn at_memory(small: f64, large: f64, memory_mb: u32) -> f64 {
    let t =
        ((f64::from(memory_mb).max(SMALL_MB) / SMALL_MB).ln() / (LARGE_MB / SMALL_MB).ln()).clamp(0.0, 1.0);
    small + (large - small) * t
}

/// The INIT phase of a cold start for the workload's runtime and memory, ms:
/// the measured init of a minimal function (a floor: a real package adds its
/// own loading time).
#[must_use]
pub fn init_ms(workload: &Workload, book: &PriceBook) -> f64 {
    book.cold_starts
        .for_runtime(workload.execution.runtime)
        .map_or(0.0, |r| {
            at_memory(r.init_ms_128, r.init_ms_1024, workload.execution.memory_mb)
        })
}

/// What a cold start adds to a request, ms: the INIT phase plus the first
/// invocation's extra time (large for JIT-compiled runtimes at small memory).
#[must_use]
pub fn cold_start_ms(workload: &Workload, book: &PriceBook) -> f64 {
    let first = book
        .cold_starts
        .for_runtime(workload.execution.runtime)
        .map_or(0.0, |r| {
            at_memory(
                r.first_invoke_ms_128,
                r.first_invoke_ms_1024,
                workload.execution.memory_mb,
            )
        });
    init_ms(workload, book) + first
}

/// Where requests land for the cold-start count: how long an idle instance
/// stays warm, how many requests one instance takes at once, and how many
/// are kept ready.
#[derive(Debug, Clone, Copy)]
pub struct Platform {
    /// Seconds an idle instance stays warm.
    pub keep_warm_s: f64,
    /// Requests one instance serves at once.
    pub per_instance: f64,
    /// Instances kept ready (provisioned, minimum or always-ready).
    pub warm: f64,
}

impl Platform {
    /// A function platform of the workload's cloud: one request per instance,
    /// the cloud's keep-warm time, `warm` instances ready.
    #[must_use]
    pub fn functions_of(workload: &Workload, book: &PriceBook, warm: f64) -> Self {
        Self {
            keep_warm_s: book.cold_starts.keep_warm_minutes(workload.provider) * 60.0,
            per_instance: 1.0,
            warm,
        }
    }
}

/// The fraction of requests that start cold at `monthly_requests` a month
/// on `platform`.
///
/// Two sources: a request that follows a gap longer than the keep-warm time
/// finds every instance gone (Poisson arrivals, so the chance is e^(-rate x
/// keep-warm)); and when concurrency rises from one hour to the next, each new
/// instance starts cold once. Ready instances absorb both up to their number.
#[must_use]
pub fn cold_fraction_on(
    workload: &Workload,
    book: &PriceBook,
    profile: &Profile,
    platform: Platform,
    monthly_requests: f64,
) -> f64 {
    let Platform {
        keep_warm_s,
        per_instance,
        warm,
    } = platform;
    let per_instance = per_instance.max(1.0);
    let mean_per_second = monthly_requests.max(0.0) / book.hours_per_month / 3600.0;
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
        cold += profile.rise * mean_per_second * duration_s / per_instance;
    } else {
        let concurrency =
            |h: usize| (profile.hourly[h] * mean_per_second * duration_s / per_instance).max(warm);
        let n = profile.hourly.len();
        for h in 0..n {
            cold += (concurrency(h) - concurrency((h + n - 1) % n)).max(0.0);
        }
    }
    (cold / requests).clamp(0.0, 1.0)
}

/// [`cold_fraction_on`] on the cloud's functions.
#[must_use]
pub fn cold_fraction_at(
    workload: &Workload,
    book: &PriceBook,
    profile: &Profile,
    warm: f64,
    monthly_requests: f64,
) -> f64 {
    cold_fraction_on(
        workload,
        book,
        profile,
        Platform::functions_of(workload, book, warm),
        monthly_requests,
    )
}

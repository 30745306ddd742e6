//! Stated requirements come first: which option on each side meets the p99
//! target (the time limit, memory and hardware are hard stops, so an option
//! that misses them is already out), what it costs to make one meet it (ready
//! instances), and the cheapest option on each side that does.

use serde::{Deserialize, Serialize};

use super::coldstart;
use super::criteria::Ctx;
use crate::cost::{OptionId, OptionKind};

/// Ready instances that make an option meet the p99 target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Remedy {
    /// Instances kept ready.
    pub instances: u32,
    /// Extra USD a month for them, net of what the option already costs.
    pub monthly_usd: f64,
    /// What they are called on this option (provisioned concurrency, minimum instances, ...).
    pub name: String,
}

impl Remedy {
    /// The instances in words: `1 always-ready instance`, `3 minimum replicas`,
    /// `provisioned concurrency of 2`.
    #[must_use]
    pub fn phrase(&self) -> String {
        let n = self.instances;
        if self.name.ends_with("concurrency") {
            return format!("{} of {n}", self.name);
        }
        if n == 1 {
            format!("1 {}", self.name.strip_suffix('s').unwrap_or(&self.name))
        } else {
            format!("{n} {}", self.name)
        }
    }
}

/// An option's p99 estimate against the target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct P99Fit {
    /// Estimated p99 response time, ms.
    pub p99_ms: f64,
    /// Whether it is within the target.
    pub meets: bool,
    /// Whether cold starts alone make it miss (warm, it would meet).
    pub cold_starts_cause: bool,
    /// Whether the users accept an occasional slow start, so a cold-start miss is accepted.
    pub accepted: bool,
}

/// The p99 of `option` for the workload: the work's own p99 on a fleet (which
/// keeps instances running), plus the warm overhead and cold starts on a
/// serverless option.
pub(crate) fn p99_fit(c: &Ctx<'_>, option: OptionId) -> P99Fit {
    let w = c.workload;
    let target = w.latency.p99_target_ms;
    if !super::is_serverless_side(option) {
        let p99 = w.execution.p99_duration_ms;
        return P99Fit {
            p99_ms: p99,
            meets: p99 <= target,
            cold_starts_cause: false,
            accepted: false,
        };
    }
    let warm = w.execution.p99_duration_ms + c.book.cold_starts.warm_overhead_ms(w.provider);
    // A target that even a cold start keeps is met whatever share of requests
    // starts cold, so the cold share need not be worked out.
    if warm + coldstart::added_ms(option, w, c.book) <= target {
        return P99Fit {
            p99_ms: warm,
            meets: true,
            cold_starts_cause: false,
            accepted: false,
        };
    }
    let (_, _, p99, meets) = coldstart::latency_on(option, w, c.book, c.profile);
    let cold_starts_cause = !meets && warm <= target;
    P99Fit {
        p99_ms: p99,
        meets,
        cold_starts_cause,
        accepted: cold_starts_cause && w.latency.cold_start_tolerant,
    }
}

/// The name a cloud gives the ready instances of `option`.
#[must_use]
pub fn ready_instances_name(option: OptionId) -> &'static str {
    match option {
        OptionId::AwsLambda => "provisioned concurrency",
        OptionId::AzureFlexConsumption => "always-ready instances",
        OptionId::AzureContainerApps => "minimum replicas",
        _ => "minimum instances",
    }
}

/// The option one side would build on: the cheapest that meets every stated
/// requirement, counting the ready instances a cold-start miss needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    /// The option.
    pub option: OptionId,
    /// Its list price a month.
    pub list_usd: f64,
    /// The ready instances it needs to meet the p99 target, if any.
    pub remedy: Option<Remedy>,
    /// Its p99 against the target (with the remedy, when there is one).
    pub fit: P99Fit,
}

impl Pick {
    /// What it costs to build on, ready instances included.
    #[must_use]
    pub fn usd(&self) -> f64 {
        self.list_usd + self.remedy.as_ref().map_or(0.0, |r| r.monthly_usd)
    }

    /// Whether it meets the p99 target (with its remedy, or as the users accept).
    #[must_use]
    pub fn meets(&self) -> bool {
        self.remedy.is_some() || self.fit.meets || self.fit.accepted
    }
}

/// Whether `option` has a setting that keeps instances ready. Azure's
/// consumption plan has none (Flex Consumption is its remedy, priced as its
/// own option); the premium plan always has one ready already.
fn can_keep_ready(option: OptionId) -> bool {
    super::is_serverless_side(option)
        && option.kind() != OptionKind::Server
        && !matches!(option, OptionId::AzureFunctions | OptionId::AzureFunctionsPremium)
}

/// The cheapest option of `options` that meets the p99 target, with ready
/// instances where cold starts alone miss it; when none can, the cheapest of
/// them all (its `meets()` is then false). `None` for an empty list.
///
/// Options are tried cheapest first, so the p99 is worked out only until one
/// meets it (usually the first): a dearer option can't be the pick.
pub(crate) fn pick(c: &Ctx<'_>, options: &[OptionId]) -> Option<Pick> {
    let mut left = [OptionId::AwsLambda; OptionId::ALL.len()];
    let mut n = 0;
    for &o in options {
        left[n] = o;
        n += 1;
    }
    let mut cheapest_of_all: Option<Pick> = None;
    let mut remedied: Option<Pick> = None;
    while n > 0 {
        let Some((option, usd)) = c.cheapest_at_volume(&left[..n]) else {
            break;
        };
        // Every option left costs at least this: none can beat a cheaper remedied one.
        if remedied.as_ref().is_some_and(|r| r.usd() <= usd) {
            break;
        }
        let fit = p99_fit(c, option);
        let plain = Pick {
            option,
            list_usd: usd,
            remedy: None,
            fit,
        };
        if fit.meets || fit.accepted {
            return Some(plain);
        }
        if fit.cold_starts_cause && can_keep_ready(option) {
            let candidate = with_ready_instances(c, option, usd);
            if remedied.as_ref().is_none_or(|r| candidate.usd() < r.usd()) {
                remedied = Some(candidate);
            }
        }
        if cheapest_of_all.is_none() {
            cheapest_of_all = Some(plain);
        }
        if let Some(i) = left[..n].iter().position(|&o| o == option) {
            left.swap(i, n - 1);
        }
        n -= 1;
    }
    remedied.or(cheapest_of_all)
}

/// `option` with the ready instances that keep its p99 within the target.
fn with_ready_instances(c: &Ctx<'_>, o: OptionId, list_usd: f64) -> Pick {
    let estimate = coldstart::estimate_on(o, c.workload, c.book, c.profile);
    // The estimate is net of the option with no ready instances; the list
    // price already counts any the workload keeps.
    let already = if c.workload.pricing.provisioned_concurrency > 0 {
        let mut none = c.workload.clone();
        none.pricing.provisioned_concurrency = 0;
        list_usd
            - crate::cost::monthly_usd(
                o,
                &crate::cost::CostInput::new(&none, c.book, c.profile, none.traffic.monthly_requests),
            )
    } else {
        0.0
    };
    Pick {
        option: o,
        list_usd,
        remedy: Some(Remedy {
            instances: estimate.provisioned_instances,
            monthly_usd: (estimate.provisioned_concurrency_usd - already).max(0.0),
            name: ready_instances_name(o).to_owned(),
        }),
        fit: P99Fit {
            p99_ms: c.workload.execution.p99_duration_ms
                + c.book.cold_starts.warm_overhead_ms(c.workload.provider),
            meets: true,
            cold_starts_cause: false,
            accepted: false,
        },
    }
}

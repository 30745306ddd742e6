//! The hard stops as a criterion, so a verdict they force is also the higher score.

use super::Ctx;
use crate::advice::{Blocker, Criterion};
use crate::cost::OptionId;

/// A criterion that turns the hard stops into the scores, so a verdict forced by
/// them is also the higher score.
pub(crate) fn hard_stops_criterion(
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

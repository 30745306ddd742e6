//! Job duration against each platform's limit.

use super::Ctx;
use crate::advice::{Criterion, duration_limit_s, guaranteed_duration_s};
use crate::cost::OptionId;
use crate::format;
use crate::workload::{Provider, Trigger};

/// `pick`: the option the serverless side would run on, whose own limit the
/// job is measured against once it fits the provider's function.
pub(crate) fn duration_criterion(
    c: &Ctx<'_>,
    serverless_options: &[OptionId],
    pick: Option<OptionId>,
) -> Criterion {
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
    // Within the function's limit, the option the side would run on is the
    // one whose limit matters (a container job may have none).
    let own = pick.unwrap_or(function);
    let own_limit = if own == function {
        function_limit
    } else {
        duration_limit_s(own, c.workload, c.book)
            .or_else(|| guaranteed_duration_s(own, c.book))
            .unwrap_or(f64::INFINITY)
    };
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
    } else if e.max_duration_s > t.near_limit_share * own_limit {
        // Closer to the limit, less room for a slow day: from the near-limit
        // lean at `near_limit_share` of it to twice that at the limit itself.
        let share = e.max_duration_s / own_limit;
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
                limit(own_limit),
                own.label()
            ),
            3 if own_limit.is_infinite() => format!(
                "Requests average {} and the longest takes {}: short work, and {} has no hard limit on how long a run takes.",
                format::duration_ms(e.avg_duration_ms),
                format::duration_ms(max_ms),
                own.label()
            ),
            3 => format!(
                "Requests average {} and the longest takes {}: short work, well inside the {} of {}.",
                format::duration_ms(e.avg_duration_ms),
                format::duration_ms(max_ms),
                limit(own_limit),
                own.label()
            ),
            _ if own_limit.is_infinite() => format!(
                "Runs average {} (longest {}), and {} has no hard limit on how long a run takes.",
                format::duration_ms(e.avg_duration_ms),
                format::duration_ms(max_ms),
                own.label()
            ),
            _ => format!(
                "Requests average {} (longest {}), within the {} of {}.",
                format::duration_ms(e.avg_duration_ms),
                format::duration_ms(max_ms),
                limit(own_limit),
                own.label()
            ),
        }
    })
}

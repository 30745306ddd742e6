//! The p99 target against cold starts and warm overhead.

use super::Ctx;
use crate::advice::{Criterion, Pick, coldstart};
use crate::cost::OptionId;
use crate::format;

/// The p99 target against the serverless option that would carry the work
/// (`None` when hard stops rule out every one).
pub(crate) fn latency_criterion(c: &Ctx<'_>, pick: Option<&Pick>) -> Criterion {
    let w = c.workload;
    let target = w.latency.p99_target_ms;
    let function_blocked = pick.is_none();
    let remedy = pick.and_then(|p| p.remedy.as_ref());
    let option = pick.map_or_else(|| OptionId::function_of(w.provider), |p| p.option);
    // Without sentences to write, the pick's own fit says all the lean needs
    // (a pick with ready instances missed the target without them).
    let (fraction, added, p99, meets) = match pick {
        Some(p) if !c.detailed => (0.0, 0.0, p.fit.p99_ms, p.fit.meets && p.remedy.is_none()),
        _ => coldstart::latency_on(option, w, c.book, c.profile),
    };
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
    } else if remedy.is_some() && !w.latency.cold_start_tolerant {
        (leans.ready_instances_fix, 7)
    } else if w.latency.cold_start_tolerant {
        (leans.cold_starts_tolerated, 4)
    } else {
        (leans.cold_starts_miss, 5)
    };
    c.criterion("latency", "Latency target", c.rules.weights.latency, lean, || {
        let function = option.label();
        match case {
            7 => {
                let r = remedy.map_or((String::new(), 0.0), |r| (r.phrase(), r.monthly_usd));
                format!(
                    "Cold starts on {function} ({} of requests, about {} each) put the p99 at {}, past the {} target; {} ({} a month more, counted in the cost) keeps it at {}.",
                    format::percent(fraction),
                    format::duration_ms(added),
                    format::duration_ms(p99),
                    format::duration_ms(target),
                    r.0,
                    format::usd(r.1),
                    format::duration_ms(w.execution.p99_duration_ms + overhead)
                )
            }
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

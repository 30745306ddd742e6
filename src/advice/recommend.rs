//! What to build, named by option: exactly one recommended option, the
//! ready instances it needs, and the stated requirements it misses.

use std::fmt::Write as _;

use super::verdict::sides;
use super::{ColdStart, Decision, Pick, Recommendation, Verdict};
use crate::cost::{OptionCost, OptionId, OptionKind};
use crate::format;
use crate::workload::Workload;

/// What a pick misses of the stated requirements, each with by how much.
fn misses(workload: &Workload, pick: &Pick, cold: &ColdStart) -> Vec<String> {
    let target = workload.latency.p99_target_ms;
    let p99 = pick.fit.p99_ms;
    if pick.remedy.is_some() || p99 <= target {
        return Vec::new();
    }
    let over = format!(
        "{} estimated on {} against the {} target, {} over",
        format::duration_ms(p99),
        pick.option.label(),
        format::duration_ms(target),
        format::duration_ms(p99 - target)
    );
    let why = if workload.execution.p99_duration_ms > target {
        format!(
            "the work itself takes {} at p99, so no option meets the target: revisit the target or the work",
            format::duration_ms(workload.execution.p99_duration_ms)
        )
    } else if pick.fit.cold_starts_cause && cold.option == pick.option && cold.provisioned_instances > 0 {
        format!(
            "from cold starts{}; {} {} kept ready would remove them for {} a month more",
            if pick.fit.accepted {
                ", which the users accept"
            } else {
                ""
            },
            cold.provisioned_instances,
            if cold.provisioned_instances == 1 {
                "instance"
            } else {
                "instances"
            },
            format::usd(cold.provisioned_concurrency_usd)
        )
    } else if pick.fit.accepted {
        "from cold starts, which the users accept".to_owned()
    } else if pick.fit.cold_starts_cause {
        "from cold starts".to_owned()
    } else {
        "from the platform's own overhead per call".to_owned()
    };
    // Nobody waits on a batch job's response: its target is a deadline.
    let name = if workload.is_http() {
        "p99 target"
    } else {
        "finish-within target"
    };
    vec![format!("{name}: {over}, {why}")]
}

pub(crate) fn recommend(
    workload: &Workload,
    decision: &Decision,
    costs: &[OptionCost],
    cold: &ColdStart,
) -> Recommendation {
    let blocked = |o: OptionId| decision.blockers.iter().any(|b| b.option == o);
    let usd_of = |o: OptionId| {
        costs
            .iter()
            .find(|c| c.option == o)
            .map_or(0.0, |c| c.monthly_usd)
    };
    let s = decision.serverless_pick.as_ref();
    let mut t = decision.traditional_pick.as_ref().map(|p| p.option);
    if decision.long_tail {
        // The function serves the usual requests; the jobs past its limit go to a
        // container service that takes them (the blocker's alternative), else the cheapest fleet.
        let (_, traditional) = sides(workload);
        t = costs
            .iter()
            .filter(|c| {
                traditional.contains(&c.option)
                    && c.option.kind() == OptionKind::Container
                    && !blocked(c.option)
            })
            .min_by(|a, b| a.monthly_usd.total_cmp(&b.monthly_usd))
            .map(|c| c.option)
            .or(t);
    }
    let s_option = s.map(|p| p.option);
    let (option, serverless_option, traditional_option, fallback) = match decision.verdict {
        Verdict::Serverless => (
            s_option,
            s_option,
            None,
            if decision.close_call { t } else { None },
        ),
        Verdict::Traditional => (t, None, t, if decision.close_call { s_option } else { None }),
        // A long tail's entry point is the function; a connection split's is
        // the fleet that holds the clients.
        Verdict::Hybrid if decision.long_tail => (s_option, s_option, t, None),
        Verdict::Hybrid => (t, s_option, t, None),
    };
    let pick = |o: Option<OptionId>| {
        o.and_then(|o| {
            [
                decision.serverless_pick.as_ref(),
                decision.traditional_pick.as_ref(),
            ]
            .into_iter()
            .flatten()
            .find(|p| p.option == o)
        })
    };
    let chosen = pick(option);
    let ready = chosen.and_then(|p| p.remedy.clone());
    let misses = chosen.map_or_else(Vec::new, |p| misses(workload, p, cold));
    let describe = |o: OptionId| {
        let with = pick(Some(o)).and_then(|p| p.remedy.as_ref());
        match with {
            Some(r) => format!(
                "{} with {} ({} a month at today's volume, {} of it for the ready instances, which keep the p99 within the {} target)",
                o.label(),
                r.phrase(),
                format::usd(usd_of(o) + r.monthly_usd),
                format::usd(r.monthly_usd),
                format::duration_ms(workload.latency.p99_target_ms)
            ),
            None => format!(
                "{} ({} a month at today's volume)",
                o.label(),
                format::usd(usd_of(o))
            ),
        }
    };
    let mut text = match (decision.verdict, option) {
        (_, None) => {
            "No option on this cloud passes the hard stops; see the blockers for alternatives.".to_owned()
        }
        (Verdict::Hybrid, Some(a)) if decision.long_tail => match traditional_option {
            Some(b) => format!(
                "Serve the usual requests on {} and run the jobs past its time limit on {}.",
                describe(a),
                describe(b)
            ),
            None => format!("Serve the usual requests on {}.", describe(a)),
        },
        (Verdict::Hybrid, Some(a)) => match serverless_option {
            Some(b) => format!(
                "Hold the client connections on {} and run the event-driven work on {}.",
                describe(a),
                describe(b)
            ),
            None => format!("Build on {}.", describe(a)),
        },
        (_, Some(a)) => match fallback {
            Some(b) => format!(
                "Close call: start on {} and keep {} as the fallback.",
                describe(a),
                describe(b)
            ),
            None => format!("Build on {}.", describe(a)),
        },
    };
    for miss in &misses {
        let _ = write!(text, " It misses the {miss}.");
    }
    Recommendation {
        option,
        fallback,
        ready_instances: ready,
        misses,
        serverless_option,
        traditional_option,
        split: decision.split.clone().filter(|s| !s.is_empty()),
        text,
    }
}

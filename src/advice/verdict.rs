//! Scores, verdict, confidence and the one-line why.

use super::blockers::has_event_triggers;
use super::criteria::{
    Ctx,
    cost_at_volume::cost_criterion,
    duration::duration_criterion,
    events::event_criterion,
    fit::{hardware_criterion, state_criterion},
    hard_stops::hard_stops_criterion,
    latency::latency_criterion,
    team::team_criteria,
    traffic::traffic_criterion,
};
use super::{
    AdviceRules, Blocker, Criterion, Decision, Scores, Verdict, blockers, duration_limit_s,
    is_serverless_side,
};
use crate::cost::{self, OptionId, Profile};
use crate::format;
use crate::pricing::PriceBook;
use crate::workload::{Provider, State, Trigger, Workload};

/// The options of the workload's provider on each side.
/// A few options, kept on the stack: `decide` runs hundreds of times per
/// assessment and allocating these lists showed up in its profile.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    items: [OptionId; OptionId::ALL.len()],
    len: usize,
}

impl Options {
    fn of(options: impl IntoIterator<Item = OptionId>) -> Self {
        let mut out = Self {
            items: OptionId::ALL,
            len: 0,
        };
        for o in options {
            out.items[out.len] = o;
            out.len += 1;
        }
        out
    }
}

impl std::ops::Deref for Options {
    type Target = [OptionId];

    fn deref(&self) -> &[OptionId] {
        &self.items[..self.len]
    }
}

pub(crate) fn sides(workload: &Workload) -> (Options, Options) {
    let options = OptionId::ALL
        .into_iter()
        .filter(|o| o.provider() == workload.provider);
    let serverless = Options::of(options.clone().filter(|o| is_serverless_side(*o)));
    let traditional = Options::of(options.filter(|o| !is_serverless_side(*o)));
    (serverless, traditional)
}

/// How close, in points, the two sides' scores must be to count as a close call.
#[must_use]
pub fn hybrid_margin(rules: &AdviceRules, scores: Scores) -> f64 {
    let t = &rules.thresholds;
    t.hybrid_margin_points
        .min(t.hybrid_margin_share * scores.serverless.max(scores.traditional))
}

/// Scores, verdict and reasons; the core of `assess`.
#[must_use]
pub fn decide(
    workload: &Workload,
    book: &PriceBook,
    rules: &AdviceRules,
    profile: &Profile,
    detailed: bool,
) -> Decision {
    let c = Ctx {
        memo: cost::FleetMemo::default(),
        workload,
        book,
        rules,
        profile,
        detailed,
    };
    let blockers = blockers(workload, book, rules, detailed);
    let blocked = |o: &OptionId| blockers.iter().any(|b| b.option == *o);
    let (serverless_all, traditional_all) = sides(workload);
    let serverless = Options::of(serverless_all.iter().copied().filter(|o| !blocked(o)));
    let traditional = Options::of(traditional_all.iter().copied().filter(|o| !blocked(o)));

    let e = &workload.execution;
    let function = OptionId::function_of(workload.provider);
    // Only the longest jobs rule the functions out: the usual requests still fit them.
    // Heavy state goes with the whole workload, so it is not split by duration.
    let heavy_state = matches!(workload.state, State::LongLivedConnections | State::InMemory);
    let long_tail_split = serverless.is_empty()
        && !heavy_state
        && !serverless_all.is_empty()
        && blockers
            .iter()
            .all(|b| b.id == "duration" || !serverless_all.contains(&b.option))
        && duration_limit_s(function, workload, book)
            .is_some_and(|limit| e.p99_duration_ms / 1000.0 <= limit);
    // For a long tail, price the function for the work it can take.
    let priced_serverless = if long_tail_split {
        Options::of([function])
    } else {
        serverless
    };

    let carrier = if long_tail_split || !blocked(&function) {
        Some(function)
    } else {
        serverless.first().copied()
    };
    let [ops, stage, lock_in] = team_criteria(&c);
    let criteria = vec![
        traffic_criterion(&c),
        event_criterion(&c),
        duration_criterion(&c, &serverless_all),
        cost_criterion(&c, &priced_serverless, &traditional),
        latency_criterion(&c, carrier),
        state_criterion(&c),
        hardware_criterion(&c),
        ops,
        stage,
        lock_in,
        hard_stops_criterion(&c, &blockers, &serverless_all, &serverless, long_tail_split),
    ];
    let total_weight: f64 = criteria.iter().map(|k| k.weight).sum::<f64>().max(1e-9);
    let side = |sign: f64| {
        100.0
            * criteria
                .iter()
                .map(|k| k.weight * (sign * k.lean).max(0.0))
                .sum::<f64>()
            / total_weight
    };
    let scores = Scores {
        serverless: side(1.0),
        traditional: side(-1.0),
    };
    let diff = scores.serverless - scores.traditional;
    let margin = hybrid_margin(rules, scores);
    // Which part goes where when the parts fit different sides.
    let connection_split = workload.state == State::LongLivedConnections
        && has_event_triggers(workload)
        && !serverless.is_empty();

    let (verdict, confidence, split) = if serverless.is_empty() && !long_tail_split {
        (Verdict::Traditional, 0.9, None)
    } else if long_tail_split {
        let split = detailed.then(|| {
            let alternative = blockers
                .iter()
                .find(|b| b.option == function)
                .map_or_else(|| "containers".to_owned(), |b| b.alternative.clone());
            format!(
                "Serve the usual requests (p99 {}) with {}, and hand the jobs that run up to {} to {alternative}.",
                format::duration_ms(e.p99_duration_ms),
                function.label(),
                format::duration_ms(e.max_duration_s * 1000.0)
            )
        });
        (Verdict::Hybrid, 0.75, Some(split.unwrap_or_default()))
    } else if connection_split {
        let split = detailed.then(|| {
            format!(
                "Keep the long-lived client connections on a small server fleet, and run the event-driven work ({}) as {} functions.",
                workload
                    .triggers
                    .iter()
                    .filter(|t| **t != Trigger::HttpApi)
                    .map(|t| t.label())
                    .collect::<Vec<_>>()
                    .join(", "),
                workload.provider.label()
            )
        });
        (Verdict::Hybrid, 0.7, Some(split.unwrap_or_default()))
    } else if diff.abs() < margin {
        let split = detailed.then(|| close_call_split(&criteria, scores, margin, workload.triggers.len()));
        (
            Verdict::Hybrid,
            0.5 + 0.2 * (1.0 - diff.abs() / margin.max(1e-9)),
            Some(split.unwrap_or_default()),
        )
    } else if diff > 0.0 {
        (Verdict::Serverless, (0.5 + diff / 80.0).min(0.95), None)
    } else {
        (Verdict::Traditional, (0.5 - diff / 80.0).min(0.95), None)
    };

    let summary = if detailed {
        summarize(
            workload.provider,
            verdict,
            &criteria,
            &blockers,
            split.as_deref(),
            serverless.is_empty(),
        )
    } else {
        String::new()
    };
    Decision {
        verdict,
        confidence,
        scores,
        criteria,
        blockers,
        split,
        long_tail: long_tail_split && verdict == Verdict::Hybrid,
        carrier,
        summary,
    }
}

/// The hybrid advice when the two sides score close: name the strongest reason on each side.
pub(crate) fn close_call_split(
    criteria: &[Criterion],
    scores: Scores,
    margin: f64,
    entry_points: usize,
) -> String {
    let strongest = |sign: f64| {
        criteria
            .iter()
            .filter(|k| k.lean * sign > 0.05)
            .max_by(|a, b| (a.weight * a.lean * sign).total_cmp(&(b.weight * b.lean * sign)))
            .map_or_else(|| "nothing strong".to_owned(), |k| k.title.to_lowercase())
    };
    let advice = if entry_points > 1 {
        "Put the bursty, event-driven entry points on functions and the steady core on an autoscaling fleet, and let measured costs move work across.".to_owned()
    } else {
        // One way in: nothing to split, so say which side to start on.
        format!(
            "With a single entry point there is nothing to split: start on {}, which leads, keep the other as the fallback, and decide on measured cost and latency.",
            if scores.serverless >= scores.traditional {
                "functions"
            } else {
                "servers or containers"
            }
        )
    };
    format!(
        "Serverless and servers score within {margin:.0} points of each other ({:.0} to {:.0}); the strongest reason for functions is {}, for servers {}. {advice}",
        scores.serverless,
        scores.traditional,
        strongest(1.0),
        strongest(-1.0)
    )
}

pub(crate) fn summarize(
    provider: Provider,
    verdict: Verdict,
    criteria: &[Criterion],
    blockers: &[Blocker],
    split: Option<&str>,
    serverless_blocked: bool,
) -> String {
    if let Some(split) = split
        && verdict == Verdict::Hybrid
        && !split.is_empty()
        && serverless_blocked
    {
        return split.to_owned();
    }
    if serverless_blocked
        && verdict == Verdict::Traditional
        && let Some(b) = blockers
            .iter()
            .find(|b| b.option.provider() == provider && is_serverless_side(b.option))
    {
        return b.reason.clone();
    }
    let sign = match verdict {
        Verdict::Serverless => 1.0,
        Verdict::Traditional => -1.0,
        Verdict::Hybrid => return split.unwrap_or_default().to_owned(),
    };
    criteria
        .iter()
        .max_by(|a, b| (a.weight * a.lean * sign).total_cmp(&(b.weight * b.lean * sign)))
        .map(|k| k.reason.clone())
        .unwrap_or_default()
}

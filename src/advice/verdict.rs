//! Scores, verdict, confidence and the one-line why.

use std::fmt::Write as _;

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
use super::requirements::{self, Pick};
use super::{
    AdviceRules, Blocker, Criterion, Decision, Lean, Scores, Verdict, blockers, duration_limit_s,
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

    // Stated requirements first: each side's option is the cheapest that
    // meets the p99 target (with ready instances where cold starts alone miss it).
    let serverless_pick = requirements::pick(&c, &priced_serverless);
    let traditional_pick = requirements::pick(&c, &traditional);
    // Where the workload runs today: staying wins unless the move pays back.
    let migration = {
        use super::migration::Priced;
        let (stay, go) = match workload.migration.current {
            crate::workload::Current::Greenfield => (None, None),
            // On servers today: staying keeps the fleet the workload describes.
            crate::workload::Current::Servers => {
                let fleet = OptionId::server_of(workload.provider);
                let stay = if blocked(&fleet) {
                    traditional_pick.as_ref().map(Priced::from)
                } else {
                    let input =
                        cost::CostInput::new(workload, book, profile, workload.traffic.monthly_requests)
                            .with_memo(&c.memo);
                    Some(Priced {
                        option: fleet,
                        usd: cost::monthly_usd(fleet, &input),
                    })
                };
                (stay, serverless_pick.as_ref().map(Priced::from))
            }
            crate::workload::Current::Serverless => (
                serverless_pick.as_ref().map(Priced::from),
                traditional_pick.as_ref().map(Priced::from),
            ),
        };
        super::migration::weigh(workload, rules, stay, go, detailed)
    };
    let idle_free = serverless_pick
        .as_ref()
        .is_some_and(|p| super::criteria::traffic::scales_to_zero(p.option, workload));
    let serverless_kind = serverless_pick.as_ref().map(|p| p.option.kind());
    let [ops, stage, lock_in] = team_criteria(&c, idle_free, serverless_kind);
    let mut criteria = vec![
        traffic_criterion(&c, serverless_pick.as_ref(), traditional_pick.as_ref()),
        event_criterion(&c),
        duration_criterion(&c, &serverless_all, serverless_pick.as_ref().map(|p| p.option)),
        cost_criterion(
            &c,
            serverless_pick.as_ref(),
            traditional_pick.as_ref(),
            long_tail_split,
        ),
        latency_criterion(&c, serverless_pick.as_ref()),
        state_criterion(&c),
        hardware_criterion(&c),
        ops,
        stage,
        lock_in,
        hard_stops_criterion(&c, &blockers, &serverless_all, &serverless, long_tail_split),
    ];
    // A workload that runs somewhere today weighs the move; the criterion
    // decides only when the move cannot pay back (below).
    if let Some(m) = &migration {
        criteria.push(c.criterion(
            "migration",
            "Moving against staying",
            rules.weights.migration,
            0.0,
            || m.reason.clone(),
        ));
    }
    let all_blocked = serverless.is_empty() && !long_tail_split;
    let decided_by = if all_blocked {
        None
    } else {
        decisive(&c, serverless_pick.as_ref(), traditional_pick.as_ref())
    };
    // How far the sides are from swapping, continuous in every answer (for the
    // flip search): the lead before a decisive rule, bounded by how far the
    // cost ratio is from deciding the side.
    // A split by parts holds until the cost ratio decides for the servers.
    let (steer, split_steer) = {
        const POINTS_PER_LOG: f64 = 10.0;
        let unforced = scores_of(&criteria);
        let lead = unforced.serverless - unforced.traditional;
        match (&serverless_pick, &traditional_pick) {
            (Some(s), Some(t)) if !all_blocked => {
                let l = (t.usd().max(0.01) / s.usd().max(0.01)).ln();
                let g = rules.thresholds.cost_ratio_decisive.max(1.0).ln();
                (
                    lead.min(POINTS_PER_LOG * (l + g)).max(POINTS_PER_LOG * (l - g)),
                    POINTS_PER_LOG * (l + g),
                )
            }
            _ => (lead, 1.0),
        }
    };
    if let Some((id, sign)) = decided_by {
        force(&mut criteria, id, sign, rules, detailed);
    }
    let mut scores = scores_of(&criteria);
    let diff = scores.serverless - scores.traditional;
    let margin = hybrid_margin(rules, scores);
    let forced_traditional = decided_by.is_some_and(|(_, sign)| sign < 0.0);
    // Which part goes where when the parts fit different sides.
    let connection_split = workload.state == State::LongLivedConnections
        && has_event_triggers(workload)
        && !serverless.is_empty()
        && !forced_traditional;
    let lead_confidence = (0.5 + diff.abs() / 80.0).min(0.95);

    let mut close_call = false;
    let (verdict, confidence, split) = if all_blocked {
        (Verdict::Traditional, 0.9, None)
    } else if long_tail_split && !forced_traditional {
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
                "Keep the long-lived client connections on {}, and run the event-driven work ({}) on {}.",
                traditional_pick
                    .as_ref()
                    .map_or("a small server fleet", |p| p.option.label()),
                workload
                    .triggers
                    .iter()
                    .filter(|t| **t != Trigger::HttpApi)
                    .map(|t| t.label())
                    .collect::<Vec<_>>()
                    .join(", "),
                serverless_pick.as_ref().map_or_else(
                    || format!("{} functions", workload.provider.label()),
                    |p| p.option.label().to_owned()
                )
            )
        });
        (Verdict::Hybrid, 0.7, Some(split.unwrap_or_default()))
    } else {
        close_call = decided_by.is_none() && diff.abs() < margin;
        // A tie starts on the cheaper side.
        let serverless_leads = if diff == 0.0 {
            match (&serverless_pick, &traditional_pick) {
                (Some(s), Some(t)) => s.usd() <= t.usd(),
                (s, _) => s.is_some(),
            }
        } else {
            diff > 0.0
        };
        let verdict = if serverless_leads {
            Verdict::Serverless
        } else {
            Verdict::Traditional
        };
        (verdict, lead_confidence, None)
    };

    let mut stays = false;
    let (verdict, confidence, split) =
        match (&migration, super::migration::side_of(workload.migration.current)) {
            (Some(m), Some(here)) if !m.worth_moving && verdict != here => {
                stays = true;
                close_call = false;
                // The scores shown agree with the verdict: the move's criterion decides.
                let sign = if here == Verdict::Serverless { 1.0 } else { -1.0 };
                force(&mut criteria, "migration", sign, rules, detailed);
                scores = scores_of(&criteria);
                let lead = (scores.serverless - scores.traditional).abs();
                (here, (0.5 + lead / 80.0).min(0.95), None)
            }
            _ => (verdict, confidence, split),
        };
    let summary = if detailed && let Some(m) = migration.as_ref().filter(|_| stays) {
        m.reason.clone()
    } else if detailed && close_call {
        close_call_summary(&criteria, scores, margin, verdict)
    } else if detailed && let Some(k) = decided_by.and_then(|(id, _)| criteria.iter().find(|k| k.id == id)) {
        // The rule that decided the side is the reason to lead with.
        k.reason.clone()
    } else if detailed {
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
    // The move's reason leads the headline of a workload that runs somewhere today.
    let summary = match (&migration, super::migration::side_of(workload.migration.current)) {
        (Some(m), Some(here)) if detailed && !stays => {
            if verdict == here && m.worth_moving {
                format!(
                    "Moving would pay back ({}), but the reasons below keep the work where it runs. {summary}",
                    m.reason.trim_end_matches('.')
                )
            } else {
                format!("{} {summary}", m.reason)
            }
        }
        _ => summary,
    };
    Decision {
        verdict,
        close_call,
        confidence,
        scores,
        criteria,
        blockers,
        split,
        migration,
        long_tail: long_tail_split && verdict == Verdict::Hybrid,
        serverless_pick,
        traditional_pick,
        decided_by: decided_by.map(|(id, _)| id),
        steer,
        split_steer,
        summary,
    }
}

/// Both sides' scores: 100 x the weight leaning each way / all the weight.
fn scores_of(criteria: &[Criterion]) -> Scores {
    let total_weight: f64 = criteria.iter().map(|k| k.weight).sum::<f64>().max(1e-9);
    let side = |sign: f64| {
        100.0
            * criteria
                .iter()
                .map(|k| k.weight * (sign * k.lean).max(0.0))
                .sum::<f64>()
            / total_weight
    };
    Scores {
        serverless: side(1.0),
        traditional: side(-1.0),
    }
}

/// The rule that decides the side outright, if one does: a stated requirement
/// one side meets and the other cannot (the latency criterion), else a side
/// `cost_ratio_decisive` times dearer than the other, both meeting every
/// requirement, the dearer at or over the cost floor (below it, the cost
/// criterion says cost should not decide). The sign is
/// the side it decides for (+1 serverless).
fn decisive(c: &Ctx<'_>, s: Option<&Pick>, t: Option<&Pick>) -> Option<(&'static str, f64)> {
    let (s, t) = (s?, t?);
    let th = &c.rules.thresholds;
    match (s.meets(), t.meets()) {
        (false, true) => Some(("latency", -1.0)),
        (true, false) => Some(("latency", 1.0)),
        _ => {
            let (su, tu) = (s.usd(), t.usd());
            let ratio = su.max(tu) / su.min(tu).max(0.01);
            (ratio >= th.cost_ratio_decisive && su.max(tu) >= th.cost_floor_usd)
                .then_some(("cost", if su < tu { 1.0 } else { -1.0 }))
        }
    }
}

/// Makes criterion `id` decide for the side `sign`: its full lean, and the
/// weight that gives that side a lead past the close-call margin (never less
/// than its own), so the scores shown agree with the verdict they explain.
fn force(criteria: &mut [Criterion], id: &str, sign: f64, rules: &AdviceRules, detailed: bool) {
    let Some(i) = criteria.iter().position(|k| k.id == id) else {
        return;
    };
    // Past the close-call margin (a tuned margin past 50 points could never be
    // passed, so the lead asked for stops there: the side still leads).
    let lead = (rules.thresholds.hybrid_margin_points + 1.0).min(50.0);
    let (mut toward, mut away, mut others) = (0.0, 0.0, 0.0);
    for (j, k) in criteria.iter().enumerate() {
        if j != i {
            toward += k.weight * (sign * k.lean).max(0.0);
            away += k.weight * (-sign * k.lean).max(0.0);
            others += k.weight;
        }
    }
    // 100 (toward + x - away) / (others + x) >= lead, solved for x.
    let needed = (lead * others - 100.0 * (toward - away)) / (100.0 - lead);
    let k = &mut criteria[i];
    let weight = k.weight.max((needed * 10.0).ceil() / 10.0);
    k.lean = sign;
    k.leans = if sign > 0.0 {
        Lean::Serverless
    } else {
        Lean::Traditional
    };
    k.points = 10.0;
    if detailed {
        let rule = match id {
            "cost" => {
                "An option several times dearer than one that meets every stated requirement is recommended only for a hard stop or a requirement, so cost decides the side"
            }
            "migration" => {
                "A move that cannot pay back keeps the work where it runs, so this decides the side"
            }
            _ => "Only one side meets the p99 target, so the requirement decides the side",
        };
        let raised = if weight > k.weight {
            format!(
                " (its weight raised from {} to {} so the scores agree)",
                format::weight(k.weight),
                format::weight(weight)
            )
        } else {
            String::new()
        };
        let _ = write!(k.reason, " {rule}{raised}.");
    }
    k.weight = weight;
}

/// The close call's one-line why: how close, the strongest reason each way,
/// and the side to start on.
pub(crate) fn close_call_summary(
    criteria: &[Criterion],
    scores: Scores,
    margin: f64,
    verdict: Verdict,
) -> String {
    let strongest = |sign: f64| {
        criteria
            .iter()
            .filter(|k| k.lean * sign > 0.05)
            .max_by(|a, b| (a.weight * a.lean * sign).total_cmp(&(b.weight * b.lean * sign)))
            .map_or_else(|| "nothing strong".to_owned(), |k| k.title.to_lowercase())
    };
    format!(
        "Close call: serverless and servers score within {} points of each other ({} to {}); the strongest reason for functions is {}, for servers {}. Start on {}, which leads, keep the other side as the fallback, and decide on measured cost and latency.",
        format::points(margin),
        format::points(scores.serverless),
        format::points(scores.traditional),
        strongest(1.0),
        strongest(-1.0),
        match verdict {
            Verdict::Serverless => "serverless",
            _ => "servers or containers",
        }
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

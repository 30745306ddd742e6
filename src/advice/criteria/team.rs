//! The team: operations capacity, product stage, lock-in tolerance.

use super::Ctx;
use crate::advice::Criterion;
use crate::workload::Stage;

/// `idle_free`: the serverless option costs nothing in an idle hour;
/// `serverless_kind`: what the serverless side would run on, so the reasons
/// say what is true of it (a serverless container still has an image to keep).
pub(crate) fn team_criteria(
    c: &Ctx<'_>,
    idle_free: bool,
    serverless_kind: Option<crate::cost::OptionKind>,
) -> [Criterion; 3] {
    let containers = serverless_kind == Some(crate::cost::OptionKind::Container);
    let team = &c.workload.team;
    let l = &c.rules.leans;
    let ops = c.criterion(
        "team_ops",
        "Team operations capacity",
        c.rules.weights.team_ops,
        l.ops_capacity.get(&team.ops_capacity).copied().unwrap_or(0.0),
        || match team.ops_capacity {
            crate::workload::Level::Low if containers => "The team has little time to run servers; serverless containers leave the servers, scaling and capacity to the provider, and the team keeps only its container image up to date.",
            crate::workload::Level::Low => "The team has little time to run servers; functions leave patching, scaling and capacity to the provider.",
            crate::workload::Level::Medium => "The team can run some infrastructure, but every server it does not own is time back for the product.",
            crate::workload::Level::High if containers => "The team runs servers well already, so the operations saving of serverless containers is small.",
            crate::workload::Level::High => "The team runs servers well already, so the operations saving of functions is small.",
        }
        .to_owned(),
    );
    let stage = c.criterion(
        "stage",
        "Product stage",
        c.rules.weights.stage,
        l.stage.get(&team.stage).copied().unwrap_or(0.0),
        || match team.stage {
            // "Nothing idle" only of a plan that scales to zero.
            Stage::Mvp if !idle_free => "An MVP needs speed of change more than cost at scale; managed platforms ship in minutes.",
            Stage::Mvp if containers => "An MVP needs speed of change more than cost at scale; serverless containers ship in minutes and cost nothing idle.",
            Stage::Mvp => "An MVP needs speed of change more than cost at scale; functions ship in minutes and cost nothing idle.",
            Stage::Growing => "A growing product needs room to scale; either side can give it.",
            Stage::Established => "An established product knows its load, which favours capacity sized and priced for it.",
        }
        .to_owned(),
    );
    let lock_in = c.criterion(
        "lock_in",
        "Lock-in tolerance",
        c.rules.weights.lock_in,
        l.lock_in_tolerance.get(&team.lock_in_tolerance).copied().unwrap_or(0.0),
        || match team.lock_in_tolerance {
            crate::workload::Level::Low => "Tying the code to one cloud's triggers and APIs is unwelcome; containers move between clouds more easily.",
            crate::workload::Level::Medium => "Some provider-specific code is acceptable if it is kept behind a thin adapter.",
            crate::workload::Level::High => "Using the provider's native services is acceptable, which is where functions shine.",
        }
        .to_owned(),
    );
    [ops, stage, lock_in]
}

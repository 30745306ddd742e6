//! What to build, named by option.

use super::verdict::sides;
use super::{Decision, Recommendation, Verdict};
use crate::cost::OptionCost;
use crate::cost::{OptionId, OptionKind};
use crate::format;
use crate::workload::Workload;

pub(crate) fn recommend(workload: &Workload, decision: &Decision, costs: &[OptionCost]) -> Recommendation {
    let blocked = |o: OptionId| decision.blockers.iter().any(|b| b.option == o);
    let (serverless, traditional) = sides(workload);
    let cheapest = |options: &[OptionId]| {
        costs
            .iter()
            .filter(|c| options.contains(&c.option) && !blocked(c.option))
            .min_by(|a, b| a.monthly_usd.total_cmp(&b.monthly_usd))
            .map(|c| (c.option, c.monthly_usd))
    };
    let mut s = cheapest(&serverless);
    let mut t = cheapest(&traditional);
    if decision.long_tail {
        // The function serves the usual requests; the jobs past its limit go to a
        // container service that takes them (the blocker's alternative), else the cheapest fleet.
        let function = OptionId::function_of(workload.provider);
        s = costs
            .iter()
            .find(|c| c.option == function)
            .map(|c| (c.option, c.monthly_usd));
        let containers: Vec<OptionId> = traditional
            .iter()
            .copied()
            .filter(|o| o.kind() == OptionKind::Container)
            .collect();
        t = cheapest(&containers).or(t);
    }
    let (serverless_option, traditional_option) = match decision.verdict {
        Verdict::Serverless => (s, None),
        Verdict::Traditional => (None, t),
        Verdict::Hybrid => (s, t),
    };
    let describe =
        |(o, usd): (OptionId, f64)| format!("{} ({} a month at today's volume)", o.label(), format::usd(usd));
    let text = match (serverless_option, traditional_option) {
        (Some(a), Some(b)) if decision.long_tail => format!(
            "Serve the usual requests on {} and run the jobs past its time limit on {}.",
            describe(a),
            describe(b)
        ),
        (Some(a), Some(b)) if workload.triggers.len() <= 1 => {
            // A close call with one way in: one side to start on, the other to fall back to.
            let (lead, other) = if decision.scores.serverless >= decision.scores.traditional {
                (a, b)
            } else {
                (b, a)
            };
            format!(
                "Close call: start on {} and keep {} as the fallback.",
                describe(lead),
                describe(other)
            )
        }
        (Some(a), Some(b)) => format!(
            "Build the serverless part on {} and the rest on {}.",
            describe(a),
            describe(b)
        ),
        (Some(a), None) => format!("Build on {}.", describe(a)),
        (None, Some(b)) if decision.verdict == Verdict::Hybrid => format!(
            "Run the work functions cannot take on {}; the split says which part that is.",
            describe(b)
        ),
        (None, Some(b)) => format!("Build on {}.", describe(b)),
        (None, None) => {
            "No option on this cloud passes the hard stops; see the blockers for alternatives.".to_owned()
        }
    };
    Recommendation {
        serverless_option: serverless_option.map(|x| x.0),
        traditional_option: traditional_option.map(|x| x.0),
        split: decision.split.clone().filter(|s| !s.is_empty()),
        text,
    }
}

//! Cost at this volume: the cheapest option on each side.

use super::Ctx;
use crate::advice::Criterion;
use crate::cost::OptionId;
use crate::format;

pub(crate) fn cost_criterion(c: &Ctx<'_>, serverless: &[OptionId], traditional: &[OptionId]) -> Criterion {
    let t = &c.rules.thresholds;
    let cheapest = |options: &[OptionId]| c.cheapest_at_volume(options);
    let (Some((so, s_usd)), Some((to, t_usd))) = (cheapest(serverless), cheapest(traditional)) else {
        return c.criterion("cost", "Cost at this volume", c.rules.weights.cost, 0.0, || {
            "One side has no usable option, so there is no price to compare.".to_owned()
        });
    };
    let gap = (t_usd - s_usd).abs();
    let lean = if s_usd.max(t_usd) < t.cost_floor_usd {
        0.0
    } else {
        let ratio = t_usd.max(0.01) / s_usd.max(0.01);
        let by_ratio = (ratio.ln() / t.cost_ratio_full.ln()).clamp(-1.0, 1.0);
        let by_gap = (gap / t.cost_gap_full_usd).clamp(t.cost_gap_min_share, 1.0);
        by_ratio * by_gap
    };
    // A gap that runs to tens of thousands a month outweighs the softer reasons:
    // each tenfold past `cost_gap_full_usd` adds the weight again, up to a cap.
    let growth = (gap / t.cost_gap_full_usd)
        .log10()
        .clamp(0.0, t.cost_weight_max_factor - 1.0);
    let weight = c.rules.weights.cost * (1.0 + growth);
    c.criterion("cost", "Cost at this volume", weight, lean, || {
        let volume = format::short_count(c.workload.traffic.monthly_requests);
        let tail = if s_usd.max(t_usd) < t.cost_floor_usd {
            " Both are small enough that cost should not decide.".to_owned()
        } else if growth > 0.05 {
            format!(
                " A gap of {} a month weighs {:.1}x the usual.",
                format::usd(gap),
                1.0 + growth
            )
        } else {
            String::new()
        };
        format!(
            "At {volume} requests a month {} costs {} and the cheapest server or container option ({}) costs {}.{tail}",
            so.label(),
            format::usd(s_usd),
            to.label(),
            format::usd(t_usd)
        )
    })
}

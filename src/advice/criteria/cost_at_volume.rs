//! Cost at this volume: the option each side would build on, by how many times
//! dearer the other side is and by how much a month.

use super::Ctx;
use crate::advice::{Criterion, Pick};
use crate::format;

/// What a pick costs to build on, in words: its name, with the ready
/// instances it needs when it needs them.
fn priced(p: &Pick) -> String {
    match &p.remedy {
        Some(r) => format!(
            "{} with {} ({})",
            p.option.label(),
            r.phrase(),
            format::usd(p.usd())
        ),
        None => format!("{} ({})", p.option.label(), format::usd(p.usd())),
    }
}

/// `long_tail`: the serverless pick is the function of a split by duration,
/// priced for all the work though its longest jobs would go elsewhere.
pub(crate) fn cost_criterion(c: &Ctx<'_>, s: Option<&Pick>, t: Option<&Pick>, long_tail: bool) -> Criterion {
    let th = &c.rules.thresholds;
    let (Some(s), Some(t)) = (s, t) else {
        return c.criterion("cost", "Cost at this volume", c.rules.weights.cost, 0.0, || {
            "One side has no usable option, so there is no price to compare.".to_owned()
        });
    };
    let (s_usd, t_usd) = (s.usd(), t.usd());
    let gap = (t_usd - s_usd).abs();
    let ratio = t_usd.max(0.01) / s_usd.max(0.01);
    let lean = if s_usd.max(t_usd) < th.cost_floor_usd {
        0.0
    } else {
        // The strength follows how many times dearer the other side is (full
        // at `cost_ratio_full`); a gap of a few dollars a month softens a large
        // ratio, and a large gap strengthens a small one.
        let by_ratio = (ratio.ln() / th.cost_ratio_full.ln()).clamp(-1.0, 1.0);
        let by_gap = (gap / th.cost_gap_full_usd).clamp(th.cost_gap_min_share, 1.0);
        by_ratio * by_gap.max(by_ratio.abs())
    };
    // A gap that runs to tens of thousands a month outweighs the softer reasons:
    // each tenfold past `cost_gap_full_usd` adds the weight again, up to a cap.
    let growth = (gap / th.cost_gap_full_usd)
        .log10()
        .clamp(0.0, th.cost_weight_max_factor - 1.0);
    let weight = c.rules.weights.cost * (1.0 + growth);
    c.criterion("cost", "Cost at this volume", weight, lean, || {
        let volume = format::short_count(c.workload.traffic.monthly_requests);
        let times = ratio.max(1.0 / ratio.max(1e-12));
        let dearer = if s_usd.max(t_usd) < th.cost_floor_usd {
            " Both are small enough that cost should not decide.".to_owned()
        } else if (times - 1.0).abs() < 0.005 {
            " They cost the same.".to_owned()
        } else if s_usd.min(t_usd) < 0.005 {
            format!(
                " The {} side costs {} a month more; the other rounds to nothing at this volume.",
                if t_usd > s_usd { "server" } else { "serverless" },
                format::usd(gap)
            )
        } else {
            format!(
                " The {} side is {} dearer ({} a month more){}.",
                if t_usd > s_usd { "server" } else { "serverless" },
                format::times(times),
                format::usd(gap),
                if growth > 0.05 {
                    format!(", a gap that weighs {}x the usual", format::weight(1.0 + growth))
                } else {
                    String::new()
                }
            )
        };
        if long_tail {
            format!(
                "At {volume} requests a month the serverless side would serve the usual requests on {} (priced for all the work; its longest jobs go past its limit) and the server side builds on {}, the cheapest that meets the stated requirements.{dearer}",
                priced(s),
                priced(t),
            )
        } else {
            format!(
                "At {volume} requests a month the serverless side builds on {} and the server side on {}, each the cheapest that meets the stated requirements.{dearer}",
                priced(s),
                priced(t),
            )
        }
    })
}

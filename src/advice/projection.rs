//! Where the workload is heading: its volume grown month by month at
//! `traffic.growth_per_month`, the cheapest option of each side (serverless;
//! servers and always-on containers) priced at
//! each step, and the month the verdict flips, if it does.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::Verdict;
use crate::cost::{self, CostInput, FleetMemo, OptionCost, OptionId, Profile};
use crate::pricing::PriceBook;
use crate::workload::Workload;

/// How far the projection looks, in months.
pub const HORIZON_MONTHS: u32 = 36;
/// Months between priced steps.
pub const STEP_MONTHS: u32 = 6;

/// One priced step of the projection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectedMonth {
    /// Months from now (0: today).
    pub month: u32,
    /// The volume then.
    pub monthly_requests: f64,
    /// The cheapest serverless option then (a function or a serverless
    /// container); `None` when hard stops rule out every one.
    pub serverless: Option<ProjectedBill>,
    /// The cheapest server or always-on container option then; `None` when
    /// hard stops rule out every one.
    pub traditional: Option<ProjectedBill>,
}

/// An option's monthly bill at a projected volume.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ProjectedBill {
    /// The option.
    pub option: OptionId,
    /// Its monthly bill then.
    pub monthly_usd: f64,
}

impl ProjectedBill {
    /// "$12.34 (Cloud Run)", or why a side has no bill.
    #[must_use]
    pub fn describe(bill: Option<&Self>) -> String {
        bill.map_or_else(
            || "none usable (hard stops)".to_owned(),
            |b| format!("{} ({})", crate::format::usd(b.monthly_usd), b.option.label()),
        )
    }
}

/// When growth flips the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectedFlip {
    /// The first whole month whose volume is past the flip.
    pub month: u32,
    /// The volume where the verdict flips.
    pub monthly_requests: f64,
    /// The verdict from then on.
    pub verdict: Verdict,
}

/// The workload's volume and bills over the next three years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    /// The monthly growth used, a fraction.
    pub growth_per_month: f64,
    /// Every [`STEP_MONTHS`] months from today to [`HORIZON_MONTHS`].
    pub months: Vec<ProjectedMonth>,
    /// The month growth flips the verdict, when it does within the horizon.
    pub flip: Option<ProjectedFlip>,
}

/// The volume `month` months from now.
#[must_use]
pub fn volume_at(w: &Workload, month: u32) -> f64 {
    w.traffic.monthly_requests * (1.0 + w.traffic.growth_per_month).powi(month.cast_signed())
}

/// Projects the workload with no growth given as `None`: flat traffic has
/// nothing to project. `serverless` and `traditional` are the options of the
/// two sides the verdict weighs (the hard stops already taken out); `volume_up` is the
/// first volume above today's where the flip search found the verdict
/// changing, with the verdict there.
#[must_use]
pub fn project(
    w: &Workload,
    book: &PriceBook,
    profile: &Profile,
    serverless: &[OptionId],
    traditional: &[OptionId],
    today: &[OptionCost],
    volume_up: Option<(f64, Verdict)>,
) -> Option<Projection> {
    let g = w.traffic.growth_per_month;
    if g <= 0.0 || !g.is_finite() || (serverless.is_empty() && traditional.is_empty()) {
        return None;
    }
    let cheapest = |options: &[OptionId], price: &dyn Fn(OptionId) -> f64| {
        options
            .iter()
            .map(|&option| ProjectedBill {
                option,
                monthly_usd: price(option),
            })
            .min_by(|a, b| a.monthly_usd.total_cmp(&b.monthly_usd))
    };
    let months = (0..=HORIZON_MONTHS / STEP_MONTHS)
        .map(|step| {
            let month = step * STEP_MONTHS;
            let volume = volume_at(w, month);
            let memo = FleetMemo::default();
            let input = CostInput::new(w, book, profile, volume).with_memo(&memo);
            // Today's bills are the cost table's; later ones are priced anew,
            // the cheapest of each side only (an option whose lower bound is
            // dearer than the best so far is not priced exactly).
            if month == 0 {
                let price = |option: OptionId| {
                    today
                        .iter()
                        .find(|c| c.option == option)
                        .map_or_else(|| cost::monthly_usd(option, &input), |c| c.monthly_usd)
                };
                return ProjectedMonth {
                    month,
                    monthly_requests: volume,
                    serverless: cheapest(serverless, &price),
                    traditional: cheapest(traditional, &price),
                };
            }
            let side = |options: &[OptionId]| {
                cost::cheapest(options, &input)
                    .map(|(option, monthly_usd)| ProjectedBill { option, monthly_usd })
            };
            ProjectedMonth {
                month,
                monthly_requests: volume,
                serverless: side(serverless),
                traditional: side(traditional),
            }
        })
        .collect();
    let flip = volume_up.and_then(|(volume, verdict)| {
        let now = w.traffic.monthly_requests;
        if now <= 0.0 || volume <= now {
            return None;
        }
        let month = ((volume / now).ln() / g.ln_1p()).ceil().max(1.0);
        // A month computed just past a whole number still reaches the flip then.
        let month = if volume_at(w, month as u32 - 1) >= volume {
            month - 1.0
        } else {
            month
        };
        (month <= f64::from(HORIZON_MONTHS)).then_some(ProjectedFlip {
            month: month as u32,
            monthly_requests: volume,
            verdict,
        })
    });
    Some(Projection {
        growth_per_month: g,
        months,
        flip,
    })
}

impl Projection {
    /// The projection in one sentence.
    #[must_use]
    pub fn sentence(&self, current: Verdict) -> String {
        let last = self.months.last();
        let growth = crate::format::percent(self.growth_per_month);
        let mut s = match last {
            Some(m) => {
                // A side that hard stops rule out has no price to quote.
                let serverless = match &m.serverless {
                    Some(b) => format!(
                        "the cheapest serverless option then costs {}",
                        ProjectedBill::describe(Some(b))
                    ),
                    None => "no serverless option is usable (hard stops rule them out)".to_owned(),
                };
                // "... costs $X and the cheapest server or container $Y":
                // the second side borrows the first's verb, when it has one.
                let verb = if m.serverless.is_some() { "" } else { "costs " };
                let traditional = match &m.traditional {
                    Some(b) => format!(
                        "the cheapest server or container {verb}{}",
                        ProjectedBill::describe(Some(b))
                    ),
                    None => "no server or container option is usable (hard stops rule them out)".to_owned(),
                };
                format!(
                    "Growing {growth} a month, the volume reaches {} requests a month in {} months: {serverless} and {traditional}.",
                    crate::format::short_count(m.monthly_requests),
                    m.month,
                )
            }
            None => format!("Growing {growth} a month."),
        };
        match &self.flip {
            Some(f) => {
                let _ = write!(
                    s,
                    " The verdict flips from {} to {} in month {}, at {} requests a month.",
                    current.label(),
                    f.verdict.label(),
                    f.month,
                    crate::format::short_count(f.monthly_requests)
                );
            }
            None => {
                let _ = write!(
                    s,
                    " The verdict stays {} for the {HORIZON_MONTHS} months.",
                    current.label()
                );
            }
        }
        s
    }
}

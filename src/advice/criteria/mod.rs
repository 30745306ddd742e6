//! The criteria, each a lean toward one side with a weight and a reason.

pub(crate) mod cost_at_volume;
pub(crate) mod duration;
pub(crate) mod events;
pub(crate) mod fit;
pub(crate) mod hard_stops;
pub(crate) mod latency;
pub(crate) mod team;
pub(crate) mod traffic;

use super::{AdviceRules, Criterion, Lean};
use crate::cost::{self, CostInput, OptionId, Profile};
use crate::pricing::PriceBook;
use crate::workload::Workload;

pub(crate) struct Ctx<'a> {
    pub(crate) memo: cost::FleetMemo,
    pub(crate) workload: &'a Workload,
    pub(crate) book: &'a PriceBook,
    pub(crate) rules: &'a AdviceRules,
    pub(crate) profile: &'a Profile,
    pub(crate) detailed: bool,
}

impl Ctx<'_> {
    pub(crate) fn criterion(
        &self,
        id: &'static str,
        title: &'static str,
        weight: f64,
        lean: f64,
        reason: impl FnOnce() -> String,
    ) -> Criterion {
        let lean = lean.clamp(-1.0, 1.0);
        let leans = if lean > 0.05 {
            Lean::Serverless
        } else if lean < -0.05 {
            Lean::Traditional
        } else {
            Lean::Neutral
        };
        Criterion {
            id: id.into(),
            title: title.into(),
            weight,
            leans,
            points: (lean.abs() * 100.0).round() / 10.0,
            lean,
            reason: if self.detailed { reason() } else { String::new() },
        }
    }

    /// The cheapest of `options` at the workload's volume, with its price.
    pub(crate) fn cheapest_at_volume(&self, options: &[OptionId]) -> Option<(OptionId, f64)> {
        cost::cheapest(
            options,
            &CostInput::new(
                self.workload,
                self.book,
                self.profile,
                self.workload.traffic.monthly_requests,
            )
            .with_memo(&self.memo),
        )
    }
}

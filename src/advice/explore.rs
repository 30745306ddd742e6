//! The cost curves along another answer than the volume, for the curve
//! explorer: the average duration, the memory or the peak-to-average ratio,
//! each swept over its valid range (log-spaced) with everything else held,
//! as the flip points move them.

use super::AdviceRules;
use super::flip::{self, Answer};
use crate::cost::{self, CostInput, FleetMemo, OptionId, Profile};
use crate::pricing::PriceBook;
use crate::workload::Workload;

/// An answer the cost curves can be drawn along.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CurveAxis {
    /// Monthly requests (the assessment's own curves).
    #[default]
    Volume,
    /// The average duration, the p99 and the longest job scaled with it.
    Duration,
    /// Memory per request or job.
    Memory,
    /// The busiest hour over the average.
    Peak,
}

impl CurveAxis {
    /// Every axis, in the order the explorer offers them.
    pub const ALL: [Self; 4] = [Self::Volume, Self::Duration, Self::Memory, Self::Peak];

    /// The axis in words.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Volume => "Monthly requests",
            Self::Duration => "Average duration",
            Self::Memory => "Memory",
            Self::Peak => "Peak-to-average",
        }
    }

    /// The searched answer this axis moves (`None` for the volume, whose curves the assessment holds).
    fn answer(self) -> Option<&'static Answer> {
        let path = match self {
            Self::Volume => return None,
            Self::Duration => "execution.avg_duration_ms",
            Self::Memory => "execution.memory_mb",
            Self::Peak => "traffic.peak_to_average",
        };
        flip::answer(path)
    }

    /// A value of the axis written for reading (`120 ms`, `512 MB`, `2.5x`).
    #[must_use]
    pub fn show(self, value: f64) -> String {
        match self {
            Self::Volume => crate::format::short_count(value),
            Self::Duration => crate::format::duration_ms(value).replace(".0 ", " "),
            Self::Memory => format!("{} MB", crate::format::count(value.round())),
            Self::Peak => format!("{}x", crate::format::count(value)),
        }
    }

    /// The axis's value in a workload.
    #[must_use]
    pub fn value_in(self, w: &Workload) -> f64 {
        self.answer().map_or(w.traffic.monthly_requests, |a| a.get(w))
    }
}

/// Points along an axis other than the volume.
pub const AXIS_POINTS: usize = 33;

/// Monthly bills of `options` along `axis`: the values swept (log-spaced
/// over the answer's valid range) and one curve per option. Where a hard
/// stop rules an option out (past its time limit or its memory), its bill is
/// NaN: it cannot run the work there, so it has no price to draw. For
/// [`CurveAxis::Volume`], the sweep the assessment draws.
#[must_use]
pub fn sweep_along(
    workload: &Workload,
    book: &PriceBook,
    rules: &AdviceRules,
    options: &[OptionId],
    axis: CurveAxis,
) -> (Vec<f64>, Vec<(OptionId, Vec<f64>)>) {
    let Some(answer) = axis.answer() else {
        let profile = Profile::new(workload.traffic.shape, workload.peak_to_average());
        let s = cost::sweep(workload, book, &profile, options);
        return (s.monthly_requests, s.curves);
    };
    let (lo, hi) = (answer.min.ln(), answer.max.ln());
    let last = AXIS_POINTS - 1;
    let values: Vec<f64> = (0..AXIS_POINTS)
        .map(|i| match i {
            0 => answer.min,
            i if i == last => answer.max,
            i => {
                let v = (lo + (hi - lo) * i as f64 / last as f64).exp();
                if answer.integer { v.round() } else { v }
            }
        })
        .collect();
    let same_profile = Profile::new(workload.traffic.shape, workload.peak_to_average());
    let mut curves: Vec<(OptionId, Vec<f64>)> = options
        .iter()
        .map(|&o| (o, Vec::with_capacity(values.len())))
        .collect();
    for &v in &values {
        let w = answer.set(workload, v);
        let profile = if axis == CurveAxis::Peak {
            Profile::new(w.traffic.shape, w.peak_to_average())
        } else {
            same_profile.clone()
        };
        let memo = FleetMemo::default();
        let input = CostInput::new(&w, book, &profile, w.traffic.monthly_requests).with_memo(&memo);
        let stops = super::blockers(&w, book, rules, false);
        for (option, ys) in &mut curves {
            let ruled_out = stops.iter().any(|b| b.option == *option);
            ys.push(if ruled_out {
                f64::NAN
            } else {
                cost::monthly_usd(*option, &input)
            });
        }
    }
    (values, curves)
}

//! Moving, not only choosing: when the workload runs somewhere today, the
//! advice weighs moving to the other side against staying. The monthly saving
//! is the best option on the other side against the best on the current side
//! (each the cheapest that meets the stated requirements, people's time
//! included when a day rate is given); the one-off cost is the effort at the
//! day rate; the move is worth it when it pays back within the horizon.

use serde::{Deserialize, Serialize};

use super::Verdict;
use super::requirements::Pick;
use super::rules::AdviceRules;
use crate::cost::OptionId;
use crate::format;
use crate::workload::{Current, Workload};

/// Moving against staying, for a workload that runs somewhere today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MigrationAdvice {
    /// Where it runs today.
    pub current: Current,
    /// USD a month the move saves (negative when the other side costs more),
    /// people's time included when a day rate is given.
    pub monthly_saving_usd: f64,
    /// What the move costs once: the effort at the day rate.
    pub one_off_usd: f64,
    /// Months until the saving repays the move; `None` when it never does.
    pub payback_months: Option<f64>,
    /// Whether the move pays back within the horizon (or the current side
    /// cannot run the work at all).
    pub worth_moving: bool,
    /// The months a move has to pay back in.
    pub horizon_months: u32,
    /// The option staying means (the current side's best).
    pub stay_option: Option<OptionId>,
    /// The option moving means (the other side's best).
    pub move_option: Option<OptionId>,
    /// The reason, in one sentence.
    pub reason: String,
}

/// The verdict that keeps the workload where it runs.
#[must_use]
pub fn side_of(current: Current) -> Option<Verdict> {
    match current {
        Current::Greenfield => None,
        Current::Servers => Some(Verdict::Traditional),
        Current::Serverless => Some(Verdict::Serverless),
    }
}

/// An option and what it costs a month to build on.
#[derive(Debug, Clone, Copy)]
pub struct Priced {
    /// The option.
    pub option: OptionId,
    /// USD a month (ready instances included).
    pub usd: f64,
}

impl From<&Pick> for Priced {
    fn from(p: &Pick) -> Self {
        Self {
            option: p.option,
            usd: p.usd(),
        }
    }
}

/// What an option costs a month with its people's time, when a day rate is given.
fn with_people(p: &Priced, w: &Workload, rules: &AdviceRules) -> f64 {
    let day = w.migration.engineer_day_usd;
    p.usd
        + if day > 0.0 {
            rules.operations.usd(p.option.kind(), day)
        } else {
            0.0
        }
}

/// Weighs moving against staying; `None` for a green field. `stay` is what
/// the work runs on today (for servers, the fleet the workload describes),
/// `go` the other side's best option.
#[must_use]
pub fn weigh(
    w: &Workload,
    rules: &AdviceRules,
    stay: Option<Priced>,
    go: Option<Priced>,
    detailed: bool,
) -> Option<MigrationAdvice> {
    let m = &w.migration;
    if m.current == Current::Greenfield {
        return None;
    }
    let (stay, go) = (stay.as_ref(), go.as_ref());
    let one_off = (m.effort_days * m.engineer_day_usd).max(0.0);
    let people = m.engineer_day_usd > 0.0;
    let here = match m.current {
        Current::Servers => "servers",
        _ => "serverless",
    };
    let there = match m.current {
        Current::Servers => "serverless",
        _ => "servers",
    };
    let text = |f: &dyn Fn() -> String| if detailed { f() } else { String::new() };
    let (saving, payback, worth, reason) = match (stay, go) {
        (None, _) => (
            0.0,
            None,
            true,
            text(&|| {
                format!(
                    "The work cannot stay on {here}: hard stops rule out every option there, so it moves whatever the move costs ({}).",
                    format::usd_whole(one_off)
                )
            }),
        ),
        (Some(s), None) => (
            0.0,
            None,
            false,
            text(&|| {
                format!(
                    "Stay on {}: no option on the {there} side can run the work.",
                    s.option.label()
                )
            }),
        ),
        (Some(s), Some(g)) => {
            let saving = with_people(s, w, rules) - with_people(g, w, rules);
            let payback = if saving > 0.0 {
                Some(one_off / saving)
            } else {
                None
            };
            let worth = payback.is_some_and(|p| p <= f64::from(m.horizon_months));
            let costs = if people { " with people's time" } else { "" };
            let reason = text(&|| {
                if saving <= 0.0 {
                    format!(
                        "Stay on {}: {} would cost {} a month more{costs}, so moving never pays back its {}.",
                        s.option.label(),
                        g.option.label(),
                        format::usd(-saving),
                        format::usd_whole(one_off)
                    )
                } else if worth {
                    format!(
                        "Move to {}: it saves {} a month{costs} against staying on {}, so the {} move ({} engineer-days at {} a day) pays back in {}, within the {}-month horizon.",
                        g.option.label(),
                        format::usd(saving),
                        s.option.label(),
                        format::usd_whole(one_off),
                        days(m.effort_days),
                        format::usd_whole(m.engineer_day_usd),
                        months(one_off / saving),
                        m.horizon_months
                    )
                } else {
                    format!(
                        "Stay on {}: moving to {} saves {} a month{costs}, so the {} move ({} engineer-days at {} a day) would take {} to pay back, past the {}-month horizon.",
                        s.option.label(),
                        g.option.label(),
                        format::usd(saving),
                        format::usd_whole(one_off),
                        days(m.effort_days),
                        format::usd_whole(m.engineer_day_usd),
                        months(one_off / saving),
                        m.horizon_months
                    )
                }
            });
            (saving, payback, worth, reason)
        }
    };
    // Effort without a day rate cannot be priced: say the move was counted as free.
    let reason = if detailed && m.effort_days > 0.0 && m.engineer_day_usd <= 0.0 {
        format!(
            "{reason} The {} engineer-days of the move are not priced: give the engineer-day cost to weigh them.",
            days(m.effort_days)
        )
    } else {
        reason
    };
    Some(MigrationAdvice {
        current: m.current,
        monthly_saving_usd: saving,
        one_off_usd: one_off,
        payback_months: payback,
        worth_moving: worth,
        horizon_months: m.horizon_months,
        stay_option: stay.map(|p| p.option),
        move_option: go.map(|p| p.option),
        reason,
    })
}

/// A payback time in words: "under a month", "7.5 months", "12 years".
fn months(m: f64) -> String {
    if m < 1.0 {
        "under a month".to_owned()
    } else if m < 36.0 {
        format!("{m:.1} months")
    } else {
        format!("{:.0} years", m / 12.0)
    }
}

/// Engineer-days as given: "30", "2.5".
fn days(d: f64) -> String {
    if (d - d.round()).abs() < 1e-9 {
        format!("{d:.0}")
    } else {
        format!("{d:.1}")
    }
}

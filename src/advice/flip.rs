//! Flip points: for one answer at a time, the nearest value (within the valid
//! range) at which the verdict changes, everything else held fixed.

use serde::{Deserialize, Serialize};

use super::{AdviceRules, Verdict, decide};
use crate::cost::{CostInput, OptionId, Profile};
use crate::pricing::PriceBook;
use crate::workload::{Commitment, Workload};

/// The smallest change to one answer that flips the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlipPoint {
    /// The answer's field path, e.g. `traffic.monthly_requests`.
    pub answer: String,
    /// The answer in words.
    pub label: String,
    /// The answer's current value.
    pub current: f64,
    /// The value at which the verdict has flipped.
    pub value: f64,
    /// The verdict from that value on.
    pub verdict: Verdict,
    /// When the flip is closer than the answer's precision (1 MB, 1 ms, 0.1%
    /// of the volume), the billing step or limit that causes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub because: Option<String>,
}

/// An answer the search can move.
#[derive(Debug, Clone, Copy)]
pub struct Answer {
    /// Field path.
    pub path: &'static str,
    /// Label.
    pub label: &'static str,
    /// Smallest value searched.
    pub min: f64,
    /// Largest value searched.
    pub max: f64,
    /// Whether the value is a whole number.
    pub integer: bool,
}

/// The answers searched, in report order.
pub const ANSWERS: [Answer; 4] = [
    Answer {
        path: "traffic.monthly_requests",
        label: "Monthly requests",
        min: 1e3,
        max: 1e11,
        integer: false,
    },
    Answer {
        path: "execution.avg_duration_ms",
        label: "Average duration (p99 and longest job scaled with it)",
        min: 1.0,
        max: 3_600_000.0,
        integer: false,
    },
    Answer {
        path: "traffic.peak_to_average",
        label: "Peak-to-average ratio",
        min: 1.0,
        max: crate::cost::profile::MAX_REPRESENTABLE_PEAK,
        integer: false,
    },
    Answer {
        path: "execution.memory_mb",
        label: "Memory",
        min: 128.0,
        max: 10_240.0,
        integer: true,
    },
];

/// The answers of a move, searched when the workload runs somewhere today.
pub const MIGRATION_ANSWERS: [Answer; 2] = [
    Answer {
        path: "migration.effort_days",
        label: "Effort to move",
        min: 0.1,
        max: crate::workload::EFFORT_DAYS_MAX,
        integer: false,
    },
    Answer {
        path: "migration.engineer_day_usd",
        label: "Engineer-day cost",
        min: 1.0,
        max: crate::workload::ENGINEER_DAY_USD_MAX,
        integer: false,
    },
];

/// The searched answer with this field path.
#[must_use]
pub fn answer(path: &str) -> Option<&'static Answer> {
    ANSWERS
        .iter()
        .chain(MIGRATION_ANSWERS.iter())
        .find(|a| a.path == path)
}

impl Answer {
    /// The answer's value in a workload.
    #[must_use]
    pub fn get(&self, w: &Workload) -> f64 {
        match self.path {
            "traffic.monthly_requests" => w.traffic.monthly_requests,
            "execution.avg_duration_ms" => w.execution.avg_duration_ms,
            "traffic.peak_to_average" => w.peak_to_average(),
            "migration.effort_days" => w.migration.effort_days,
            "migration.engineer_day_usd" => w.migration.engineer_day_usd,
            _ => f64::from(w.execution.memory_mb),
        }
    }

    /// A copy of the workload with the answer set to `value`.
    #[must_use]
    pub fn set(&self, w: &Workload, value: f64) -> Workload {
        let mut out = w.clone();
        self.apply(w, &mut out, value);
        out
    }

    /// Sets the answer in `out`, a copy of `base`, to `value`, without allocating.
    fn apply(&self, base: &Workload, out: &mut Workload, value: f64) {
        match self.path {
            "traffic.monthly_requests" => out.traffic.monthly_requests = value,
            "execution.avg_duration_ms" => {
                let scale = value / base.execution.avg_duration_ms.max(1e-9);
                out.execution.avg_duration_ms = value;
                out.execution.p99_duration_ms = base.execution.p99_duration_ms * scale;
                out.execution.max_duration_s = base.execution.max_duration_s * scale;
            }
            "traffic.peak_to_average" => out.traffic.peak_to_average = Some(value),
            "migration.effort_days" => out.migration.effort_days = value,
            "migration.engineer_day_usd" => out.migration.engineer_day_usd = value,
            _ => {
                // `value` is clamped to 128..=10240 here, so it fits a u32.
                out.execution.memory_mb = value.round().clamp(128.0, 10_240.0) as u32;
            }
        }
    }
}

/// The verdict of a workload, without writing any reasons.
#[must_use]
pub fn verdict_of(w: &Workload, book: &PriceBook, rules: &AdviceRules, profile: Option<&Profile>) -> Verdict {
    decision_of(w, book, rules, profile).verdict
}

/// The decision without reasons, on `profile` or the workload's own.
fn decision_of(
    w: &Workload,
    book: &PriceBook,
    rules: &AdviceRules,
    profile: Option<&Profile>,
) -> super::Decision {
    if let Some(p) = profile {
        decide(w, book, rules, p, false)
    } else {
        let p = Profile::new(w.traffic.shape, w.peak_to_average());
        decide(w, book, rules, &p, false)
    }
}

/// The verdict of a workload and how far its scores are from leaving
/// `current`: positive while the scores keep `current`, negative past the
/// margin, in points. The flip search steers by it.
fn probe_of(
    w: &Workload,
    book: &PriceBook,
    rules: &AdviceRules,
    profile: Option<&Profile>,
    current: Verdict,
) -> (Verdict, f64) {
    let d = decision_of(w, book, rules, profile);
    let diff = d.steer;
    // A side holds while it leads (a close call is still that side); a split
    // by parts holds until the cost ratio decides for the servers (or a
    // rule ends it, where the search bisects).
    let inside = match current {
        Verdict::Serverless => diff,
        Verdict::Traditional => -diff,
        Verdict::Hybrid => d.split_steer,
    };
    (d.verdict, inside)
}

const GRID_STEPS: usize = 6;
/// Halvings of one grid step (about 2.5 to 3 in log units): the boundary is
/// bracketed to under 0.08% of the value, finer than the three significant
/// digits shown.
const BISECTIONS: usize = 12;

/// Narrows the boundary between `inside` (a log value with the `current`
/// verdict, and its margin if known) and `outside` (flipped, with its margin)
/// until the bracket is `2^-BISECTIONS` of what it was, and returns it
/// (inside end, outside end). Where the margins on both ends say the scores cross, the
/// next probe is where the margin interpolates to zero (regula falsi, with
/// the Illinois halving so one end cannot stall); where they don't (a hard
/// stop or a rule turned the verdict), or when a step failed to halve the
/// bracket, it bisects. So it is never slower than bisection by more than
/// one probe in two, and needs fewer where the scores drive the flip.
fn refine(
    probe: &impl Fn(f64) -> (Verdict, f64),
    current: Verdict,
    inside: (f64, Option<f64>),
    outside: (f64, f64),
) -> (f64, f64) {
    let (mut a, mut ha) = inside;
    let (mut b, mut hb) = (outside.0, Some(outside.1));
    let tol = (b - a).abs() / f64::from(1u32 << BISECTIONS);
    let mut bisect_next = false;
    let mut last_moved_a: Option<bool> = None;
    for _ in 0..4 * BISECTIONS {
        let width = (b - a).abs();
        if width <= tol {
            break;
        }
        let x = match (ha, hb) {
            (Some(h1), Some(h2)) if !bisect_next && h1 > 0.0 && h2 < 0.0 => {
                a + (b - a) * (h1 / (h1 - h2)).clamp(0.02, 0.98)
            }
            _ => 0.5 * (a + b),
        };
        let (v, h) = probe(x.exp());
        let moved_a = v == current;
        if moved_a {
            a = x;
            ha = Some(h);
        } else {
            b = x;
            hb = Some(h);
        }
        // Illinois: an end kept twice running has its margin halved.
        if last_moved_a == Some(moved_a) {
            if moved_a {
                hb = hb.map(|h| 0.5 * h);
            } else {
                ha = ha.map(|h| 0.5 * h);
            }
        }
        last_moved_a = Some(moved_a);
        bisect_next = (b - a).abs() > 0.5 * width;
    }
    (a, b)
}

/// The values of an answer at which an option's limit lies (the largest
/// value the option takes), ascending: the most memory an option offers, and
/// the average duration at which the longest job or the p99 (scaled with it)
/// reaches an option's time limit. Where a hard stop or a limit's rule turns
/// the verdict, the flip is just past one of them.
struct Limits {
    values: Vec<f64>,
    integer: bool,
}

impl Limits {
    fn of(answer: &Answer, w: &Workload, book: &PriceBook) -> Self {
        let options = || OptionId::ALL.into_iter().filter(|o| o.provider() == w.provider);
        let mut values: Vec<f64> = match answer.path {
            "execution.memory_mb" => options()
                .filter_map(|o| super::memory_limit_mb(o, book))
                .map(f64::floor)
                .collect(),
            "execution.avg_duration_ms" => {
                let e = &w.execution;
                let mut seconds: Vec<f64> = options()
                    .flat_map(|o| {
                        [
                            super::duration_limit_s(o, w, book),
                            super::guaranteed_duration_s(o, book),
                        ]
                    })
                    .flatten()
                    .collect();
                if w.provider == crate::workload::Provider::Azure {
                    seconds.push(book.azure_functions.http_response_limit_s.value);
                }
                // The average at which the longest job, or the p99, is at a limit.
                let at =
                    |scaled: f64, limit_s: f64| (scaled > 0.0).then(|| e.avg_duration_ms * limit_s / scaled);
                seconds
                    .iter()
                    .flat_map(|&l| [at(e.max_duration_s, l), at(e.p99_duration_ms / 1000.0, l)])
                    .flatten()
                    .filter(|v| v.is_finite() && *v > 0.0)
                    .collect()
            }
            _ => Vec::new(),
        };
        values.sort_by(f64::total_cmp);
        values.dedup();
        Self {
            values,
            integer: answer.integer,
        }
    }

    /// The values either side of limit `b`, the side the search comes from first.
    fn pair(&self, b: f64, direction: f64) -> (f64, f64) {
        let (below, above) = if self.integer {
            (b, b + 1.0)
        } else {
            (b * (1.0 - 1e-9), b * (1.0 + 1e-9))
        };
        if direction > 0.0 {
            (below, above)
        } else {
            (above, below)
        }
    }
}

/// A bracket of the flip search in log units: (inside, its margin if known,
/// outside, its margin).
type Bracket = (f64, Option<f64>, f64, f64);

/// Tries the limits inside `bracket`, nearest the inside end first. A limit
/// `b` where the verdict holds on its near side and not just past it (one
/// unit of an integer answer, a billionth of a continuous one) is the flip:
/// `Ok(value)`. Otherwise each probe narrows the bracket as a bisection step
/// would, and the narrowed bracket is returned for the usual search.
fn at_a_limit(
    probe: &impl Fn(f64) -> (Verdict, f64),
    current: Verdict,
    direction: f64,
    bracket: Bracket,
    limits: &Limits,
) -> Result<f64, Bracket> {
    let (mut inside, mut inside_h, mut outside, mut outside_h) = bracket;
    let within = |x: f64, a: f64, b: f64| x > a.min(b) && x < a.max(b);
    let mut order = limits.values.clone();
    if direction < 0.0 {
        order.reverse();
    }
    for b in order {
        // The values either side of the limit, inside end first.
        let (keep, past) = limits.pair(b, direction);
        let (lo_v, hi_v) = (inside.exp(), outside.exp());
        if !within(past, lo_v, hi_v) || !within(keep, lo_v, hi_v) && (keep - lo_v).abs() > 0.5 {
            continue;
        }
        let (v_past, h_past) = probe(past);
        if v_past == current {
            inside = past.ln();
            inside_h = Some(h_past);
            continue;
        }
        let (v_keep, h_keep) = probe(keep);
        if v_keep == current {
            return Ok(past);
        }
        // Flipped before this limit: the nearer part of the bracket holds the flip.
        outside = keep.ln();
        outside_h = h_keep;
        break;
    }
    Err((inside, inside_h, outside, outside_h))
}

/// Searches one answer; `None` when the verdict holds over its whole range.
#[must_use]
pub fn flip_point(
    answer: &Answer,
    w: &Workload,
    book: &PriceBook,
    rules: &AdviceRules,
    current: Verdict,
) -> Option<FlipPoint> {
    let profile = Profile::new(w.traffic.shape, w.peak_to_average());
    flip_point_on(answer, w, book, rules, current, &profile, &mut None)
}

/// [`flip_point`] with the workload's own traffic profile already built
/// (the answers other than the peak keep it for every probe).
fn flip_point_on(
    answer: &Answer,
    w: &Workload,
    book: &PriceBook,
    rules: &AdviceRules,
    current: Verdict,
    profile: &Profile,
    first_up: &mut Option<(f64, Verdict)>,
) -> Option<FlipPoint> {
    let reuse = (answer.path != "traffic.peak_to_average").then_some(profile);
    // One scratch copy, changed in place for every probe.
    let scratch = std::cell::RefCell::new(w.clone());
    // Probes already made, by the value the workload takes (whole units for
    // an integer answer): the check of the value found and the integer
    // bisection often land on one the search has tried.
    let seen: std::cell::RefCell<Vec<(u64, (Verdict, f64))>> = std::cell::RefCell::new(Vec::new());
    let probe = |v: f64| {
        let key = if answer.integer { v.round() } else { v }.to_bits();
        if let Some(&(_, found)) = seen.borrow().iter().find(|e| e.0 == key) {
            return found;
        }
        let mut probe = scratch.borrow_mut();
        answer.apply(w, &mut probe, v);
        let found = probe_of(&probe, book, rules, reuse, current);
        seen.borrow_mut().push((key, found));
        found
    };
    let at = |v: f64| probe(v).0;
    let x0 = answer.get(w).clamp(answer.min, answer.max);
    let (lo, hi) = (answer.min.ln(), answer.max.ln());
    let step = (hi - lo) / GRID_STEPS as f64;
    let mut best: Option<(f64, f64, Verdict)> = None; // (distance, value, verdict)
    for direction in [1.0, -1.0] {
        // A flip found one way bounds the search the other way: only a nearer one matters.
        let reach = best.map_or(f64::INFINITY, |b| b.0);
        let mut previous = x0.ln();
        // The margin at `previous`: unknown at the start (the caller's verdict only).
        let mut previous_h: Option<f64> = None;
        let mut k = 1.0;
        loop {
            let distance = (k * step).min(reach);
            let mut target = (x0.ln() + direction * distance).clamp(lo, hi);
            // A grid point within half a step of the range's end is not
            // probed on its own: the end is the next probe.
            let end = if direction > 0.0 { hi } else { lo };
            if distance < reach && (end - target).abs() < 0.5 * step {
                target = end;
            }
            if (target - previous).abs() < 1e-12 {
                break;
            }
            let (v, h_target) = probe(target.exp());
            if v != current {
                // A limit within the bracket is tried first: where it turns
                // the verdict, the flip is found in a probe or two.
                let limits = Limits::of(answer, w, book);
                let bracket = (previous, previous_h, target, h_target);
                let (previous, previous_h, target, h_target) =
                    match at_a_limit(&probe, current, direction, bracket, &limits) {
                        Ok(exact) => {
                            let distance = (exact.ln() - x0.ln()).abs();
                            let verdict = at(exact);
                            if direction > 0.0 {
                                *first_up = Some((exact, verdict));
                            }
                            if best.is_none_or(|b| distance < b.0) {
                                best = Some((distance, exact, verdict));
                            }
                            break;
                        }
                        Err(narrowed) => narrowed,
                    };
                let (inside, outside) = refine(&probe, current, (previous, previous_h), (target, h_target));
                let mut value = outside.exp();
                if answer.integer {
                    // Whole units: bisect the bracket's integers to the first
                    // one past the boundary (a bracket of a few units, so a
                    // probe or two).
                    let (mut keep, mut flip) = if direction > 0.0 {
                        (inside.exp().floor(), value.ceil())
                    } else {
                        (inside.exp().ceil(), value.floor())
                    };
                    while (flip - keep).abs() > 1.0 {
                        let mid = (0.5 * (keep + flip)).round();
                        if at(mid) == current {
                            keep = mid;
                        } else {
                            flip = mid;
                        }
                    }
                    value = flip;
                }
                let verdict = at(value);
                if verdict != current {
                    if direction > 0.0 {
                        *first_up = Some((value, verdict));
                    }
                    let distance = (value.ln() - x0.ln()).abs();
                    if best.is_none_or(|b| distance < b.0) {
                        best = Some((distance, value, verdict));
                    }
                }
                break;
            }
            if distance >= reach {
                break;
            }
            previous = target;
            previous_h = Some(h_target);
            k += 1.0;
        }
    }
    best.map(|(_, value, verdict)| FlipPoint {
        answer: answer.path.to_owned(),
        label: answer.label.to_owned(),
        current: answer.get(w),
        value,
        verdict,
        because: None,
    })
}

/// Flip points for every searched answer that flips within its range.
#[must_use]
pub fn flip_points(w: &Workload, book: &PriceBook, rules: &AdviceRules, current: Verdict) -> Vec<FlipPoint> {
    let profile = Profile::new(w.traffic.shape, w.peak_to_average());
    flip_points_on(w, book, rules, current, &profile)
}

/// [`flip_points`] with the workload's traffic profile already built.
#[must_use]
pub fn flip_points_on(
    w: &Workload,
    book: &PriceBook,
    rules: &AdviceRules,
    current: Verdict,
    profile: &Profile,
) -> Vec<FlipPoint> {
    flip_search_on(w, book, rules, current, profile).0
}

/// [`flip_points_on`], with the first volume above today's where the
/// verdict flips, and the verdict there (for the growth projection).
#[must_use]
pub fn flip_search_on(
    w: &Workload,
    book: &PriceBook,
    rules: &AdviceRules,
    current: Verdict,
    profile: &Profile,
) -> (Vec<FlipPoint>, Option<(f64, Verdict)>) {
    let mut volume_up = None;
    let moving = w.migration.current != crate::workload::Current::Greenfield;
    let points = ANSWERS
        .iter()
        .chain(MIGRATION_ANSWERS.iter().filter(|_| moving))
        .filter_map(|a| {
            let mut up = None;
            let found = flip_point_on(a, w, book, rules, current, profile, &mut up);
            if a.path == "traffic.monthly_requests" {
                volume_up = up;
            }
            let mut flip = found?;
            if a.within_precision(flip.current, flip.value) {
                flip.because = Some(billing_step(a, w, book, profile, flip.value));
            }
            Some(flip)
        })
        .chain(commitment_flip(w, book, rules, current, profile))
        .collect();
    (points, volume_up)
}

/// The field path of the commitment answer among the flip points; its values
/// are the terms' places in [`Commitment::ALL`] (0 on demand, 1 one year, 2 three years).
pub const COMMITMENT: &str = "pricing.commitment";

/// The nearest commitment term that flips the verdict, if one does: a term
/// is bought or given up as a whole, so each is tried.
fn commitment_flip(
    w: &Workload,
    book: &PriceBook,
    rules: &AdviceRules,
    current: Verdict,
    profile: &Profile,
) -> Option<FlipPoint> {
    let at = |c: Commitment| Commitment::ALL.iter().position(|&t| t == c).unwrap_or(0);
    let here = at(w.pricing.commitment);
    let mut probe = w.clone();
    let mut terms: Vec<Commitment> = Commitment::ALL
        .into_iter()
        .filter(|&t| t != w.pricing.commitment)
        .collect();
    // The nearer term first: from on demand, one year before three.
    terms.sort_by_key(|&t| at(t).abs_diff(here));
    terms.into_iter().find_map(|term| {
        probe.pricing.commitment = term;
        let verdict = decision_of(&probe, book, rules, Some(profile)).verdict;
        (verdict != current).then(|| FlipPoint {
            answer: COMMITMENT.to_owned(),
            label: "Commitment (savings plans, reservations, committed use)".to_owned(),
            current: here as f64,
            value: at(term) as f64,
            verdict,
            because: None,
        })
    })
}

impl Answer {
    /// Whether `value` is closer to `current` than the answer is given:
    /// 1 MB of memory, 1 ms of duration, 0.1% of a volume or ratio.
    #[must_use]
    pub fn within_precision(&self, current: f64, value: f64) -> bool {
        let gap = (value - current).abs();
        if self.integer {
            gap <= 1.0
        } else if self.path.ends_with("_ms") {
            gap <= 1.0_f64.max(1e-3 * current.abs())
        } else {
            gap <= 1e-3 * current.abs()
        }
    }
}

/// What makes the verdict change between the workload's answer and `value`,
/// a step smaller than the answer's precision: the billing step of the option
/// whose bill jumps most there, or the limit the value crosses.
#[must_use]
pub fn billing_step(
    answer: &Answer,
    w: &Workload,
    book: &PriceBook,
    profile: &Profile,
    value: f64,
) -> String {
    let to = answer.set(w, value);
    let reuse = answer.path != "traffic.peak_to_average";
    let to_profile = if reuse {
        profile.clone()
    } else {
        Profile::new(to.traffic.shape, to.peak_to_average())
    };
    let shown = |v: f64| {
        if answer.path == "execution.memory_mb" {
            format!("{} MB", crate::format::count(v))
        } else if answer.path.ends_with("_ms") {
            crate::format::duration_ms(v)
        } else if answer.path == "traffic.monthly_requests" {
            format!("{} requests a month", crate::format::short_count(v))
        } else {
            format!("{v:.2}")
        }
    };
    // A limit crossed: an option ruled out at the new value.
    let options = OptionId::ALL.into_iter().filter(|o| o.provider() == w.provider);
    if answer.path == "execution.memory_mb" {
        let m = f64::from(to.execution.memory_mb);
        if let Some((o, limit)) = options
            .clone()
            .filter_map(|o| super::memory_limit_mb(o, book).map(|l| (o, l)))
            .find(|&(_, l)| f64::from(w.execution.memory_mb) <= l && m > l)
        {
            return format!(
                "{} is past the {} MB maximum of {}, which rules it out",
                shown(m),
                crate::format::count(limit),
                o.label()
            );
        }
    }
    // The bill that jumps most between the two values.
    let usd = |wl: &Workload, p: &Profile, o: OptionId| {
        crate::cost::monthly_usd(o, &CostInput::new(wl, book, p, wl.traffic.monthly_requests))
    };
    let jump = options
        .map(|o| {
            let (a, b) = (usd(w, profile, o), usd(&to, &to_profile, o));
            (o, a, b, (b - a).abs() / a.abs().max(0.01))
        })
        .max_by(|x, y| x.3.total_cmp(&y.3));
    let Some((o, a, b, rel)) = jump else {
        return "a rule's threshold, not a billing step".to_owned();
    };
    if rel < 0.005 {
        return format!(
            "no bill jumps there: the two sides' scores cross at this {}, so it is a close call on this answer",
            answer.label.to_lowercase()
        );
    }
    let owner = if o.label().ends_with('s') {
        format!("{}'", o.label())
    } else {
        format!("{}'s", o.label())
    };
    let bill = format!(
        "{owner} bill steps from {} to {} a month",
        crate::format::usd(a),
        crate::format::usd(b)
    );
    let m = to.execution.memory_mb;
    let step = match (answer.path, o) {
        ("execution.memory_mb", OptionId::AzureFunctions) => {
            let step = book.azure_functions.memory_step_mb.value.max(1.0);
            let billed = (f64::from(m) / step).ceil() * step;
            Some(format!(
                "Azure bills consumption memory in {} MB steps: {} bills as {} MB",
                crate::format::count(step),
                shown(f64::from(m)),
                crate::format::count(billed)
            ))
        }
        ("execution.memory_mb", OptionId::AzureFlexConsumption) => size_at_least(
            book.azure_flex_consumption
                .instance_sizes
                .iter()
                .map(|s| s.memory_mb),
            m,
        )
        .map(|size| {
            format!(
                "Flex Consumption runs {} on its {size} MB instance size",
                shown(f64::from(m))
            )
        }),
        ("execution.memory_mb", OptionId::GcpCloudFunctions) => size_at_least(
            book.gcp_cloud_functions.memory_sizes.iter().map(|s| s.memory_mb),
            m,
        )
        .map(|size| {
            format!(
                "Cloud Run functions bills {} at its {size} MB memory tier",
                shown(f64::from(m))
            )
        }),
        (
            "execution.memory_mb",
            OptionId::AwsEc2 | OptionId::GcpComputeEngine | OptionId::AzureVm | OptionId::AwsFargate,
        ) => Some(format!(
            "at {} the fleet needs a larger instance or task size",
            shown(f64::from(m))
        )),
        (
            "traffic.monthly_requests",
            OptionId::AwsEc2 | OptionId::GcpComputeEngine | OptionId::AzureVm | OptionId::AwsFargate,
        ) => Some("the fleet needs one more instance in a busy hour".to_owned()),
        _ => None,
    };
    match step {
        Some(step) => format!("{step} ({bill})"),
        None => format!("{bill} there, a billing step rather than a change in the work"),
    }
}

/// The smallest of `sizes` (MB, ascending) that holds `mb`, written for reading.
fn size_at_least(mut sizes: impl Iterator<Item = u32>, mb: u32) -> Option<String> {
    sizes
        .find(|&s| s >= mb)
        .map(|s| crate::format::count(f64::from(s)))
}

//! The advice engine: turns a workload into a verdict with reasons, hard stops,
//! costs, the break-even point, cold starts, a pattern and the flip points.
//!
//! `assess` is pure and deterministic: the same workload, price book and
//! catalogue always give the same assessment.

mod blockers;
pub mod coldstart;
mod criteria;
pub mod explore;
pub mod flip;
mod limits;
pub mod migration;
mod pattern;
pub mod projection;
mod recommend;
pub mod requirements;
pub mod rules;
mod verdict;

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, PatternKind};
use crate::cost::{self, BreakEven, OptionCost, OptionId, OptionKind, Profile, Sweep};
use crate::format;
use crate::pricing::PriceBook;
use crate::workload::Workload;
pub use blockers::blockers;
pub use coldstart::ColdStart;
pub use flip::FlipPoint;
pub use limits::{duration_limit_s, guaranteed_duration_s, is_serverless_side, memory_limit_mb};
pub use pattern::{match_pattern, traits};
use recommend::recommend;
pub use requirements::{P99Fit, Pick, Remedy};
pub use rules::AdviceRules;
pub use verdict::{decide, hybrid_margin};

/// Version of the assessment's JSON form.
pub const SCHEMA_VERSION: u32 = 1;

/// The decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Functions and managed services.
    Serverless,
    /// Servers or containers.
    Traditional,
    /// Each part on the side it suits.
    Hybrid,
}

impl Verdict {
    /// Every verdict.
    pub const ALL: [Self; 3] = [Self::Serverless, Self::Traditional, Self::Hybrid];

    /// A short label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Serverless => "Serverless",
            Self::Traditional => "Servers / containers",
            Self::Hybrid => "Hybrid",
        }
    }

    /// The id as in the JSON report.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::Serverless => "serverless",
            Self::Traditional => "traditional",
            Self::Hybrid => "hybrid",
        }
    }

    /// The catalogue kind that goes with the verdict.
    #[must_use]
    pub fn pattern_kind(self) -> PatternKind {
        match self {
            Self::Serverless => PatternKind::Serverless,
            Self::Traditional => PatternKind::Traditional,
            Self::Hybrid => PatternKind::Hybrid,
        }
    }
}

/// Which side a criterion leans to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lean {
    /// Toward functions.
    Serverless,
    /// Toward servers and containers.
    Traditional,
    /// Neither.
    Neutral,
}

/// One scored reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable id, e.g. `cost`.
    pub id: Cow<'static, str>,
    /// Title.
    pub title: Cow<'static, str>,
    /// How much it counts (from the rules file).
    pub weight: f64,
    /// Which side it leans to.
    pub leans: Lean,
    /// How strongly, 0 to 10.
    pub points: f64,
    /// The lean as a number, -1 (servers) to +1 (serverless).
    pub lean: f64,
    /// One plain sentence that cites the numbers.
    pub reason: String,
}

/// A hard stop for one option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Blocker {
    /// What stops it: `gpu`, `custom_kernel`, `duration`, `memory`, `sub_millisecond`.
    pub id: Cow<'static, str>,
    /// The option that can't be used.
    pub option: OptionId,
    /// Why, with the numbers.
    pub reason: String,
    /// What to use instead.
    pub alternative: String,
}

/// The two sides' scores, 0 to 100 each.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// Weighted share of reasons for serverless.
    pub serverless: f64,
    /// Weighted share of reasons for servers and containers.
    pub traditional: f64,
}

/// The matching catalogue pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatternRef {
    /// Pattern id.
    pub id: String,
    /// Pattern name.
    pub name: String,
    /// Why it was chosen.
    pub why: String,
}

/// What to build, named by option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// The one recommended option: the option to build on (for a hybrid, the
    /// part that takes the entry point; for a close call, the side to start on).
    #[serde(default)]
    pub option: Option<OptionId>,
    /// For a close call, the other side's option to fall back to.
    #[serde(default)]
    pub fallback: Option<OptionId>,
    /// The ready instances the recommended option needs to meet the p99 target.
    #[serde(default)]
    pub ready_instances: Option<Remedy>,
    /// The stated requirements the recommended option misses, each with by how much.
    #[serde(default)]
    pub misses: Vec<String>,
    /// The cheapest serverless option on the provider that meets the requirements, when the verdict uses one.
    pub serverless_option: Option<OptionId>,
    /// The cheapest server or container option on the provider that meets the requirements, when the verdict uses one.
    pub traditional_option: Option<OptionId>,
    /// For a hybrid verdict, which part goes where.
    pub split: Option<String>,
    /// The recommendation in one or two sentences.
    pub text: String,
}

/// The price book the numbers came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceBookRef {
    /// Its title.
    pub title: String,
    /// Its date.
    pub compiled_on: String,
    /// The earliest date a source was read.
    pub sources_from: String,
    /// The latest date a source was read.
    pub sources_to: String,
}

/// Everything the engine concludes about one workload (the JSON report).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Version of this form, 1.
    pub schema_version: u32,
    /// The input with every default filled in.
    pub workload: Workload,
    /// The decision: the side to build on (for a close call, the side to start on).
    pub verdict: Verdict,
    /// The two sides score within the close-call margin: `verdict` is the side
    /// to start on and the other side's option is the fallback.
    #[serde(default)]
    pub close_call: bool,
    /// How sure, 0 to 1.
    pub confidence: f64,
    /// The one-line why.
    pub summary: String,
    /// Both sides' scores.
    pub scores: Scores,
    /// How the scores and the confidence come from the criteria, in words.
    #[serde(default)]
    pub scoring: String,
    /// Every criterion with its reason.
    pub criteria: Vec<Criterion>,
    /// Hard stops per option.
    pub blockers: Vec<Blocker>,
    /// The matching pattern.
    pub pattern: PatternRef,
    /// What to build.
    pub recommendation: Recommendation,
    /// Every option's monthly bill.
    pub costs: Vec<OptionCost>,
    /// Where functions and servers cost the same.
    pub break_even: BreakEven,
    /// Cold starts on the provider's functions.
    pub cold_start: ColdStart,
    /// The smallest change to one answer that flips the verdict.
    pub flip_points: Vec<FlipPoint>,
    /// The volume, the cheapest bills and the verdict over the next three
    /// years at the workload's growth; `None` when no growth is given.
    #[serde(default)]
    pub projection: Option<projection::Projection>,
    /// When the verdict would change on a step smaller than an answer's
    /// precision, what causes it (shown where the verdict is).
    #[serde(default)]
    pub stability: Option<String>,
    /// The week's traffic, hour by hour, as multiples of the mean.
    pub traffic_profile: Vec<f64>,
    /// Monthly cost of every option across volumes, for the plots.
    pub cost_curves: Sweep,
    /// The price book used.
    pub price_book: PriceBookRef,
    /// Assumptions worth reading before trusting the numbers.
    pub assumptions: Vec<String>,
    /// What every bill leaves out on purpose, because it costs the same
    /// whichever side runs the code.
    #[serde(default)]
    pub left_out: Vec<String>,
    /// Moving against staying, when the workload runs somewhere today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration: Option<migration::MigrationAdvice>,
    /// The curves and break-even with each option's people's time added,
    /// when an engineer-day cost is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_operations: Option<WithOperations>,
}

/// The cost curves and the break-even with people's time beside the cloud bill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WithOperations {
    /// Each option's curve with its operations time added.
    pub cost_curves: Sweep,
    /// Where functions and servers cost the same with people's time.
    pub break_even: BreakEven,
}

/// The built-in rules, parsed once.
///
/// # Panics
/// Never in a tested build: the embedded file is checked by the test suite.
#[must_use]
pub fn built_in_rules() -> &'static AdviceRules {
    static RULES: OnceLock<AdviceRules> = OnceLock::new();
    RULES.get_or_init(|| {
        #[allow(clippy::expect_used)] // The embedded rules are validated by tests/advice.rs.
        AdviceRules::built_in().expect("the built-in assets/advice.ron is valid")
    })
}

/// Assesses a workload with the built-in rules.
#[must_use]
pub fn assess(workload: &Workload, book: &PriceBook, catalogue: &Catalogue) -> Assessment {
    assess_with(workload, book, catalogue, built_in_rules())
}

/// The part of the assessment the verdict depends on; cheap enough to repeat
/// in the flip-point search when `detailed` is false (no sentences are written).
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The verdict.
    pub verdict: Verdict,
    /// Whether the scores are within the close-call margin.
    pub close_call: bool,
    /// Its confidence.
    pub confidence: f64,
    /// Scores.
    pub scores: Scores,
    /// Criteria (reasons empty unless detailed).
    pub criteria: Vec<Criterion>,
    /// Blockers (texts empty unless detailed).
    pub blockers: Vec<Blocker>,
    /// For a hybrid by parts, the split.
    pub split: Option<String>,
    /// Moving against staying, when the workload runs somewhere today.
    pub migration: Option<migration::MigrationAdvice>,
    /// Whether only the longest jobs rule the provider's function out (a hybrid by parts).
    pub long_tail: bool,
    /// The cheapest serverless option that meets the stated requirements.
    pub serverless_pick: Option<Pick>,
    /// The cheapest server or container option that meets them.
    pub traditional_pick: Option<Pick>,
    /// The criterion that decided the side outright (`latency` for a
    /// requirement only one side meets, `cost` for a side several times dearer).
    pub decided_by: Option<&'static str>,
    /// Positive toward serverless, negative toward servers, zero where the
    /// sides swap: the score lead, bounded by the cost ratio's distance from
    /// deciding the side (continuous, so the flip search can interpolate it).
    pub steer: f64,
    /// For a split by parts: positive while it holds, zero where the cost
    /// ratio would decide for the servers.
    pub split_steer: f64,
    /// The one-line why (empty unless detailed).
    pub summary: String,
}

impl Decision {
    /// The serverless option that would carry the work (the one the cold
    /// starts are estimated on): the serverless pick, the function itself for
    /// a long tail; `None` when hard stops leave none.
    #[must_use]
    pub fn carrier(&self) -> Option<OptionId> {
        self.serverless_pick.as_ref().map(|p| p.option)
    }
}

/// How the scores and the confidence shown come from the criteria: the same
/// figures, in the words the window's tooltip and every report use.
#[must_use]
pub fn scoring_note(decision: &Decision, rules: &AdviceRules) -> String {
    let total: f64 = decision.criteria.iter().map(|k| k.weight).sum();
    let s = decision.scores;
    let lead = (s.serverless - s.traditional).abs();
    let margin = hybrid_margin(rules, s);
    let how = format!(
        "Each criterion adds its weight x its strength (0 to 10 points, as a share of 10) to the side it leans to; a side's score is 100 x that sum / the total weight of {}: serverless {}, servers {} out of 100.",
        format::weight(total),
        format::points(s.serverless),
        format::points(s.traditional)
    );
    let confidence = if decision.verdict == Verdict::Hybrid {
        format!(
            "Confidence {} is fixed for a split by parts: which part goes where follows from a limit or the connections, not from the scores.",
            format::confidence(decision.confidence)
        )
    } else if decision.serverless_pick.is_none()
        && decision.verdict == Verdict::Traditional
        && decision.blockers.iter().any(|b| is_serverless_side(b.option))
        && (decision.confidence - 0.9).abs() < 1e-9
    {
        format!(
            "Confidence {} is fixed: hard stops rule out every serverless option, so no score could turn the verdict.",
            format::confidence(decision.confidence)
        )
    } else {
        let close = if decision.close_call {
            format!(
                " The lead is under the close-call margin of {} points (the smaller of {} points and {} of the leading score), so this is a close call: start on the leading side and keep the other as the fallback.",
                format::points(margin),
                format::points(rules.thresholds.hybrid_margin_points),
                format::percent(rules.thresholds.hybrid_margin_share)
            )
        } else {
            String::new()
        };
        format!(
            "Confidence {} = 50% + the {}-point lead / 80, at most 95%: it grows with the lead, and says how far the answers would have to move, not how likely the costs are.{close}",
            format::confidence(decision.confidence),
            format::points(lead)
        )
    };
    format!("{how} {confidence}")
}

/// The full assessment with explicit rules.
#[must_use]
pub fn assess_with(
    workload: &Workload,
    book: &PriceBook,
    catalogue: &Catalogue,
    rules: &AdviceRules,
) -> Assessment {
    let profile = Profile::new(workload.traffic.shape, workload.peak_to_average());
    let decision = decide(workload, book, rules, &profile, true);
    let (flip_points, volume_up) = flip::flip_search_on(workload, book, rules, decision.verdict, &profile);
    let mut costs = cost::all_costs(workload, book, &profile);
    let day = workload.migration.engineer_day_usd;
    if day > 0.0 {
        let ops = &rules.operations;
        for c in &mut costs {
            let usd = ops.usd(c.kind, day);
            c.operations_usd = Some(usd);
            c.breakdown.push(cost::LineItem {
                item: "operations".into(),
                usd,
                detail: format!(
                    "people's time, beside the cloud bill: {} engineer-hours a month at {} a day of {} hours ({})",
                    ops.hours(c.kind),
                    format::usd_whole(day),
                    ops.hours_per_day,
                    ops.basis(c.kind)
                ),
            });
        }
    }
    let blocked = |o: &OptionId| decision.blockers.iter().any(|b| b.option == *o);
    let provider_options = OptionId::ALL
        .into_iter()
        .filter(|o| o.provider() == workload.provider);
    let functions: Vec<OptionId> = provider_options
        .clone()
        .filter(|o| o.kind() == OptionKind::Function)
        .collect();
    // The cheapest usable function; when hard stops rule out every function,
    // the serverless container that remains (Cloud Run); failing both, all functions.
    let usable: Vec<OptionId> = functions.iter().copied().filter(|o| !blocked(o)).collect();
    let usable_serverless: Vec<OptionId> = provider_options
        .clone()
        .filter(|o| is_serverless_side(*o) && !blocked(o))
        .collect();
    // With none left there is nothing to break even with: no function line.
    let functions = if usable.is_empty() {
        usable_serverless
    } else {
        usable
    };
    let servers: Vec<OptionId> = [OptionId::server_of(workload.provider)]
        .into_iter()
        .filter(|o| !blocked(o))
        .collect();
    // The curves are the chosen cloud's options (the cost table holds every
    // cloud's); a hard stop takes an option off them, so no crossing or
    // cheapest claim rests on an option that cannot run the work.
    let plotted: Vec<OptionId> = OptionId::ALL
        .into_iter()
        .filter(|o| o.provider() == workload.provider && !blocked(o))
        .collect();
    let cost_curves = cost::sweep(workload, book, &profile, &plotted);
    let break_even = cost::break_even_on(&cost_curves, workload, book, &profile, &functions, &servers)
        .unwrap_or(BreakEven {
            monthly_requests: None,
            function_option: OptionId::function_of(workload.provider),
            server_option: OptionId::server_of(workload.provider),
        });
    let with_operations = (day > 0.0).then(|| {
        let ops = |o: OptionId| rules.operations.usd(o.kind(), day);
        let curves = Sweep {
            monthly_requests: cost_curves.monthly_requests.clone(),
            curves: cost_curves
                .curves
                .iter()
                .map(|(o, ys)| (*o, ys.iter().map(|y| y + ops(*o)).collect()))
                .collect(),
        };
        let break_even = cost::break_even_with(&curves, workload, book, &profile, &functions, &servers, &ops)
            .unwrap_or(BreakEven {
                monthly_requests: None,
                function_option: break_even.function_option,
                server_option: break_even.server_option,
            });
        WithOperations {
            cost_curves: curves,
            break_even,
        }
    });
    let cold_start = coldstart::estimate_on(
        decision
            .carrier()
            .unwrap_or_else(|| OptionId::function_of(workload.provider)),
        workload,
        book,
        &profile,
    );
    let recommendation = recommend(workload, &decision, &costs, &cold_start);
    let traits = traits(workload, book, &profile);
    let pattern = match_pattern(
        workload,
        decision.verdict,
        &traits,
        catalogue,
        recommendation.option,
    )
    .unwrap_or(PatternRef {
        id: String::new(),
        name: "No pattern in the catalogue".into(),
        why: "The catalogue is empty.".into(),
    });
    // A missed requirement leads the headline.
    let summary = match recommendation.misses.first() {
        Some(miss) => format!("Misses the {miss}. {}", decision.summary),
        None => decision.summary.clone(),
    };
    // The projection compares the two sides the verdict weighs: every usable
    // option of each on the chosen cloud.
    let blocked = |o: &OptionId| decision.blockers.iter().any(|b| b.option == *o);
    let (serverless_side, traditional_side): (Vec<OptionId>, Vec<OptionId>) = OptionId::ALL
        .into_iter()
        .filter(|o| o.provider() == workload.provider)
        .filter(|o| !blocked(o))
        .partition(|o| is_serverless_side(*o));
    let projection = projection::project(
        workload,
        book,
        &profile,
        &serverless_side,
        &traditional_side,
        &costs,
        volume_up,
    );
    // The book's title as the chosen cloud's reports give it.
    let (sources_from, sources_to) = book.read_range();
    let book_title = book.title_on(workload.provider);
    let mut assumptions = vec![
        format!(
            "Prices are list prices from \"{}\" (compiled {}), {} hours a month, in {}.",
            book_title, book.compiled_on, book.hours_per_month, book.currency
        ),
        format!(
            "The week's traffic follows the {} shape with its busiest hour at {:.1}x the average.",
            workload.traffic.shape.label().to_lowercase(),
            profile.peak
        ),
        book.assumptions.io_bound_note.clone(),
        book.assumptions.load_balancer_note.clone(),
        "Cold starts are estimated from published median cold starts by runtime and memory, the same on every cloud; keep-warm times and warm overheads are per cloud.".to_owned(),
    ];
    assumptions.extend(crate::cost::purchase_assumptions(workload, book));
    if profile.capped {
        assumptions.push(format!(
            "A peak of {:.0}x the average can't be drawn in an hourly week; the profile uses {:.0}x.",
            workload.peak_to_average(),
            profile.peak
        ));
    }
    Assessment {
        schema_version: SCHEMA_VERSION,
        workload: workload.clone(),
        verdict: decision.verdict,
        close_call: decision.close_call,
        confidence: decision.confidence,
        summary,
        scoring: scoring_note(&decision, rules),
        scores: decision.scores,
        criteria: decision.criteria.clone(),
        blockers: decision.blockers.clone(),
        pattern,
        recommendation,
        costs,
        break_even,
        cold_start,
        projection,
        stability: flip_points.iter().find_map(|f| {
            f.because.as_ref().map(|because| {
                format!(
                    "This verdict sits on a step finer than the answer: {} from {} to {} makes it {} ({because}).",
                    f.label,
                    format::answer_fine(&f.answer, f.current),
                    format::answer_fine(&f.answer, f.value),
                    f.verdict.label()
                )
            })
        }),
        flip_points,
        traffic_profile: profile.hourly.to_vec(),
        cost_curves,
        price_book: PriceBookRef {
            title: book_title,
            compiled_on: book.compiled_on.clone(),
            sources_from,
            sources_to,
        },
        assumptions,
        left_out: crate::cost::whole_bill::left_out_on_purpose(workload),
        migration: decision.migration.clone(),
        with_operations,
    }
}

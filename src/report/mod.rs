//! Report writers: JSON (the report contract in the README), a Markdown decision record
//! (MADR) and a self-contained HTML page with inline SVG charts, all built
//! from one [`Report`] model of an [`Assessment`]. Output is deterministic: no
//! timestamps, maps in sorted order, so reports diff cleanly.

mod html;
mod markdown;
pub mod svg;

use std::fmt::Write as _;

use serde::Serialize;

use crate::advice::{Assessment, Blocker, Criterion, Verdict, is_serverless_side};
use crate::catalogue::{Catalogue, Layout, Pattern, layout_to_fit};
use crate::cost::{OptionCost, OptionId};
use crate::format;
use crate::pricing::{PriceBook, Source};
use crate::workload::Trigger;

pub use html::to_html_report;
pub use markdown::to_markdown_report;

/// The report as pretty JSON, schema version 1.
///
/// # Errors
/// Only if a number can't be written, which validation rules out.
pub fn to_json(assessment: &Assessment) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(assessment)?;
    text.push('\n');
    Ok(text)
}

/// The Markdown decision record of an assessment.
#[must_use]
pub fn to_markdown(assessment: &Assessment, catalogue: &Catalogue, book: &PriceBook) -> String {
    to_markdown_report(&Report::new(assessment, catalogue, book))
}

/// The self-contained HTML report of an assessment.
#[must_use]
pub fn to_html(assessment: &Assessment, catalogue: &Catalogue, book: &PriceBook) -> String {
    to_html_report(&Report::new(assessment, catalogue, book))
}

/// User text without the characters that change how the text around it is
/// shown: bidirectional embeddings, overrides and isolates (which can make a
/// line of a report read backwards, as in "Trojan Source") and control
/// characters other than line breaks and tabs. Used by the HTML and SVG
/// writers; the Markdown escape drops the same characters. JSON keeps the text
/// exactly as given: it is data, not a page.
#[must_use]
pub fn displayable(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            || (c.is_control() && !matches!(c, '\n' | '\t'))
    };
    if text.chars().any(hidden) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !hidden(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Where the reports send a reader for the other clouds' prices: a record
/// speaks of the chosen cloud only.
pub const OTHER_CLOUDS: &str = "Only this cloud's options are listed: the window's cost table and the JSON report's costs price the same workload on the other two clouds, and setting the workload's cloud to one of them gives its own advice.";

/// The bills of the workload's own cloud, in the assessment's order: what
/// every report speaks of.
fn own_costs(a: &Assessment) -> impl Iterator<Item = &OptionCost> {
    a.costs
        .iter()
        .filter(|c| c.option.provider() == a.workload.provider)
}

/// An option's part in the recommendation, as every screen and report names
/// it: `recommended` (exactly one option), `fallback` (a close call's other
/// side), `second part` (a hybrid's other part); `None` for the rest.
#[must_use]
pub fn option_role(a: &Assessment, option: OptionId) -> Option<&'static str> {
    let rec = &a.recommendation;
    if rec.option == Some(option) {
        Some("recommended")
    } else if rec.fallback == Some(option) {
        Some("fallback")
    } else if a.verdict == crate::advice::Verdict::Hybrid
        && (rec.serverless_option == Some(option) || rec.traditional_option == Some(option))
    {
        Some("second part")
    } else {
        None
    }
}

/// Every option's bill in the order the window's cost table and the reports
/// list them: the workload's cloud first, cheapest first, then the other clouds.
#[must_use]
pub fn cost_order(a: &Assessment) -> Vec<&OptionCost> {
    let mut costs: Vec<&OptionCost> = a.costs.iter().collect();
    costs.sort_by(|x, y| {
        let away = |c: &OptionCost| c.option.provider() != a.workload.provider;
        away(x)
            .cmp(&away(y))
            .then(x.monthly_usd.total_cmp(&y.monthly_usd))
    });
    costs
}

/// The verdict as plain text, as the window shows it, for the clipboard: the
/// verdict (and a close call), confidence and scores, the one-line why and
/// what to build.
#[must_use]
pub fn verdict_text(a: &Assessment) -> String {
    let mut s = format!("{}: {}", a.workload.name, a.verdict.label());
    if a.close_call {
        s.push_str(" (close call)");
    }
    let _ = write!(
        s,
        "\n{} confidence; scores out of 100: serverless {}, servers {}\n{}\n",
        format::confidence(a.confidence),
        format::points(a.scores.serverless),
        format::points(a.scores.traditional),
        a.summary
    );
    if let Some(step) = &a.stability {
        let _ = writeln!(s, "{step}");
    }
    let _ = writeln!(s, "{}", a.recommendation.text);
    if let Some(split) = &a.recommendation.split
        && split != &a.summary
    {
        let _ = writeln!(s, "{split}");
    }
    s
}

/// The cost table as tab-separated text, for the clipboard: a header row,
/// then each option in [`cost_order`], amounts as plain numbers (so a
/// spreadsheet takes them as numbers) and the breakdown in words.
#[must_use]
pub fn cost_table_text(a: &Assessment) -> String {
    let people = a.costs.iter().any(|c| c.operations_usd.is_some());
    let clean = |t: &str| t.replace(['\t', '\n', '\r'], " ");
    let mut s = String::from("Option\tCloud\tKind\tUSD a month");
    if people {
        s.push_str("\tWith people's time");
    }
    s.push_str("\tRole\tBreakdown\n");
    for c in cost_order(a) {
        let blocked = a.blockers.iter().any(|b| b.option == c.option);
        let role = option_role(a, c.option).unwrap_or(if blocked { "blocked" } else { "" });
        let _ = write!(
            s,
            "{}\t{}\t{}\t{:.2}",
            c.option.label(),
            c.option.provider().label(),
            c.kind.label(),
            c.monthly_usd
        );
        if people {
            match c.with_operations_usd() {
                Some(usd) => {
                    let _ = write!(s, "\t{usd:.2}");
                }
                None => s.push('\t'),
            }
        }
        let items: Vec<String> = c
            .breakdown
            .iter()
            .map(|l| format!("{} {}", l.item, format::usd(l.usd)))
            .collect();
        let _ = writeln!(s, "\t{role}\t{}", clean(&items.join("; ")));
    }
    s
}

/// Today's date in UTC, `YYYY-MM-DD`, for the decision record; with
/// `SOURCE_DATE_EPOCH` set (seconds since 1970, the reproducible-builds
/// convention), that day instead.
#[must_use]
pub fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    civil_date(seconds.div_euclid(86_400))
}

/// The calendar date `days` after 1970-01-01 (proleptic Gregorian), as
/// `YYYY-MM-DD` (H. Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The lines the chosen cloud's bills cannot price, each once, with the
/// options it applies to ("every option" when it is all of them).
#[must_use]
pub fn not_counted(a: &Assessment) -> Vec<String> {
    let on_cloud: Vec<&OptionCost> = own_costs(a).collect();
    let mut texts: Vec<(&str, Vec<OptionId>)> = Vec::new();
    for c in &on_cloud {
        for t in &c.not_counted {
            match texts.iter_mut().find(|(x, _)| x == t) {
                Some((_, options)) => options.push(c.option),
                None => texts.push((t.as_str(), vec![c.option])),
            }
        }
    }
    texts
        .into_iter()
        .map(|(t, options)| {
            let t = t.trim_end_matches('.');
            if options.len() == on_cloud.len() {
                format!("{t} (every option).")
            } else {
                let names: Vec<&str> = options.iter().map(|o| o.label()).collect();
                format!("{t} ({}).", names.join(", "))
            }
        })
        .collect()
}

/// The commitments the chosen cloud's bills buy, one sentence each: what is
/// committed a month, what it covers, the term's total, and what it costs if
/// traffic falls below the baseline.
#[must_use]
pub fn commitments(a: &Assessment) -> Vec<String> {
    own_costs(a)
        .filter_map(|c| {
            let b = c.commitment.as_ref()?;
            Some(format!(
                "{}: {}, no upfront, {} a month committed for {} a month of on-demand use (the steady baseline), saving {} a month; {} over the term, owed even if traffic falls below the baseline.",
                c.option.label(),
                b.plan,
                format::usd(b.monthly_usd),
                format::usd(b.covers_usd),
                format::usd(b.saving_usd),
                format::usd_whole(b.term_usd)
            ))
        })
        .collect()
}

/// The break-even with people's time, when an engineer-day cost is given.
#[must_use]
pub fn people_break_even_sentence(a: &Assessment) -> Option<String> {
    let w = a.with_operations.as_ref()?;
    let be = &w.break_even;
    Some(match be.monthly_requests {
        Some(v) => format!(
            "With people's time ({} an engineer-day): {} and {} cost the same at {} requests a month.",
            format::usd_whole(a.workload.migration.engineer_day_usd),
            be.function_option.label(),
            be.server_option.label(),
            format::short_count(v)
        ),
        None => format!(
            "With people's time ({} an engineer-day), {} and {} never cost the same between {} and {} requests a month.",
            format::usd_whole(a.workload.migration.engineer_day_usd),
            be.function_option.label(),
            be.server_option.label(),
            format::short_count(crate::cost::SWEEP_MIN_REQUESTS),
            format::short_count(crate::cost::SWEEP_MAX_REQUESTS)
        ),
    })
}

/// People's time beside the cloud bill, one sentence per option of the chosen cloud.
#[must_use]
pub fn with_people(a: &Assessment) -> Vec<String> {
    own_costs(a)
        .filter_map(|c| {
            let (ops, with) = (c.operations_usd?, c.with_operations_usd()?);
            Some(format!(
                "{}: {} cloud + {} people's time = {} a month.",
                c.option.label(),
                format::usd(c.monthly_usd),
                format::usd(ops),
                format::usd(with)
            ))
        })
        .collect()
}

/// One option as the report presents it.
#[derive(Debug, Clone)]
pub struct OptionView<'a> {
    /// Its bill.
    pub cost: &'a OptionCost,
    /// Its hard stops.
    pub blockers: Vec<&'a Blocker>,
    /// Reasons for it.
    pub pros: Vec<String>,
    /// Reasons against it.
    pub cons: Vec<String>,
    /// Whether it is the one recommended option.
    pub chosen: bool,
    /// Its part in the recommendation: `recommended`, `fallback` (a close
    /// call's other side) or `second part` (a hybrid's other part).
    pub role: Option<&'static str>,
}

impl OptionView<'_> {
    /// How its hard stops read next to its name: a chosen option with a hard
    /// stop is the function of a long-tail hybrid, which keeps the usual requests.
    #[must_use]
    pub fn limit_note(&self) -> Option<&'static str> {
        match (self.blockers.is_empty(), self.chosen) {
            (true, _) => None,
            (false, true) => Some("usual requests only"),
            (false, false) => Some("blocked"),
        }
    }
}

/// Everything a report says, worked out once for every format.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    /// The assessment.
    pub assessment: &'a Assessment,
    /// The matched pattern in the workload's cloud's words, if the catalogue has it.
    pub pattern: Option<Pattern>,
    /// Its diagram.
    pub layout: Option<Layout>,
    /// Title of the record.
    pub title: String,
    /// The workload described in plain words.
    pub context: Vec<String>,
    /// The question decided.
    pub question: String,
    /// Criteria, strongest first.
    pub drivers: Vec<&'a Criterion>,
    /// The chosen cloud's hard stops.
    pub hard_stops: Vec<&'a Blocker>,
    /// The chosen cloud's options, cheapest first.
    pub options: Vec<OptionView<'a>>,
    /// Good consequences of the decision.
    pub good: Vec<String>,
    /// Bad consequences of the decision.
    pub bad: Vec<String>,
    /// When to revisit the decision.
    pub revisit: Vec<String>,
    /// The sources the chosen cloud's prices and the shared facts came from, by id.
    pub sources: Vec<(&'a str, &'a Source)>,
    /// The earliest and latest days those sources were read.
    pub sources_read: (String, String),
    /// The day the record is written, `YYYY-MM-DD`.
    pub date: String,
}

fn strength(c: &Criterion) -> f64 {
    c.weight * c.lean.abs()
}

impl<'a> Report<'a> {
    /// Builds the model.
    #[must_use]
    pub fn new(a: &'a Assessment, catalogue: &'a Catalogue, book: &'a PriceBook) -> Self {
        let w = &a.workload;
        let pattern = catalogue.get(&a.pattern.id).map(|p| p.on(w.provider));
        let mut drivers: Vec<&Criterion> = a.criteria.iter().collect();
        drivers.sort_by(|x, y| strength(y).total_cmp(&strength(x)).then(x.id.cmp(&y.id)));

        let triggers: Vec<&str> = w.triggers.iter().map(|t| t.label()).collect();
        let mut context = Vec::new();
        if !w.description.trim().is_empty() {
            context.push(w.description.trim().to_owned());
        }
        context.push(format!(
            "It handles {} requests a month with a {} traffic shape (busiest hour {:.1}x the average{}). A request averages {} (p99 {}, longest job {}) with {} MB of memory on {} ({}), {}.",
            format::short_count(w.traffic.monthly_requests),
            w.traffic.shape.label().to_lowercase(),
            w.peak_to_average(),
            if w.traffic.growth_per_month == 0.0 {
                String::new()
            } else {
                format!(", growing {} a month", format::percent(w.traffic.growth_per_month))
            },
            format::duration_ms(w.execution.avg_duration_ms),
            format::duration_ms(w.execution.p99_duration_ms),
            format::duration_ms(w.execution.max_duration_s * 1000.0),
            w.execution.memory_mb,
            match w.execution.runtime {
                crate::workload::Runtime::Container => "a container image",
                other => other.label(),
            },
            w.execution.architecture.label_on(w.provider),
            if w.execution.cpu_bound { "CPU-bound" } else { "mostly waiting on I/O" },
        ));
        context.push(format!(
            "Work starts from {}; state: {}; hardware: {}. Users need a p99 of {}{}. The team's capacity to run servers is {}, the product is at the {} stage, and tolerance for provider lock-in is {}.",
            if triggers.is_empty() { "no named trigger".to_owned() } else { triggers.join(", ") },
            w.state.label().to_lowercase(),
            w.hardware.label(),
            format::duration_ms(w.latency.p99_target_ms),
            if w.latency.cold_start_tolerant { " and accept an occasional slow start" } else { " and do not accept slow starts" },
            w.team.ops_capacity.label().to_lowercase(),
            w.team.stage.label(),
            w.team.lock_in_tolerance.label().to_lowercase(),
        ));
        let question = format!(
            "Should \"{}\" run on {} serverless functions, or on servers and containers?",
            w.name,
            w.provider.label()
        );

        let rec = &a.recommendation;
        let chosen = |o: OptionId| rec.option == Some(o);
        let blocked = |o: OptionId| a.blockers.iter().any(|b| b.option == o);
        // The cheapest option that can run the work: a ruled-out one is no benchmark.
        let provider_cheapest = own_costs(a)
            .filter(|c| !blocked(c.option))
            .map(|c| c.monthly_usd)
            .fold(f64::INFINITY, f64::min);
        // The record is about the chosen cloud: its options only (the window's
        // cost table and the JSON's `costs` price the other clouds too).
        let mut options: Vec<OptionView> = own_costs(a)
            .map(|cost| {
                let blockers: Vec<&Blocker> = a.blockers.iter().filter(|b| b.option == cost.option).collect();
                let (pros, cons) = pros_and_cons(a, cost, &blockers, provider_cheapest);
                OptionView {
                    cost,
                    blockers,
                    pros,
                    cons,
                    chosen: chosen(cost.option),
                    role: option_role(a, cost.option),
                }
            })
            .collect();
        options.sort_by(|x, y| {
            let home = |v: &OptionView| v.cost.option.provider() != w.provider;
            home(x)
                .cmp(&home(y))
                .then(x.cost.monthly_usd.total_cmp(&y.cost.monthly_usd))
                .then(x.cost.option.cmp(&y.cost.option))
        });

        let mut good: Vec<String> = Vec::new();
        let mut bad: Vec<String> = Vec::new();
        let strongest = |sign: f64, n: usize| -> Vec<String> {
            drivers
                .iter()
                .filter(|c| c.lean * sign > 0.05)
                .take(n)
                .map(|c| c.reason.clone())
                .collect()
        };
        match a.verdict {
            Verdict::Serverless => {
                good = strongest(1.0, 4);
                bad = strongest(-1.0, 3);
            }
            Verdict::Traditional => {
                good = strongest(-1.0, 4);
                bad = strongest(1.0, 3);
            }
            Verdict::Hybrid => {}
        }
        if let Some(m) = &a.migration {
            let here = crate::advice::migration::side_of(m.current);
            let moving = here.is_some_and(|h| h != a.verdict);
            let figures = format!(
                "The move costs {} once ({} engineer-days at {} a day); {}.",
                format::usd_whole(m.one_off_usd),
                a.workload.migration.effort_days,
                format::usd_whole(a.workload.migration.engineer_day_usd),
                match m.payback_months {
                    Some(p) => format!(
                        "it saves {} a month, so it pays back in {:.1} months (horizon {} months)",
                        format::usd(m.monthly_saving_usd),
                        p,
                        m.horizon_months
                    ),
                    None => format!(
                        "staying is {} a month cheaper, so it never pays back",
                        format::usd(-m.monthly_saving_usd)
                    ),
                }
            );
            // The move's reason is already a consequence where its criterion decided the side.
            let said = good.iter().any(|g| g.starts_with(m.reason.as_str()));
            if moving {
                good.insert(0, m.reason.clone());
                bad.insert(0, figures);
            } else {
                if !said {
                    good.insert(0, m.reason.clone());
                }
                // Staying forgoes a saving the move would bring, if there is one.
                if m.monthly_saving_usd > 0.0 {
                    bad.insert(0, figures);
                } else {
                    good.push(figures);
                }
            }
        }
        if a.close_call {
            bad.push("Neither side wins clearly: expect to revisit the choice when volume or shape moves, and keep the fallback in mind.".to_owned());
        }
        match a.verdict {
            Verdict::Serverless | Verdict::Traditional => {}
            Verdict::Hybrid => {
                // A close call with one way in has no parts, only a side to start on.
                // (A long tail is two parts even with one trigger: its function is
                // recommended for the usual requests though the longest jobs rule it out.)
                let long_tail = a
                    .recommendation
                    .serverless_option
                    .is_some_and(|o| a.blockers.iter().any(|b| b.option == o));
                let one_part = a.workload.triggers.len() <= 1 && !long_tail;
                if let Some(split) = &a.recommendation.split {
                    if one_part {
                        good.push(format!(
                            "Either side can carry it, so the choice stays open. {split}"
                        ));
                    } else {
                        good.push(format!("Each part runs where it fits. {split}"));
                    }
                }
                good.extend(
                    strongest(1.0, 1)
                        .into_iter()
                        .map(|r| format!("For the functions: {r}")),
                );
                good.extend(
                    strongest(-1.0, 1)
                        .into_iter()
                        .map(|r| format!("For the servers: {r}")),
                );
                bad.push(if one_part {
                    "Neither side wins clearly: expect to revisit the choice when volume or shape moves.".to_owned()
                } else {
                    "Two hosting models mean two deployment paths, two sets of dashboards and a boundary to keep clean.".to_owned()
                });
            }
        }
        let cs = &a.cold_start;
        if a.verdict != Verdict::Traditional && !cs.meets_p99_target {
            let cold_matters = cs.fraction_of_requests > book.assumptions.cold_share_in_p99;
            bad.push(if cold_matters {
                format!(
                    "Cold starts push the p99 to about {}; keeping instances warm to remove them costs about {} a month more.",
                    format::duration_ms(cs.p99_latency_ms),
                    format::usd(cs.provisioned_concurrency_usd)
                )
            } else {
                format!(
                    "Even warm, {} puts the p99 at about {}, past the {} target; kept-warm instances would not fix that.",
                    cs.option.label(),
                    format::duration_ms(cs.p99_latency_ms),
                    format::duration_ms(a.workload.latency.p99_target_ms)
                )
            });
        }
        let revisit = a
            .flip_points
            .iter()
            .map(|f| {
                let mut line = format!(
                    "{}: from {} to {} turns the verdict to {}.",
                    f.label,
                    show_answer(&f.answer, f.current),
                    show_answer(&f.answer, f.value),
                    f.verdict.label().to_lowercase()
                );
                if let Some(because) = &f.because {
                    let _ = std::fmt::Write::write_fmt(
                        &mut line,
                        format_args!(" Finer than the answer's precision: {because}."),
                    );
                }
                line
            })
            .collect();

        let sources: Vec<(&str, &Source)> = book
            .sources_on(w.provider)
            .into_iter()
            .filter_map(|id| book.sources.get_key_value(id).map(|(k, v)| (k.as_str(), v)))
            .collect();

        let sources_read = crate::pricing::read_range_of(sources.iter().map(|(_, s)| *s));
        Report {
            assessment: a,
            sources_read,
            layout: pattern.as_ref().map(|p| layout_to_fit(p, svg::PRINT_WIDTH)),
            pattern,
            title: format!("Serverless or servers for \"{}\"", w.name),
            context,
            question,
            drivers,
            hard_stops: a
                .blockers
                .iter()
                .filter(|b| b.option.provider() == w.provider)
                .collect(),
            options,
            good,
            bad,
            revisit,
            sources,
            date: today(),
        }
    }

    /// The pattern's flow as "A -> B (label)" lines.
    #[must_use]
    pub fn flow(&self) -> Vec<String> {
        let Some(p) = &self.pattern else { return Vec::new() };
        p.edges
            .iter()
            .map(|e| {
                let name = |id: &str| {
                    p.node(id).map_or(id.to_owned(), |n| match &n.service.aws {
                        Some(product) => format!("{} ({product})", n.label),
                        None => n.label.clone(),
                    })
                };
                format!(
                    "{} -> {}{}: {}",
                    name(&e.from),
                    name(&e.to),
                    if e.back { " (back)" } else { "" },
                    e.label
                )
            })
            .collect()
    }
}

fn instances(n: u32) -> String {
    if n == 1 {
        "1 instance".to_owned()
    } else {
        format!("{n} instances")
    }
}

/// The cold-start finding in one plain sentence (the window and every writer
/// show the same words; each writer escapes them for its format).
#[must_use]
pub fn cold_start_sentence(a: &Assessment) -> String {
    cold_start_text(a, true)
}

/// [`cold_start_sentence`] with the remedy's first clause only (the window
/// shows the rest, [`cold_start_more`], on hover: Lambda's SnapStart note
/// is the longest part of the finding).
#[must_use]
pub fn cold_start_short(a: &Assessment) -> String {
    cold_start_text(a, false)
}

/// What [`cold_start_short`] leaves out of the remedy, if anything.
#[must_use]
pub fn cold_start_more(a: &Assessment) -> Option<&str> {
    let (_, rest) = a.cold_start.remedy.split_once("; ")?;
    cold_starts_apply(a).then_some(rest)
}

/// Whether the cold-start finding is about the option's cold starts: not
/// when a hard stop rules the option out and nothing recommends it.
fn cold_starts_apply(a: &Assessment) -> bool {
    let cs = &a.cold_start;
    !a.blockers.iter().any(|b| b.option == cs.option) || a.recommendation.serverless_option == Some(cs.option)
}

fn cold_start_text(a: &Assessment, whole: bool) -> String {
    let cs = &a.cold_start;
    let remedy = if whole {
        cs.remedy.as_str()
    } else {
        cs.remedy
            .split_once("; ")
            .map_or(cs.remedy.as_str(), |(first, _)| first)
    };
    let how = |open: &str, close: &str| format!("{open}{remedy}{close}");
    if !cold_starts_apply(a) {
        return format!(
            "Cold starts do not apply: {} and every other serverless option on {} are ruled out by a hard stop.",
            cs.option.label(),
            a.workload.provider.label()
        );
    }
    let target = format!(
        "the estimated p99 is {} against a {} target ({})",
        format::duration_ms(cs.p99_latency_ms),
        format::duration_ms(a.workload.latency.p99_target_ms),
        if cs.meets_p99_target { "met" } else { "missed" }
    );
    if cs.fraction_of_requests <= 0.0 && cs.provisioned_instances == 0 {
        return format!(
            "On {}: no request is expected to start cold, and {target}.{}",
            cs.option.label(),
            // A sentence of its own here: capitalized.
            {
                let mut chars = remedy.chars();
                chars.next().map_or_else(String::new, |c| {
                    format!(" {}{}.", c.to_uppercase(), chars.as_str())
                })
            }
        );
    }
    if cs.provisioned_concurrency_usd < 0.005 {
        return format!(
            "On {}: {} of requests start cold and add about {} each, and {target}. Removing cold starts adds nothing to the bill: at this load {} kept warm cost no more than the requests do now{}.",
            cs.option.label(),
            format::percent(cs.fraction_of_requests),
            format::duration_ms(cs.added_latency_ms),
            instances(cs.provisioned_instances),
            how(" (", ")")
        );
    }
    format!(
        "On {}: {} of requests start cold and add about {} each, and {target}. Removing cold starts costs about {} a month more ({} kept warm{}).",
        cs.option.label(),
        format::percent(cs.fraction_of_requests),
        format::duration_ms(cs.added_latency_ms),
        format::usd(cs.provisioned_concurrency_usd),
        instances(cs.provisioned_instances),
        how("; ", "")
    )
}

/// An answer's value in words for the "revisit" list.
#[must_use]
pub fn show_answer(answer: &str, value: f64) -> String {
    format::answer(answer, value)
}

/// What the report says when the curves never cross: the two options that
/// never cost the same, or, when a hard stop leaves one side with no option,
/// that there is nothing to break even with.
#[must_use]
pub fn no_break_even_sentence(a: &Assessment) -> String {
    let be = &a.break_even;
    let blocked = |o: OptionId| a.blockers.iter().any(|b| b.option == o);
    if blocked(be.function_option) {
        format!(
            "No break-even: hard stops rule out every serverless option on {}, so there is no serverless price to set against the servers.",
            a.workload.provider.label()
        )
    } else if blocked(be.server_option) {
        format!(
            "No break-even: hard stops rule out the servers on {}, so there is no server price to set against the functions.",
            a.workload.provider.label()
        )
    } else {
        format!(
            "{} and {} never cost the same between 1k and 100B requests a month.",
            be.function_option.label(),
            be.server_option.label()
        )
    }
}

fn pros_and_cons(
    a: &Assessment,
    cost: &OptionCost,
    blockers: &[&Blocker],
    provider_cheapest: f64,
) -> (Vec<String>, Vec<String>) {
    let w = &a.workload;
    let mut pros = Vec::new();
    let mut cons: Vec<String> = blockers
        .iter()
        .map(|b| format!("Blocked: {}", b.reason))
        .collect();
    let option = cost.option;
    let at_home = option.provider() == w.provider;
    if !blockers.is_empty() {
        // A ruled-out option makes no cost claim.
    } else if at_home && (cost.monthly_usd - provider_cheapest).abs() < 1e-9 {
        pros.push(format!(
            "Cheapest on {} at this volume: {} a month.",
            w.provider.label(),
            format::usd(cost.monthly_usd)
        ));
    } else if cost.monthly_usd < provider_cheapest {
        pros.push(format!(
            "Costs {} a month, less than anything on {} ({}).",
            format::usd(cost.monthly_usd),
            w.provider.label(),
            format::usd(provider_cheapest)
        ));
    } else if provider_cheapest > 0.0 {
        let ratio = cost.monthly_usd / provider_cheapest;
        cons.push(if ratio >= 1.1 {
            format!(
                "Costs {} a month, {:.1}x the cheapest option on {} ({}).",
                format::usd(cost.monthly_usd),
                ratio,
                w.provider.label(),
                format::usd(provider_cheapest)
            )
        } else {
            // "1.0x" reads as "the same": say the gap instead.
            format!(
                "Costs {} a month, {} more than the cheapest option on {} ({}).",
                format::usd(cost.monthly_usd),
                format::usd(cost.monthly_usd - provider_cheapest),
                w.provider.label(),
                format::usd(provider_cheapest)
            )
        });
    }
    if option.is_serverless() {
        if w.pricing.provisioned_concurrency == 0 {
            pros.push("Scales to zero: idle hours cost nothing.".to_owned());
        }
        pros.push("No servers to patch, size or scale.".to_owned());
        if option == a.cold_start.option && a.cold_start.fraction_of_requests > 0.0 {
            let share = format::percent(a.cold_start.fraction_of_requests);
            // "under 0.01%" reads wrong after "About".
            let share = if share.starts_with(|c: char| c.is_ascii_digit()) {
                format!("About {share}")
            } else {
                format!("{}{}", share[..1].to_uppercase(), &share[1..])
            };
            cons.push(format!(
                "{share} of requests start cold, adding {} each.",
                format::duration_ms(a.cold_start.added_latency_ms)
            ));
        }
        cons.push("Ties the code to the provider's triggers and limits.".to_owned());
    } else if is_serverless_side(option) {
        pros.push("Instances kept ready: no cold starts.".to_owned());
        cons.push("At least one instance is billed around the clock.".to_owned());
    } else if cost.kind == crate::cost::OptionKind::Container {
        pros.push(
            "No servers to patch; any runtime, long jobs and steady latency once tasks run.".to_owned(),
        );
        cons.push(
            "Tasks are billed while they run, busy or not; the team sets the scaling rules.".to_owned(),
        );
        if w.servers.min_instances == 0 {
            cons.push(
                "Scaled to zero, the first request waits for a task to start (tens of seconds).".to_owned(),
            );
        }
    } else {
        pros.push("Steady latency with no cold starts, and any runtime, library or long job.".to_owned());
        if w.servers.min_instances > 0 {
            cons.push(format!(
                "Billed while idle: at least {} around the clock.",
                match w.servers.min_instances {
                    1 => "one instance runs".to_owned(),
                    n => format!("{n} instances run"),
                }
            ));
        }
        cons.push("The team patches, sizes and scales the fleet.".to_owned());
    }
    if w.triggers
        .iter()
        .any(|t| matches!(t, Trigger::HttpApi | Trigger::Webhook))
        && cost.breakdown.iter().any(|l| l.item == "load_balancer")
    {
        cons.push("Needs a load balancer in front, billed by the hour.".to_owned());
    }
    (pros, cons)
}

/// One catalogue entry as the `patterns --format json` listing writes it.
#[derive(Debug, Serialize)]
struct PatternListing<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    triggers: Vec<&'a str>,
    summary: &'a str,
    nodes: &'a [crate::catalogue::Node],
    edges: &'a [crate::catalogue::Edge],
}

/// The catalogue as a JSON array of patterns.
///
/// # Errors
/// Never in practice; serialization of plain strings does not fail.
pub fn patterns_json(catalogue: &Catalogue) -> Result<String, serde_json::Error> {
    let list: Vec<PatternListing> = catalogue
        .patterns
        .iter()
        .map(|p| PatternListing {
            id: &p.id,
            name: &p.name,
            kind: match p.kind {
                crate::catalogue::PatternKind::Serverless => "serverless",
                crate::catalogue::PatternKind::Traditional => "traditional",
                crate::catalogue::PatternKind::Hybrid => "hybrid",
            },
            triggers: p.triggers.iter().map(|t| t.file_name()).collect(),
            summary: &p.summary,
            nodes: &p.nodes,
            edges: &p.edges,
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&list)?;
    text.push('\n');
    Ok(text)
}

/// The catalogue as text, one pattern per line.
#[must_use]
pub fn patterns_text(catalogue: &Catalogue) -> String {
    let width = catalogue.patterns.iter().map(|p| p.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for p in &catalogue.patterns {
        let triggers: Vec<&str> = p.triggers.iter().map(|t| t.file_name()).collect();
        let _ = writeln!(
            out,
            "{:<width$}  {:<11}  {:<28}  {}",
            p.id,
            p.kind.label(),
            triggers.join(","),
            p.name
        );
    }
    let _ = writeln!(out, "{} patterns", catalogue.patterns.len());
    out
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn days_since_1970_become_calendar_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(-1), "1969-12-31");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_791), "2026-12-04");
    }
}

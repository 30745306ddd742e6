//! The self-contained HTML report: inline CSS and inline SVG, no scripts and
//! nothing fetched, laid out to print on A4 and Letter.

use std::fmt::Write as _;

/// Escapes text for an HTML text node, without the characters [`super::displayable`] drops.
fn esc(text: &str) -> String {
    html_escape::encode_text(&super::displayable(text)).into_owned()
}

use super::{Report, svg};
use crate::advice::projection::ProjectedBill;
use crate::advice::{Lean, Verdict};
use crate::format;

const STYLE: &str = r"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
main { max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; overflow-wrap: anywhere; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.25; }
h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #ddd; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: #555; margin: 0 0 16px; }
.verdict { border-radius: 8px; padding: 14px 18px; margin: 16px 0; border: 1px solid; }
.verdict.serverless { background: #e7f6f5; border-color: #0b7a75; }
.verdict.traditional { background: #fdf1e6; border-color: #b05a00; }
.verdict.hybrid { background: #f1ecfb; border-color: #6a3fb5; }
.verdict .label { font-size: 20px; font-weight: 700; }
.verdict p { margin: 6px 0 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 13px; }
th, td { border: 1px solid #d8d8d8; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.chosen td { background: #fffbe6; }
tr.blocked td { color: #666; }
.lean-serverless { color: #0b7a75; font-weight: 600; }
.lean-traditional { color: #b05a00; font-weight: 600; }
.lean-neutral { color: #666; }
.blocker { color: #a31515; }
figure { margin: 12px 0 18px; break-inside: avoid; page-break-inside: avoid; }
figcaption { color: #555; font-size: 12px; margin-top: 4px; }
svg.chart { width: 100%; height: auto; display: block; }
/* A diagram keeps its own size (its width attribute), shrunk only to fit. */
svg.chart.diagram { width: auto; max-width: 100%; }
ul { padding-left: 22px; margin: 6px 0; }
li { margin: 2px 0; }
.small { font-size: 12px; color: #555; }
.good::marker { content: '+ '; color: #0b7a75; }
.bad::marker { content: '\2212  '; color: #b05a00; }
.note { color: #444; }
@page { size: auto; margin: 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  /* Keep a chart, a table row and the verdict whole; long tables may run on. */
  figure, svg, tr, .verdict { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
";

fn lean_class(lean: Lean) -> &'static str {
    match lean {
        Lean::Serverless => "lean-serverless",
        Lean::Traditional => "lean-traditional",
        Lean::Neutral => "lean-neutral",
    }
}

fn lean_word(lean: Lean) -> &'static str {
    match lean {
        Lean::Serverless => "serverless",
        Lean::Traditional => "servers",
        Lean::Neutral => "neutral",
    }
}

/// Writes the HTML page.
#[must_use]
#[allow(clippy::too_many_lines)] // One section after another; splitting would scatter the page.
pub fn to_html_report(r: &Report<'_>) -> String {
    let a = r.assessment;
    let w = &a.workload;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"serverless-advisor {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&r.title)
    );
    let _ = writeln!(s, "<h1>{}</h1>", esc(&r.title));
    let _ = writeln!(
        s,
        "<p class=\"meta\">Decision record, status: proposed, <time datetime=\"{0}\">{0}</time>. Price book: {1}, compiled {2}.</p>",
        r.date,
        esc(&a.price_book.title),
        esc(&a.price_book.compiled_on)
    );
    let class = match a.verdict {
        Verdict::Serverless => "serverless",
        Verdict::Traditional => "traditional",
        Verdict::Hybrid => "hybrid",
    };
    let _ = writeln!(
        s,
        "<section class=\"verdict {class}\" aria-label=\"Verdict\" data-verdict=\"{}\" data-close-call=\"{}\" data-confidence=\"{}\"><div class=\"label\">{}{} <span class=\"small\">({} confidence; scores: serverless {}, servers {}, of 100)</span></div><p>{}</p><p>{}</p>{}<p class=\"small\">How the scores work: {}</p>{}</section>",
        a.verdict.id(),
        a.close_call,
        a.confidence,
        a.verdict.label(),
        if a.close_call { " · close call" } else { "" },
        format::confidence(a.confidence),
        format::points(a.scores.serverless),
        format::points(a.scores.traditional),
        esc(&a.summary),
        esc(&a.recommendation.text),
        a.stability
            .as_ref()
            .map(|step| format!("<p><em>{}</em></p>", esc(step)))
            .unwrap_or_default(),
        esc(&a.scoring),
        a.recommendation
            .split
            .as_ref()
            .filter(|split| **split != a.summary)
            .map(|split| format!("<p><strong>Split:</strong> {}</p>", esc(split)))
            .unwrap_or_default()
    );

    let _ = writeln!(s, "<h2>Context and Problem Statement</h2>");
    for paragraph in &r.context {
        let _ = writeln!(s, "<p>{}</p>", esc(paragraph));
    }
    let _ = writeln!(s, "<p><strong>{}</strong></p>", esc(&r.question));
    let _ = writeln!(
        s,
        "<figure>{}<figcaption>Traffic over one week, hour by hour, as a multiple of the average rate.</figcaption></figure>",
        svg::traffic(a)
    );

    let _ = writeln!(s, "<h2>Decision Drivers</h2>");
    let _ = writeln!(
        s,
        "<figure>{}<figcaption>Each criterion's weighted lean toward servers (left) or serverless (right).</figcaption></figure>",
        svg::scores(a)
    );
    let _ = writeln!(
        s,
        "<table><thead><tr><th>Criterion</th><th>Weight</th><th>Leans</th><th>Strength (of 10)</th><th>Reason</th></tr></thead><tbody>"
    );
    for c in &r.drivers {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"{}\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&c.title),
            format::weight(c.weight),
            lean_class(c.leans),
            lean_word(c.leans),
            format::weight(c.points),
            esc(&c.reason)
        );
    }
    let _ = writeln!(s, "</tbody></table>");

    let _ = writeln!(s, "<h2>Considered Options</h2>");
    let _ = writeln!(
        s,
        "<figure>{}<figcaption>Monthly cost of each option as the monthly volume changes, everything else fixed. Solid: functions; dotted: serverless containers; dashed: servers.</figcaption></figure>",
        svg::cost_curves(a)
    );
    let _ = writeln!(s, "<p class=\"small\">{}</p>", esc(super::OTHER_CLOUDS));
    let _ = writeln!(
        s,
        "<table><thead><tr><th>Option</th><th>Kind</th><th>USD a month</th><th>Breakdown</th></tr></thead><tbody>"
    );
    for o in &r.options {
        let row_class = if !o.blockers.is_empty() {
            " class=\"blocked\""
        } else if o.chosen {
            " class=\"chosen\""
        } else {
            ""
        };
        let items: Vec<String> = o
            .cost
            .breakdown
            .iter()
            .map(|l| {
                format!(
                    "<span title=\"{}\">{} {}</span>",
                    html_escape::encode_double_quoted_attribute(&super::displayable(&l.detail)),
                    esc(&l.item),
                    format::usd(l.usd)
                )
            })
            .collect();
        let _ = writeln!(
            s,
            "<tr{row_class} data-option=\"{}\"><td>{}{}{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            o.cost.option.id(),
            esc(o.cost.option.label()),
            match o.role {
                Some(role) if o.chosen => format!(" <strong>({role})</strong>"),
                Some(role) => format!(" ({role})"),
                None => String::new(),
            },
            o.limit_note()
                .map(|note| format!(" <span class=\"blocker\">({note})</span>"))
                .unwrap_or_default(),
            o.cost.kind.label(),
            format::usd(o.cost.monthly_usd),
            items.join(", ")
        );
    }
    let _ = writeln!(s, "</tbody></table>");
    let people = super::with_people(a);
    if !people.is_empty() {
        let _ = writeln!(
            s,
            "<p>With people's time (operations beside the cloud bill):</p><ul>"
        );
        for line in &people {
            let _ = writeln!(s, "<li>{}</li>", esc(line));
        }
        let _ = writeln!(s, "</ul>");
    }
    let bought = super::commitments(a);
    if !bought.is_empty() {
        let _ = writeln!(s, "<p>Commitments bought:</p><ul>");
        for line in &bought {
            let _ = writeln!(s, "<li>{}</li>", esc(line));
        }
        let _ = writeln!(s, "</ul>");
    }
    let gaps = super::not_counted(a);
    if !gaps.is_empty() {
        let _ = writeln!(
            s,
            "<p>Not counted (the answers given cannot price these):</p><ul class=\"gaps\">"
        );
        for gap in &gaps {
            let _ = writeln!(s, "<li>{}</li>", esc(gap));
        }
        let _ = writeln!(s, "</ul>");
    }
    if !a.left_out.is_empty() {
        let _ = writeln!(s, "<p>Left out on purpose:</p><ul>");
        for item in &a.left_out {
            let _ = writeln!(s, "<li>{}</li>", esc(item));
        }
        let _ = writeln!(s, "</ul>");
    }
    if let Some(v) = a.break_even.monthly_requests {
        let _ = writeln!(
            s,
            "<p>Break-even: {} and {} cost the same at <strong>{}</strong> requests a month; this workload runs {}.</p>",
            a.break_even.function_option.label(),
            a.break_even.server_option.label(),
            format::short_count(v),
            format::short_count(w.traffic.monthly_requests)
        );
    } else {
        let sentence = super::no_break_even_sentence(a);
        let sentence = sentence.strip_prefix("No break-even: ").unwrap_or(&sentence);
        let _ = writeln!(s, "<p>Break-even: {}</p>", esc(sentence));
    }
    if let Some(sentence) = super::people_break_even_sentence(a) {
        let _ = writeln!(s, "<p>{}</p>", esc(&sentence));
    }

    let _ = writeln!(s, "<h2>Decision Outcome</h2>");
    let _ = writeln!(
        s,
        "<p>Chosen option: <strong>{}</strong> ({}{}). {}</p>",
        esc(a
            .recommendation
            .option
            .map_or("none passes the hard stops", crate::cost::OptionId::label)),
        a.verdict.label(),
        if a.close_call { ", close call" } else { "" },
        esc(&a.recommendation.text)
    );
    let _ = writeln!(
        s,
        "<p>Pattern to build: <strong>{}</strong>. {}</p>",
        esc(&a.pattern.name),
        esc(&a.pattern.why)
    );
    if let (Some(layout), Some(p)) = (&r.layout, &r.pattern) {
        let _ = writeln!(
            s,
            "<figure>{}<figcaption>{}</figcaption></figure>",
            svg::diagram(layout, &p.name),
            esc(&p.summary)
        );
    }
    let _ = writeln!(s, "<h3>Consequences</h3><ul>");
    for good in &r.good {
        let _ = writeln!(s, "<li class=\"good\">Good: {}</li>", esc(good));
    }
    for bad in &r.bad {
        let _ = writeln!(s, "<li class=\"bad\">Bad: {}</li>", esc(bad));
    }
    let _ = writeln!(s, "</ul>");
    if !r.hard_stops.is_empty() {
        let _ = writeln!(s, "<h3>Hard stops</h3><ul>");
        for b in &r.hard_stops {
            let _ = writeln!(
                s,
                "<li class=\"blocker\" data-option=\"{}\" data-id=\"{}\"><strong>{}:</strong> {} Instead: {}.</li>",
                b.option.id(),
                html_escape::encode_double_quoted_attribute(&b.id),
                esc(b.option.label()),
                esc(&b.reason),
                esc(&b.alternative)
            );
        }
        let _ = writeln!(s, "</ul>");
    }
    let _ = writeln!(s, "<h3>Confirmation</h3>");
    if r.revisit.is_empty() {
        let _ = writeln!(
            s,
            "<p>No single answer flips the verdict within its valid range.</p>"
        );
    } else {
        let _ = writeln!(
            s,
            "<p>Revisit the decision when one of these answers changes:</p><ul>"
        );
        for line in &r.revisit {
            let _ = writeln!(s, "<li>{}</li>", esc(line));
        }
        let _ = writeln!(s, "</ul>");
    }

    let _ = writeln!(s, "<h2>Pros and Cons of the Options</h2>");
    for o in &r.options {
        let _ = writeln!(
            s,
            "<h3>{}{}</h3><ul>",
            esc(o.cost.option.label()),
            o.role.map(|role| format!(" ({role})")).unwrap_or_default()
        );
        for pro in &o.pros {
            let _ = writeln!(s, "<li class=\"good\">Good: {}</li>", esc(pro));
        }
        for con in &o.cons {
            let _ = writeln!(s, "<li class=\"bad\">Bad: {}</li>", esc(con));
        }
        for note in &o.cost.notes {
            let _ = writeln!(s, "<li class=\"note\">Note: {}</li>", esc(note));
        }
        let _ = writeln!(s, "</ul>");
    }

    let _ = writeln!(s, "<h2>More Information</h2>");
    let _ = writeln!(
        s,
        "<h3>Cold starts</h3><p>{}</p>",
        esc(&super::cold_start_sentence(a))
    );
    if let Some(p) = &a.projection {
        let _ = writeln!(
            s,
            "<h3>Growth over three years</h3><p>{}</p><table><thead><tr><th scope=\"col\">Month</th><th scope=\"col\">Requests a month</th><th scope=\"col\">Cheapest serverless</th><th scope=\"col\">Cheapest server or container</th></tr></thead><tbody>",
            esc(&p.sentence(a.verdict))
        );
        for m in &p.months {
            let _ = writeln!(
                s,
                "<tr><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                m.month,
                format::short_count(m.monthly_requests),
                esc(&ProjectedBill::describe(m.serverless.as_ref())),
                esc(&ProjectedBill::describe(m.traditional.as_ref()))
            );
        }
        let _ = writeln!(s, "</tbody></table>");
    }
    if let Some(p) = &r.pattern {
        let _ = writeln!(s, "<h3>Pattern: {}</h3>", esc(&p.name));
        for (title, list) in [
            ("When it fits", &p.fits_when),
            ("When it does not", &p.avoid_when),
            ("Pitfalls", &p.pitfalls),
            ("Seen in practice", &p.examples),
        ] {
            let _ = writeln!(s, "<p><strong>{title}</strong></p><ul>");
            for item in list {
                let _ = writeln!(s, "<li>{}</li>", esc(item));
            }
            let _ = writeln!(s, "</ul>");
        }
        if !p.cost_items.is_empty() {
            let _ = writeln!(s, "<p><strong>Bill of materials</strong></p><ul>");
            for item in &p.cost_items {
                let _ = writeln!(s, "<li>{}: {}</li>", esc(&item.item), esc(&item.billed_by));
            }
            let _ = writeln!(s, "</ul>");
        }
    }
    let _ = writeln!(s, "<h3>Assumptions</h3><ul>");
    for assumption in &a.assumptions {
        let _ = writeln!(s, "<li>{}</li>", esc(assumption));
    }
    let _ = writeln!(s, "</ul>");
    let _ = writeln!(
        s,
        "<h3>Price sources</h3><p class=\"small\">\"{}\", compiled {}; sources read between {} and {}.</p><ul class=\"small\">",
        esc(&a.price_book.title),
        esc(&a.price_book.compiled_on),
        esc(&r.sources_read.0),
        esc(&r.sources_read.1)
    );
    for (id, source) in &r.sources {
        let _ = writeln!(
            s,
            "<li><code>{}</code>: {} (<a href=\"{url}\">{url}</a>), read {}</li>",
            esc(id),
            esc(&source.title),
            esc(&source.read_on),
            url = html_escape::encode_double_quoted_attribute(&source.url)
        );
    }
    let _ = writeln!(s, "</ul>\n</main>\n</body>\n</html>");
    s
}

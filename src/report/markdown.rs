//! The Markdown decision record, in the MADR layout: Context and Problem
//! Statement, Decision Drivers, Considered Options, Decision Outcome (with its
//! consequences), Pros and Cons of the Options, More Information.

use std::fmt::Write as _;

use super::Report;
use crate::advice::Lean;
use crate::advice::projection::ProjectedBill;
use crate::format;

/// Escapes text for Markdown: characters that start inline markup anywhere
/// (emphasis, code, links, HTML, table cells) are backslash-escaped (`CommonMark`
/// allows it before any ASCII punctuation), so are characters that start a block
/// (heading, quote, list) at the very start, and line breaks become spaces. User
/// text then can't add headings, links, HTML or table cells, and prose stays readable.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let flat: String = text
        .chars()
        .map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c })
        .collect();
    let flat = super::displayable(&flat);
    let trimmed = flat.trim_start();
    // A block marker at the start: a heading, quote, list item or rule.
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let starts_block = matches!(trimmed.chars().next(), Some('#' | '>' | '-' | '+' | '=' | '~'))
        || (digits > 0 && matches!(trimmed.chars().nth(digits), Some('.' | ')')));
    for (i, c) in trimmed.chars().enumerate() {
        let at_start = i == 0 || (digits > 0 && i == digits);
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '>' | '-' | '+' | '=' | '.' | ')' if starts_block && at_start => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A link target written as an autolink, `<url>`, with only what would end it escaped.
#[must_use]
pub fn url(text: &str) -> String {
    let safe: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    format!("<{}>", safe.replace('>', "%3E").replace('<', "%3C"))
}

fn lean_word(lean: Lean) -> &'static str {
    match lean {
        Lean::Serverless => "serverless",
        Lean::Traditional => "servers",
        Lean::Neutral => "neutral",
    }
}

/// Writes the decision record.
#[must_use]
#[allow(clippy::too_many_lines)] // One section after another; splitting would scatter the layout.
pub fn to_markdown_report(r: &Report<'_>) -> String {
    let a = r.assessment;
    let w = &a.workload;
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", escape(&r.title));
    let _ = writeln!(
        s,
        "* Status: proposed\n* Date: {}\n* Deciders: (the design review: add the names)\n* Verdict: **{}**{} ({} confidence; scores: serverless {}, servers {}, of 100)\n* Price book: {} (compiled {})\n",
        r.date,
        a.verdict.label(),
        if a.close_call { ", close call" } else { "" },
        format::confidence(a.confidence),
        format::points(a.scores.serverless),
        format::points(a.scores.traditional),
        escape(&a.price_book.title),
        escape(&a.price_book.compiled_on)
    );

    let _ = writeln!(s, "## Context and Problem Statement\n");
    for paragraph in &r.context {
        let _ = writeln!(s, "{}\n", escape(paragraph));
    }
    let _ = writeln!(s, "{}\n", escape(&r.question));

    let _ = writeln!(s, "## Decision Drivers\n");
    for c in &r.drivers {
        let _ = writeln!(
            s,
            "* **{}** (weight {}, leans {}, strength {}/10): {}",
            escape(&c.title),
            format::weight(c.weight),
            lean_word(c.leans),
            format::weight(c.points),
            escape(&c.reason)
        );
    }
    s.push('\n');

    let _ = writeln!(s, "## Considered Options\n");
    for o in &r.options {
        let _ = writeln!(
            s,
            "* {} ({}, {}): {} a month{}",
            o.cost.option.label(),
            o.cost.option.provider().label(),
            o.cost.kind.label(),
            format::usd(o.cost.monthly_usd),
            o.limit_note()
                .map(|note| format!(" ({note})"))
                .unwrap_or_default()
        );
    }
    s.push('\n');

    let _ = writeln!(s, "## Decision Outcome\n");
    let _ = writeln!(
        s,
        "Chosen option: **{}** ({}{}). {}\n",
        a.recommendation
            .option
            .map_or("none passes the hard stops", crate::cost::OptionId::label),
        a.verdict.label(),
        if a.close_call { ", close call" } else { "" },
        escape(&a.recommendation.text)
    );
    let _ = writeln!(s, "Because: {}\n", escape(&a.summary));
    if let Some(step) = &a.stability {
        let _ = writeln!(s, "{}\n", escape(step));
    }
    let _ = writeln!(s, "How the scores work: {}\n", escape(&a.scoring));
    if let Some(split) = &a.recommendation.split
        && *split != a.summary
    {
        let _ = writeln!(s, "Split: {}\n", escape(split));
    }
    let _ = writeln!(
        s,
        "Pattern to build: **{}** ({}). {}\n",
        escape(&a.pattern.name),
        escape(&a.pattern.id),
        escape(&a.pattern.why)
    );
    let _ = writeln!(s, "### Consequences\n");
    for good in &r.good {
        let _ = writeln!(s, "* Good, because {}", escape(&lowercase_first(good)));
    }
    for bad in &r.bad {
        let _ = writeln!(s, "* Bad, because {}", escape(&lowercase_first(bad)));
    }
    s.push('\n');
    if !r.hard_stops.is_empty() {
        let _ = writeln!(s, "### Hard stops\n");
        for b in &r.hard_stops {
            let _ = writeln!(
                s,
                "* {}: {} Instead: {}.",
                b.option.label(),
                escape(&b.reason),
                escape(&b.alternative)
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "### Confirmation\n");
    if r.revisit.is_empty() {
        let _ = writeln!(
            s,
            "No single answer flips the verdict within its valid range; revisit if the workload changes in several ways at once.\n"
        );
    } else {
        let _ = writeln!(s, "Revisit the decision when one of these answers changes:\n");
        for line in &r.revisit {
            let _ = writeln!(s, "* {}", escape(line));
        }
        s.push('\n');
    }

    let _ = writeln!(s, "## Pros and Cons of the Options\n");
    for o in &r.options {
        let _ = writeln!(
            s,
            "### {}{}\n",
            o.cost.option.label(),
            o.role.map(|role| format!(" ({role})")).unwrap_or_default()
        );
        for pro in &o.pros {
            let _ = writeln!(s, "* Good, because {}", escape(&lowercase_first(pro)));
        }
        for con in &o.cons {
            let _ = writeln!(s, "* Bad, because {}", escape(&lowercase_first(con)));
        }
        for note in &o.cost.notes {
            let _ = writeln!(s, "* Note: {}", escape(note));
        }
        s.push('\n');
    }

    let _ = writeln!(s, "## More Information\n");
    let _ = writeln!(s, "### Monthly cost of every option on {}\n", w.provider.label());
    let _ = writeln!(s, "{}\n", escape(super::OTHER_CLOUDS));
    let _ = writeln!(s, "| Option | Kind | USD a month | Breakdown |");
    let _ = writeln!(s, "| --- | --- | ---: | --- |");
    for c in r.options.iter().map(|o| o.cost) {
        let items: Vec<String> = c
            .breakdown
            .iter()
            .map(|l| format!("{} {}", l.item, format::usd(l.usd)))
            .collect();
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            escape(c.option.label()),
            c.kind.label(),
            format::usd(c.monthly_usd),
            escape(&items.join(", "))
        );
    }
    s.push('\n');
    let people = super::with_people(a);
    if !people.is_empty() {
        let _ = writeln!(s, "With people's time (operations beside the cloud bill):\n");
        for line in &people {
            let _ = writeln!(s, "* {}", escape(line));
        }
        s.push('\n');
    }
    let bought = super::commitments(a);
    if !bought.is_empty() {
        let _ = writeln!(s, "Commitments bought:\n");
        for line in &bought {
            let _ = writeln!(s, "* {}", escape(line));
        }
        s.push('\n');
    }
    let gaps = super::not_counted(a);
    if !gaps.is_empty() {
        let _ = writeln!(s, "Not counted (the answers given cannot price these):\n");
        for gap in &gaps {
            let _ = writeln!(s, "* {}", escape(gap));
        }
        s.push('\n');
    }
    if !a.left_out.is_empty() {
        let _ = writeln!(s, "Left out on purpose:\n");
        for item in &a.left_out {
            let _ = writeln!(s, "* {}", escape(item));
        }
        s.push('\n');
    }
    let be = &a.break_even;
    if let Some(v) = be.monthly_requests {
        let _ = writeln!(
            s,
            "Break-even: {} and {} cost the same at {} requests a month (today: {}).\n",
            be.function_option.label(),
            be.server_option.label(),
            format::short_count(v),
            format::short_count(w.traffic.monthly_requests)
        );
    } else {
        let sentence = super::no_break_even_sentence(a);
        let sentence = sentence.strip_prefix("No break-even: ").unwrap_or(&sentence);
        let _ = writeln!(s, "Break-even: {sentence}\n");
    }
    if let Some(sentence) = super::people_break_even_sentence(a) {
        let _ = writeln!(s, "{}\n", escape(&sentence));
    }
    let _ = writeln!(s, "{}\n", escape(&super::cold_start_sentence(a)));
    if let Some(p) = &a.projection {
        let _ = writeln!(s, "Growth: {}\n", escape(&p.sentence(a.verdict)));
        let _ = writeln!(
            s,
            "| Month | Requests a month | Cheapest serverless | Cheapest server or container |"
        );
        let _ = writeln!(s, "| ---: | ---: | --- | --- |");
        for m in &p.months {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                m.month,
                format::short_count(m.monthly_requests),
                escape(&ProjectedBill::describe(m.serverless.as_ref())),
                escape(&ProjectedBill::describe(m.traditional.as_ref()))
            );
        }
        s.push('\n');
    }
    if let Some(p) = &r.pattern {
        let _ = writeln!(s, "### Pattern: {}\n", escape(&p.name));
        let _ = writeln!(s, "{}\n", escape(&p.summary));
        for line in r.flow() {
            let _ = writeln!(s, "* {}", escape(&line));
        }
        s.push('\n');
        if !p.cost_items.is_empty() {
            let _ = writeln!(s, "Bill of materials:\n");
            for item in &p.cost_items {
                let _ = writeln!(s, "* {}: {}", escape(&item.item), escape(&item.billed_by));
            }
            s.push('\n');
        }
        if !p.pitfalls.is_empty() {
            let _ = writeln!(s, "Pitfalls:\n");
            for pitfall in &p.pitfalls {
                let _ = writeln!(s, "* {}", escape(pitfall));
            }
            s.push('\n');
        }
    }
    let _ = writeln!(s, "### Assumptions\n");
    for assumption in &a.assumptions {
        let _ = writeln!(s, "* {}", escape(assumption));
    }
    s.push('\n');
    let _ = writeln!(
        s,
        "### Price sources\n\nPrices from \"{}\", compiled {}; sources read between {} and {}.\n",
        escape(&a.price_book.title),
        escape(&a.price_book.compiled_on),
        escape(&r.sources_read.0),
        escape(&r.sources_read.1)
    );
    for (id, source) in &r.sources {
        let _ = writeln!(
            s,
            "* {} ({}): {}, read {}",
            escape(id),
            escape(&source.title),
            url(&source.url),
            escape(&source.read_on)
        );
    }
    s
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // Keep capitals of names and acronyms ("AWS", "An MVP") when the second letter is upper case too.
        Some(first) if first.is_uppercase() && !chars.clone().next().is_some_and(char::is_uppercase) => {
            let rest: String = chars.collect();
            let lowered: String = first.to_lowercase().collect();
            // Product names keep their capital.
            for name in [
                "Lambda", "Cloud", "Azure", "Amazon", "Google", "Compute", "Fargate", "EC2",
            ] {
                if text.starts_with(name) {
                    return text.to_owned();
                }
            }
            format!("{lowered}{rest}")
        }
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("a *b* [c](d) <x> | y\n# z"),
            "a \\*b\\* \\[c\\](d) \\<x> \\| y # z"
        );
        assert_eq!(escape("$18.67 x86-64 A -> B"), "$18.67 x86-64 A -> B");
        assert_eq!(escape("# heading"), "\\# heading");
        assert_eq!(escape("> quote"), "\\> quote");
        assert_eq!(escape("1. item"), "1\\. item");
        assert_eq!(escape("- item"), "\\- item");
    }

    #[test]
    fn urls_become_autolinks() {
        assert_eq!(url("https://x.org/a#b"), "<https://x.org/a#b>");
        assert_eq!(url("https://x.org/<a> b"), "<https://x.org/%3Ca%3Eb>");
    }

    #[test]
    fn lowercases_sentence_starts_only() {
        assert_eq!(lowercase_first("The team"), "the team");
        assert_eq!(lowercase_first("AWS Lambda costs"), "AWS Lambda costs");
        assert_eq!(lowercase_first("Lambda costs"), "Lambda costs");
    }
}

//! Hostile sizes: every loader answers a huge or deeply nested file in time
//! about linear in its size, lists at most a few dozen problems and counts
//! the rest, and never panics. (Their timing is measured in
//! `cargo bench --bench loaders`, not here.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fmt::Write as _;

use serverless_advisor::catalogue::{MAX_NODES, Pattern};
use serverless_advisor::pricing::{BUILT_IN, PriceBook};
use serverless_advisor::source::{LISTED_PROBLEMS, LoadError};
use serverless_advisor::workload::Workload;

const SAMPLE: &str = include_str!("../assets/workloads/live_chat.ron");

/// The sample with its trigger list replaced by `list`.
fn with_triggers(list: &str) -> String {
    assert!(SAMPLE.contains("triggers: [HttpApi, Queue],"));
    SAMPLE.replace("triggers: [HttpApi, Queue],", &format!("triggers: {list},"))
}

fn problems(e: &LoadError) -> Vec<String> {
    e.problems().iter().map(ToString::to_string).collect()
}

#[test]
fn a_list_of_400000_repeats_lists_twenty_and_counts_the_rest() {
    let items = vec!["HttpApi"; 400_000].join(", ");
    let text = with_triggers(&format!("[{items}]"));
    assert!(text.len() > 3_000_000, "a 3 MB file");
    let e = Workload::from_ron(&text, "big.ron", &common::book()).expect_err("repeats are refused");
    let listed = problems(&e);
    assert_eq!(listed.len(), LISTED_PROBLEMS + 1, "{listed:#?}");
    // The first listed is the first repeat, at its own line and column.
    assert!(
        listed[0].starts_with("big.ron:21:")
            && listed[0].contains("field `triggers[1]` = HttpApi: is listed twice"),
        "{}",
        listed[0]
    );
    // 399,999 repeats: 20 listed, the rest counted in one last line.
    let last = listed.last().unwrap();
    assert!(
        last.contains("and 399,979 more problems, from field `triggers[21]` on"),
        "{last}"
    );
}

#[test]
fn twenty_thousand_nested_brackets_are_refused_at_their_place() {
    let deep = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    let text = with_triggers(&deep);
    let e = Workload::from_ron(&text, "deep.ron", &common::book()).expect_err("refused");
    let listed = problems(&e);
    assert_eq!(listed.len(), 1, "{listed:#?}");
    assert!(listed[0].starts_with("deep.ron:21:"), "{}", listed[0]);
    assert!(listed[0].contains("triggers"), "{}", listed[0]);
    // The same nesting as the whole file, of parentheses and of braces.
    for (open, close) in [("(", ")"), ("{", "}")] {
        let text = format!("{}{}", open.repeat(20_000), close.repeat(20_000));
        let e = Workload::from_ron(&text, "deep.ron", &common::book()).expect_err("refused");
        assert_eq!(problems(&e).len(), 1);
    }
}

#[test]
fn a_price_book_with_a_huge_list_of_repeated_instances_is_refused_quickly() {
    let first = BUILT_IN
        .lines()
        .find(|l| l.trim_start().starts_with("(name: \"t3.micro\""))
        .expect("the t3.micro line");
    let repeated = std::iter::repeat_n(first, 8_000).collect::<Vec<_>>().join("\n");
    let text = BUILT_IN.replacen(first, &repeated, 1);
    assert!(text.len() > 3_000_000);
    let e = PriceBook::from_ron(&text, "prices.ron").expect_err("repeats are refused");
    let listed = problems(&e);
    assert_eq!(listed.len(), LISTED_PROBLEMS + 1, "{listed:#?}");
    assert!(listed[0].contains("is listed twice"), "{}", listed[0]);
    assert!(
        listed.last().unwrap().contains("and 7,979 more problems"),
        "{}",
        listed.last().unwrap()
    );
}

#[test]
fn a_pattern_too_big_to_draw_is_refused_before_its_checks() {
    // A real pattern with 40,000 more nodes (each would be an orphan).
    let base = include_str!("../patterns/api_backend.ron");
    let extra: String = (0..40_000).fold(String::new(), |mut s, i| {
        let _ = write!(s, "(id: \"n{i}\", label: \"Node {i}\", kind: Function), ");
        s
    });
    assert!(base.contains("nodes: ["));
    let text = base.replacen("nodes: [", &format!("nodes: [{extra}"), 1);
    assert!(text.len() > 2_000_000);
    let e = Pattern::from_ron(&text, "huge.ron").expect_err("refused");
    let listed = problems(&e);
    assert!(!listed.is_empty() && listed.len() <= 2, "{listed:#?}");
    assert!(
        listed.iter().any(|p| p.contains(&format!("at most {MAX_NODES}"))),
        "{listed:#?}"
    );
}

//! The pattern catalogue: what the built-in set covers, the diagram layout's
//! geometry, the loader's messages and loading a user's folder.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::unreadable_literal,
    clippy::items_after_statements
)]

mod common;

use common::catalogue;
use serverless_advisor::catalogue::layout::NodeBox;
use serverless_advisor::catalogue::{Catalogue, MIN_NODES, Pattern, PatternKind, layout};
use serverless_advisor::source::{FileError, LoadError};
use serverless_advisor::workload::Trigger;

// ---- What the built-in catalogue covers ----

#[test]
fn at_least_twelve_patterns_with_unique_ids_matching_their_files() {
    let c = catalogue();
    assert!(c.patterns.len() >= 12, "{} patterns", c.patterns.len());
    let mut ids: Vec<&str> = c.patterns.iter().map(|p| p.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "duplicate ids");
    for (file, _) in serverless_advisor::catalogue::BUILT_IN {
        let stem = file.strip_suffix(".ron").unwrap_or(file);
        assert!(c.get(stem).is_some(), "{file}: its id is not its file name");
    }
}

#[test]
fn every_trigger_has_a_serverless_and_a_traditional_pattern() {
    let c = catalogue();
    for trigger in Trigger::ALL {
        for kind in [PatternKind::Serverless, PatternKind::Traditional] {
            let serving: Vec<&str> = c
                .patterns
                .iter()
                .filter(|p| p.kind == kind && p.triggers.contains(trigger))
                .map(|p| p.id.as_str())
                .collect();
            assert!(!serving.is_empty(), "no {kind:?} pattern serves {trigger:?}");
        }
    }
}

#[test]
fn every_pattern_has_a_real_diagram_and_says_when_to_use_it() {
    for p in &catalogue().patterns {
        assert!(
            p.nodes.len() >= MIN_NODES && p.nodes.len() >= 3,
            "{}: {} nodes",
            p.id,
            p.nodes.len()
        );
        assert!(
            p.edges.len() >= p.nodes.len() - 1,
            "{}: too few edges to connect it",
            p.id
        );
        for list in [&p.fits_when, &p.avoid_when, &p.pitfalls] {
            assert!(!list.is_empty(), "{}", p.id);
            assert!(list.iter().all(|s| !s.trim().is_empty()), "{}", p.id);
        }
        // Examples true of every cloud, or of one cloud at least.
        let examples: Vec<&str> = serverless_advisor::workload::Provider::ALL
            .iter()
            .flat_map(|c| p.examples_on(*c))
            .collect();
        assert!(!examples.is_empty(), "{}", p.id);
        assert!(examples.iter().all(|s| !s.trim().is_empty()), "{}", p.id);
        assert!(
            !p.name.trim().is_empty() && !p.summary.trim().is_empty(),
            "{}",
            p.id
        );
    }
}

#[test]
fn the_primers_five_flows_and_their_counterparts_exist() {
    let c = catalogue();
    let serverless = [
        ("api_backend", Trigger::HttpApi),
        ("file_processing", Trigger::FileUpload),
        ("scheduled_tasks", Trigger::Schedule),
        ("webhook_handler", Trigger::Webhook),
        ("stream_processing", Trigger::Stream),
    ];
    for (id, trigger) in serverless {
        let p = c.get(id).unwrap_or_else(|| panic!("missing {id}"));
        assert_eq!(p.kind, PatternKind::Serverless, "{id}");
        assert!(p.triggers.contains(&trigger), "{id} does not serve {trigger:?}");
        assert!(
            p.nodes
                .iter()
                .any(|n| n.kind == serverless_advisor::catalogue::NodeKind::Function),
            "{id}: a serverless flow without a function"
        );
    }
    let counterparts = [
        ("load_balanced_api", Trigger::HttpApi),
        ("container_service", Trigger::HttpApi),
        ("queue_worker_fleet", Trigger::FileUpload),
        ("cron_on_vm", Trigger::Schedule),
    ];
    for (id, trigger) in counterparts {
        let p = c.get(id).unwrap_or_else(|| panic!("missing {id}"));
        assert_eq!(p.kind, PatternKind::Traditional, "{id}");
        assert!(p.triggers.contains(&trigger), "{id} does not serve {trigger:?}");
        assert!(
            !p.nodes
                .iter()
                .any(|n| n.kind == serverless_advisor::catalogue::NodeKind::Function),
            "{id}: a traditional counterpart with a function in it"
        );
    }
    // And a hybrid pattern exists for the verdict that needs one.
    assert!(c.patterns.iter().any(|p| p.kind == PatternKind::Hybrid));
}

// ---- Layout ----

fn overlaps(a: &NodeBox, b: &NodeBox) -> bool {
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

fn inside(b: &NodeBox, (x, y): (f64, f64)) -> bool {
    x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height
}

const EPS: f64 = 1e-9;

/// Whether the horizontal or vertical segment a-b passes through the inside of the box.
fn crosses(n: &NodeBox, a: (f64, f64), b: (f64, f64)) -> bool {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    x1 > n.x + EPS && x0 < n.x + n.width - EPS && y1 > n.y + EPS && y0 < n.y + n.height - EPS
}

#[test]
fn no_two_boxes_overlap() {
    for p in &catalogue().patterns {
        let l = layout(p);
        assert_eq!(l.nodes.len(), p.nodes.len(), "{}", p.id);
        for (i, a) in l.nodes.iter().enumerate() {
            assert!(a.width > 0.0 && a.height > 0.0, "{}: {a:?}", p.id);
            for b in &l.nodes[i + 1..] {
                assert!(
                    !overlaps(a, b),
                    "{}: {} overlaps {}\n{a:?}\n{b:?}",
                    p.id,
                    a.id,
                    b.id
                );
            }
        }
    }
}

#[test]
fn forward_edges_run_from_the_right_side_of_the_source_to_the_left_side_of_the_target() {
    for p in &catalogue().patterns {
        let l = layout(p);
        assert_eq!(l.edges.len(), p.edges.len(), "{}", p.id);
        let node = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap();
        for e in &l.edges {
            let (from, to) = (node(&e.from), node(&e.to));
            let (first, last) = (e.points[0], *e.points.last().unwrap());
            assert!(e.points.len() >= 2, "{}: {e:?}", p.id);
            if e.back {
                // A return path leaves the bottom or right side of its source,
                // enters the bottom or left side of its target, runs in straight
                // horizontal and vertical pieces, and crosses no box.
                let on_bottom = |n: &NodeBox, (x, y): (f64, f64)| {
                    (y - (n.y + n.height)).abs() < EPS && x > n.x && x < n.x + n.width
                };
                let on_side = |n: &NodeBox, side_x: f64, (x, y): (f64, f64)| {
                    (x - side_x).abs() < EPS && y > n.y && y < n.y + n.height
                };
                assert!(
                    on_bottom(from, first) || on_side(from, from.x + from.width, first),
                    "{}: {e:?} leaves {from:?}",
                    p.id
                );
                assert!(
                    on_bottom(to, last) || on_side(to, to.x, last),
                    "{}: {e:?} enters {to:?}",
                    p.id
                );
                for pair in e.points.windows(2) {
                    let (a, b) = (pair[0], pair[1]);
                    assert!(
                        (a.0 - b.0).abs() < EPS || (a.1 - b.1).abs() < EPS,
                        "{}: {e:?}",
                        p.id
                    );
                    for n in &l.nodes {
                        assert!(!crosses(n, a, b), "{}: {e:?} crosses {}", p.id, n.id);
                    }
                }
                for (x, y) in &e.points {
                    assert!(
                        *x >= 0.0 && *x <= l.width && *y >= 0.0 && *y <= l.height,
                        "{}: {e:?}",
                        p.id
                    );
                }
                continue;
            }
            let what = format!("{}: {} -> {}", p.id, e.from, e.to);
            assert!(
                from.x < to.x,
                "{what}: source at x {} is not left of target at x {}",
                from.x,
                to.x
            );
            assert!(
                (first.0 - (from.x + from.width)).abs() < EPS,
                "{what}: starts at {first:?}, box {from:?}"
            );
            assert!(
                first.1 >= from.y && first.1 <= from.y + from.height,
                "{what}: {first:?}"
            );
            assert!(
                (last.0 - to.x).abs() < EPS,
                "{what}: ends at {last:?}, box {to:?}"
            );
            assert!(last.1 >= to.y && last.1 <= to.y + to.height, "{what}: {last:?}");
            // Left to right all the way, never through another box.
            for pair in e.points.windows(2) {
                assert!(pair[1].0 > pair[0].0, "{what}: doubles back at {pair:?}");
            }
            for waypoint in &e.points[1..e.points.len() - 1] {
                for b in &l.nodes {
                    assert!(
                        !inside(b, *waypoint),
                        "{what}: waypoint {waypoint:?} inside {}",
                        b.id
                    );
                }
            }
        }
    }
}

#[test]
fn layout_is_deterministic_and_its_size_holds_every_box() {
    for p in &catalogue().patterns {
        let (a, b) = (layout(p), layout(p));
        assert_eq!(a, b, "{}", p.id);
        assert_eq!(a, layout(&p.clone()), "{}", p.id);
        for n in &a.nodes {
            assert!(n.x >= 0.0 && n.y >= 0.0, "{}: {n:?}", p.id);
            assert!(
                n.x + n.width <= a.width + EPS,
                "{}: {} sticks out at the right",
                p.id,
                n.id
            );
            assert!(
                n.y + n.height <= a.height + EPS,
                "{}: {} sticks out at the bottom",
                p.id,
                n.id
            );
        }
        for e in &a.edges {
            for &(x, y) in &e.points {
                assert!(
                    x >= 0.0 && x <= a.width + EPS && y >= 0.0 && y <= a.height + EPS,
                    "{}: {e:?}",
                    p.id
                );
            }
        }
    }
}

#[test]
fn layers_follow_the_edges() {
    // Longest-path layering: a node sits one layer past the furthest of its
    // forward predecessors, and sources sit in layer 0.
    for p in &catalogue().patterns {
        let l = layout(p);
        let layer = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap().layer;
        for n in &l.nodes {
            let preds: Vec<usize> = p
                .edges
                .iter()
                .filter(|e| !e.back && e.to == n.id)
                .map(|e| layer(&e.from))
                .collect();
            let expected = preds.iter().map(|l| l + 1).max().unwrap_or(0);
            assert_eq!(n.layer, expected, "{}: {}", p.id, n.id);
        }
    }
}

// ---- Validation messages ----

const GOOD: &str = r#"Pattern(
    id: "my_pattern",
    name: "My pattern",
    summary: "Work from a queue, written to a table.",
    kind: Serverless,
    triggers: [Queue],
    nodes: [
        (id: "queue", label: "Queue", kind: Queue),
        (id: "worker", label: "Worker", kind: Function),
        (id: "table", label: "Table", kind: Table),
    ],
    edges: [
        (from: "queue", to: "worker", label: "poll"),
        (from: "worker", to: "table", label: "write"),
    ],
    fits_when: ["Bursty queues."],
    avoid_when: ["Steady firehoses."],
    pitfalls: ["Poison messages."],
    examples: ["A thumbnailer."],
    cost_items: [(item: "Queue", billed_by: "per million requests")],
)
"#;

/// The 1-based line of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    1 + text
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the text"))
}

/// `GOOD` with a line inserted after the line containing `after`.
fn with_line_after(after: &str, line: &str) -> String {
    let mut out = String::new();
    for l in GOOD.lines() {
        out.push_str(l);
        out.push('\n');
        if l.contains(after) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn refused(text: &str) -> LoadError {
    match Pattern::from_ron(text, "bad.ron") {
        Ok(p) => panic!("accepted {}:\n{text}", p.id),
        Err(e) => e,
    }
}

fn problem<'a>(e: &'a LoadError, field: &str) -> &'a FileError {
    e.problems()
        .iter()
        .find(|p| p.field == field)
        .unwrap_or_else(|| panic!("no problem on `{field}` in:\n{e}"))
}

#[test]
fn the_good_text_is_accepted() {
    let p = Pattern::from_ron(GOOD, "good.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.nodes.len(), 3);
    // And a declared back edge closing a cycle is fine.
    let text = with_line_after(
        r#"(from: "worker", to: "table""#,
        r#"        (from: "table", to: "queue", label: "replay", back: true),"#,
    );
    Pattern::from_ron(&text, "good.ron").unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_duplicate_node_id_is_refused_on_its_line() {
    let text = with_line_after(
        r#"(id: "table""#,
        r#"        (id: "worker", label: "Second worker", kind: Function),"#,
    );
    let e = refused(&text);
    let p = problem(&e, "nodes[3].id");
    assert_eq!(p.line, line_of(&text, "Second worker"), "{e}");
    assert!(p.problem.contains("earlier node"), "{e}");
    assert_eq!(p.value, "\"worker\"", "{e}");
    assert_eq!(p.file, "bad.ron");
}

#[test]
fn an_edge_to_a_missing_node_is_refused_on_its_line() {
    let text = with_line_after(
        r#"(from: "worker", to: "table""#,
        r#"        (from: "worker", to: "archive", label: "copy"),"#,
    );
    let e = refused(&text);
    let p = problem(&e, "edges[2].to");
    assert_eq!(p.line, line_of(&text, "archive"), "{e}");
    assert!(p.problem.contains("archive"), "{e}");
    assert!(
        p.allowed.contains("queue") && p.allowed.contains("table"),
        "lists the node ids: {e}"
    );
    // The message points at the value: line:column of `"archive"`.
    let column = 1 + text.lines().nth(p.line - 1).unwrap().find("\"archive\"").unwrap();
    assert_eq!(p.column, column, "{e}");
}

#[test]
fn an_orphan_node_is_refused_on_its_line() {
    let text = with_line_after(
        r#"(id: "table""#,
        r#"        (id: "cache", label: "Cache", kind: Cache),"#,
    );
    let e = refused(&text);
    let p = problem(&e, "nodes[3]");
    assert_eq!(p.line, line_of(&text, r#"(id: "cache""#), "{e}");
    assert!(p.problem.contains("orphan") && p.problem.contains("cache"), "{e}");
}

#[test]
fn an_undeclared_cycle_is_refused_on_the_edge_that_closes_it() {
    let text = with_line_after(
        r#"(from: "worker", to: "table""#,
        r#"        (from: "table", to: "queue", label: "replay"),"#,
    );
    let e = refused(&text);
    let p = problem(&e, "edges[2]");
    assert_eq!(p.line, line_of(&text, "replay"), "{e}");
    assert!(p.problem.contains("cycle"), "{e}");
    assert!(p.allowed.contains("back: true"), "says how to fix it: {e}");
}

#[test]
fn a_back_edge_that_closes_no_cycle_is_refused() {
    let text = GOOD.replace(r#"label: "write"),"#, r#"label: "write", back: true),"#);
    let e = refused(&text);
    let p = problem(&e, "edges[1].back");
    assert_eq!(p.line, line_of(&text, "back: true"), "{e}");
}

#[test]
fn an_unknown_node_kind_is_refused_by_name_on_its_line() {
    let text = GOOD.replace("kind: Table)", "kind: Tabel)");
    let e = refused(&text);
    assert_eq!(e.problems().len(), 1, "{e}");
    let p = &e.problems()[0];
    assert_eq!(p.line, line_of(&text, "Tabel"), "{e}");
    assert!(p.problem.contains("Tabel"), "{e}");
    assert!(
        p.allowed.contains("Table") && p.allowed.contains("LoadBalancer"),
        "lists the kinds: {e}"
    );
    assert!(p.field.contains("kind"), "names the field: {e}");
}

#[test]
fn fewer_than_three_nodes_is_refused_at_the_node_list() {
    let mut text: String = GOOD
        .lines()
        .filter(|l| !l.contains(r#"(id: "table""#) && !l.contains(r#"to: "table""#))
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    let e = refused(&text);
    let p = problem(&e, "nodes");
    assert_eq!(p.line, line_of(&text, "nodes: ["), "{e}");
    assert!(p.allowed.contains('3'), "{e}");
    assert_eq!(e.problems().len(), 1, "only the size is wrong: {e}");
}

#[test]
fn every_message_names_file_line_and_field() {
    let text = with_line_after(
        r#"(id: "table""#,
        r#"        (id: "cache", label: "Cache", kind: Cache),"#,
    );
    let e = refused(&text);
    let message = e.to_string();
    let line = line_of(&text, "cache");
    assert!(message.starts_with(&format!("bad.ron:{line}:")), "{message}");
    assert!(message.contains("field `nodes[3]`"), "{message}");
}

// ---- Loading a folder ----

fn pattern_text(id: &str) -> String {
    GOOD.replace("\"my_pattern\"", &format!("{id:?}"))
}

#[test]
fn a_folder_loads_its_good_files_and_names_the_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("alpha_flow.ron"), pattern_text("alpha_flow")).unwrap();
    std::fs::write(dir.path().join("beta_flow.ron"), pattern_text("beta_flow")).unwrap();
    let broken = pattern_text("gamma_flow").replace(r#"to: "table""#, r#"to: "tabel""#);
    std::fs::write(dir.path().join("gamma_flow.ron"), &broken).unwrap();
    // Not a pattern file: ignored.
    std::fs::write(dir.path().join("notes.txt"), "not RON").unwrap();

    let mut c = Catalogue::built_in().unwrap();
    let before = c.patterns.len();
    let outcome = c.load_dir(dir.path()).unwrap();
    let loaded: Vec<&str> = outcome.patterns.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(loaded, ["alpha_flow", "beta_flow"]);
    assert_eq!(c.patterns.len(), before + 2);
    assert!(c.get("alpha_flow").is_some() && c.get("beta_flow").is_some());
    assert!(c.get("gamma_flow").is_none());

    assert_eq!(outcome.failures.len(), 1, "{:?}", outcome.failures);
    let failure = &outcome.failures[0];
    let message = failure.to_string();
    let line = line_of(&broken, "tabel");
    assert!(message.contains(&format!("gamma_flow.ron:{line}:")), "{message}");
    // The misspelt target is reported (and the table it no longer reaches, as an orphan).
    let p = problem(failure, "edges[1].to");
    assert!(p.file.ends_with("gamma_flow.ron"), "{p:?}");
    assert_eq!(p.line, line, "{p:?}");
}

#[test]
fn a_file_reusing_a_built_in_id_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = pattern_text("api_backend");
    std::fs::write(dir.path().join("api_backend.ron"), &text).unwrap();
    std::fs::write(dir.path().join("fresh_flow.ron"), pattern_text("fresh_flow")).unwrap();
    let mut c = Catalogue::built_in().unwrap();
    let original = c.get("api_backend").unwrap().clone();
    let outcome = c.load_dir(dir.path()).unwrap();
    assert_eq!(outcome.patterns.len(), 1);
    assert_eq!(outcome.failures.len(), 1);
    let p = &outcome.failures[0].problems()[0];
    assert!(p.file.ends_with("api_backend.ron"), "{p:?}");
    assert_eq!(p.field, "id");
    assert_eq!(p.line, line_of(&text, "id: \"api_backend\""), "{p:?}");
    assert!(p.problem.contains("already used"), "{p:?}");
    // The built-in pattern is untouched.
    assert_eq!(c.get("api_backend"), Some(&original));
    assert_eq!(c.patterns.iter().filter(|p| p.id == "api_backend").count(), 1);
}

#[test]
fn two_files_cannot_share_an_id() {
    // The id must equal the file name, so two files holding one id are both refused.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a_twin.ron"), pattern_text("twin")).unwrap();
    std::fs::write(dir.path().join("b_twin.ron"), pattern_text("twin")).unwrap();
    let mut c = Catalogue::built_in().unwrap();
    let outcome = c.load_dir(dir.path()).unwrap();
    assert!(outcome.patterns.is_empty());
    assert_eq!(outcome.failures.len(), 2);
    for failure in &outcome.failures {
        let p = &failure.problems()[0];
        assert_eq!(p.field, "id");
        assert!(p.problem.contains("does not match the file name"), "{p:?}");
    }
}

/// docs/pattern-format.md says a pattern's id equals its file name.
#[test]
fn a_file_whose_id_is_not_its_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("something_else.ron"), pattern_text("my_pattern")).unwrap();
    let mut c = Catalogue::built_in().unwrap();
    let outcome = c.load_dir(dir.path()).unwrap();
    assert!(outcome.patterns.is_empty(), "loaded {:?}", outcome.patterns[0].id);
    assert_eq!(outcome.failures.len(), 1);
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no_such_folder");
    let e = Catalogue::built_in().unwrap().load_dir(&missing).unwrap_err();
    assert!(e.to_string().contains("no_such_folder"), "{e}");
}

#[test]
fn every_edge_label_fits_between_the_layers_it_sits_in() {
    use serverless_advisor::catalogue::layout::EDGE_CHAR_WIDTH;
    for p in &catalogue().patterns {
        let l = layout(p);
        for e in l.edges.iter().filter(|e| !e.back && !e.label.is_empty()) {
            // The label's patch (5.6 px a character and 6 px of padding) lies on the
            // first stretch of the edge, which crosses the gap after its source.
            let from = l.nodes.iter().find(|n| n.id == e.from).unwrap();
            let gap_end = l
                .nodes
                .iter()
                .filter(|n| n.x > from.x + from.width)
                .map(|n| n.x)
                .fold(f64::INFINITY, f64::min);
            let gap = gap_end - (from.x + from.width);
            let label = e.label.chars().count() as f64 * EDGE_CHAR_WIDTH + 6.0;
            assert!(
                gap >= label,
                "{}: \"{}\" needs {label} px, the gap is {gap}",
                p.id,
                e.label
            );
        }
    }
}

#[test]
fn every_report_diagram_fits_a_printed_page_with_readable_labels() {
    use serverless_advisor::catalogue::{layout_down, layout_to_fit};
    use serverless_advisor::report::svg::PRINT_WIDTH;
    use serverless_advisor::workload::Provider;
    let c = catalogue();
    for p in &c.patterns {
        for cloud in Provider::ALL {
            let p = p.on(*cloud);
            let fitted = layout_to_fit(&p, PRINT_WIDTH);
            assert!(
                fitted.width <= PRINT_WIDTH,
                "{} on {cloud:?}: {} wide, over a page's {PRINT_WIDTH}",
                p.id,
                fitted.width
            );
            // The top-to-bottom layout: no two boxes overlap, and every
            // forward arrow runs down from a box's bottom into one's top.
            let down = layout_down(&p);
            for (i, a) in down.nodes.iter().enumerate() {
                for b in &down.nodes[i + 1..] {
                    let apart = a.x + a.width <= b.x
                        || b.x + b.width <= a.x
                        || a.y + a.height <= b.y
                        || b.y + b.height <= a.y;
                    assert!(apart, "{}: {} and {} overlap", p.id, a.id, b.id);
                }
            }
            // No return path crosses a box: each of its straight runs stays
            // out of every box's inside (its own ends touch the borders).
            for e in down.edges.iter().filter(|e| e.back) {
                for w in e.points.windows(2) {
                    let ((x1, y1), (x2, y2)) = (w[0], w[1]);
                    for n in &down.nodes {
                        let (l, r, t, b) = (n.x + 0.5, n.x + n.width - 0.5, n.y + 0.5, n.y + n.height - 0.5);
                        let crosses = x1.max(x2) > l && x1.min(x2) < r && y1.max(y2) > t && y1.min(y2) < b;
                        assert!(
                            !crosses,
                            "{}: the return {} -> {} crosses {}",
                            p.id, e.from, e.to, n.id
                        );
                    }
                }
                assert!(
                    e.points
                        .iter()
                        .all(|&(x, y)| x >= 0.0 && y >= 0.0 && x <= down.width && y <= down.height)
                );
            }
            for e in down.edges.iter().filter(|e| !e.back) {
                let from = down.nodes.iter().find(|n| n.id == e.from).unwrap();
                let to = down.nodes.iter().find(|n| n.id == e.to).unwrap();
                let (first, last) = (e.points[0], *e.points.last().unwrap());
                assert!(
                    (first.1 - (from.y + from.height)).abs() < 1e-9,
                    "{}: {} leaves {}'s bottom",
                    p.id,
                    e.from,
                    e.from
                );
                assert!((last.1 - to.y).abs() < 1e-9, "{}: enters {}'s top", p.id, e.to);
                assert!(
                    e.points.windows(2).all(|w| w[1].1 >= w[0].1),
                    "{}: {} -> {} runs down",
                    p.id,
                    e.from,
                    e.to
                );
            }
        }
    }
    // In the HTML, a diagram is never drawn larger than its own size, and its
    // smallest text is 10 units: 7 pt or more on paper.
    let b = common::book();
    for (_, w) in common::samples() {
        let a = serverless_advisor::advice::assess(&w, &b, &c);
        let html = serverless_advisor::report::to_html(&a, &c, &b);
        let svg = &html[html.find("id=\"diagram\"").expect("a diagram")..];
        let svg = &svg[..svg.find("</svg>").unwrap()];
        assert!(svg.contains(" width=\""), "{}: drawn at its own width", w.name);
        for size in svg.split("font-size=\"").skip(1) {
            let size: f64 = size[..size.find('"').unwrap()].parse().unwrap();
            assert!(size >= 10.0, "{}: text of {size} units", w.name);
        }
    }
}

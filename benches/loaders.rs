//! How long each loader takes on hostile sizes, beside a sample file for
//! scale: `cargo bench --bench loaders`. The files are built in memory:
//! - `load/sample_workload`: `live_chat.ron` (the yardstick);
//! - `load/repeated_triggers_400k`: the sample with a 3.6 MB list of 400,000 repeated triggers;
//! - `load/nested_brackets_20k`: the sample with 20,000 nested brackets in one field;
//! - `load/price_book_8k_repeats`: the built-in price book with an instance repeated 8,000 times;
//! - `load/pattern_40k_nodes`: a pattern with 40,000 extra nodes.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use serverless_advisor::catalogue::Pattern;
use serverless_advisor::pricing::{BUILT_IN, PriceBook};
use serverless_advisor::workload::Workload;

const SAMPLE: &str = include_str!("../assets/workloads/live_chat.ron");

fn loaders(c: &mut Criterion) {
    let book = PriceBook::built_in().unwrap();
    let triggers = |list: &str| SAMPLE.replace("triggers: [HttpApi, Queue],", &format!("triggers: {list},"));
    let repeated = triggers(&format!("[{}]", vec!["HttpApi"; 400_000].join(", ")));
    let nested = triggers(&format!("{}{}", "[".repeat(20_000), "]".repeat(20_000)));
    let first = BUILT_IN
        .lines()
        .find(|l| l.trim_start().starts_with("(name: \"t3.micro\""))
        .unwrap();
    let prices = BUILT_IN.replacen(
        first,
        &std::iter::repeat_n(first, 8_000).collect::<Vec<_>>().join("\n"),
        1,
    );
    let extra: String = (0..40_000).fold(String::new(), |mut s, i| {
        let _ = write!(s, "(id: \"n{i}\", label: \"Node {i}\", kind: Function), ");
        s
    });
    let pattern =
        include_str!("../patterns/api_backend.ron").replacen("nodes: [", &format!("nodes: [{extra}"), 1);

    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    group.bench_function("sample_workload", |b| {
        b.iter(|| black_box(Workload::from_ron(black_box(SAMPLE), "s.ron", &book)));
    });
    group.bench_function("repeated_triggers_400k", |b| {
        b.iter(|| black_box(Workload::from_ron(black_box(&repeated), "r.ron", &book).is_err()));
    });
    group.bench_function("nested_brackets_20k", |b| {
        b.iter(|| black_box(Workload::from_ron(black_box(&nested), "n.ron", &book).is_err()));
    });
    group.bench_function("price_book_8k_repeats", |b| {
        b.iter(|| black_box(PriceBook::from_ron(black_box(&prices), "p.ron").is_err()));
    });
    group.bench_function("pattern_40k_nodes", |b| {
        b.iter(|| black_box(Pattern::from_ron(black_box(&pattern), "x.ron").is_err()));
    });
    group.finish();
}

criterion_group!(benches, loaders);
criterion_main!(benches);

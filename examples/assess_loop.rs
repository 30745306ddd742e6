//! Runs the full assessment of one workload file a given number of times: the
//! harness for counting instructions with callgrind (BENCHMARKS.md), which
//! this machine's noise does not move. Not part of the shipped binary.
//!
//! `cargo build --release --example assess_loop`, then
//! `valgrind --tool=callgrind target/release/examples/assess_loop FILE.ron 11`
//! and the same with 1: the difference over 10 is one assessment.

use std::hint::black_box;
use std::path::Path;
use std::process::ExitCode;

use serverless_advisor::advice::assess;
use serverless_advisor::catalogue::Catalogue;
use serverless_advisor::pricing::PriceBook;
use serverless_advisor::workload::Workload;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(file), count) = (args.next(), args.next()) else {
        eprintln!("usage: assess_loop WORKLOAD.ron [TIMES]");
        return ExitCode::from(2);
    };
    let Ok(times) = count.as_deref().unwrap_or("100").parse::<u32>() else {
        eprintln!("TIMES must be a whole number");
        return ExitCode::from(2);
    };
    let loaded = PriceBook::built_in().and_then(|book| {
        let catalogue = Catalogue::built_in()?;
        let workload = Workload::load(Path::new(&file), &book)?;
        Ok((book, catalogue, workload))
    });
    let (book, catalogue, workload) = match loaded {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let start = std::time::Instant::now();
    for _ in 0..times {
        black_box(assess(black_box(&workload), &book, &catalogue));
    }
    eprintln!("{:?} per assessment", start.elapsed() / times.max(1));
    ExitCode::SUCCESS
}

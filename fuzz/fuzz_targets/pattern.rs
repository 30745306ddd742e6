//! Pattern files: any text either loads (and then lays out, draws and can
//! be matched and reported) or is refused with a message naming the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serverless_advisor::catalogue::{Pattern, layout};
use serverless_advisor::report;
use serverless_advisor::workload::Workload;

mod common;

const SAMPLE: &str = include_str!("../../assets/workloads/thumbnail_generator.ron");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Pattern::from_ron(text, "fuzz.ron") {
        Ok(pattern) => {
            let l = layout(&pattern);
            for n in &l.nodes {
                assert!(n.x.is_finite() && n.y.is_finite() && n.width > 0.0 && n.height > 0.0, "{n:?}");
            }
            let _ = report::svg::diagram(&l, &pattern.name);
            let mut catalogue = common::built_in_catalogue().clone();
            if catalogue.add(pattern, "fuzz.ron", text).is_ok() {
                let book = common::built_in_book();
                let w = Workload::from_ron(SAMPLE, "sample.ron", book).expect("sample");
                common::assess_and_report(&w, book, &catalogue);
                let _ = report::patterns_json(&catalogue);
                let _ = report::patterns_text(&catalogue);
            }
        }
        Err(e) => {
            let message = e.to_string();
            assert!(message.contains("fuzz.ron"), "no file name: {message}");
        }
    }
});

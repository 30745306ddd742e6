//! Price books: any text either loads (and then prices every sample workload
//! it can, cleanly) or is refused with a message naming the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serverless_advisor::pricing::PriceBook;
use serverless_advisor::workload::Workload;

mod common;

const SAMPLES: [&str; 3] = [
    include_str!("../../assets/workloads/thumbnail_generator.ron"),
    include_str!("../../assets/workloads/steady_checkout_api.ron"),
    include_str!("../../assets/workloads/video_transcoding.ron"),
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match PriceBook::from_ron(text, "fuzz.ron") {
        Ok(book) => {
            for sample in SAMPLES {
                // A sample can name an instance type this book lacks: that is a clean refusal.
                if let Ok(w) = Workload::from_ron(sample, "sample.ron", &book) {
                    common::assess_and_report(&w, &book, common::built_in_catalogue());
                }
            }
        }
        Err(e) => {
            let message = e.to_string();
            assert!(message.contains("fuzz.ron"), "no file name: {message}");
        }
    }
});

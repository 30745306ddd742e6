//! Workload files: any text either loads (and then assesses and reports
//! cleanly) or is refused with a message naming the file and a position.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serverless_advisor::workload::Workload;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let book = common::built_in_book();
    match Workload::from_ron(text, "fuzz.ron", book) {
        Ok(w) => {
            common::assess_and_report(&w, book, common::built_in_catalogue());
            // Saving and loading again gives the same workload.
            let saved = w.to_ron();
            let again = Workload::from_ron(&saved, "saved.ron", book).expect("reloads");
            assert_eq!(w, again);
        }
        Err(e) => {
            let message = e.to_string();
            assert!(message.contains("fuzz.ron"), "no file name: {message}");
        }
    }
});

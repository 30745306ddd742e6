//! The module boundaries the README promises: the domain code never imports
//! the window toolkit, and the workload format knows nothing of prices.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `.rs` file of a module, whether it is `src/NAME.rs` or `src/NAME/`.
fn module(name: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join(name), &mut files);
    let single = root.join(format!("{name}.rs"));
    if single.exists() {
        files.push(single);
    }
    assert!(!files.is_empty(), "module {name} has no files");
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            (p, text)
        })
        .collect()
}

/// Code lines only: comments may name anything.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l))
}

#[test]
fn the_domain_code_never_imports_the_window_toolkit() {
    for name in ["workload", "pricing", "cost", "advice", "catalogue", "report"] {
        for (path, text) in module(name) {
            for (line, code) in code_lines(&text) {
                for toolkit in ["egui", "eframe", "rfd::"] {
                    assert!(
                        !code.contains(toolkit),
                        "{}:{line} names {toolkit}: {code}",
                        path.display()
                    );
                }
            }
        }
    }
}

#[test]
fn the_workload_module_imports_neither_pricing_nor_cost() {
    for (path, text) in module("workload") {
        for (line, code) in code_lines(&text) {
            for other in ["crate::pricing", "crate::cost", "crate::advice"] {
                assert!(
                    !code.contains(other),
                    "{}:{line} reaches into {other}: {code}",
                    path.display()
                );
            }
        }
    }
}

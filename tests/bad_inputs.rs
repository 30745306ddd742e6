//! Bad input through the real binary: every file under `tests/bad_inputs/` must end
//! with exit 1 and the message its `.expected` file lists (one required piece per
//! line), never a panic, a crash or a hang. A seeded mutation fuzz of the sample
//! workloads checks the same for thousands of broken variants.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_serverless-advisor");
const TIMEOUT: Duration = Duration::from_secs(20);

/// Runs the binary with a time limit; a hang fails the test.
fn run(args: &[&std::ffi::OsStr]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the binary");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("hung for more than {TIMEOUT:?}: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn assert_clean_failure(output: &Output, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{what} panicked:\n{stderr}");
    assert!(
        output.status.code().is_some(),
        "{what} died from a signal: {:?}\n{stderr}",
        output.status
    );
    stderr
}

fn cases(folder: &str) -> Vec<(PathBuf, Vec<String>)> {
    let dir = Path::new("tests/bad_inputs").join(folder);
    let mut out: Vec<(PathBuf, Vec<String>)> = std::fs::read_dir(&dir)
        .expect("case folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| {
            let expected = std::fs::read_to_string(p.with_extension("expected"))
                .unwrap_or_else(|_| panic!("{} has no .expected file", p.display()));
            let lines = expected
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
            (p, lines)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty());
    out
}

fn check(output: &Output, path: &Path, expected: &[String]) {
    let stderr = assert_clean_failure(output, &path.display().to_string());
    assert_eq!(output.status.code(), Some(1), "{}: {stderr}", path.display());
    for piece in expected {
        assert!(
            stderr.contains(piece.as_str()),
            "{}: missing {piece:?} in:\n{stderr}",
            path.display()
        );
    }
}

#[test]
fn bad_workload_files() {
    let cases = cases("workload");
    assert!(cases.len() >= 25);
    for (path, expected) in cases {
        let output = run(&["report".as_ref(), path.as_os_str()]);
        check(&output, &path, &expected);
        assert!(
            output.stdout.is_empty(),
            "{}: no report on a bad file",
            path.display()
        );
    }
}

#[test]
fn bad_price_books() {
    for (path, expected) in cases("pricing") {
        let output = run(&[
            "report".as_ref(),
            "assets/workloads/mvp_backend.ron".as_ref(),
            "--pricing".as_ref(),
            path.as_os_str(),
        ]);
        check(&output, &path, &expected);
    }
}

#[test]
fn bad_pattern_files() {
    for (path, expected) in cases("patterns") {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        let output = run(&["patterns".as_ref(), "--check".as_ref(), dir.path().as_os_str()]);
        check(&output, &path, &expected);
    }
}

#[test]
fn very_large_files_are_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    let description = "x".repeat(5 * 1024 * 1024);
    std::fs::write(
        &path,
        format!("Workload(name: \"big\", description: \"{description}\")"),
    )
    .unwrap();
    let output = run(&["report".as_ref(), path.as_os_str()]);
    let stderr = assert_clean_failure(&output, "large file");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.contains("too large"), "{stderr}");
    // Just under the limit, a very long description is refused by validation, not by size.
    let path = dir.path().join("long.ron");
    std::fs::write(
        &path,
        format!(
            "Workload(name: \"long\", description: \"{}\")",
            "y".repeat(20_000)
        ),
    )
    .unwrap();
    let output = run(&["report".as_ref(), path.as_os_str()]);
    let stderr = assert_clean_failure(&output, "long description");
    assert!(
        stderr.contains("description") && stderr.contains("too long"),
        "{stderr}"
    );
}

/// A small, seeded generator so every run tries the same mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SPLICES: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "\\",
    "/*",
    "//",
    "\n",
    "-",
    "NaN",
    "inf",
    "-inf",
    "1e400",
    "99999999999999999999",
    "-1",
    "0",
    "Some(",
    "None",
    "true",
    "r#\"",
    "\u{0}",
    "é",
    "🦀",
    "Unknown",
    "memory_mb",
    "name",
    "Workload(",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 if !bytes.is_empty() => {
                let end = (at + 1 + rng.below(12)).min(bytes.len());
                bytes.drain(at.min(bytes.len())..end);
            }
            1 => {
                let splice = SPLICES[rng.below(SPLICES.len())].as_bytes();
                bytes.splice(at..at, splice.iter().copied());
            }
            2 => bytes.truncate(at),
            3 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] = (rng.next() & 0xff) as u8;
            }
            4 => {
                // Swap a number for an extreme one.
                let s = String::from_utf8_lossy(&bytes).into_owned();
                if let Some(pos) = s[at.min(s.len())..]
                    .find(|c: char| c.is_ascii_digit())
                    .map(|p| p + at.min(s.len()))
                {
                    let end = s[pos..]
                        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                        .map_or(s.len(), |e| e + pos);
                    let replacement =
                        ["-5", "1e308", "0", "NaN", "18446744073709551616", "0.0000001"][rng.below(6)];
                    let mut out = s[..pos].to_owned();
                    out.push_str(replacement);
                    out.push_str(&s[end..]);
                    bytes = out.into_bytes();
                }
            }
            _ => {
                let line_start = bytes[..at.min(bytes.len())]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |p| p + 1);
                let line_end = bytes[at.min(bytes.len())..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(bytes.len(), |p| p + at.min(bytes.len()));
                let line = bytes[line_start..line_end].to_vec();
                bytes.splice(
                    line_start..line_start,
                    line.into_iter().chain(std::iter::once(b'\n')),
                );
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn seeded_mutation_fuzz_of_sample_workloads() {
    let dir = tempfile::tempdir().unwrap();
    let mut samples: Vec<PathBuf> = std::fs::read_dir("assets/workloads")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    samples.sort();
    let mut rng = Rng(0x5EED_CAFE_F00D_1234);
    let mut failures = 0;
    let mut runs = 0;
    for sample in &samples {
        let text = std::fs::read_to_string(sample).unwrap();
        for i in 0..30 {
            let mutated = mutate(&text, &mut rng);
            let path = dir.path().join(format!("m{i}.ron"));
            std::fs::write(&path, &mutated).unwrap();
            let output = run(&[
                "report".as_ref(),
                path.as_os_str(),
                "--format".as_ref(),
                "md".as_ref(),
            ]);
            runs += 1;
            let stderr =
                assert_clean_failure(&output, &format!("mutation of {}:\n{mutated}", sample.display()));
            match output.status.code() {
                Some(0) => assert!(!output.stdout.is_empty()),
                Some(1) => {
                    failures += 1;
                    // A clear message: the file, a line and a column.
                    let prefix = format!("{}:", path.display());
                    assert!(
                        stderr.contains(&prefix),
                        "no file:line:col in {stderr:?} for\n{mutated}"
                    );
                }
                other => panic!("exit {other:?} for\n{mutated}\n{stderr}"),
            }
        }
    }
    assert!(runs >= 300);
    // Most mutations break the file; each was refused cleanly above.
    assert!(failures > runs / 2, "{failures} of {runs} refused");
}

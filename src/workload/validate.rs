//! Range checks for a parsed workload, each failure a [`FileError`] that points
//! at the field in the file.

use super::{FORMAT_VERSION, InstanceTypes, Workload};
use crate::source::{FileError, SourceMap, shorten};

/// The smallest function memory any platform offers, in MB.
pub const MEMORY_MIN_MB: u32 = 128;
/// The largest memory a workload may ask for, in MB (Lambda's maximum).
pub const MEMORY_MAX_MB: u32 = 10_240;
/// The largest monthly volume accepted (well past the plots' 1e11).
pub const MONTHLY_REQUESTS_MAX: f64 = 1e12;
/// The largest peak-to-average ratio accepted.
pub const PEAK_TO_AVERAGE_MAX: f64 = 10_000.0;
/// The longest duration accepted for one request, in milliseconds (one day).
pub const DURATION_MAX_MS: f64 = 86_400_000.0;
/// The longest single job accepted, in seconds (one week).
pub const MAX_DURATION_MAX_S: f64 = 604_800.0;
/// The loosest p99 target accepted, in milliseconds (one week, like the longest job).
pub const P99_TARGET_MAX_MS: f64 = 604_800_000.0;
/// The most instances or provisioned function instances accepted.
pub const INSTANCES_MAX: u32 = 100_000;
/// The most requests one instance may be set to serve at once (Cloud Run's maximum).
pub const CONCURRENCY_MAX: u32 = 1000;
/// The most data one request may send out or log, in KB of 1,000 bytes (10 MB).
pub const KB_PER_REQUEST_MAX: f64 = 10_000.0;
/// The largest negotiated discount accepted: a fraction off every list price.
pub const NEGOTIATED_DISCOUNT_MAX: f64 = 0.9;
/// The most engineer-days a move may be given (a hundred engineer-years).
pub const EFFORT_DAYS_MAX: f64 = 25_000.0;
/// The highest loaded cost of an engineer-day accepted, USD.
pub const ENGINEER_DAY_USD_MAX: f64 = 10_000.0;
/// The longest payback horizon, in months.
pub const HORIZON_MONTHS_MAX: u32 = 120;
/// The longest name accepted, in characters.
pub const NAME_MAX_CHARS: usize = 200;
/// The longest description accepted, in characters.
pub const DESCRIPTION_MAX_CHARS: usize = 10_000;

struct Checker<'a> {
    file: &'a str,
    map: &'a SourceMap,
    errors: Vec<FileError>,
    /// Problems counted but not written out (past [`crate::source::WRITTEN_PROBLEMS`]).
    unlisted: usize,
}

impl Checker<'_> {
    fn fail(&mut self, field: &str, value: String, problem: String, allowed: String) {
        if self.errors.len() >= crate::source::WRITTEN_PROBLEMS {
            self.unlisted += 1;
            return;
        }
        let pos = self.map.locate(field);
        let written = self.map.value_text(field);
        self.errors.push(FileError {
            file: self.file.to_owned(),
            line: pos.line,
            column: pos.column,
            field: field.to_owned(),
            value: written.unwrap_or(value),
            problem,
            allowed,
        });
    }

    /// A number that must be finite and within `[min, max]` (`min` excluded when `open_min`).
    fn number(&mut self, field: &str, value: f64, min: f64, max: f64, open_min: bool, unit: &str) {
        let unit_sp = if unit.is_empty() {
            String::new()
        } else {
            format!(" {unit}")
        };
        let allowed = if open_min {
            format!("more than {min} and at most {max}{unit_sp}")
        } else {
            format!("{min} to {max}{unit_sp}")
        };
        let problem = if value.is_nan() {
            "is not a number".to_owned()
        } else if value.is_infinite() {
            "is infinite".to_owned()
        } else if open_min && value <= min && value >= 0.0 && min == 0.0 {
            format!("must be more than {min}")
        } else if (open_min && value <= min) || value < min {
            if min == 0.0 && value < 0.0 {
                "is negative".to_owned()
            } else {
                format!("is below the minimum of {min}{unit_sp}")
            }
        } else if value > max {
            format!("is above the maximum of {max}{unit_sp}")
        } else {
            return;
        };
        self.fail(field, value.to_string(), problem, allowed);
    }
}

/// Every rule a workload must pass. `file` and `map` place each error in the
/// file; with an empty map, errors point at line 1.
#[must_use]
pub fn validate(w: &Workload, prices: &impl InstanceTypes, file: &str, map: &SourceMap) -> Vec<FileError> {
    let (errors, unlisted) = validate_counted(w, prices, file, map);
    crate::source::FileErrors::capped_to(errors, unlisted, crate::source::WRITTEN_PROBLEMS).0
}

/// [`validate`]'s problems as written out (the first
/// [`crate::source::WRITTEN_PROBLEMS`]) and how many more it counted.
pub(crate) fn validate_counted(
    w: &Workload,
    prices: &impl InstanceTypes,
    file: &str,
    map: &SourceMap,
) -> (Vec<FileError>, usize) {
    let mut c = Checker {
        file,
        map,
        errors: Vec::new(),
        unlisted: 0,
    };
    if w.format_version != FORMAT_VERSION {
        c.fail(
            "format_version",
            w.format_version.to_string(),
            "is a format version this build does not read".into(),
            format!("{FORMAT_VERSION}"),
        );
    }
    if w.name.trim().is_empty() {
        c.fail(
            "name",
            format!("{:?}", w.name),
            "is empty".into(),
            "a short name, e.g. \"Thumbnail generator\"".into(),
        );
    }
    if w.name.chars().count() > NAME_MAX_CHARS {
        c.fail(
            "name",
            shorten(&w.name),
            "is too long".into(),
            format!("at most {NAME_MAX_CHARS} characters"),
        );
    }
    if w.description.chars().count() > DESCRIPTION_MAX_CHARS {
        c.fail(
            "description",
            shorten(&w.description),
            "is too long".into(),
            format!("at most {DESCRIPTION_MAX_CHARS} characters"),
        );
    }

    let t = &w.traffic;
    c.number(
        "traffic.monthly_requests",
        t.monthly_requests,
        0.0,
        MONTHLY_REQUESTS_MAX,
        false,
        "requests",
    );
    if let Some(peak) = t.peak_to_average {
        c.number(
            "traffic.peak_to_average",
            peak,
            1.0,
            PEAK_TO_AVERAGE_MAX,
            false,
            "",
        );
    }
    c.number(
        "traffic.growth_per_month",
        t.growth_per_month,
        -0.99,
        10.0,
        false,
        "",
    );

    let d = &w.data;
    if let Some(kb) = d.response_kb {
        c.number(
            "data.response_kb",
            kb,
            0.0,
            KB_PER_REQUEST_MAX,
            false,
            "KB per request",
        );
    }
    if let Some(kb) = d.log_kb_per_request {
        c.number(
            "data.log_kb_per_request",
            kb,
            0.0,
            KB_PER_REQUEST_MAX,
            false,
            "KB per request",
        );
    }

    let e = &w.execution;
    c.number(
        "execution.avg_duration_ms",
        e.avg_duration_ms,
        0.0,
        DURATION_MAX_MS,
        true,
        "ms",
    );
    // A p99 or maximum the file leaves out is derived from the mean; a bad mean is
    // reported once, not again through the values derived from it.
    let avg_ok = e.avg_duration_ms.is_finite() && e.avg_duration_ms > 0.0;
    let derived = |path: &str| !map.text().is_empty() && map.field(path).is_none();
    if !avg_ok && derived("execution.p99_duration_ms") && derived("execution.max_duration_s") {
        return finish(c, w, prices);
    }
    c.number(
        "execution.p99_duration_ms",
        e.p99_duration_ms,
        0.0,
        DURATION_MAX_MS,
        true,
        "ms",
    );
    if e.p99_duration_ms.is_finite() && e.avg_duration_ms.is_finite() && e.p99_duration_ms < e.avg_duration_ms
    {
        c.fail(
            "execution.p99_duration_ms",
            e.p99_duration_ms.to_string(),
            format!(
                "is below the average duration (avg_duration_ms = {} ms)",
                e.avg_duration_ms
            ),
            "at least the average duration".into(),
        );
    }
    c.number(
        "execution.max_duration_s",
        e.max_duration_s,
        0.0,
        MAX_DURATION_MAX_S,
        true,
        "s",
    );
    if e.max_duration_s.is_finite()
        && e.p99_duration_ms.is_finite()
        && e.max_duration_s * 1000.0 < e.p99_duration_ms
    {
        c.fail(
            "execution.max_duration_s",
            e.max_duration_s.to_string(),
            format!(
                "is shorter than the p99 duration (p99_duration_ms = {} ms), yet it is the longest job",
                e.p99_duration_ms
            ),
            format!("at least {} s", e.p99_duration_ms / 1000.0),
        );
    }
    finish(c, w, prices)
}

/// The checks after the durations.
fn finish(mut c: Checker<'_>, w: &Workload, prices: &impl InstanceTypes) -> (Vec<FileError>, usize) {
    let e = &w.execution;
    if e.memory_mb < MEMORY_MIN_MB {
        c.fail(
            "execution.memory_mb",
            e.memory_mb.to_string(),
            format!("is below the {MEMORY_MIN_MB} MB minimum"),
            format!("{MEMORY_MIN_MB} to {MEMORY_MAX_MB} MB"),
        );
    } else if e.memory_mb > MEMORY_MAX_MB {
        c.fail(
            "execution.memory_mb",
            e.memory_mb.to_string(),
            format!("is above the {MEMORY_MAX_MB} MB maximum"),
            format!("{MEMORY_MIN_MB} to {MEMORY_MAX_MB} MB"),
        );
    }
    if let Some(n) = e.concurrency_per_instance
        && !(1..=CONCURRENCY_MAX).contains(&n)
    {
        c.fail(
            "execution.concurrency_per_instance",
            format!("Some({n})"),
            if n == 0 {
                "must be at least 1 request at a time".into()
            } else {
                format!("is above the maximum of {CONCURRENCY_MAX} requests at a time")
            },
            format!("Some(1) to Some({CONCURRENCY_MAX}), or None for each platform's default"),
        );
    }

    for (i, trigger) in w.triggers.iter().enumerate() {
        if w.triggers[..i].contains(trigger) {
            if c.errors.len() >= crate::source::WRITTEN_PROBLEMS {
                // Counted, not written: a list of 400,000 repeats stays linear and quick.
                c.unlisted += 1;
                continue;
            }
            c.fail(
                &format!("triggers[{i}]"),
                trigger.file_name().into(),
                "is listed twice".into(),
                "each trigger at most once".into(),
            );
        }
    }

    c.number(
        "latency.p99_target_ms",
        w.latency.p99_target_ms,
        0.0,
        P99_TARGET_MAX_MS,
        true,
        "ms",
    );

    c.number(
        "pricing.negotiated_discount",
        w.pricing.negotiated_discount,
        0.0,
        NEGOTIATED_DISCOUNT_MAX,
        false,
        "",
    );
    if let Some(e) = c.errors.last_mut()
        && e.field == "pricing.negotiated_discount"
    {
        e.allowed
            .push_str(", a fraction off every list price (0.15 for 15%)");
    }
    c.number(
        "migration.effort_days",
        w.migration.effort_days,
        0.0,
        EFFORT_DAYS_MAX,
        false,
        "engineer-days",
    );
    c.number(
        "migration.engineer_day_usd",
        w.migration.engineer_day_usd,
        0.0,
        ENGINEER_DAY_USD_MAX,
        false,
        "USD a day",
    );
    if !(1..=HORIZON_MONTHS_MAX).contains(&w.migration.horizon_months) {
        c.fail(
            "migration.horizon_months",
            w.migration.horizon_months.to_string(),
            if w.migration.horizon_months == 0 {
                "must be at least 1".to_owned()
            } else {
                format!("is above the maximum of {HORIZON_MONTHS_MAX} months")
            },
            format!("1 to {HORIZON_MONTHS_MAX} months"),
        );
    }
    if w.pricing.provisioned_concurrency > INSTANCES_MAX {
        c.fail(
            "pricing.provisioned_concurrency",
            w.pricing.provisioned_concurrency.to_string(),
            format!("is above the maximum of {INSTANCES_MAX}"),
            format!("0 to {INSTANCES_MAX}"),
        );
    }

    let s = &w.servers;
    if !prices.has_instance(&s.instance) {
        c.fail(
            "servers.instance",
            format!("{:?}", s.instance),
            "is not an instance type in the price book".into(),
            format!("one of {}", prices.instance_type_names().join(", ")),
        );
    }
    c.number(
        "servers.target_utilization",
        s.target_utilization,
        0.0,
        1.0,
        true,
        "",
    );
    if s.min_instances > INSTANCES_MAX {
        c.fail(
            "servers.min_instances",
            s.min_instances.to_string(),
            format!("is above the maximum of {INSTANCES_MAX}"),
            format!("0 to {INSTANCES_MAX}"),
        );
    }
    (c.errors, c.unlisted)
}

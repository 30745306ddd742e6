//! The advice engine's weights and thresholds, read from `assets/advice.ron`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::source::{self, FileError, FileErrors, LoadError, SourceMap};
use crate::workload::{Hardware, Level, Stage, State};

/// The rules compiled into the binary.
pub const BUILT_IN: &str = include_str!("../../assets/advice.ron");
/// How the built-in rules are named in messages.
pub const BUILT_IN_NAME: &str = "<built-in assets/advice.ron>";

/// Weights, thresholds and leans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceRules {
    /// Format version, 1.
    pub format_version: u32,
    /// How much each criterion counts.
    pub weights: Weights,
    /// Where leans start and end.
    pub thresholds: Thresholds,
    /// Fixed leans per answer.
    pub leans: Leans,
    /// The people's time each kind of option takes to run, priced when the
    /// workload gives an engineer-day cost (a file without it uses these defaults).
    #[serde(default)]
    pub operations: Operations,
}

/// Engineer-hours a month one kind of option takes to run, and where the figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpsTime {
    /// Engineer-hours a month.
    pub hours_per_month: f64,
    /// Its source, or "stated assumption: " and the reasoning.
    pub basis: String,
}

/// The people's time to run each kind of option, kept apart from the cloud bill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operations {
    /// Hours in an engineer-day, to price hours at the day rate.
    pub hours_per_day: f64,
    /// A server fleet: OS patching, capacity and scaling, images and deploys, on-call.
    pub server: OpsTime,
    /// Containers on a managed platform (Fargate, Cloud Run, Container Apps).
    pub container: OpsTime,
    /// Functions.
    pub function: OpsTime,
}

impl Default for Operations {
    fn default() -> Self {
        let stated = |text: &str| format!("stated assumption: {text}");
        Self {
            hours_per_day: 8.0,
            server: OpsTime {
                hours_per_month: 16.0,
                basis: stated(
                    "monthly OS and runtime patching with a reboot round (4 h), capacity and scaling reviews (4 h), image and deploy pipeline upkeep (4 h), and the fleet's share of on-call (4 h)",
                ),
            },
            container: OpsTime {
                hours_per_month: 6.0,
                basis: stated(
                    "base-image updates and rebuilds (2 h), task or service sizing and scaling settings (2 h), and a smaller on-call share (2 h): the platform patches and scales the hosts",
                ),
            },
            function: OpsTime {
                hours_per_month: 3.0,
                basis: stated(
                    "runtime version upgrades before deprecation, concurrency and timeout settings (2 h), and on-call for throttles and errors (1 h): the platform runs everything under the code",
                ),
            },
        }
    }
}

impl Operations {
    /// The engineer-hours a month an option of `kind` takes.
    #[must_use]
    pub fn hours(&self, kind: crate::cost::OptionKind) -> f64 {
        match kind {
            crate::cost::OptionKind::Server => self.server.hours_per_month,
            crate::cost::OptionKind::Container => self.container.hours_per_month,
            crate::cost::OptionKind::Function => self.function.hours_per_month,
        }
    }

    /// USD a month of people's time for an option of `kind` at `day_usd` an engineer-day.
    #[must_use]
    pub fn usd(&self, kind: crate::cost::OptionKind, day_usd: f64) -> f64 {
        self.hours(kind) * day_usd / self.hours_per_day.max(1e-9)
    }

    /// The basis of the figure for `kind`.
    #[must_use]
    pub fn basis(&self, kind: crate::cost::OptionKind) -> &str {
        match kind {
            crate::cost::OptionKind::Server => &self.server.basis,
            crate::cost::OptionKind::Container => &self.container.basis,
            crate::cost::OptionKind::Function => &self.function.basis,
        }
    }
}

/// How much each criterion counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Weights {
    pub traffic_variability: f64,
    pub event_driven: f64,
    pub job_duration: f64,
    pub cost: f64,
    pub latency: f64,
    pub state: f64,
    pub hardware: f64,
    pub team_ops: f64,
    pub stage: f64,
    pub lock_in: f64,
    pub hard_stops: f64,
    /// Moving against staying, for a workload that runs somewhere today (a
    /// file without it uses 3.0).
    #[serde(default = "default_migration_weight")]
    pub migration: f64,
}

fn default_migration_weight() -> f64 {
    3.0
}

/// Where leans start and end (see the comments in `assets/advice.ron`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Thresholds {
    pub neutral_peak_to_average: f64,
    pub variable_peak_to_average: f64,
    pub steady_lean: f64,
    pub idle_share_full: f64,
    pub short_job_ms: f64,
    pub near_limit_share: f64,
    pub cost_ratio_full: f64,
    pub cost_floor_usd: f64,
    pub cost_gap_full_usd: f64,
    pub cost_gap_min_share: f64,
    pub cost_weight_max_factor: f64,
    pub hybrid_margin_points: f64,
    pub hybrid_margin_share: f64,
    pub sub_millisecond_ms: f64,
    /// One side this many times dearer than the other, both meeting every
    /// stated requirement, loses on cost alone (3 when the file does not say).
    #[serde(default = "default_cost_ratio_decisive")]
    pub cost_ratio_decisive: f64,
}

fn default_cost_ratio_decisive() -> f64 {
    3.0
}

/// Fixed leans per answer, -1 (servers) to +1 (serverless).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Leans {
    pub state: BTreeMap<State, f64>,
    pub hardware: BTreeMap<Hardware, f64>,
    pub ops_capacity: BTreeMap<Level, f64>,
    pub stage: BTreeMap<Stage, f64>,
    pub lock_in_tolerance: BTreeMap<Level, f64>,
    pub all_events: f64,
    pub http_only: f64,
    pub mixed_triggers: f64,
    pub no_triggers: f64,
    pub job_duration: DurationLeans,
    pub latency: LatencyLeans,
    pub hard_stops: HardStopLeans,
}

/// Leans of the job-duration criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct DurationLeans {
    pub past_every_limit: f64,
    pub near_limit: f64,
    pub short: f64,
    pub long: f64,
}

/// Leans of the latency criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct LatencyLeans {
    pub met: f64,
    pub warm_overhead_misses: f64,
    pub cold_starts_tolerated: f64,
    pub cold_starts_miss: f64,
    /// Cold starts miss the target, and ready instances (priced in the cost) fix it.
    #[serde(default = "default_ready_instances_fix")]
    pub ready_instances_fix: f64,
}

fn default_ready_instances_fix() -> f64 {
    -0.2
}

/// Leans of the hard-stops criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct HardStopLeans {
    pub all_serverless_blocked: f64,
    pub long_jobs_only: f64,
    pub some_blocked: f64,
}

impl AdviceRules {
    /// The rules compiled into the binary.
    ///
    /// # Errors
    /// Only if the embedded file is broken, which the test suite rules out.
    pub fn built_in() -> Result<Self, LoadError> {
        Self::from_ron(BUILT_IN, BUILT_IN_NAME)
    }

    /// Reads, parses and validates a rules file.
    ///
    /// # Errors
    /// As [`AdviceRules::from_ron`], plus I/O errors.
    pub fn load(path: &std::path::Path) -> Result<Self, LoadError> {
        let text = source::read_text(path)?;
        Self::from_ron(&text, &path.display().to_string())
    }

    /// Parses and validates a rules file.
    ///
    /// # Errors
    /// Syntax errors, unknown fields, missing answers and numbers out of range.
    pub fn from_ron(text: &str, file: &str) -> Result<Self, LoadError> {
        source::check_size(file, text.len())?;
        let rules: Self = ron::Options::default()
            .from_str(text)
            .map_err(|e| LoadError::from(source::ron_error(file, text, &e)))?;
        let map = SourceMap::new(text);
        let mut errors = Vec::new();
        let mut fail = |field: &str, value: f64, allowed: &str| {
            let pos = map.locate(field);
            errors.push(FileError {
                file: file.to_owned(),
                line: pos.line,
                column: pos.column,
                field: field.to_owned(),
                value: value.to_string(),
                problem: "is out of range".into(),
                allowed: allowed.to_owned(),
            });
        };
        let w = &rules.weights;
        for (name, v) in [
            ("traffic_variability", w.traffic_variability),
            ("event_driven", w.event_driven),
            ("job_duration", w.job_duration),
            ("cost", w.cost),
            ("latency", w.latency),
            ("state", w.state),
            ("hardware", w.hardware),
            ("team_ops", w.team_ops),
            ("stage", w.stage),
            ("lock_in", w.lock_in),
            ("hard_stops", w.hard_stops),
            ("migration", w.migration),
        ] {
            if !(v.is_finite() && (0.0..=100.0).contains(&v)) {
                fail(&format!("weights.{name}"), v, "0 to 100");
            }
        }
        let o = &rules.operations;
        for (name, v) in [
            ("operations.server.hours_per_month", o.server.hours_per_month),
            (
                "operations.container.hours_per_month",
                o.container.hours_per_month,
            ),
            ("operations.function.hours_per_month", o.function.hours_per_month),
        ] {
            if !(v.is_finite() && (0.0..=744.0).contains(&v)) {
                fail(name, v, "0 to 744 hours a month");
            }
        }
        if !(o.hours_per_day.is_finite() && (1.0..=24.0).contains(&o.hours_per_day)) {
            fail("operations.hours_per_day", o.hours_per_day, "1 to 24");
        }
        let l = &rules.leans;
        let mut leans: Vec<(String, f64)> = vec![
            ("leans.all_events".into(), l.all_events),
            ("leans.http_only".into(), l.http_only),
            ("leans.mixed_triggers".into(), l.mixed_triggers),
            ("leans.no_triggers".into(), l.no_triggers),
            ("thresholds.steady_lean".into(), rules.thresholds.steady_lean),
            (
                "leans.job_duration.past_every_limit".into(),
                l.job_duration.past_every_limit,
            ),
            ("leans.job_duration.near_limit".into(), l.job_duration.near_limit),
            ("leans.job_duration.short".into(), l.job_duration.short),
            ("leans.job_duration.long".into(), l.job_duration.long),
            ("leans.latency.met".into(), l.latency.met),
            (
                "leans.latency.warm_overhead_misses".into(),
                l.latency.warm_overhead_misses,
            ),
            (
                "leans.latency.cold_starts_tolerated".into(),
                l.latency.cold_starts_tolerated,
            ),
            (
                "leans.latency.cold_starts_miss".into(),
                l.latency.cold_starts_miss,
            ),
            (
                "leans.hard_stops.all_serverless_blocked".into(),
                l.hard_stops.all_serverless_blocked,
            ),
            (
                "leans.hard_stops.long_jobs_only".into(),
                l.hard_stops.long_jobs_only,
            ),
            ("leans.hard_stops.some_blocked".into(), l.hard_stops.some_blocked),
            (
                "leans.latency.ready_instances_fix".into(),
                l.latency.ready_instances_fix,
            ),
        ];
        leans.extend(l.state.iter().map(|(k, v)| (format!("leans.state.{k:?}"), *v)));
        leans.extend(
            l.hardware
                .iter()
                .map(|(k, v)| (format!("leans.hardware.{k:?}"), *v)),
        );
        leans.extend(
            l.ops_capacity
                .iter()
                .map(|(k, v)| (format!("leans.ops_capacity.{k:?}"), *v)),
        );
        leans.extend(l.stage.iter().map(|(k, v)| (format!("leans.stage.{k:?}"), *v)));
        leans.extend(
            l.lock_in_tolerance
                .iter()
                .map(|(k, v)| (format!("leans.lock_in_tolerance.{k:?}"), *v)),
        );
        for (field, v) in leans {
            if !(v.is_finite() && (-1.0..=1.0).contains(&v)) {
                fail(&field, v, "-1 (servers) to 1 (serverless)");
            }
        }
        let t = &rules.thresholds;
        for (name, v, lo, hi) in [
            ("neutral_peak_to_average", t.neutral_peak_to_average, 1.0, 100.0),
            ("variable_peak_to_average", t.variable_peak_to_average, 1.0, 200.0),
            ("idle_share_full", t.idle_share_full, 0.01, 1.0),
            ("short_job_ms", t.short_job_ms, 1.0, 900_000.0),
            ("near_limit_share", t.near_limit_share, 0.01, 1.0),
            ("cost_ratio_full", t.cost_ratio_full, 1.01, 100.0),
            ("cost_floor_usd", t.cost_floor_usd, 0.0, 1e6),
            ("cost_gap_full_usd", t.cost_gap_full_usd, 0.01, 1e9),
            ("cost_gap_min_share", t.cost_gap_min_share, 0.0, 1.0),
            ("cost_weight_max_factor", t.cost_weight_max_factor, 1.0, 10.0),
            ("hybrid_margin_points", t.hybrid_margin_points, 0.0, 100.0),
            ("hybrid_margin_share", t.hybrid_margin_share, 0.0, 1.0),
            ("sub_millisecond_ms", t.sub_millisecond_ms, 0.0, 1000.0),
            ("cost_ratio_decisive", t.cost_ratio_decisive, 1.01, 1000.0),
        ] {
            if !(v.is_finite() && (lo..=hi).contains(&v)) {
                fail(&format!("thresholds.{name}"), v, &format!("{lo} to {hi}"));
            }
        }
        if t.variable_peak_to_average <= t.neutral_peak_to_average {
            fail(
                "thresholds.variable_peak_to_average",
                t.variable_peak_to_average,
                "more than neutral_peak_to_average",
            );
        }
        let mut missing = |field: &str, what: String| {
            let pos = map.locate(field);
            errors.push(FileError {
                file: file.to_owned(),
                line: pos.line,
                column: pos.column,
                field: field.to_owned(),
                value: String::new(),
                problem: format!("has no entry for {what}"),
                allowed: "an entry for every answer".into(),
            });
        };
        for s in State::ALL.iter().filter(|s| !l.state.contains_key(s)) {
            missing("leans.state", s.file_name().into());
        }
        for h in Hardware::ALL.iter().filter(|h| !l.hardware.contains_key(h)) {
            missing("leans.hardware", h.file_name().into());
        }
        for v in Level::ALL.iter().filter(|v| !l.ops_capacity.contains_key(v)) {
            missing("leans.ops_capacity", v.file_name().into());
        }
        for v in Stage::ALL.iter().filter(|v| !l.stage.contains_key(v)) {
            missing("leans.stage", v.file_name().into());
        }
        for v in Level::ALL.iter().filter(|v| !l.lock_in_tolerance.contains_key(v)) {
            missing("leans.lock_in_tolerance", v.file_name().into());
        }
        if errors.is_empty() {
            Ok(rules)
        } else {
            Err(LoadError::Invalid(FileErrors::capped(errors)))
        }
    }
}

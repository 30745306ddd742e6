//! Checks a parsed price book: every number finite and non-negative, every
//! source id known, every date a real date, tiers in order, and the facts the
//! engine relies on (an instance per cloud, a cold start per runtime) present.

use serde_json::Value;

use super::{FORMAT_VERSION, MemoryCpu, PriceBook, Tiered};
use crate::source::{FileError, SourceMap};
use crate::workload::{Provider, Runtime};

struct Checker<'a> {
    file: &'a str,
    map: &'a SourceMap,
    errors: Vec<FileError>,
    /// Problems counted but not written out (past [`crate::source::WRITTEN_PROBLEMS`]).
    unlisted: usize,
}

impl Checker<'_> {
    fn fail(&mut self, field: &str, value: String, problem: &str, allowed: &str) {
        if self.errors.len() >= crate::source::WRITTEN_PROBLEMS {
            self.unlisted += 1;
            return;
        }
        let pos = self.map.locate(field);
        self.errors.push(FileError {
            file: self.file.to_owned(),
            line: pos.line,
            column: pos.column,
            field: field.to_owned(),
            value: self.map.value_text(field).unwrap_or(value),
            problem: problem.to_owned(),
            allowed: allowed.to_owned(),
        });
    }

    fn positive(&mut self, field: &str, value: f64) {
        if !value.is_finite() || value <= 0.0 {
            self.fail(
                field,
                value.to_string(),
                "must be a positive number",
                "a finite number above 0",
            );
        }
    }

    /// A discount: a fraction from 0 to `max`.
    fn fraction(&mut self, field: &str, value: f64, max: f64) {
        if !(value.is_finite() && (0.0..=max).contains(&value)) {
            self.fail(
                field,
                value.to_string(),
                "is not a discount",
                &format!("a fraction off the list price, 0 to {max}"),
            );
        }
    }

    /// Bytes in a billing unit: a decimal GB or a binary GiB, nothing else.
    fn unit_bytes(&mut self, field: &str, value: f64) {
        if value != super::GB && value != super::GIB {
            self.fail(
                field,
                value.to_string(),
                "is not a data unit the clouds bill in",
                "1000000000.0 (GB) or 1073741824.0 (GiB)",
            );
        }
    }

    fn ascending_memory(&mut self, field: &str, steps: &[MemoryCpu]) {
        if steps.is_empty() {
            self.fail(
                field,
                "[]".into(),
                "is empty",
                "at least one (memory_mb, cpu) step",
            );
        }
        for (i, step) in steps.iter().enumerate() {
            self.positive(&format!("{field}[{i}].cpu"), step.cpu);
            if i > 0 && step.memory_mb <= steps[i - 1].memory_mb {
                self.fail(
                    &format!("{field}[{i}].memory_mb"),
                    step.memory_mb.to_string(),
                    "is not above the step before it",
                    "memory sizes in ascending order",
                );
            }
        }
    }

    fn tiers(&mut self, field: &str, tiered: &Tiered) {
        let n = tiered.tiers.len();
        if n == 0 {
            self.fail(
                &format!("{field}.tiers"),
                "[]".into(),
                "has no tiers",
                "at least one tier",
            );
        }
        let mut floor = 0.0;
        for (i, tier) in tiered.tiers.iter().enumerate() {
            let path = format!("{field}.tiers[{i}]");
            match tier.up_to {
                None if i + 1 < n => self.fail(
                    &format!("{path}.up_to"),
                    "None".into(),
                    "an open tier must be the last",
                    "Some(limit) for every tier but the last",
                ),
                Some(cap) if i + 1 == n => self.fail(
                    &format!("{path}.up_to"),
                    cap.to_string(),
                    "the last tier must be open",
                    "None",
                ),
                Some(cap) if !cap.is_finite() || cap <= floor => {
                    self.fail(
                        &format!("{path}.up_to"),
                        cap.to_string(),
                        "must be above the tier before it",
                        "ascending, finite limits",
                    );
                }
                Some(cap) => floor = cap,
                None => {}
            }
        }
    }
}

fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y, 4) && all_digits(m, 2) && all_digits(d, 2)) {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1990..=2100).contains(&year) && (1..=days).contains(&day)
}

/// Walks the book as a tree and checks every `(value, source)` pair and every
/// `source` / `*_source` id, so new price fields are checked without listing them.
fn walk(c: &mut Checker<'_>, book: &PriceBook, path: &str, node: &Value) {
    match node {
        Value::Object(fields) => {
            if let Some(value) = fields.get("value") {
                match value.as_f64() {
                    Some(v) if v.is_finite() && v >= 0.0 => {}
                    _ => c.fail(
                        &format!("{path}.value"),
                        value.to_string(),
                        "must be a finite number, 0 or more",
                        "a price or limit such as 0.20",
                    ),
                }
            }
            if let Some(price) = fields.get("price") {
                match price.as_f64() {
                    Some(v) if v.is_finite() && v >= 0.0 => {}
                    _ => c.fail(
                        &format!("{path}.price"),
                        price.to_string(),
                        "must be a finite number, 0 or more",
                        "a price such as 0.0000166667",
                    ),
                }
            }
            for (key, child) in fields {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let is_source_id = key == "source" || key.ends_with("_source");
                if is_source_id && path != "sources" {
                    let id = child.as_str().unwrap_or_default();
                    if !book.sources.contains_key(id) {
                        let known: Vec<&str> = book.sources.keys().map(String::as_str).collect();
                        c.fail(
                            &child_path,
                            format!("{id:?}"),
                            "is not a source id in `sources`",
                            &format!("one of {}", known.join(", ")),
                        );
                    }
                } else {
                    walk(c, book, &child_path, child);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(c, book, &format!("{path}[{i}]"), item);
            }
        }
        _ => {}
    }
}

/// Every rule a price book must pass.
#[must_use]
pub fn validate(book: &PriceBook, file: &str, map: &SourceMap) -> Vec<FileError> {
    let mut c = Checker {
        file,
        map,
        errors: Vec::new(),
        unlisted: 0,
    };
    if book.format_version != FORMAT_VERSION {
        c.fail(
            "format_version",
            book.format_version.to_string(),
            "is a price book version this build does not read",
            &FORMAT_VERSION.to_string(),
        );
    }
    if !is_date(&book.compiled_on) {
        c.fail(
            "compiled_on",
            format!("{:?}", book.compiled_on),
            "is not a date",
            "YYYY-MM-DD",
        );
    }
    if !(book.hours_per_month.is_finite() && (600.0..=800.0).contains(&book.hours_per_month)) {
        c.fail(
            "hours_per_month",
            book.hours_per_month.to_string(),
            "is not a month's hours",
            "600 to 800 (730 by convention)",
        );
    }
    if !is_date(&book.azure_functions.linux_retires_on) {
        c.fail(
            "azure_functions.linux_retires_on",
            format!("{:?}", book.azure_functions.linux_retires_on),
            "is not a date",
            "YYYY-MM-DD",
        );
    }
    if book.sources.is_empty() {
        c.fail("sources", "{}".into(), "is empty", "at least one source");
    }
    for (id, source) in &book.sources {
        if !is_date(&source.read_on) {
            c.fail(
                &format!("sources.{id}.read_on"),
                format!("{:?}", source.read_on),
                "is not a date",
                "YYYY-MM-DD, the day the source was read",
            );
        }
        if source.title.trim().is_empty() {
            c.fail(
                &format!("sources.{id}.title"),
                "\"\"".into(),
                "is empty",
                "what the source is",
            );
        }
        if source.url.trim().is_empty() {
            c.fail(
                &format!("sources.{id}.url"),
                "\"\"".into(),
                "is empty",
                "where to find the source",
            );
        }
    }
    match serde_json::to_value(book) {
        Ok(tree) => walk(&mut c, book, "", &tree),
        Err(e) => c.fail("", String::new(), &format!("cannot be checked: {e}"), ""),
    }

    c.tiers(
        "aws_lambda.duration_per_gb_second_x86",
        &book.aws_lambda.duration_per_gb_second_x86,
    );
    c.tiers(
        "aws_lambda.duration_per_gb_second_arm",
        &book.aws_lambda.duration_per_gb_second_arm,
    );
    c.tiers("api_gateway.http_per_million", &book.api_gateway.http_per_million);
    c.tiers("api_gateway.rest_per_million", &book.api_gateway.rest_per_million);
    if let Some(t) = &book.api_gateway.gcp_per_million {
        c.tiers("api_gateway.gcp_per_million", t);
    }
    if let Some(t) = &book.api_gateway.azure_per_million {
        c.tiers("api_gateway.azure_per_million", t);
    }
    for provider in [Provider::Aws, Provider::Gcp, Provider::Azure] {
        let cloud = provider_key(provider);
        if let Some(n) = &book.network {
            let n = n.of(provider);
            c.tiers(&format!("network.{cloud}.egress_per_unit"), &n.egress_per_unit);
            c.unit_bytes(&format!("network.{cloud}.bytes_per_unit"), n.bytes_per_unit);
        }
        if let Some(l) = &book.logs {
            let l = l.of(provider);
            c.tiers(
                &format!("logs.{cloud}.function_ingest_per_unit"),
                &l.function_ingest_per_unit,
            );
            c.tiers(&format!("logs.{cloud}.ingest_per_unit"), &l.ingest_per_unit);
            c.unit_bytes(&format!("logs.{cloud}.bytes_per_unit"), l.bytes_per_unit);
            if !(l.retention_months.is_finite() && (0.0..=120.0).contains(&l.retention_months)) {
                c.fail(
                    &format!("logs.{cloud}.retention_months"),
                    l.retention_months.to_string(),
                    "is not a number of months",
                    "0 to 120",
                );
            }
        }
    }
    c.ascending_memory(
        "gcp_cloud_run.vcpus_for_memory",
        &book.gcp_cloud_run.vcpus_for_memory,
    );
    c.ascending_memory(
        "gcp_cloud_functions.memory_sizes",
        &book.gcp_cloud_functions.memory_sizes,
    );

    for (field, value) in [
        ("aws_lambda.max_duration_s", book.aws_lambda.max_duration_s.value),
        ("aws_lambda.max_memory_mb", book.aws_lambda.max_memory_mb.value),
        (
            "aws_lambda.one_vcpu_memory_mb",
            book.aws_lambda.one_vcpu_memory_mb.value,
        ),
        (
            "aws_lambda.billing_granularity_ms",
            book.aws_lambda.billing_granularity_ms.value,
        ),
        (
            "gcp_cloud_run.max_duration_s",
            book.gcp_cloud_run.max_duration_s.value,
        ),
        (
            "gcp_cloud_run.max_memory_mb",
            book.gcp_cloud_run.max_memory_mb.value,
        ),
        (
            "gcp_cloud_run.billing_granularity_ms",
            book.gcp_cloud_run.billing_granularity_ms.value,
        ),
        (
            "gcp_cloud_functions.max_duration_http_s",
            book.gcp_cloud_functions.max_duration_http_s.value,
        ),
        (
            "gcp_cloud_functions.max_duration_event_s",
            book.gcp_cloud_functions.max_duration_event_s.value,
        ),
        (
            "gcp_cloud_functions.default_concurrency",
            book.gcp_cloud_functions.default_concurrency.value,
        ),
        (
            "gcp_cloud_run.default_concurrency",
            book.gcp_cloud_run.default_concurrency.value,
        ),
        (
            "gcp_cloud_run.gpu.per_gpu_second",
            book.gcp_cloud_run.gpu.per_gpu_second.value,
        ),
        (
            "azure_flex_consumption.per_gb_second",
            book.azure_flex_consumption.per_gb_second.value,
        ),
        (
            "azure_flex_consumption.http_response_limit_s",
            book.azure_flex_consumption.http_response_limit_s.value,
        ),
        (
            "azure_container_apps.default_concurrency",
            book.azure_container_apps.default_concurrency.value,
        ),
        (
            "azure_container_apps.active_per_vcpu_second",
            book.azure_container_apps.active_per_vcpu_second.value,
        ),
        (
            "azure_functions.max_duration_s",
            book.azure_functions.max_duration_s.value,
        ),
        (
            "azure_functions.max_memory_mb",
            book.azure_functions.max_memory_mb.value,
        ),
        (
            "azure_functions.memory_step_mb",
            book.azure_functions.memory_step_mb.value,
        ),
        (
            "azure_functions.http_response_limit_s",
            book.azure_functions.http_response_limit_s.value,
        ),
        (
            "azure_functions_premium.guaranteed_duration_s",
            book.azure_functions_premium.guaranteed_duration_s.value,
        ),
        (
            "load_balancers.aws.new_connections_per_unit_per_second",
            book.load_balancers
                .aws
                .new_connections_per_unit_per_second
                .value
                .max(f64::MIN_POSITIVE),
        ),
        (
            "assumptions.io_bound_requests_per_vcpu",
            book.assumptions.io_bound_requests_per_vcpu,
        ),
    ] {
        c.positive(field, value);
    }
    if let Some(g) = &book.azure_application_gateway {
        c.positive(
            "azure_application_gateway.new_connections_per_unit_per_second",
            g.new_connections_per_unit_per_second.value,
        );
        c.positive("azure_application_gateway.mbps_per_unit", g.mbps_per_unit.value);
    }
    if let Some(per_unit) = &book.load_balancers.aws.lambda_gb_per_unit_hour {
        c.positive("load_balancers.aws.lambda_gb_per_unit_hour", per_unit.value);
    }
    if !(book.assumptions.cold_share_in_p99 > 0.0 && book.assumptions.cold_share_in_p99 < 1.0) {
        c.fail(
            "assumptions.cold_share_in_p99",
            book.assumptions.cold_share_in_p99.to_string(),
            "is not a share",
            "more than 0 and less than 1 (0.01 for a p99)",
        );
    }
    for (field, value) in [
        (
            "assumptions.new_connections_per_request",
            book.assumptions.new_connections_per_request,
        ),
        ("assumptions.kb_per_request", book.assumptions.kb_per_request),
    ] {
        if !(value.is_finite() && value >= 0.0) {
            c.fail(
                field,
                value.to_string(),
                "must be a finite number, 0 or more",
                "0 or more",
            );
        }
    }

    if book.azure_functions_premium.plans.is_empty() {
        c.fail(
            "azure_functions_premium.plans",
            "[]".into(),
            "is empty",
            "at least one plan",
        );
    }
    for (i, plan) in book.azure_functions_premium.plans.iter().enumerate() {
        c.positive(&format!("azure_functions_premium.plans[{i}].vcpus"), plan.vcpus);
        c.positive(
            &format!("azure_functions_premium.plans[{i}].memory_gb"),
            plan.memory_gb,
        );
    }

    let mut names = std::collections::HashSet::with_capacity(book.instances.len());
    for (i, instance) in book.instances.iter().enumerate() {
        if !names.insert(instance.name.as_str()) {
            c.fail(
                &format!("instances[{i}].name"),
                format!("{:?}", instance.name),
                "is listed twice",
                "each instance name once",
            );
        }
        if instance.vcpus == 0 {
            c.fail(
                &format!("instances[{i}].vcpus"),
                "0".into(),
                "must be at least 1",
                "1 or more",
            );
        }
        c.positive(&format!("instances[{i}].memory_gib"), instance.memory_gib);
        for (j, offer) in instance.commitments.iter().enumerate() {
            if offer.one_year_per_hour.is_none() && offer.three_year_per_hour.is_none() {
                c.fail(
                    &format!("instances[{i}].commitments[{j}]"),
                    offer.plan.clone(),
                    &format!(
                        "has no rate: {} cannot be priced with this commitment",
                        instance.name
                    ),
                    "one_year_per_hour, three_year_per_hour or both, USD an hour, no upfront",
                );
            }
            if let Some(w) = &offer.withdrawn {
                let field = format!("instances[{i}].commitments[{j}].withdrawn");
                if !is_date(&w.from) {
                    c.fail(
                        &format!("{field}.from"),
                        format!("{:?}", w.from),
                        "is not a date",
                        "YYYY-MM-DD, the first day the terms can no longer be bought",
                    );
                }
                if w.terms.is_empty() || w.terms.contains(&crate::workload::Commitment::OnDemand) {
                    c.fail(
                        &format!("{field}.terms"),
                        format!("{:?}", w.terms),
                        "does not name a commitment term",
                        "one or both of OneYear, ThreeYear",
                    );
                }
            }
            for (term, rate) in [
                ("one_year_per_hour", &offer.one_year_per_hour),
                ("three_year_per_hour", &offer.three_year_per_hour),
            ] {
                let Some(rate) = rate else { continue };
                let field = format!("instances[{i}].commitments[{j}].{term}.value");
                if !(rate.value.is_finite() && rate.value > 0.0 && rate.value <= instance.per_hour.value) {
                    c.fail(
                        &field,
                        rate.value.to_string(),
                        "is not a committed rate of this instance",
                        &format!(
                            "more than 0 and at most the on-demand ${} an hour",
                            instance.per_hour.value
                        ),
                    );
                }
            }
        }
    }
    for (i, instance) in book.instances.iter().enumerate() {
        if let Some(spot) = &instance.spot_per_hour
            && !(spot.value.is_finite() && spot.value > 0.0 && spot.value <= instance.per_hour.value)
        {
            c.fail(
                &format!("instances[{i}].spot_per_hour.value"),
                spot.value.to_string(),
                "is not a spot price of this instance",
                &format!(
                    "more than 0 and at most the on-demand ${} an hour",
                    instance.per_hour.value
                ),
            );
        }
    }
    let services = &book.commitments;
    for (name, offer) in [
        ("aws_fargate", &services.aws_fargate),
        ("aws_lambda", &services.aws_lambda),
        ("gcp_cloud_run", &services.gcp_cloud_run),
        ("gcp_cloud_run_requests", &services.gcp_cloud_run_requests),
        ("azure_functions_premium", &services.azure_functions_premium),
    ] {
        let Some(offer) = offer else { continue };
        for (term, off) in [
            ("one_year_off", &offer.one_year_off),
            ("three_year_off", &offer.three_year_off),
        ] {
            c.fraction(&format!("commitments.{name}.{term}.value"), off.value, 0.9);
        }
    }
    for provider in Provider::ALL {
        let cloud = provider_key(*provider);
        let spot = book.spot.of(*provider);
        c.fraction(
            &format!("spot.{cloud}.servers_off.value"),
            spot.servers_off.value,
            0.95,
        );
        if let Some(off) = &spot.containers_off {
            c.fraction(&format!("spot.{cloud}.containers_off.value"), off.value, 0.95);
        }
    }
    for provider in Provider::ALL {
        if !book.instances.iter().any(|i| i.provider == *provider) {
            c.fail(
                "instances",
                String::new(),
                &format!("has no instance type for {}", provider.label()),
                "at least one instance per cloud (Aws, Gcp, Azure)",
            );
        }
    }

    for runtime in Runtime::ALL {
        match book.cold_starts.for_runtime(*runtime) {
            None => c.fail(
                "cold_starts.by_runtime",
                String::new(),
                &format!("has no entry for runtime {}", runtime.file_name()),
                "one entry per runtime",
            ),
            Some(entry) => {
                let i = book
                    .cold_starts
                    .by_runtime
                    .iter()
                    .position(|r| r.runtime == *runtime)
                    .unwrap_or(0);
                for (name, value) in [
                    ("init_ms_128", entry.init_ms_128),
                    ("init_ms_1024", entry.init_ms_1024),
                    ("first_invoke_ms_128", entry.first_invoke_ms_128),
                    ("first_invoke_ms_1024", entry.first_invoke_ms_1024),
                ] {
                    if !(value.is_finite() && value >= 0.0) {
                        c.fail(
                            &format!("cold_starts.by_runtime[{i}].{name}"),
                            value.to_string(),
                            "must be a finite number of milliseconds, 0 or more",
                            "0 or more, e.g. 140.0",
                        );
                    }
                }
            }
        }
    }
    for provider in Provider::ALL {
        if !book
            .instances
            .iter()
            .any(|i| i.provider == *provider && i.gpus > 0)
        {
            c.fail(
                "instances",
                String::new(),
                &format!("has no GPU instance type for {}", provider.label()),
                "at least one instance with `gpus: 1` or more per cloud, so GPU work is priced on a GPU",
            );
        }
    }
    for (i, instance) in book.instances.iter().enumerate() {
        if instance.gpus > 0 && instance.gpu.trim().is_empty() {
            c.fail(
                &format!("instances[{i}].gpu"),
                "\"\"".into(),
                "is empty on an instance with GPUs",
                "the GPU model, e.g. \"NVIDIA L4\"",
            );
        }
    }
    let flex = &book.azure_flex_consumption;
    if flex.instance_sizes.is_empty() {
        c.fail(
            "azure_flex_consumption.instance_sizes",
            "[]".into(),
            "is empty",
            "at least one (memory_mb, cores, http_concurrency) size",
        );
    }
    for (i, size) in flex.instance_sizes.iter().enumerate() {
        c.positive(
            &format!("azure_flex_consumption.instance_sizes[{i}].cores"),
            size.cores,
        );
        if size.http_concurrency == 0 {
            c.fail(
                &format!("azure_flex_consumption.instance_sizes[{i}].http_concurrency"),
                "0".into(),
                "must be at least 1",
                "1 to 1000",
            );
        }
        if i > 0 && size.memory_mb <= flex.instance_sizes[i - 1].memory_mb {
            c.fail(
                &format!("azure_flex_consumption.instance_sizes[{i}].memory_mb"),
                size.memory_mb.to_string(),
                "is not above the size before it",
                "instance sizes in ascending order",
            );
        }
    }
    let aca = &book.azure_container_apps;
    if aca.replica_sizes.is_empty() {
        c.fail(
            "azure_container_apps.replica_sizes",
            "[]".into(),
            "is empty",
            "at least one (vcpus, memory_gib) size",
        );
    }
    for (i, size) in aca.replica_sizes.iter().enumerate() {
        c.positive(
            &format!("azure_container_apps.replica_sizes[{i}].vcpus"),
            size.vcpus,
        );
        c.positive(
            &format!("azure_container_apps.replica_sizes[{i}].memory_gib"),
            size.memory_gib,
        );
    }
    let fargate = &book.aws_fargate;
    if fargate.task_sizes.is_empty() {
        c.fail(
            "aws_fargate.task_sizes",
            "[]".into(),
            "is empty",
            "at least one (vcpus, min_gb, max_gb, step_gb) size",
        );
    }
    for (i, t) in fargate.task_sizes.iter().enumerate() {
        c.positive(&format!("aws_fargate.task_sizes[{i}].vcpus"), t.vcpus);
        c.positive(&format!("aws_fargate.task_sizes[{i}].min_gb"), t.min_gb);
        c.positive(&format!("aws_fargate.task_sizes[{i}].step_gb"), t.step_gb);
        if t.max_gb.is_nan() || t.max_gb < t.min_gb {
            c.fail(
                &format!("aws_fargate.task_sizes[{i}].max_gb"),
                t.max_gb.to_string(),
                "is below min_gb",
                "at least min_gb",
            );
        }
    }
    for (i, family) in book.gcp_sustained_use.families.iter().enumerate() {
        let ok = family.quarter_rates.len() == 4
            && family
                .quarter_rates
                .iter()
                .all(|r| r.is_finite() && (0.0..=1.0).contains(r));
        if !ok {
            c.fail(
                &format!("gcp_sustained_use.families[{i}].quarter_rates"),
                format!("{:?}", family.quarter_rates),
                "is not four shares of the base price",
                "four numbers from 0 to 1, e.g. [1.0, 0.8678, 0.733, 0.6]",
            );
        }
    }
    if !(book.assumptions.gpu_requests_per_gpu.is_finite() && book.assumptions.gpu_requests_per_gpu >= 1.0) {
        c.fail(
            "assumptions.gpu_requests_per_gpu",
            book.assumptions.gpu_requests_per_gpu.to_string(),
            "must be at least 1",
            "1 or more requests at once per GPU",
        );
    }
    crate::source::FileErrors::capped_with(c.errors, c.unlisted).0
}

/// A provider's key in the book's per-cloud sections.
fn provider_key(provider: Provider) -> &'static str {
    match provider {
        Provider::Aws => "aws",
        Provider::Gcp => "gcp",
        Provider::Azure => "azure",
    }
}

#[cfg(test)]
mod tests {
    use super::is_date;

    #[test]
    fn dates() {
        assert!(is_date("2024-07-01"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2024-13-01"));
        assert!(!is_date("24-07-01"));
        assert!(!is_date("2024-7-1"));
        assert!(!is_date("yesterday"));
    }
}

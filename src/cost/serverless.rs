//! The platforms that share an instance among concurrent requests and bill
//! its time: Cloud Run (request-based or instance-based billing, with or
//! without a GPU), Cloud Run functions, Azure Functions Flex Consumption and
//! Azure Container Apps. Instance counts come from [`super::instances`].

use super::instances::{
    alive_given_busy, alive_with_pool, alive_with_pool_by, billed_busy_by, billed_window_s, expected_alive_by,
};
use super::{Bill, CostInput, OptionId, count, jobs, line};
use std::fmt::Write as _;

use crate::format;
use crate::workload::{Hardware, Runtime, Workload};

/// Sums `per_second(rate)` over the month: each of the profile's levels
/// weighs by its hours, the week scaled to the month.
pub(crate) fn over_month<const N: usize>(
    input: &CostInput<'_>,
    per_second: impl Fn(f64) -> [f64; N],
) -> [f64; N] {
    let mean = input.monthly_requests.max(0.0) / input.book.hours_per_month / 3600.0;
    let weeks = input.weeks_per_month();
    let mut total = [0.0; N];
    for &(m, hours) in input.profile.levels() {
        let values = per_second(m * mean);
        let seconds = f64::from(hours) * 3600.0 * weeks;
        for (t, v) in total.iter_mut().zip(values) {
            *t += v * seconds;
        }
    }
    total
}

/// Requests one instance serves at once: the workload's setting or the
/// platform's default; a CPU-bound request holds a whole vCPU, so then no
/// more than the instance's vCPUs (at least one).
fn concurrency(workload: &Workload, default: f64, vcpus: f64) -> f64 {
    let asked = workload
        .execution
        .concurrency_per_instance
        .map_or(default, f64::from)
        .max(1.0);
    if workload.execution.cpu_bound {
        asked.min(vcpus.floor().max(1.0))
    } else {
        asked
    }
}

/// The assumption every shared-instance price rests on, for the notes.
fn model_note(c: f64, idle: Option<f64>) -> String {
    let mut note = format!(
        "Instances are counted hour by hour: requests in flight are Poisson with mean rate x duration (Little's law), packed {c} to an instance, so E[ceil(N / {c})] instances are busy; each request keeps its instance billable for its duration rounded up as the platform rounds, and requests one after another on an instance share that rounding only when it takes more than one at once"
    );
    if let Some(idle_s) = idle {
        let _ = write!(
            note,
            "; an instance billed for its life also stays up to {} after its last request, so the pool keeps the size the busiest moment of that time needed",
            format::duration_ms(idle_s * 1000.0)
        );
    }
    note.push('.');
    note
}

/// Cloud Run: a GPU service on instance-based billing, or else the cheaper of
/// request-based and instance-based billing; work from schedules and queues
/// may run as Cloud Run jobs instead when that is cheaper.
pub fn cloud_run(input: &CostInput<'_>, bill: &mut Bill) {
    if input.workload.hardware == Hardware::Gpu {
        cloud_run_gpu(input, bill);
        return;
    }
    jobs::cheaper_of_service_and_job(input, bill, |b| cloud_run_service(input, b), jobs::cloud_run_job);
}

/// Cloud Run's request-based bill: (total, busy instance-seconds, idle
/// minimum-instance seconds, billable requests, active cost, idle cost,
/// request cost). Shared with Cloud Run functions.
struct RequestBased {
    total: f64,
    busy_s: f64,
    idle_s: f64,
    requests: f64,
    active_usd: f64,
    idle_usd: f64,
    requests_usd: f64,
}

fn request_based(input: &CostInput<'_>, vcpus: f64, gib: f64, c: f64) -> RequestBased {
    let p = &input.book.gcp_cloud_run;
    let w = input.workload;
    let d = input.avg_duration_s();
    let g = p.billing_granularity_ms.value / 1000.0;
    let min = f64::from(w.pricing.provisioned_concurrency);
    let window = billed_window_s(d, g, 0.0);
    let [busy_s, idle_s] = over_month(input, |rate| {
        let busy = billed_busy_by(input.busy_fn(), rate, d, c, window);
        [busy, (min - busy).max(0.0)]
    });
    let free = w.pricing.include_free_tier;
    let n = input.monthly_requests.max(0.0);
    let active = busy_s * (vcpus * p.per_vcpu_second.value + gib * p.per_gib_second.value);
    let idle = idle_s * (vcpus * p.idle_per_vcpu_second.value + gib * p.idle_per_gib_second.value);
    // The free tier is a spending discount worth its vCPU-s and GiB-s at the
    // active rates, taken off the CPU and memory bill, active time first.
    let credit = if free {
        p.free_vcpu_seconds.value * p.per_vcpu_second.value
            + p.free_gib_seconds.value * p.per_gib_second.value
    } else {
        0.0
    };
    let active_usd = (active - credit).max(0.0);
    let idle_usd = (idle - (credit - active).max(0.0)).max(0.0);
    // CORS pre-flights reach the service and pay the request fee.
    let n = super::whole_bill::code_requests(OptionId::GcpCloudRun, w, n);
    let requests = if free {
        (n - p.free_requests.value).max(0.0)
    } else {
        n
    };
    let requests_usd = requests * p.requests_per_million.value / 1e6;
    RequestBased {
        total: active_usd + idle_usd + requests_usd,
        busy_s,
        idle_s,
        requests,
        active_usd,
        idle_usd,
        requests_usd,
    }
}

fn add_request_based(input: &CostInput<'_>, bill: &mut Bill, rb: &RequestBased, vcpus: f64, gib: f64) {
    let p = &input.book.gcp_cloud_run;
    let free = input.workload.pricing.include_free_tier;
    bill.add(line(input, "requests", rb.requests_usd, || {
        format!(
            "{} requests x ${}/M{}",
            count(rb.requests),
            p.requests_per_million.value,
            if free { " after the free tier" } else { "" }
        )
    }));
    bill.add(line(input, "duration", rb.active_usd, || {
        format!(
            "{} busy instance-hours ({vcpus} vCPU, {gib:.3} GiB) at ${}/vCPU-s + ${}/GiB-s, busy time rounded up to {} ms{}",
            count(rb.busy_s / 3600.0),
            p.per_vcpu_second.value,
            p.per_gib_second.value,
            p.billing_granularity_ms.value,
            if free { ", after the free tier" } else { "" }
        )
    }));
    if rb.idle_s > 0.0 {
        bill.add(line(input, "provisioned_concurrency", rb.idle_usd, || {
            format!(
                "{} idle hours of minimum instances at ${}/vCPU-s + ${}/GiB-s",
                count(rb.idle_s / 3600.0),
                p.idle_per_vcpu_second.value,
                p.idle_per_gib_second.value
            )
        }));
    }
}

fn cloud_run_service(input: &CostInput<'_>, bill: &mut Bill) {
    let p = &input.book.gcp_cloud_run;
    let w = input.workload;
    let vcpus = p.vcpus_for(w.execution.memory_mb);
    let gib = input.gb();
    let c = per_instance_concurrency(super::OptionId::GcpCloudRun, w, input.book);
    // Instance-based: every instance is billed for its whole life, at lower
    // rates and with no request fee.
    let idle_s = p.idle_instance_s.value;
    let free = w.pricing.include_free_tier;
    if !input.detailed && !input.bound {
        // Only the total is wanted (sweeps and searches): the cheaper
        // billing's price, without writing either bill out.
        bill.add(line(
            input,
            "compute",
            cheaper_billing_usd(input, vcpus, gib, c),
            String::new,
        ));
        return;
    }
    let rb = request_based(input, vcpus, gib, c);
    let (alive_s, instance_usd) = instance_based(input, vcpus, gib, c);
    if input.bound
        && let Some(memo) = input.memo
    {
        // Kept for the exact price at this volume (`cheaper_billing_usd`).
        memo.1.set(Some((rb.total, instance_usd)));
    }

    if instance_usd < rb.total {
        bill.add(line(input, "compute", instance_usd, || {
            format!(
                "instance-based billing: {} instance-hours ({vcpus} vCPU, {gib:.3} GiB) at ${}/vCPU-s + ${}/GiB-s, no request fee{}",
                count(alive_s / 3600.0),
                p.instance_per_vcpu_second.value,
                p.instance_per_gib_second.value,
                if free { ", after the free tier" } else { "" }
            )
        }));
        if input.detailed {
            bill.notes.push(format!(
                "Instance-based billing (CPU always allocated) is cheaper here, {} against {} request-based: its instances are busy {:.0}% of their life, and it has no request fee.",
                format::usd(instance_usd),
                format::usd(rb.total),
                100.0 * (rb.busy_s / alive_s.max(1e-9)).min(1.0)
            ));
        }
    } else {
        add_request_based(input, bill, &rb, vcpus, gib);
        if input.detailed {
            bill.notes.push(format!(
                "Request-based billing is cheaper here, {} against {} instance-based: an instance is billed only while it has a request in flight, and it sits idle {:.0}% of its life.",
                format::usd(rb.total),
                format::usd(instance_usd),
                100.0 * (1.0 - rb.busy_s / alive_s.max(1e-9)).clamp(0.0, 1.0)
            ));
        }
    }
    bill.note(|| model_note(c, Some(idle_s)));
    if w.is_http() && w.api_gateway == crate::workload::ApiGateway::NoGateway {
        bill.note(|| {
            "Cloud Run serves HTTPS itself on its own URL: no gateway or load balancer is priced.".into()
        });
    }
}

/// The cheaper of Cloud Run's request-based and instance-based bills. Their
/// lower bounds (kept in the memo when the search for the cheapest option
/// worked them out) say which to price exactly, and whether the other can
/// still be cheaper; the answer is the same as pricing both.
fn cheaper_billing_usd(input: &CostInput<'_>, vcpus: f64, gib: f64, c: f64) -> f64 {
    let (rb_low, ib_low) = input.memo.and_then(|m| m.1.get()).unwrap_or_else(|| {
        let mut low = *input;
        low.bound = true;
        (
            request_based(&low, vcpus, gib, c).total,
            instance_based(&low, vcpus, gib, c).1,
        )
    });
    if rb_low <= ib_low {
        let rb = request_based(input, vcpus, gib, c).total;
        if ib_low >= rb {
            rb
        } else {
            rb.min(instance_based(input, vcpus, gib, c).1)
        }
    } else {
        let ib = instance_based(input, vcpus, gib, c).1;
        if rb_low >= ib {
            ib
        } else {
            ib.min(request_based(input, vcpus, gib, c).total)
        }
    }
}

/// Cloud Run's instance-based billing: every instance billed for its whole
/// life (lingering after its last request), at the lower rates with the
/// instance-based free tier and no request fee. Returns (instance-seconds, USD).
fn instance_based(input: &CostInput<'_>, vcpus: f64, gib: f64, c: f64) -> (f64, f64) {
    let p = &input.book.gcp_cloud_run;
    let d = input.avg_duration_s();
    let min = f64::from(input.workload.pricing.provisioned_concurrency);
    let idle_s = p.idle_instance_s.value;
    let [alive_s] = over_month(input, |rate| {
        [expected_alive_by(input.bound, rate, d, c, idle_s).max(min)]
    });
    let (mut vcpu_s, mut gib_s) = (alive_s * vcpus, alive_s * gib);
    if input.workload.pricing.include_free_tier {
        vcpu_s = (vcpu_s - p.instance_free_vcpu_seconds.value).max(0.0);
        gib_s = (gib_s - p.instance_free_gib_seconds.value).max(0.0);
    }
    (
        alive_s,
        vcpu_s * p.instance_per_vcpu_second.value + gib_s * p.instance_per_gib_second.value,
    )
}

/// Cloud Run with a GPU: instance-based billing only, at least the GPU's
/// minimum vCPUs and memory, scales to zero.
fn cloud_run_gpu(input: &CostInput<'_>, bill: &mut Bill) {
    let p = &input.book.gcp_cloud_run;
    let gpu = &p.gpu;
    let w = input.workload;
    let vcpus = p.vcpus_for(w.execution.memory_mb).max(gpu.min_vcpus.value);
    let gib = input.gb().max(gpu.min_memory_gib.value);
    let c = per_instance_concurrency(super::OptionId::GcpCloudRun, w, input.book);
    let idle_s = p.idle_instance_s.value;
    let free = w.pricing.include_free_tier;
    let (alive_s, cpu_usd) = instance_based(input, vcpus, gib, c);
    let gpu_usd = alive_s * gpu.per_gpu_second.value;
    bill.add(line(input, "compute", cpu_usd, || {
        format!(
            "instance-based billing: {} instance-hours ({vcpus} vCPU, {gib} GiB) at ${}/vCPU-s + ${}/GiB-s{}",
            count(alive_s / 3600.0),
            p.instance_per_vcpu_second.value,
            p.instance_per_gib_second.value,
            if free { ", after the free tier" } else { "" }
        )
    }));
    bill.add(line(input, "gpu", gpu_usd, || {
        format!(
            "{} GPU-hours of one {} at ${}/GPU-s",
            count(alive_s / 3600.0),
            gpu.name,
            gpu.per_gpu_second.value
        )
    }));
    if input.detailed {
        bill.notes.push(format!(
            "A GPU needs instance-based billing and at least {} vCPU and {} GiB; instances {} and start in about {} s.",
            gpu.min_vcpus.value,
            gpu.min_memory_gib.value,
            if w.pricing.provisioned_concurrency > 0 {
                "above the minimum instances scale to zero"
            } else {
                "scale to zero"
            },
            gpu.start_s.value
        ));
        // https://cloud.google.com/run/docs/configuring/services/gpu-zonal-redundancy
        bill.notes.push(
            "The GPU is priced at the rate with GPU zonal redundancy turned off (deploy with --no-gpu-zonal-redundancy); Google turns zonal redundancy on by default, at a higher rate per GPU-second.".to_owned(),
        );
        bill.notes.push(model_note(c, Some(idle_s)));
    }
}

/// Cloud Run functions: Cloud Run's request-based rates and rounding, with a
/// function's vCPU for its memory and its own default concurrency.
pub fn cloud_run_functions(input: &CostInput<'_>, bill: &mut Bill) {
    let f = &input.book.gcp_cloud_functions;
    let w = input.workload;
    let size = f.size_for(w.execution.memory_mb);
    let vcpus = size.map_or(1.0, |s| s.cpu);
    let gib = input.gb();
    // Below a whole vCPU an instance serves one request at a time.
    let c = per_instance_concurrency(super::OptionId::GcpCloudFunctions, w, input.book);
    let rb = request_based(input, vcpus, gib, c);
    add_request_based(input, bill, &rb, vcpus, gib);
    if input.detailed
        && let Some(asked) = w.execution.concurrency_per_instance
        && f64::from(asked) > c
        && vcpus < f.min_vcpus_for_concurrency.value
    {
        bill.notes.push(format!(
            "{asked} requests at once were asked for, but a {} MB function has {vcpus} vCPU, and below {} vCPU an instance takes one request at a time.",
            w.execution.memory_mb, f.min_vcpus_for_concurrency.value
        ));
    }
    bill.note(|| model_note(c, None));
    bill.note(|| {
        "Priced as Cloud Run functions, Cloud Functions' current generation, at Cloud Run's request-based rates. The first generation (Cloud Run functions 1st gen) is billed differently and is not priced.".into()
    });
}

/// Azure Functions Flex Consumption: instance memory billed while the
/// instance executes (concurrent executions share it), executions, the free
/// grant, and always-ready instances when asked for.
pub fn flex_consumption(input: &CostInput<'_>, bill: &mut Bill) {
    let p = &input.book.azure_flex_consumption;
    let w = input.workload;
    let Some(size) = p.size_for(w.execution.memory_mb).or(p.instance_sizes.last()) else {
        bill.note(|| "The price book has no Flex Consumption instance sizes.".into());
        return;
    };
    let gb = f64::from(size.memory_mb) / 1024.0;
    // Python's HTTP concurrency defaults to one at every size.
    let c = per_instance_concurrency(super::OptionId::AzureFlexConsumption, w, input.book);
    let d = input.avg_duration_s();
    let (g, minimum) = (p.rounding_ms.value / 1000.0, p.min_billed_ms.value / 1000.0);
    let ready = f64::from(w.pricing.provisioned_concurrency);
    let window = billed_window_s(d, g, minimum);
    let [on_demand_s, ready_busy_s, ready_execs] = over_month(input, |rate| {
        let busy = billed_busy_by(input.busy_fn(), rate, d, c, window);
        let on_ready = busy.min(ready);
        let share = if busy > 0.0 { on_ready / busy } else { 0.0 };
        [busy - on_ready, on_ready, rate * share]
    });
    let n = input.monthly_requests.max(0.0);
    let free = w.pricing.include_free_tier;
    let mut od_gb_s = on_demand_s * gb;
    let mut od_execs = (n - ready_execs).max(0.0);
    if free {
        od_gb_s = (od_gb_s - p.free_gb_seconds.value).max(0.0);
        od_execs = (od_execs - p.free_executions.value).max(0.0);
    }
    let executions_usd = if input.bound {
        // A lower bound whatever share the always-ready instances take.
        let cheaper = p
            .executions_per_million
            .value
            .min(p.always_ready_executions_per_million.value);
        let free_execs = if free { p.free_executions.value } else { 0.0 };
        (n - free_execs).max(0.0) * cheaper / 1e6
    } else {
        od_execs * p.executions_per_million.value / 1e6
            + ready_execs * p.always_ready_executions_per_million.value / 1e6
    };
    bill.add(line(input, "requests", executions_usd, || {
        format!(
            "{} on-demand executions x ${}/M{}",
            count(od_execs),
            p.executions_per_million.value,
            if ready_execs > 0.0 {
                format!(
                    " + {} on always-ready instances x ${}/M",
                    count(ready_execs),
                    p.always_ready_executions_per_million.value
                )
            } else if free {
                " after the free grant".to_owned()
            } else {
                String::new()
            }
        )
    }));
    bill.add(line(input, "duration", od_gb_s * p.per_gb_second.value, || {
        format!(
            "{} GB-s of {} MB instances while executing x ${}{}",
            count(od_gb_s),
            size.memory_mb,
            p.per_gb_second.value,
            if free { ", after the free grant" } else { "" }
        )
    }));
    if ready > 0.0 {
        let month_s = input.book.hours_per_month * 3600.0;
        let baseline = ready * gb * month_s * p.always_ready_baseline_per_gb_second.value;
        let busy = ready_busy_s * gb * p.always_ready_per_gb_second.value;
        bill.add(line(input, "provisioned_concurrency", baseline + busy, || {
            format!(
                "{ready} always-ready instances x {} MB all month at ${}/GB-s ({}) + {} GB-s executing at ${}/GB-s ({})",
                size.memory_mb,
                p.always_ready_baseline_per_gb_second.value,
                format::usd(baseline),
                count(ready_busy_s * gb),
                p.always_ready_per_gb_second.value,
                format::usd(busy)
            )
        }));
    }
    if input.detailed {
        if size.memory_mb != w.execution.memory_mb {
            bill.notes.push(format!(
                "{} MB runs on the {} MB instance size ({} cores), which is what is billed.",
                w.execution.memory_mb, size.memory_mb, size.cores
            ));
        }
        bill.notes.push(format!(
            "Each instance takes up to {c} executions at once; its busy time is billed in periods of at least {} ms, then in {} ms steps, read here as a window of at least {} ms that each execution opens on its instance, shared by the executions it overlaps (Microsoft does not say how the minimum applies to overlapping executions).",
            p.min_billed_ms.value, p.rounding_ms.value, p.min_billed_ms.value
        ));
        bill.notes.push(model_note(c, None));
    }
}

/// Azure Container Apps on the consumption plan: replicas billed at the
/// active rate while they run, minimum replicas at the idle rate while they
/// wait, HTTP requests, the monthly free grant; scale to zero.
pub fn container_apps(input: &CostInput<'_>, bill: &mut Bill) {
    jobs::cheaper_of_service_and_job(
        input,
        bill,
        |b| container_apps_service(input, b),
        jobs::container_apps_job,
    );
}

fn container_apps_service(input: &CostInput<'_>, bill: &mut Bill) {
    let p = &input.book.azure_container_apps;
    let w = input.workload;
    let Some(size) = p.size_for(input.gb(), 0.0).or(p.replica_sizes.last()) else {
        bill.note(|| "The price book has no Container Apps replica sizes.".into());
        return;
    };
    let c = per_instance_concurrency(super::OptionId::AzureContainerApps, w, input.book);
    let d = input.avg_duration_s();
    let min = f64::from(w.pricing.provisioned_concurrency);
    let cooldown = p.cooldown_s.value;
    let [active_s, idle_s] = over_month(input, |rate| {
        let busy = || (input.busy_fn())(rate * d, c);
        if min <= 0.0 {
            // No minimum replicas, so nothing idle: the busy count matters
            // only where it is more than the lingering pool.
            let alive = if input.bound {
                alive_given_busy(busy(), rate, d, cooldown)
            } else {
                alive_with_pool_by(busy, rate, d, c, cooldown)
            };
            return [alive, 0.0];
        }
        let busy = busy();
        let alive = if input.bound {
            alive_given_busy(busy, rate, d, cooldown)
        } else {
            alive_with_pool(busy, rate, d, c, cooldown)
        }
        .max(min);
        let idle = (min - busy).clamp(0.0, alive);
        [alive - idle, idle]
    });
    let free = w.pricing.include_free_tier;
    // The free grant covers active use first, then idle use.
    let after_free = |active: f64, idle: f64, grant: f64| {
        if free {
            (
                (active - grant).max(0.0),
                (idle - (grant - active).max(0.0)).max(0.0),
            )
        } else {
            (active, idle)
        }
    };
    let (vcpu_s, idle_vcpu_s) = after_free(
        active_s * size.vcpus,
        idle_s * size.vcpus,
        p.free_vcpu_seconds.value,
    );
    let (gib_s, idle_gib_s) = after_free(
        active_s * size.memory_gib,
        idle_s * size.memory_gib,
        p.free_gib_seconds.value,
    );
    let active_usd = vcpu_s * p.active_per_vcpu_second.value + gib_s * p.active_per_gib_second.value;
    let idle_usd = idle_vcpu_s * p.idle_per_vcpu_second.value + idle_gib_s * p.idle_per_gib_second.value;
    if w.is_http() {
        let n = input.monthly_requests.max(0.0);
        let billable = if free {
            (n - p.free_requests.value).max(0.0)
        } else {
            n
        };
        bill.add(line(
            input,
            "requests",
            billable * p.requests_per_million.value / 1e6,
            || {
                format!(
                    "{} HTTP requests x ${}/M{}",
                    count(billable),
                    p.requests_per_million.value,
                    if free { " after the free grant" } else { "" }
                )
            },
        ));
    }
    bill.add(line(input, "compute", active_usd, || {
        format!(
            "{} active replica-hours ({} vCPU, {} GiB) at ${}/vCPU-s + ${}/GiB-s{}",
            count(active_s / 3600.0),
            size.vcpus,
            size.memory_gib,
            p.active_per_vcpu_second.value,
            p.active_per_gib_second.value,
            if free { ", after the free grant" } else { "" }
        )
    }));
    if idle_s > 0.0 {
        bill.add(line(input, "provisioned_concurrency", idle_usd, || {
            format!(
                "{} idle hours of minimum replicas at ${}/vCPU-s + ${}/GiB-s",
                count(idle_s / 3600.0),
                p.idle_per_vcpu_second.value,
                p.idle_per_gib_second.value
            )
        }));
    }
    if input.detailed {
        bill.notes.push(format!(
            "Replicas of {} vCPU / {} GiB, the smallest consumption size with the workload's {} MB, each taking up to {c} requests at once; {}",
            size.vcpus,
            size.memory_gib,
            w.execution.memory_mb,
            if min > 0.0 {
                format!("{min} minimum replicas stay up and bill the idle rate while they wait.")
            } else {
                "with no minimum replicas the app scales to zero.".to_owned()
            }
        ));
        bill.notes.push(model_note(c, Some(cooldown)));
    }
}

/// Requests one instance of `option` serves at once for this workload, as
/// its bill counts them (1 for the platforms that run one request per
/// instance).
#[must_use]
pub fn per_instance_concurrency(
    option: super::OptionId,
    workload: &Workload,
    book: &crate::pricing::PriceBook,
) -> f64 {
    use super::OptionId;
    let memory = workload.execution.memory_mb;
    match option {
        OptionId::GcpCloudRun if workload.hardware == Hardware::Gpu => workload
            .execution
            .concurrency_per_instance
            .map_or(book.assumptions.gpu_requests_per_gpu, f64::from)
            .max(1.0),
        OptionId::GcpCloudRun => {
            let p = &book.gcp_cloud_run;
            concurrency(workload, p.default_concurrency.value, p.vcpus_for(memory))
        }
        OptionId::GcpCloudFunctions => {
            let f = &book.gcp_cloud_functions;
            let vcpus = f.size_for(memory).map_or(1.0, |s| s.cpu);
            if vcpus < f.min_vcpus_for_concurrency.value {
                1.0
            } else {
                concurrency(workload, f.default_concurrency.value, vcpus)
            }
        }
        OptionId::AzureFlexConsumption => {
            let p = &book.azure_flex_consumption;
            p.size_for(memory).or(p.instance_sizes.last()).map_or(1.0, |s| {
                let default = if workload.execution.runtime == Runtime::Python {
                    1.0
                } else {
                    f64::from(s.http_concurrency)
                };
                concurrency(workload, default, s.cores)
            })
        }
        OptionId::AzureContainerApps => {
            let p = &book.azure_container_apps;
            let gib = f64::from(memory) / 1024.0;
            p.size_for(gib, 0.0).or(p.replica_sizes.last()).map_or(1.0, |s| {
                concurrency(workload, p.default_concurrency.value, s.vcpus)
            })
        }
        _ => 1.0,
    }
}

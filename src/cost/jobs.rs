//! Container jobs: work that arrives by schedule or from a queue can run as
//! run-to-completion tasks (ECS tasks on Fargate started by a schedule,
//! Cloud Run jobs, Container Apps jobs), billed for each run's own time with
//! nothing between runs and no load balancer.

use super::{Bill, CostInput, LineItem, count, line};
use crate::workload::{Trigger, Workload};

/// Whether the work can run as container jobs: every trigger is a schedule or a queue.
#[must_use]
pub fn runs_as_jobs(workload: &Workload) -> bool {
    !workload.triggers.is_empty()
        && workload
            .triggers
            .iter()
            .all(|t| matches!(t, Trigger::Schedule | Trigger::Queue))
}

/// One run's billed seconds: rounded up to `granularity_s`, at least `minimum_s`.
pub fn billed_run_s(duration_s: f64, granularity_s: f64, minimum_s: f64) -> f64 {
    let rounded = if granularity_s > 0.0 {
        (duration_s / granularity_s - 1e-9).ceil().max(0.0) * granularity_s
    } else {
        duration_s
    };
    rounded.max(minimum_s)
}

/// A job's bill: its lines and its notes; `None` when the work can't run as one.
pub type JobBill = Option<(Vec<LineItem>, Vec<String>)>;

/// Whether the work is started only by a schedule: then each run is a job,
/// with no service kept between runs.
fn schedule_only(workload: &Workload) -> bool {
    !workload.triggers.is_empty() && workload.triggers.iter().all(|t| *t == Trigger::Schedule)
}

/// Prices a container option as a service (`service`) or, when the work can
/// run as jobs, as jobs (`job`): scheduled work runs as jobs; work from a
/// queue takes the cheaper of the two, saying which.
pub fn cheaper_of_service_and_job(
    input: &CostInput<'_>,
    bill: &mut Bill,
    service: impl FnOnce(&mut Bill),
    job: fn(&CostInput<'_>) -> JobBill,
) {
    let job_bill = if runs_as_jobs(input.workload) {
        job(input)
    } else {
        None
    };
    let Some((lines, notes)) = job_bill else {
        service(bill);
        return;
    };
    let job_usd: f64 = lines.iter().map(|l| l.usd).sum();
    if schedule_only(input.workload) {
        for l in lines {
            bill.add(l);
        }
        if input.detailed {
            bill.notes.extend(notes);
            bill.notes.push(
                "Run as a job per scheduled run, billed for each run's own time with nothing between runs and no load balancer.".to_owned(),
            );
        }
        return;
    }
    let mut as_service = Bill::new(input.detailed, bill.option);
    service(&mut as_service);
    if as_service.total < job_usd {
        let (service_usd, detailed) = (as_service.total, input.detailed);
        *bill = as_service;
        if detailed {
            bill.notes.push(format!(
                "Run as a service: {} a month against {} as one job run per {}.",
                crate::format::usd(service_usd),
                crate::format::usd(job_usd),
                unit_of_work(input.workload)
            ));
        }
        return;
    }
    for l in lines {
        bill.add(l);
    }
    if input.detailed {
        bill.notes.extend(notes);
        bill.notes.push(format!(
            "Run as jobs, one per message, billed for each run's own time with nothing between runs and no load balancer: {} a month against {} as a service.",
            crate::format::usd(job_usd),
            crate::format::usd(as_service.total)
        ));
    }
}

fn unit_of_work(workload: &Workload) -> &'static str {
    if workload.triggers.contains(&Trigger::Queue) {
        "message"
    } else {
        "scheduled run"
    }
}

/// An ECS task on Fargate per run: the smallest task size with the run's memory,
/// billed per second with Fargate's minimum.
pub fn fargate_job(input: &CostInput<'_>) -> JobBill {
    let p = &input.book.aws_fargate;
    let (vcpus, gb) = p.task_for(0.0, input.gb())?;
    let (per_vcpu, per_gb) = super::fargate_rates(input);
    let runs = input.monthly_requests.max(0.0);
    let billed_s = billed_run_s(input.avg_duration_s(), 1.0, p.min_billed_s.value);
    let usd = runs * billed_s / 3600.0 * (vcpus * per_vcpu + gb * per_gb);
    let lines = vec![line(input, "compute", usd, || {
        format!(
            "{} task runs x {billed_s} s billed x ({vcpus} vCPU x ${per_vcpu}/h + {gb} GB x ${per_gb}/h)",
            count(runs)
        )
    })];
    let notes = if input.detailed {
        vec![format!(
            "Each run is an ECS task on Fargate of {vcpus} vCPU / {gb} GB, the smallest Fargate size with the job's {} MB, billed per second with a {}-second minimum.",
            input.workload.execution.memory_mb, p.min_billed_s.value
        )]
    } else {
        Vec::new()
    };
    Some((lines, notes))
}

/// The month's task-hours of the work run as Fargate jobs.
pub fn fargate_task_hours(input: &CostInput<'_>) -> f64 {
    let p = &input.book.aws_fargate;
    let billed_s = billed_run_s(input.avg_duration_s(), 1.0, p.min_billed_s.value);
    input.monthly_requests.max(0.0) * billed_s / 3600.0
}

/// A Cloud Run job execution per run, at the jobs' (instance-based) rates.
#[allow(clippy::unnecessary_wraps)] // The shape every job pricer shares.
pub fn cloud_run_job(input: &CostInput<'_>) -> JobBill {
    let p = &input.book.gcp_cloud_run;
    let w = input.workload;
    let vcpus = p.vcpus_for(w.execution.memory_mb);
    let gib = input.gb();
    let runs = input.monthly_requests.max(0.0);
    let billed_s = billed_run_s(
        input.avg_duration_s(),
        p.billing_granularity_ms.value / 1000.0,
        p.jobs_min_billed_s.value,
    );
    let mut vcpu_s = runs * billed_s * vcpus;
    let mut gib_s = runs * billed_s * gib;
    let free = w.pricing.include_free_tier;
    if free {
        vcpu_s = (vcpu_s - p.instance_free_vcpu_seconds.value).max(0.0);
        gib_s = (gib_s - p.instance_free_gib_seconds.value).max(0.0);
    }
    let usd = vcpu_s * p.jobs_per_vcpu_second.value + gib_s * p.jobs_per_gib_second.value;
    let lines = vec![line(input, "compute", usd, || {
        format!(
            "{} job runs x {billed_s} s billed: {} vCPU-s x ${} + {} GiB-s x ${}{}",
            count(runs),
            count(vcpu_s),
            p.jobs_per_vcpu_second.value,
            count(gib_s),
            p.jobs_per_gib_second.value,
            if free { ", after the free tier" } else { "" }
        )
    })];
    let notes = if input.detailed {
        vec![format!(
            "Each run is a Cloud Run job task of {vcpus} vCPU / {gib:.3} GiB, billed at the instance-based rate for its whole life, at least {} s.",
            p.jobs_min_billed_s.value
        )]
    } else {
        Vec::new()
    };
    Some((lines, notes))
}

/// A Container Apps job execution per run, at the active rate, no request charge.
pub fn container_apps_job(input: &CostInput<'_>) -> JobBill {
    let p = &input.book.azure_container_apps;
    let w = input.workload;
    let size = p.size_for(input.gb(), 0.0)?;
    let runs = input.monthly_requests.max(0.0);
    let billed_s = billed_run_s(input.avg_duration_s(), 1.0, 0.0);
    let mut vcpu_s = runs * billed_s * size.vcpus;
    let mut gib_s = runs * billed_s * size.memory_gib;
    let free = w.pricing.include_free_tier;
    if free {
        vcpu_s = (vcpu_s - p.free_vcpu_seconds.value).max(0.0);
        gib_s = (gib_s - p.free_gib_seconds.value).max(0.0);
    }
    let usd = vcpu_s * p.active_per_vcpu_second.value + gib_s * p.active_per_gib_second.value;
    let lines = vec![line(input, "compute", usd, || {
        format!(
            "{} job executions x {billed_s} s: {} vCPU-s x ${} + {} GiB-s x ${}{}",
            count(runs),
            count(vcpu_s),
            p.active_per_vcpu_second.value,
            count(gib_s),
            p.active_per_gib_second.value,
            if free { ", after the free grant" } else { "" }
        )
    })];
    let notes = if input.detailed {
        vec![format!(
            "Each run is a Container Apps job execution of {} vCPU / {} GiB at the active rate; jobs have no idle rate and no request charge.",
            size.vcpus, size.memory_gib
        )]
    } else {
        Vec::new()
    };
    Some((lines, notes))
}

//! Traffic variability: peaks and idle hours.

use super::Ctx;
use crate::advice::Criterion;
use crate::format;

pub(crate) fn traffic_criterion(c: &Ctx<'_>) -> Criterion {
    let t = &c.rules.thresholds;
    let peak = c.workload.peak_to_average();
    let idle_share = c.profile.idle_hours() as f64 / 168.0;
    let by_peak = if peak >= t.neutral_peak_to_average {
        (peak - t.neutral_peak_to_average) / (t.variable_peak_to_average - t.neutral_peak_to_average)
    } else {
        (peak - t.neutral_peak_to_average) / (t.neutral_peak_to_average - 1.0).max(1e-9)
    };
    // Flat traffic argues for servers only as far as it keeps one busy.
    let busy = fleet_busyness(c);
    let by_peak = by_peak.clamp(t.steady_lean, 1.0);
    let by_peak = if by_peak < 0.0 {
        by_peak * busy.min(1.0)
    } else {
        by_peak
    };
    let by_idle = (idle_share / t.idle_share_full).min(1.0);
    // Idle hours can only add a serverless lean; with none, the peak alone decides.
    let lean = if by_idle > 0.0 {
        by_peak.max(by_idle)
    } else {
        by_peak
    };
    c.criterion("traffic_variability", "Traffic variability", c.rules.weights.traffic_variability, lean, || {
        let idle = format::percent(idle_share);
        if lean > 0.05 && idle_share > 0.0 {
            format!(
                "The busiest hour carries {peak:.1}x the average rate and {idle} of the week's hours are idle: functions scale to zero in the lulls while a fleet sized for the peak sits paid for."
            )
        } else if lean > 0.05 {
            format!(
                "The busiest hour carries {peak:.1}x the average rate: functions follow the bursts request by request, while a fleet must be sized for the peak or scale out behind it."
            )
        } else if lean <= -0.3 {
            format!(
                "Traffic is steady (the busiest hour is only {peak:.1}x the average, {idle} of hours idle), so an always-on fleet stays busy and pay-per-use gains little."
            )
        } else if peak < t.neutral_peak_to_average && busy < 1.0 {
            format!(
                "Traffic is flat (the busiest hour is {peak:.1}x the average) but light: on average it would keep one {} {} busy, so its flatness is no reason for servers.",
                c.workload.servers.instance,
                format::percent(busy)
            )
        } else {
            format!(
                "Traffic varies moderately (busiest hour {peak:.1}x the average, {idle} of hours idle): autoscaling servers and functions both follow it."
            )
        }
    })
}

/// The average load as a share of one server's capacity at the target
/// utilization (CPU-bound requests hold a vCPU; I/O-bound ones share it).
pub(crate) fn fleet_busyness(c: &Ctx<'_>) -> f64 {
    let w = c.workload;
    let in_flight = w.traffic.monthly_requests.max(0.0) / c.book.hours_per_month / 3600.0
        * w.execution.avg_duration_ms
        / 1000.0;
    let per_vcpu = if w.execution.cpu_bound {
        1.0
    } else {
        c.book.assumptions.io_bound_requests_per_vcpu
    };
    let vcpus = c
        .book
        .instance(&w.servers.instance)
        .map_or(1.0, |i| f64::from(i.vcpus));
    in_flight / (vcpus * per_vcpu * w.servers.target_utilization).max(1e-9)
}

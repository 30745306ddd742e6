//! Traffic variability: peaks and idle hours.

use super::Ctx;
use crate::advice::{Criterion, Pick};
use crate::cost::{self, CostInput, OptionId, OptionKind};
use crate::format;
use crate::workload::Workload;

/// Whether `option` runs no instance at all in an idle hour: pay-per-use
/// plans with no ready instances kept (Azure's premium plan always keeps one).
pub(crate) fn scales_to_zero(option: OptionId, workload: &Workload) -> bool {
    option.is_serverless() && workload.pricing.provisioned_concurrency == 0
}

/// The fleet's floor and the instances its busiest hour needs, on the server
/// side's option (or the provider's servers).
fn fleet_floor_and_peak(c: &Ctx<'_>, t: Option<&Pick>) -> Option<(f64, f64)> {
    let input =
        CostInput::new(c.workload, c.book, c.profile, c.workload.traffic.monthly_requests).with_memo(&c.memo);
    let option = t
        .map(|p| p.option)
        .filter(|o| matches!(o.kind(), OptionKind::Server | OptionKind::Container) && !o.is_serverless())
        .unwrap_or_else(|| OptionId::server_of(c.workload.provider));
    let (_, peak) = cost::fleet_size(option, &input)?;
    Some((f64::from(c.workload.servers.min_instances), peak))
}

pub(crate) fn traffic_criterion(c: &Ctx<'_>, s: Option<&Pick>, t: Option<&Pick>) -> Criterion {
    let th = &c.rules.thresholds;
    let peak = c.workload.peak_to_average();
    let idle_share = c.profile.idle_hours() as f64 / 168.0;
    let by_peak = if peak >= th.neutral_peak_to_average {
        (peak - th.neutral_peak_to_average) / (th.variable_peak_to_average - th.neutral_peak_to_average)
    } else {
        (peak - th.neutral_peak_to_average) / (th.neutral_peak_to_average - 1.0).max(1e-9)
    };
    // Flat traffic argues for servers only as far as it keeps one busy.
    let busy = fleet_busyness(c);
    let by_peak = by_peak.clamp(th.steady_lean, 1.0);
    // Peaks argue for functions only when the fleet must grow for them: when
    // its floor already carries the busiest hour, they cost the fleet nothing.
    let floor_peak = if by_peak > 0.0 || c.detailed {
        fleet_floor_and_peak(c, t)
    } else {
        None
    };
    let floor_carries_peak = floor_peak.is_some_and(|(floor, top)| top <= floor.max(1.0) + 1e-9);
    let by_peak = if by_peak < 0.0 {
        by_peak * busy.min(1.0)
    } else if floor_carries_peak {
        0.0
    } else {
        by_peak
    };
    // Idle hours argue for the serverless side only when its option scales to zero in them.
    let option = s.map(|p| p.option);
    let to_zero = option.is_some_and(|o| scales_to_zero(o, c.workload));
    // A fleet allowed down to no instances scales to zero as well.
    let fleet_to_zero = c.workload.servers.min_instances == 0;
    let by_idle = if to_zero && !fleet_to_zero {
        (idle_share / th.idle_share_full).min(1.0)
    } else {
        0.0
    };
    // Idle hours can only add a serverless lean; with none, the peak alone decides.
    let lean = if by_idle > 0.0 {
        by_peak.max(by_idle)
    } else {
        by_peak
    };
    c.criterion("traffic_variability", "Traffic variability", c.rules.weights.traffic_variability, lean, || {
        let idle = format::percent(idle_share);
        let name = option.map_or("functions", |o| o.label());
        // The fleet on the chosen cloud: its equivalent of the instance asked for.
        let asked = &c.workload.servers.instance;
        let instance = c
            .book
            .instance(asked)
            .and_then(|i| c.book.equivalent(i, c.workload.provider))
            .map_or(asked.as_str(), |i| i.name.as_str());
        let fleet = match floor_peak {
            Some((floor, top)) if top > floor.max(1.0) => format!(
                "a fleet must grow from {} to {} {instance} instances for the busiest hour",
                format::count(floor),
                format::count(top.ceil())
            ),
            Some((floor, _)) if floor >= 1.0 => format!(
                "the fleet's floor of {} {instance} runs through them",
                format::count(floor)
            ),
            Some(_) => format!("a fleet of one {instance} at most follows them"),
            None => "a fleet runs through them".to_owned(),
        };
        if lean > 0.05 && by_idle >= by_peak && idle_share > 0.0 {
            format!(
                "{idle} of the week's hours are idle (the busiest hour carries {peak:.1}x the average): {name} scales to zero in them, while {fleet}."
            )
        } else if lean > 0.05 {
            format!(
                "The busiest hour carries {peak:.1}x the average rate: {name} follows the bursts request by request, while {fleet}."
            )
        } else if lean <= -0.3 {
            format!(
                "Traffic is steady (the busiest hour is only {peak:.1}x the average, {idle} of hours idle), so an always-on fleet stays busy and pay-per-use gains little."
            )
        } else if floor_carries_peak && peak >= th.neutral_peak_to_average {
            let floor = floor_peak.map_or(1.0, |f| f.0);
            let carrier = if floor >= 1.0 {
                format!("the fleet's floor of {} {instance}", format::count(floor))
            } else {
                format!("one {instance}")
            };
            format!(
                "The busiest hour carries {peak:.1}x the average, but {carrier} carries even that hour, so the variability costs the fleet nothing{}.",
                if idle_share > 0.0 && !to_zero {
                    format!(", and {name} does not scale to zero in the {idle} of idle hours either")
                } else {
                    String::new()
                }
            )
        } else if idle_share > 0.0 && to_zero && fleet_to_zero {
            format!(
                "{idle} of the week's hours are idle, but the fleet may shrink to no instances as {name} does, so they cost neither side."
            )
        } else if idle_share > 0.0 && !to_zero && option.is_some() {
            format!(
                "{idle} of the week's hours are idle, but {name} keeps an instance ready through them, so they are paid for on both sides."
            )
        } else if peak < th.neutral_peak_to_average && busy < 1.0 {
            format!(
                "Traffic is flat (the busiest hour is {peak:.1}x the average) but light: on average it would keep one {instance} {} busy, so its flatness is no reason for servers.",
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
        .and_then(|i| c.book.equivalent(i, w.provider))
        .map_or(1.0, |i| f64::from(i.vcpus));
    in_flight / (vcpus * per_vcpu * w.servers.target_utilization).max(1e-9)
}

//! Inline SVG charts for the HTML report: the cost curves with the break-even
//! point, the score breakdown, the week's traffic and the pattern diagram.
//! Each mark carries its number in a `data-*` attribute and a `<title>`, so the
//! charts can be checked against the assessment and read by screen readers.

use std::fmt::Write as _;

/// Escapes text for an SVG text node, without the characters [`super::displayable`] drops.
fn text(s: &str) -> String {
    html_escape::encode_text(&super::displayable(s)).into_owned()
}

/// Escapes text for a double-quoted SVG attribute, likewise.
fn attr(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(&super::displayable(s)).into_owned()
}

use crate::advice::Assessment;
use crate::catalogue::{Layout, NodeKind};
use crate::cost::{OptionId, OptionKind};
use crate::format;

/// A colour per option, stable across charts and the window. The curves
/// show one cloud at a time, so each cloud's options take distinct hues
/// (colour-blind-safe ones): functions orange, serverless containers blue,
/// servers green, and Azure's other function plans ochre and magenta.
#[must_use]
pub fn option_color(option: OptionId) -> &'static str {
    match option {
        OptionId::AwsLambda | OptionId::GcpCloudFunctions | OptionId::AzureFlexConsumption => "#d55e00",
        OptionId::AwsFargate | OptionId::GcpCloudRun | OptionId::AzureContainerApps => "#0072b2",
        OptionId::AwsEc2 | OptionId::GcpComputeEngine | OptionId::AzureVm => "#007a5a",
        OptionId::AzureFunctions => "#9a6a00",
        OptionId::AzureFunctionsPremium => "#a8488a",
    }
}

fn dash(kind: OptionKind) -> &'static str {
    match kind {
        OptionKind::Function => "",
        OptionKind::Container => " stroke-dasharray=\"2 3\"",
        OptionKind::Server => " stroke-dasharray=\"7 4\"",
    }
}

/// Log-log interpolation of a curve at `x`.
#[must_use]
pub fn interpolate(xs: &[f64], ys: &[f64], x: f64) -> f64 {
    if xs.is_empty() || ys.len() != xs.len() {
        return 0.0;
    }
    let i = xs.partition_point(|v| *v < x);
    if i == 0 {
        return ys[0];
    }
    if i >= xs.len() {
        return ys[xs.len() - 1];
    }
    let (x0, x1, y0, y1) = (xs[i - 1], xs[i], ys[i - 1], ys[i]);
    let t = (x.ln() - x0.ln()) / (x1.ln() - x0.ln());
    if y0 > 0.0 && y1 > 0.0 {
        (y0.ln() + t * (y1.ln() - y0.ln())).exp()
    } else {
        y0 + t * (y1 - y0)
    }
}

fn volume_label(decade: i32) -> String {
    format::short_count(10f64.powi(decade))
}

fn dollars_label(decade: i32) -> String {
    let v = 10f64.powi(decade);
    if v < 1.0 {
        format!("${v}")
    } else {
        format!("${}", format::short_count(v))
    }
}

/// The cost curves: log monthly requests against log dollars a month, one line
/// per option, the break-even point and the workload's own volume marked.
#[must_use]
#[allow(clippy::too_many_lines)] // A chart is a list of marks; splitting it hides the layout.
pub fn cost_curves(a: &Assessment) -> String {
    let (w, h) = (860.0, 400.0);
    let (left, right, top, bottom) = (70.0, 560.0, 20.0, 340.0);
    let curves = &a.cost_curves;
    let xs = &curves.monthly_requests;
    let positive = curves
        .curves
        .iter()
        .flat_map(|(_, ys)| ys.iter().copied())
        .filter(|v| *v > 0.0 && v.is_finite());
    let (lo, hi) = positive.fold((f64::INFINITY, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let y_lo = if lo.is_finite() {
        lo.log10().floor().max(-2.0)
    } else {
        -2.0
    };
    let y_hi = if hi > 0.0 {
        hi.log10().ceil().max(y_lo + 1.0)
    } else {
        y_lo + 1.0
    };
    let (x_lo, x_hi) = (
        xs.first().map_or(3.0, |v| v.log10()),
        xs.last().map_or(11.0, |v| v.log10()),
    );
    let px = |v: f64| left + (v.max(1e-300).log10() - x_lo) / (x_hi - x_lo) * (right - left);
    let py = |usd: f64| {
        let l = usd.max(10f64.powf(y_lo)).log10();
        bottom - (l - y_lo) / (y_hi - y_lo) * (bottom - top)
    };
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="cost-curves" viewBox="0 0 {w} {h}" role="img" aria-labelledby="cost-curves-title"><title id="cost-curves-title">Monthly cost of every option against monthly requests (both axes logarithmic)</title>"#
    );
    let _ = write!(
        s,
        r##"<rect x="{left}" y="{top}" width="{}" height="{}" fill="#fff" stroke="#999"/>"##,
        right - left,
        bottom - top
    );
    // Decade grid and labels.
    let mut d = x_lo.ceil() as i32;
    while f64::from(d) <= x_hi + 1e-9 {
        let x = px(10f64.powi(d));
        let _ = write!(
            s,
            r##"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{bottom}" stroke="#e3e3e3"/><text x="{x:.1}" y="{}" font-size="11" text-anchor="middle" fill="#333">{}</text>"##,
            bottom + 15.0,
            volume_label(d)
        );
        d += 1;
    }
    let mut d = y_lo as i32;
    while f64::from(d) <= y_hi + 1e-9 {
        let y = py(10f64.powi(d));
        let _ = write!(
            s,
            r##"<line x1="{left}" y1="{y:.1}" x2="{right}" y2="{y:.1}" stroke="#e3e3e3"/><text x="{}" y="{:.1}" font-size="11" text-anchor="end" fill="#333">{}</text>"##,
            left - 6.0,
            y + 4.0,
            dollars_label(d)
        );
        d += 1;
    }
    let _ = write!(
        s,
        r##"<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="#111">Monthly requests</text><text x="16" y="{}" font-size="12" text-anchor="middle" fill="#111" transform="rotate(-90 16 {})">USD a month</text>"##,
        f64::midpoint(left, right),
        bottom + 34.0,
        f64::midpoint(top, bottom),
        f64::midpoint(top, bottom)
    );
    // One line per option.
    for (option, ys) in &curves.curves {
        let mut points = String::new();
        for (x, y) in xs.iter().zip(ys) {
            let _ = write!(points, "{:.1},{:.1} ", px(*x), py(*y));
        }
        let _ = write!(
            s,
            r#"<polyline class="curve" data-option="{}" fill="none" stroke="{}" stroke-width="2"{} points="{}"><title>{}</title></polyline>"#,
            option.id(),
            option_color(*option),
            dash(option.kind()),
            points.trim_end(),
            text(option.label())
        );
    }
    // You are here.
    let here = a.workload.traffic.monthly_requests;
    let (first, last) = (
        xs.first().copied().unwrap_or(0.0),
        xs.last().copied().unwrap_or(0.0),
    );
    if here < first || here > last {
        // Outside the chart: say so at the edge it is beyond.
        let (x, anchor, arrow) = if here < first {
            (left + 4.0, "start", "◀")
        } else {
            (right - 4.0, "end", "▶")
        };
        let _ = write!(
            s,
            r##"<g class="you-are-here" data-monthly-requests="{here}"><text x="{x:.1}" y="{}" font-size="11" text-anchor="{anchor}" fill="#111">{arrow} you are here: {} a month, off the chart</text><title>This workload: {} requests a month</title></g>"##,
            top + 12.0,
            format::short_count(here),
            format::count(here)
        );
    } else {
        let x = px(here);
        let _ = write!(
            s,
            r##"<g class="you-are-here" data-monthly-requests="{here}"><line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{bottom}" stroke="#111" stroke-width="1.5" stroke-dasharray="3 3"/><text x="{:.1}" y="{}" font-size="11" fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke">you are here: {}</text><title>This workload: {} requests a month</title></g>"##,
            x + 4.0,
            top + 12.0,
            format::short_count(here),
            format::count(here)
        );
    }
    // Break-even.
    let be = &a.break_even;
    if let Some(v) = be.monthly_requests {
        let ys = curves
            .curves
            .iter()
            .find(|(o, _)| *o == be.function_option)
            .map(|(_, ys)| ys.as_slice());
        let usd = ys.map_or(0.0, |ys| interpolate(xs, ys, v));
        let (x, y) = (px(v), py(usd));
        let _ = write!(
            s,
            r##"<g class="break-even" data-monthly-requests="{v}" data-usd="{usd}"><circle cx="{x:.1}" cy="{y:.1}" r="6" fill="#fff" stroke="#c5221f" stroke-width="2.5"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#c5221f" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">break-even {}</text><title>Break-even: {} and {} cost the same at {} requests a month ({} a month)</title></g>"##,
            x + 9.0,
            y - 8.0,
            format::short_count(v),
            text(be.function_option.label()),
            text(be.server_option.label()),
            format::count(v),
            format::usd(usd)
        );
    }
    // Legend with today's cost, for the curves drawn (the chosen cloud's
    // options; the cost table lists the other clouds).
    let drawn = a
        .costs
        .iter()
        .filter(|c| a.cost_curves.curves.iter().any(|(o, _)| *o == c.option));
    for (i, c) in drawn.enumerate() {
        let y = top + 8.0 + i as f64 * 20.0;
        let _ = write!(
            s,
            r##"<g class="legend" data-option="{}" data-usd="{}"><line x1="{}" y1="{y:.1}" x2="{}" y2="{y:.1}" stroke="{}" stroke-width="2.5"{}/><text x="{}" y="{:.1}" font-size="11" fill="#111">{} {}</text></g>"##,
            c.option.id(),
            c.monthly_usd,
            right + 12.0,
            right + 34.0,
            option_color(c.option),
            dash(c.kind),
            right + 40.0,
            y + 4.0,
            text(c.option.label()),
            format::usd(c.monthly_usd)
        );
    }
    s.push_str("</svg>");
    s
}

/// The score breakdown: one bar per criterion, toward servers (left) or serverless (right).
#[must_use]
pub fn scores(a: &Assessment) -> String {
    let row = 26.0;
    let (w, top) = (760.0, 30.0);
    let h = top + row * a.criteria.len() as f64 + 20.0;
    let (mid, half) = (470.0, 230.0);
    let max_weight = a.criteria.iter().map(|c| c.weight).fold(1e-9, f64::max);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="scores" viewBox="0 0 {w} {h}" role="img" aria-labelledby="scores-title"><title id="scores-title">Score breakdown: each criterion's weighted lean toward servers (left) or serverless (right)</title>"#
    );
    let _ = write!(
        s,
        r##"<text x="{}" y="16" font-size="12" text-anchor="middle" fill="#b05a00">servers / containers {:.0}</text><text x="{}" y="16" font-size="12" text-anchor="middle" fill="#0b7a75">serverless {:.0}</text><line x1="{mid}" y1="{}" x2="{mid}" y2="{}" stroke="#555"/>"##,
        mid - half / 2.0,
        a.scores.traditional,
        mid + half / 2.0,
        a.scores.serverless,
        top - 6.0,
        h - 14.0
    );
    for (i, c) in a.criteria.iter().enumerate() {
        let y = top + i as f64 * row;
        let length = c.lean.abs() * c.weight / max_weight * half;
        let (x, color) = if c.lean >= 0.0 {
            (mid, "#0b7a75")
        } else {
            (mid - length, "#b05a00")
        };
        let _ = write!(
            s,
            r##"<g class="criterion" data-id="{}" data-lean="{}" data-weight="{}"><text x="{}" y="{:.1}" font-size="12" text-anchor="end" fill="#111">{}</text><rect x="{x:.1}" y="{:.1}" width="{length:.1}" height="{}" fill="{color}"/><title>{}: {}</title></g>"##,
            attr(&c.id),
            c.lean,
            c.weight,
            mid - half - 10.0,
            y + 15.0,
            text(&c.title),
            y + 4.0,
            row - 8.0,
            text(&c.title),
            text(&c.reason)
        );
    }
    s.push_str("</svg>");
    s
}

/// The week's traffic, hour by hour, as multiples of the average.
#[must_use]
pub fn traffic(a: &Assessment) -> String {
    let (w, h) = (760.0, 190.0);
    let (left, right, top, bottom) = (46.0, 750.0, 14.0, 160.0);
    let profile = &a.traffic_profile;
    let peak = profile.iter().copied().fold(1.0, f64::max);
    let bar = (right - left) / profile.len().max(1) as f64;
    let py = |v: f64| bottom - v / peak * (bottom - top);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="traffic" viewBox="0 0 {w} {h}" role="img" aria-labelledby="traffic-title"><title id="traffic-title">Traffic over one week, each hour as a multiple of the average rate (peak {peak:.1}x)</title>"#
    );
    for (i, v) in profile.iter().enumerate() {
        let x = left + i as f64 * bar;
        let y = py(*v);
        let _ = write!(
            s,
            r##"<rect class="hour" data-hour="{i}" data-rate="{v}" x="{x:.2}" y="{y:.2}" width="{:.2}" height="{:.2}" fill="#4a90c2"/>"##,
            (bar - 0.6).max(0.4),
            (bottom - y).max(0.0)
        );
    }
    let mean_y = py(1.0);
    let _ = write!(
        s,
        r##"<line x1="{left}" y1="{mean_y:.1}" x2="{right}" y2="{mean_y:.1}" stroke="#c5221f" stroke-dasharray="4 3"/><text x="{}" y="{:.1}" font-size="10" text-anchor="end" fill="#c5221f">average</text><text x="{}" y="{:.1}" font-size="10" text-anchor="end" fill="#333">{peak:.1}x</text><line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#555"/>"##,
        left - 4.0,
        mean_y + 3.0,
        left - 4.0,
        top + 8.0
    );
    for (d, day) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let x = left + (d as f64 * 24.0 + 12.0) * bar;
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{}" font-size="11" text-anchor="middle" fill="#333">{day}</text>"##,
            bottom + 16.0
        );
    }
    s.push_str("</svg>");
    s
}

/// Fill colour of a diagram box by what it is.
#[must_use]
pub fn node_fill(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Client | NodeKind::External => "#eef1f5",
        NodeKind::Gateway | NodeKind::LoadBalancer | NodeKind::Cdn => "#e3efff",
        NodeKind::Function | NodeKind::Workflow => "#fff0dc",
        NodeKind::Queue | NodeKind::Stream | NodeKind::Topic | NodeKind::Scheduler => "#f3e8ff",
        NodeKind::Table | NodeKind::Database | NodeKind::Bucket | NodeKind::Cache | NodeKind::Logs => {
            "#e6f4ea"
        }
        NodeKind::Server | NodeKind::Container | NodeKind::Gpu => "#fde8e7",
    }
}

/// The widest a diagram is drawn for a report, in SVG units: an A4 or Letter
/// page's text width at 96 units an inch, so its smallest text (10 units)
/// prints at 7 pt or more. A wider left-to-right layout is drawn top to
/// bottom instead ([`crate::catalogue::layout_to_fit`]).
pub const PRINT_WIDTH: f64 = 700.0;

/// The pattern diagram from the catalogue layout.
#[must_use]
pub fn diagram(layout: &Layout, title: &str) -> String {
    let mut s = String::new();
    // Never drawn larger than its own size: a narrow diagram stays at 1:1 on a wide screen.
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="chart diagram" id="diagram" viewBox="0 0 {:.1} {:.1}" width="{:.0}" role="img" aria-labelledby="diagram-title"><title id="diagram-title">{}</title><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>"##,
        layout.width,
        layout.height,
        layout.width.ceil(),
        text(title)
    );
    for e in &layout.edges {
        let points: Vec<String> = e.points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(
            s,
            r##"<polyline class="edge" data-from="{}" data-to="{}" fill="none" stroke="#444" stroke-width="1.4"{} marker-end="url(#arrow)" points="{}"/>"##,
            attr(&e.from),
            attr(&e.to),
            if e.back { " stroke-dasharray=\"5 3\"" } else { "" },
            points.join(" ")
        );
        if !e.label.is_empty() {
            let (x, y) = e.label_anchor();
            let width = e.label.chars().count() as f64 * 5.6 + 6.0;
            let _ = write!(
                s,
                r##"<rect x="{:.1}" y="{:.1}" width="{width:.1}" height="13" fill="#fff" opacity="0.9"/><text x="{x:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#333">{}</text>"##,
                x - width / 2.0,
                y - 10.0,
                y,
                text(&e.label)
            );
        }
    }
    for n in &layout.nodes {
        let (cx, _) = n.center();
        let _ = write!(
            s,
            r##"<g class="node" data-id="{}" data-x="{:.1}" data-y="{:.1}"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="7" fill="{}" stroke="#555"/><text x="{cx:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="#111">{}</text><text x="{cx:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#555">{}</text></g>"##,
            attr(&n.id),
            n.x,
            n.y,
            n.x,
            n.y,
            n.width,
            n.height,
            node_fill(n.kind),
            n.y + 20.0,
            text(&n.label),
            n.y + 35.0,
            text(&n.caption)
        );
    }
    s.push_str("</svg>");
    s
}

//! Charts drawn from an assessment: the cost curves (`egui_plot`, log-log), the
//! score breakdown and the week's traffic. Plot points are built once per
//! assessment ([`PlotCache`]) and borrowed every frame.

use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2};
use egui_plot::{GridMark, Line, LineStyle, MarkerShape, Plot, PlotPoint, Points, VLine};

use crate::advice::Assessment;
use crate::advice::explore::CurveAxis;
use crate::cost::{OptionId, OptionKind};
use crate::format;
use crate::report::svg::option_color;

/// An option's colour as egui wants it.
#[must_use]
pub fn color_of(option: OptionId, dark: bool) -> Color32 {
    let hex = option_color(option).trim_start_matches('#');
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128);
    let (r, g, b) = (channel(0), channel(2), channel(4));
    if dark {
        // Lift dark colours so they read on a dark background.
        let lift = |c: u8| (u16::from(c) + (255 - u16::from(c)) * 2 / 5) as u8;
        Color32::from_rgb(lift(r), lift(g), lift(b))
    } else {
        Color32::from_rgb(r, g, b)
    }
}

/// Plot-ready points of an assessment's cost curves, in log10 units.
#[derive(Debug, Clone, Default)]
pub struct PlotCache {
    /// One series per option: (log10 monthly requests, log10 USD).
    pub curves: Vec<(OptionId, Vec<PlotPoint>)>,
    /// The break-even point, if the curves cross.
    pub break_even: Option<PlotPoint>,
    /// log10 of the workload's monthly requests.
    pub here_x: f64,
    /// Lowest log10 USD drawn (values below sit on it).
    pub y_floor: f64,
    /// The bottom of the drawn axis: the floor, or half a decade under it when
    /// a bill of nothing sits on the floor (so it does not run along the frame).
    pub y_bottom: f64,
    /// Highest log10 USD drawn.
    pub y_top: f64,
    /// log10 of the smallest and largest volume swept.
    pub x_range: (f64, f64),
    /// Axis labels at each whole decade, made once: (decade, text).
    pub x_labels: Vec<(i32, String)>,
    /// Axis labels at each whole decade of dollars.
    pub y_labels: Vec<(i32, String)>,
    /// Tells this cache from every other one made in this run (it keys the chart's mesh).
    pub generation: u64,
    /// The break-even these points show (the cloud bill's, or with people's time).
    pub break_even_of: Option<crate::cost::BreakEven>,
    /// The same chart with each option's people's time added, when priced.
    pub with_people: Option<Box<PlotCache>>,
    /// The answer along the horizontal axis.
    pub axis: CurveAxis,
}

/// Numbers each [`PlotCache`] made in this run.
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl PlotCache {
    /// Builds the points from the assessment's sweep.
    #[must_use]
    pub fn new(a: &Assessment) -> Self {
        let mut cache = Self::of(a, &a.cost_curves, &a.break_even);
        cache.with_people = a
            .with_operations
            .as_ref()
            .map(|w| Box::new(Self::of(a, &w.cost_curves, &w.break_even)));
        cache
    }

    /// The points of one sweep and its break-even.
    fn of(a: &Assessment, sweep: &crate::cost::Sweep, be: &crate::cost::BreakEven) -> Self {
        Self::series(
            CurveAxis::Volume,
            &sweep.monthly_requests,
            &sweep.curves,
            a.workload.traffic.monthly_requests,
            Some(be),
        )
    }

    /// The cost curves along another answer (the domain sweeps them:
    /// [`crate::advice::explore::sweep_along`]), with no break-even.
    #[must_use]
    pub fn along(a: &Assessment, axis: CurveAxis, values: &[f64], curves: &[(OptionId, Vec<f64>)]) -> Self {
        Self::series(axis, values, curves, axis.value_in(&a.workload), None)
    }

    fn series(
        axis: CurveAxis,
        xs: &[f64],
        curves: &[(OptionId, Vec<f64>)],
        here: f64,
        be: Option<&crate::cost::BreakEven>,
    ) -> Self {
        let sweep = crate::cost::Sweep {
            monthly_requests: xs.to_vec(),
            curves: curves.to_vec(),
        };
        let positive_min = sweep
            .curves
            .iter()
            .flat_map(|(_, ys)| ys.iter().copied())
            .filter(|v| *v > 0.0 && v.is_finite())
            .fold(f64::INFINITY, f64::min);
        let y_floor = if positive_min.is_finite() {
            positive_min.log10().floor().max(-2.0)
        } else {
            -2.0
        };
        // A bill of nothing (a free tier covering it) sits on the floor: keep
        // the floor at $0.10 or lower then, so it is not the plot's bottom edge.
        let any_free = sweep
            .curves
            .iter()
            .flat_map(|(_, ys)| ys.iter())
            .any(|v| *v <= 0.0);
        let y_floor = if any_free { y_floor.min(-1.0) } else { y_floor };
        let to_y = |usd: f64| {
            if usd > 0.0 {
                usd.log10().max(y_floor)
            } else {
                y_floor
            }
        };
        let curves = sweep
            .curves
            .iter()
            .map(|(option, ys)| {
                // A curve ends where its option is ruled out (no price there).
                let points = sweep
                    .monthly_requests
                    .iter()
                    .zip(ys)
                    .take_while(|(_, y)| !y.is_nan())
                    .map(|(x, y)| PlotPoint::new(x.log10(), to_y(*y)))
                    .collect();
                (*option, points)
            })
            .collect();
        let break_even = be
            .and_then(|be| be.monthly_requests.map(|v| (be, v)))
            .and_then(|(be, v)| {
                let ys = sweep
                    .curves
                    .iter()
                    .find(|(o, _)| *o == be.function_option)
                    .map(|(_, ys)| ys)?;
                let usd = crate::report::svg::interpolate(&sweep.monthly_requests, ys, v);
                Some(PlotPoint::new(v.log10(), to_y(usd)))
            });
        let y_top = sweep
            .curves
            .iter()
            .flat_map(|(_, ys)| ys.iter().copied())
            .filter(|v| v.is_finite() && *v > 0.0)
            .fold(1.0_f64, f64::max)
            .log10()
            .ceil()
            .max(y_floor + 1.0);
        let x_range = (
            sweep.monthly_requests.first().map_or(3.0, |v| v.log10()),
            sweep.monthly_requests.last().map_or(11.0, |v| v.log10()),
        );
        let decades = |lo: f64, hi: f64| (lo.ceil() as i32)..=((hi + 1e-9).floor() as i32);
        let x_labels = decades(x_range.0, x_range.1)
            .map(|d| (d, axis.show(10f64.powi(d))))
            .collect();
        let y_labels = decades(y_floor, y_top)
            .map(|d| {
                let v = 10f64.powi(d);
                let text = if v < 1.0 {
                    format::usd(v)
                } else {
                    format!("${}", format::short_count(v))
                };
                (d, text)
            })
            .collect();
        Self {
            generation: GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            x_labels,
            y_labels,
            y_top,
            x_range,
            curves,
            break_even,
            here_x: here.max(1e-9).log10(),
            y_floor,
            y_bottom: if any_free { y_floor - 0.5 } else { y_floor },
            break_even_of: be.cloned(),
            with_people: None,
            axis,
        }
    }
}

/// Grid marks for an axis: decades of volume, round durations, powers of two
/// of memory from 128 MB, and 1, 2, 5, 10, ... for the peak.
#[allow(clippy::needless_pass_by_value)] // The signature egui_plot asks for.
fn axis_marks(axis: CurveAxis, input: egui_plot::GridInput) -> Vec<GridMark> {
    let values: Vec<f64> = match axis {
        CurveAxis::Volume => return decade_marks(input),
        // Round durations: 1 ms to 10 s by decades, then a minute, ten, an hour.
        CurveAxis::Duration => vec![1.0, 10.0, 100.0, 1e3, 1e4, 6e4, 6e5, 3.6e6],
        CurveAxis::Memory => (7..=14).map(|k| f64::from(1u32 << k)).collect(),
        CurveAxis::Peak => vec![1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0],
    };
    let (lo, hi) = input.bounds;
    values
        .into_iter()
        .map(f64::log10)
        .filter(|v| *v >= lo && *v <= hi)
        .map(|value| GridMark {
            value,
            step_size: 1.0,
        })
        .collect()
}

#[allow(clippy::needless_pass_by_value)] // The signature egui_plot asks for.
fn decade_marks(input: egui_plot::GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let mut marks = Vec::new();
    let mut d = lo.ceil() as i64;
    while (d as f64) <= hi.floor() && marks.len() < 40 {
        marks.push(GridMark {
            value: d as f64,
            step_size: 1.0,
        });
        d += 1;
    }
    marks
}

/// The cost curves as an interactive `egui_plot` (zoom, drag, legend), for the
/// "explore" window; the results column draws the lighter [`cost_chart`].
pub fn cost_plot(ui: &mut Ui, cache: &PlotCache, _a: &Assessment) {
    let dark = ui.visuals().dark_mode;
    let y_floor = cache.y_floor;
    let axis = cache.axis;
    // A plot per axis, so each keeps its own zoom.
    Plot::new(("cost-curves-explorer", axis))
        .legend(egui_plot::Legend::default().position(egui_plot::Corner::LeftTop))
        // A little room past the last decade, so its label is not cut at the edge.
        .default_x_bounds(
            cache.x_range.0,
            cache.x_range.1 + 0.04 * (cache.x_range.1 - cache.x_range.0),
        )
        .default_y_bounds(cache.y_bottom, cache.y_top)
        .x_axis_label(axis.label())
        .y_axis_label("USD a month")
        .x_grid_spacer(move |input| axis_marks(axis, input))
        .y_grid_spacer(decade_marks)
        .x_axis_formatter(move |mark, _| axis.show(10f64.powf(mark.value)))
        .y_axis_formatter(|mark, _| {
            let v = 10f64.powf(mark.value);
            if v < 1.0 {
                format::usd(v)
            } else {
                format!("${}", format::short_count(v))
            }
        })
        .label_formatter(move |hover| {
            let (name, position) = match hover {
                egui_plot::HoverPosition::NearDataPoint {
                    plot_name, position, ..
                } => (*plot_name, *position),
                // Away from every line a dollar figure would be no option's: say where it is.
                egui_plot::HoverPosition::Elsewhere { position } => {
                    return Some(format!(
                        "{}: {}\n(point at a line for its cost)",
                        axis.label(),
                        axis.show(10f64.powf(position.x))
                    ));
                }
            };
            let usd = 10f64.powf(position.y);
            let usd = if position.y <= y_floor {
                format!("≤ {}", format::usd(usd))
            } else {
                format::usd(usd)
            };
            Some(format!(
                "{name}\n{}: {}\n{usd} a month",
                axis.label(),
                axis.show(10f64.powf(position.x))
            ))
        })
        .show(ui, |plot| {
            for (option, points) in &cache.curves {
                // Told apart by colour and dash as in the results' chart (this
                // window's frames are not the results frame the budget is for).
                let (width, dash) = line_style(*option);
                let style = match (option.kind(), dash) {
                    (_, None) => LineStyle::Solid,
                    (OptionKind::Container, Some((_, gap))) => LineStyle::Dotted { spacing: gap + 1.0 },
                    (_, Some((length, _))) => LineStyle::Dashed { length },
                };
                plot.line(
                    Line::new(option.label(), points.as_slice())
                        .color(color_of(*option, dark))
                        .width(width)
                        .style(style),
                );
            }
            plot.vline(
                VLine::new("You are here", cache.here_x)
                    .color(if dark {
                        Color32::LIGHT_GRAY
                    } else {
                        Color32::DARK_GRAY
                    })
                    .style(LineStyle::dashed_dense())
                    .width(1.5),
            );
            if let Some(point) = cache.break_even {
                plot.points(
                    Points::new(
                        format!(
                            "Break-even ({} vs {})",
                            cache
                                .break_even_of
                                .as_ref()
                                .map_or("", |b| b.function_option.label()),
                            cache
                                .break_even_of
                                .as_ref()
                                .map_or("", |b| b.server_option.label())
                        ),
                        vec![[point.x, point.y]],
                    )
                    .shape(MarkerShape::Circle)
                    .radius(6.0)
                    .filled(true)
                    .color(Color32::from_rgb(197, 34, 31)),
                );
            }
        });
}

/// The score breakdown: one bar per criterion toward servers (left) or serverless (right).
pub fn score_bars(ui: &mut Ui, a: &Assessment) {
    let dark = ui.visuals().dark_mode;
    let serverless = if dark {
        Color32::from_rgb(64, 196, 186)
    } else {
        Color32::from_rgb(11, 122, 117)
    };
    let traditional = if dark {
        Color32::from_rgb(245, 160, 80)
    } else {
        Color32::from_rgb(176, 90, 0)
    };
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("◀ servers / containers {:.0}", a.scores.traditional)).color(traditional),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(format!("serverless {:.0} ▶", a.scores.serverless)).color(serverless));
        });
    });
    let max_weight = a.criteria.iter().map(|c| c.weight).fold(1e-9, f64::max);
    let row = 22.0;
    let width = ui.available_width();
    let label_width = (width * 0.38).min(190.0);
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, row * a.criteria.len() as f32), Sense::hover());
    // The parent clip: everything is drawn inside `rect`, and one clip region
    // less is one mesh less to build each frame.
    let painter = ui.painter().clone();
    let mid = rect.left() + label_width + (width - label_width) / 2.0;
    let half = (width - label_width) / 2.0 - 4.0;
    let text_color = ui.visuals().text_color();
    painter.line_segment(
        [Pos2::new(mid, rect.top()), Pos2::new(mid, rect.bottom())],
        Stroke::new(1.0, ui.visuals().weak_text_color()),
    );
    for (i, c) in a.criteria.iter().enumerate() {
        let top = rect.top() + i as f32 * row;
        painter.text(
            Pos2::new(rect.left() + label_width - 6.0, top + row / 2.0),
            egui::Align2::RIGHT_CENTER,
            &c.title,
            egui::FontId::proportional(12.5),
            text_color,
        );
        let length = (c.lean.abs() * c.weight / max_weight) as f32 * half;
        let bar = if c.lean >= 0.0 {
            Rect::from_min_size(Pos2::new(mid, top + 4.0), Vec2::new(length, row - 8.0))
        } else {
            Rect::from_min_size(Pos2::new(mid - length, top + 4.0), Vec2::new(length, row - 8.0))
        };
        painter.rect_filled(bar, 0.0, if c.lean >= 0.0 { serverless } else { traditional });
        let row_rect = Rect::from_min_size(Pos2::new(rect.left(), top), Vec2::new(width, row));
        let response = ui.interact(row_rect, ui.scope_id().with(("criterion", i)), Sense::hover());
        let side = match c.leans {
            crate::advice::Lean::Serverless => {
                format!("{} of 10 toward serverless", format::weight(c.points))
            }
            crate::advice::Lean::Traditional => format!("{} of 10 toward servers", format::weight(c.points)),
            crate::advice::Lean::Neutral => "leans to neither side".to_owned(),
        };
        response.on_hover_text(format!(
            "{} (weight {}, {side}):\n{}",
            c.title,
            format::weight(c.weight),
            c.reason
        ));
    }
}

/// The week's traffic as 168 hourly bars, with the average marked.
pub fn traffic_chart(ui: &mut Ui, a: &Assessment) {
    let profile = &a.traffic_profile;
    let peak = profile.iter().copied().fold(1.0, f64::max);
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, 110.0), Sense::hover());
    // The parent clip: everything is drawn inside `rect`, and one clip region
    // less is one mesh less to build each frame.
    let painter = ui.painter().clone();
    let plot = Rect::from_min_max(rect.min + Vec2::new(34.0, 4.0), rect.max - Vec2::new(4.0, 18.0));
    let bar = plot.width() / profile.len().max(1) as f32;
    let fill = if ui.visuals().dark_mode {
        Color32::from_rgb(96, 160, 220)
    } else {
        Color32::from_rgb(74, 144, 194)
    };
    let mean_y = plot.bottom() - (1.0 / peak) as f32 * plot.height();
    let mean_color = Color32::from_rgb(197, 34, 31);
    let key = {
        use std::hash::Hasher as _;
        let mut h = std::hash::DefaultHasher::new();
        for v in profile {
            h.write_u64(v.to_bits());
        }
        h.finish()
    };
    super::widgets::cached_shapes(
        ui,
        egui::Id::unique("traffic-chart-geometry"),
        (key, super::widgets::rect_key(rect)),
        |shapes| {
            // One mesh for all 168 bars: cheaper to tessellate than 168 rectangles.
            let mut bars = egui::Mesh::default();
            bars.reserve_triangles(2 * profile.len());
            bars.reserve_vertices(4 * profile.len());
            for (i, v) in profile.iter().enumerate() {
                let h = (v / peak) as f32 * plot.height();
                let x = plot.left() + i as f32 * bar;
                bars.add_colored_rect(
                    Rect::from_min_max(
                        Pos2::new(x, plot.bottom() - h),
                        Pos2::new(x + (bar - 0.5).max(0.5), plot.bottom()),
                    ),
                    fill,
                );
            }
            shapes.push(egui::Shape::mesh(bars));
            shapes.push(egui::Shape::line_segment(
                [Pos2::new(plot.left(), mean_y), Pos2::new(plot.right(), mean_y)],
                Stroke::new(1.0, mean_color),
            ));
        },
    );
    let weak = ui.visuals().weak_text_color();
    let font = egui::FontId::proportional(10.5);
    painter.text(
        Pos2::new(plot.left() - 4.0, mean_y),
        egui::Align2::RIGHT_CENTER,
        "avg",
        font.clone(),
        mean_color,
    );
    painter.text(
        Pos2::new(plot.left() - 4.0, plot.top() + 5.0),
        egui::Align2::RIGHT_CENTER,
        format!("{peak:.1}x"),
        font.clone(),
        weak,
    );
    for (d, day) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let x = plot.left() + (d as f32 * 24.0 + 12.0) * bar;
        painter.text(
            Pos2::new(x, plot.bottom() + 9.0),
            egui::Align2::CENTER_CENTER,
            *day,
            font.clone(),
            weak,
        );
    }
    if let Some(pointer) = response.hover_pos()
        && plot.contains(pointer)
    {
        let hour = (((pointer.x - plot.left()) / bar) as usize).min(profile.len().saturating_sub(1));
        let days = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        response.on_hover_text(format!(
            "{} {:02}:00: {:.2}x the average rate",
            days[hour / 24 % 7],
            hour % 24,
            profile[hour]
        ));
    }
}

/// How a curve is drawn: functions solid and thick, serverless containers
/// dotted, servers dashed (the SVG charts use the same), in the option's colour.
fn line_style(option: OptionId) -> (f32, Option<(f32, f32)>) {
    match option.kind() {
        OptionKind::Function => (2.6, None),
        OptionKind::Container => (2.0, Some((3.0, 5.0))),
        OptionKind::Server => (1.6, Some((12.0, 6.0))),
    }
}

fn stroke_line(shapes: &mut Vec<egui::Shape>, line: &[Pos2], option: OptionId, dark: bool) {
    let (width, dash) = line_style(option);
    let stroke = Stroke::new(width, color_of(option, dark));
    match dash {
        None => shapes.push(egui::Shape::line(line.to_vec(), stroke)),
        Some((dash, gap)) => shapes.extend(egui::Shape::dashed_line(line, stroke, dash, gap)),
    }
}

/// The legend under a chart (so it covers no line): each curve's line and name.
fn legend(ui: &mut Ui, options: impl Iterator<Item = OptionId>) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        for option in options {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(28.0, 12.0), Sense::hover());
            let mut shapes = Vec::new();
            stroke_line(
                &mut shapes,
                &[rect.left_center(), rect.right_center()],
                option,
                dark,
            );
            ui.painter().extend(shapes);
            ui.label(RichText::new(option.label()).small());
            ui.add_space(8.0);
        }
    });
}

/// The cost curves drawn with the painter: log monthly requests against log
/// dollars, a line per option (colours as in the table), the break-even point,
/// "you are here", and a tooltip with the nearest curve's numbers. A fifth of
/// what the same chart costs through `egui_plot` each frame (measured in
/// benches/frame.rs), which matters because the results redraw on every edit.
pub fn cost_chart(ui: &mut Ui, cache: &PlotCache, _a: &Assessment) {
    let dark = ui.visuals().dark_mode;
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, 300.0), Sense::hover());
    let painter = ui.painter().clone();
    let weak = ui.visuals().weak_text_color();
    let grid = ui.visuals().widgets.noninteractive.bg_stroke.color;
    let here_color = if dark {
        Color32::LIGHT_GRAY
    } else {
        Color32::DARK_GRAY
    };
    let red = Color32::from_rgb(197, 34, 31);
    let font = egui::FontId::proportional(11.0);
    // Room above the plot for the axis title, below it for the volume labels.
    let plot = Rect::from_min_max(rect.min + Vec2::new(58.0, 18.0), rect.max - Vec2::new(8.0, 34.0));
    let (x0, x1) = cache.x_range;
    let (y0, y1) = (cache.y_bottom, cache.y_top);
    let to_screen = |x: f64, y: f64| {
        Pos2::new(
            plot.left() + ((x - x0) / (x1 - x0)) as f32 * plot.width(),
            plot.bottom() - ((y - y0) / (y1 - y0)).clamp(0.0, 1.0) as f32 * plot.height(),
        )
    };
    // The lines, from a mesh made once per assessment, size and theme.
    super::widgets::cached_shapes(
        ui,
        egui::Id::unique("cost-chart-geometry"),
        (cache.generation, super::widgets::rect_key(rect)),
        |shapes| {
            shapes.push(egui::Shape::rect_stroke(
                plot,
                0.0,
                Stroke::new(1.0, grid),
                egui::StrokeKind::Inside,
            ));
            for (d, _) in &cache.x_labels {
                let x = to_screen(f64::from(*d), y0).x;
                shapes.push(egui::Shape::line_segment(
                    [Pos2::new(x, plot.top()), Pos2::new(x, plot.bottom())],
                    Stroke::new(1.0, grid),
                ));
            }
            for (d, _) in &cache.y_labels {
                let y = to_screen(x0, f64::from(*d)).y;
                shapes.push(egui::Shape::line_segment(
                    [Pos2::new(plot.left(), y), Pos2::new(plot.right(), y)],
                    Stroke::new(1.0, grid),
                ));
            }
            // The curves, functions on top.
            let mut order: Vec<&(OptionId, Vec<PlotPoint>)> = cache.curves.iter().collect();
            order.sort_by_key(|(o, _)| std::cmp::Reverse(o.kind()));
            for (option, points) in order {
                let line: Vec<Pos2> = points.iter().map(|p| to_screen(p.x, p.y)).collect();
                stroke_line(shapes, &line, *option, dark);
            }
            if cache.here_x >= x0 && cache.here_x <= x1 {
                let x = to_screen(cache.here_x, y0).x;
                shapes.extend(egui::Shape::dashed_line(
                    &[Pos2::new(x, plot.top()), Pos2::new(x, plot.bottom())],
                    Stroke::new(1.5, here_color),
                    5.0,
                    4.0,
                ));
            }
            if let Some(point) = cache.break_even {
                shapes.push(egui::Shape::circle_filled(to_screen(point.x, point.y), 6.0, red));
                shapes.push(egui::Shape::circle_stroke(
                    to_screen(point.x, point.y),
                    6.0,
                    Stroke::new(1.5, Color32::WHITE),
                ));
            }
        },
    );
    // The words, on top of the lines.
    for (d, label) in &cache.x_labels {
        let x = to_screen(f64::from(*d), y0).x;
        painter.text(
            Pos2::new(x, plot.bottom() + 4.0),
            egui::Align2::CENTER_TOP,
            label,
            font.clone(),
            weak,
        );
    }
    for (d, label) in &cache.y_labels {
        let y = to_screen(x0, f64::from(*d)).y;
        painter.text(
            Pos2::new(plot.left() - 4.0, y),
            egui::Align2::RIGHT_CENTER,
            label,
            font.clone(),
            weak,
        );
    }
    painter.text(
        Pos2::new(plot.center().x, rect.bottom() - 2.0),
        egui::Align2::CENTER_BOTTOM,
        "Monthly requests",
        font.clone(),
        weak,
    );
    painter.text(
        Pos2::new(rect.left() + 2.0, rect.top()),
        egui::Align2::LEFT_TOP,
        "USD a month",
        font.clone(),
        weak,
    );
    if cache.here_x >= x0 && cache.here_x <= x1 {
        let x = to_screen(cache.here_x, y0).x;
        painter.text(
            Pos2::new(x + 4.0, plot.top() + 2.0),
            egui::Align2::LEFT_TOP,
            "you are here",
            font.clone(),
            here_color,
        );
    }
    if let Some(point) = cache.break_even {
        let at = to_screen(point.x, point.y);
        // On a patch of background, so the curves under it do not garble it.
        let galley = painter.layout_no_wrap(
            format!(
                "break-even {}",
                format::short_count(
                    cache
                        .break_even_of
                        .as_ref()
                        .and_then(|b| b.monthly_requests)
                        .unwrap_or(10f64.powf(point.x))
                )
            ),
            font.clone(),
            red,
        );
        let patch = Rect::from_min_size(at + Vec2::new(8.0, -12.0 - galley.size().y), galley.size())
            .expand2(Vec2::new(3.0, 1.0));
        painter.rect_filled(patch, 3.0, ui.visuals().extreme_bg_color.gamma_multiply(0.9));
        painter.galley(patch.min + Vec2::new(3.0, 1.0), galley, red);
    }
    // Tooltip: the curve nearest the pointer, at the pointer's volume.
    if let Some(pointer) = response.hover_pos()
        && plot.contains(pointer)
    {
        let x = x0 + f64::from((pointer.x - plot.left()) / plot.width()) * (x1 - x0);
        let nearest = cache
            .curves
            .iter()
            .filter_map(|(option, points)| {
                let i = points
                    .partition_point(|p| p.x < x)
                    .clamp(1, points.len().saturating_sub(1));
                let (p, q) = (points.get(i - 1)?, points.get(i)?);
                let t = if q.x > p.x { (x - p.x) / (q.x - p.x) } else { 0.0 };
                let y = p.y + t * (q.y - p.y);
                let distance = (to_screen(x, y).y - pointer.y).abs();
                Some((distance, *option, y))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, option, y)) = nearest {
            let marker = to_screen(x, y);
            painter.circle_filled(marker, 4.0, color_of(option, dark));
            let usd = if y <= cache.y_floor {
                format!("at most {}", format::usd(10f64.powf(y)))
            } else {
                format::usd(10f64.powf(y))
            };
            response.on_hover_text_at_pointer(format!(
                "{}\n{} requests a month\n{usd} a month",
                option.label(),
                format::short_count(10f64.powf(x))
            ));
        }
    }
    legend(ui, cache.curves.iter().map(|(o, _)| *o));
}

//! The results beside the questionnaire: verdict banner, score breakdown,
//! blockers, costs, cost curves, traffic, cold starts, pattern and flip points.
//! Everything shown comes from the one `Assessment`; nothing is priced here.

use egui::{Color32, CornerRadius, Frame, Margin, Rect, RichText, Stroke, Ui};

use super::charts::{self, PlotCache};
use super::diagram;
use crate::advice::explore::CurveAxis;
use crate::advice::projection::ProjectedBill;
use crate::advice::{Assessment, Verdict};
use crate::catalogue::Layout;
use crate::format;
use crate::source::FileError;

fn verdict_colors(verdict: Verdict, dark: bool) -> (Color32, Color32) {
    match (verdict, dark) {
        (Verdict::Serverless, false) => (Color32::from_rgb(231, 246, 245), Color32::from_rgb(11, 122, 117)),
        (Verdict::Serverless, true) => (Color32::from_rgb(16, 52, 50), Color32::from_rgb(64, 196, 186)),
        (Verdict::Traditional, false) => (Color32::from_rgb(253, 241, 230), Color32::from_rgb(176, 90, 0)),
        (Verdict::Traditional, true) => (Color32::from_rgb(58, 38, 16), Color32::from_rgb(245, 160, 80)),
        (Verdict::Hybrid, false) => (Color32::from_rgb(241, 236, 251), Color32::from_rgb(106, 63, 181)),
        (Verdict::Hybrid, true) => (Color32::from_rgb(40, 30, 62), Color32::from_rgb(178, 146, 240)),
    }
}

/// A part of the results, for the jump links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The top of the results: the verdict.
    Top,
    /// The score breakdown.
    Scores,
    /// The hard stops.
    HardStops,
    /// The cost table.
    Costs,
    /// The cost curves.
    CostCurves,
    /// The week's traffic.
    Traffic,
    /// Cold starts.
    ColdStarts,
    /// The pattern diagram.
    Pattern,
    /// The flip points.
    FlipPoints,
    /// The growth projection.
    Growth,
    /// The assumptions.
    Assumptions,
}

impl Section {
    /// The jump links, in page order.
    pub const LINKS: [(Self, &'static str); 8] = [
        (Self::Scores, "Why"),
        (Self::HardStops, "Hard stops"),
        (Self::Costs, "Costs"),
        (Self::CostCurves, "Cost curves"),
        (Self::ColdStarts, "Cold starts"),
        (Self::Pattern, "Pattern"),
        (Self::FlipPoints, "Flip points"),
        (Self::Growth, "Growth"),
    ];
}

const TOPS_KEY: &str = "results-section-tops";
const EXPLORER_KEY: &str = "cost-curves-explorer-open";

/// The zoomable cost-curve window, when opened from the results: the curves
/// along the volume (the assessment's), or along the duration, the memory or
/// the peak, swept by the domain when first asked for and kept for the
/// assessment they belong to.
pub fn explorer_window(
    ctx: &egui::Context,
    cache: Option<&PlotCache>,
    assessment: Option<&Assessment>,
    book: &crate::pricing::PriceBook,
    rules: &crate::advice::AdviceRules,
) {
    let id = egui::Id::unique(EXPLORER_KEY);
    let mut open = ctx.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    if !open {
        return;
    }
    let (Some(cache), Some(a)) = (cache, assessment) else {
        return;
    };
    let axis_id = egui::Id::unique("cost-curves-explorer-axis");
    let mut axis: CurveAxis = ctx.data(|d| d.get_temp(axis_id)).unwrap_or_default();
    egui::Window::new("Cost curves")
        .open(&mut open)
        .default_size([760.0, 480.0])
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label("Along:");
                for choice in CurveAxis::ALL {
                    ui.selectable_value(&mut axis, choice, choice.label())
                        .on_hover_text(match choice {
                            CurveAxis::Duration => "Each option's monthly bill as the average duration changes, the p99 and the longest job scaled with it, every other answer held; an option past a time limit leaves the chart there".to_owned(),
                            _ => format!(
                                "Each option's monthly bill as the {} changes, every other answer held; an option past a limit leaves the chart there",
                                choice.label().to_lowercase()
                            ),
                        });
                }
            });
            ui.label(
                RichText::new("Drag to pan, scroll or pinch to zoom, double-click to reset; click a name in the legend to hide its line.")
                    .small()
                    .weak(),
            );
            if axis == CurveAxis::Volume {
                charts::cost_plot(ui, cache, a);
            } else {
                // One sweep kept per axis, for the assessment it was made from.
                let key = egui::Id::unique("cost-curves-explorer-sweep").with(axis);
                let kept = ui.data(|d| d.get_temp::<(u64, std::sync::Arc<PlotCache>)>(key));
                let along = match kept {
                    Some((generation, along)) if generation == cache.generation => along,
                    _ => {
                        let options: Vec<crate::cost::OptionId> = a.cost_curves.curves.iter().map(|(o, _)| *o).collect();
                        let (values, curves) =
                            crate::advice::explore::sweep_along(&a.workload, book, rules, &options, axis);
                        let made = std::sync::Arc::new(PlotCache::along(a, axis, &values, &curves));
                        ui.data_mut(|d| d.insert_temp(key, (cache.generation, made.clone())));
                        made
                    }
                };
                charts::cost_plot(ui, &along, a);
            }
        });
    ctx.data_mut(|d| {
        d.insert_temp(id, open);
        d.insert_temp(axis_id, axis);
    });
}

/// Where a section started in the scrolled results last frame, if drawn yet.
#[must_use]
pub fn section_top(ctx: &egui::Context, section: Section) -> Option<f32> {
    if section == Section::Top {
        return Some(0.0);
    }
    ctx.data(|d| d.get_temp::<Vec<(Section, f32)>>(egui::Id::unique(TOPS_KEY)))
        .and_then(|tops| tops.iter().find(|(s, _)| *s == section).map(|(_, top)| *top))
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(title).heading().size(17.0));
    ui.add_space(2.0);
}

/// The whole results column.
pub fn ui(
    ui: &mut Ui,
    viewport: Rect,
    assessment: Option<&Assessment>,
    problems: &[FileError],
    plot: Option<&PlotCache>,
    layout: Option<&Layout>,
) {
    // Where the scrolled content starts on screen: block positions are measured from here.
    let origin = ui.cursor().top();
    // Plain labels: text selection on dozens of labels is most of this screen's
    // frame cost, and every figure here is in the exported report.
    ui.style_mut().interaction.selectable_labels = false;
    if !problems.is_empty() {
        Frame::new()
            .fill(ui.visuals().extreme_bg_color)
            .stroke(Stroke::new(1.0, super::widgets::error_color(ui)))
            .inner_margin(Margin::same(10))
            .corner_radius(CornerRadius::same(6))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!(
                        "{} before the results can update:",
                        super::questionnaire::answers_need_fixing(problems.len())
                    ))
                    .strong()
                    .color(super::widgets::error_color(ui)),
                );
                for p in problems {
                    ui.label(format!(
                        "• {}: {}",
                        super::questionnaire::field_label(&p.field),
                        p.problem
                    ));
                }
                if assessment.is_some() {
                    ui.label(RichText::new("Below, dimmed: the results for the last valid answers.").weak());
                }
            });
        ui.add_space(8.0);
        // Out of date until the answers are fixed: shown, but not at full strength.
        ui.multiply_opacity(0.55);
    }
    let Some(a) = assessment else {
        ui.label("No results yet.");
        return;
    };
    verdict_banner(ui, a);
    let mut lazy = Lazy::new(ui, viewport, origin);

    lazy.block(ui, Section::Scores, |ui| {
        section(ui, "Why: the score breakdown");
        charts::score_bars(ui, a);
        egui::CollapsingHeader::new("Every criterion and its reason")
            .id_salt("criteria-details")
            .show(ui, |ui| {
                for c in &a.criteria {
                    ui.label(
                        RichText::new(format!(
                            "{} (weight {}, strength {}/10)",
                            c.title,
                            format::weight(c.weight),
                            format::weight(c.points)
                        ))
                        .strong(),
                    );
                    ui.label(c.reason.as_str());
                    ui.add_space(4.0);
                }
            });
    });

    if !a.blockers.is_empty() {
        lazy.block(ui, Section::HardStops, |ui| {
            section(ui, "Hard stops");
            for b in &a.blockers {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("⛔ {}:", b.option.label()))
                            .strong()
                            .color(super::widgets::error_color(ui)),
                    );
                    ui.label(b.reason.as_str());
                    ui.label(RichText::new(format!("Instead: {}.", b.alternative)).italics());
                });
            }
        });
    }

    lazy.block(ui, Section::Costs, |ui| {
        section(ui, "Monthly cost of every option");
        cost_table(ui, a);
        bill_gaps(ui, a);
        ui.add_space(6.0);
    });
    lazy.block(ui, Section::CostCurves, |ui| {
        let people_id = egui::Id::unique("curves-with-people");
        let mut with_people = ui.data(|d| d.get_temp::<bool>(people_id)).unwrap_or(false);
        if plot.is_some_and(|c| c.with_people.is_some())
            && ui
                .checkbox(&mut with_people, "With people's time")
                .on_hover_text("Add each option's operations time (patching, scaling, deploys, on-call) at the engineer-day cost to its curve, and find the break-even with it. The cloud bill alone when unchecked.")
                .changed()
        {
            ui.data_mut(|d| d.insert_temp(people_id, with_people));
        }
        let plot = plot.map(|c| match (&c.with_people, with_people) {
            (Some(p), true) => p.as_ref(),
            _ => c,
        });
        if let Some(cache) = plot {
            charts::cost_chart(ui, cache, a);
            if ui.button("Explore the curves…").clicked() {
                ui.data_mut(|d| d.insert_temp(egui::Id::unique(EXPLORER_KEY), true));
            }
            ui.label(
                RichText::new(
                    "Solid: functions · dotted: serverless containers · dashed: servers. Hover for numbers.",
                )
                .small()
                .weak(),
            );
            let here = a.workload.traffic.monthly_requests;
            if let (Some(first), Some(last)) = (
                a.cost_curves.monthly_requests.first(),
                a.cost_curves.monthly_requests.last(),
            ) && (here < *first || here > *last)
            {
                ui.label(
                    RichText::new(format!(
                        "This workload ({} requests a month) is off the chart, which spans {} to {}.",
                        format::short_count(here),
                        format::short_count(*first),
                        format::short_count(*last)
                    ))
                    .weak(),
                );
            }
        }
        match a.break_even.monthly_requests {
            Some(v) => ui.label(format!(
                "Break-even: {} and {} cost the same at {} requests a month (this workload: {}).",
                a.break_even.function_option.label(),
                a.break_even.server_option.label(),
                format::short_count(v),
                format::short_count(a.workload.traffic.monthly_requests)
            )),
            None => ui.label(crate::report::no_break_even_sentence(a)),
        };
        if let Some(sentence) = crate::report::people_break_even_sentence(a) {
            ui.label(sentence);
        }
    });

    lazy.block(ui, Section::Traffic, |ui| {
        section(ui, "Traffic over a week");
        charts::traffic_chart(ui, a);
    });

    lazy.block(ui, Section::ColdStarts, |ui| {
        section(ui, "Cold starts");
        cold_start(ui, a);
    });

    lazy.block(ui, Section::Pattern, |ui| {
        section(ui, &format!("Pattern: {}", a.pattern.name));
        ui.label(a.pattern.why.as_str());
        if let Some(layout) = layout {
            diagram::ui(ui, layout);
        }
    });

    lazy.block(ui, Section::FlipPoints, |ui| {
        section(ui, "What would flip the verdict");
        if a.flip_points.is_empty() {
            ui.label("No single answer flips the verdict within its valid range.");
        } else {
            egui::Grid::new("flip-grid")
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    ui.label(RichText::new("Answer").strong());
                    ui.label(RichText::new("Now, then flips at").strong());
                    ui.label(RichText::new("Verdict then").strong());
                    ui.end_row();
                    for f in &a.flip_points {
                        ui.label(f.label.as_str());
                        ui.label(format!(
                            "{}, flips at {}",
                            crate::report::show_answer(&f.answer, f.current),
                            crate::report::show_answer(&f.answer, f.value)
                        ));
                        let verdict = ui.label(f.verdict.label());
                        if let Some(because) = &f.because {
                            verdict.on_hover_text(because);
                        }
                        ui.end_row();
                        if let Some(because) = &f.because {
                            ui.label("");
                            ui.label(
                                RichText::new(format!("Finer than the answer: {because}."))
                                    .small()
                                    .weak(),
                            );
                            ui.label("");
                            ui.end_row();
                        }
                    }
                });
        }
    });

    lazy.block(ui, Section::Growth, |ui| {
        section(ui, "Growth over three years");
        growth(ui, a);
    });

    lazy.block(ui, Section::Assumptions, |ui| {
        ui.add_space(10.0);
        egui::CollapsingHeader::new(
            RichText::new(format!("Assumptions ({})", a.assumptions.len()))
                .heading()
                .size(17.0),
        )
        .id_salt("assumptions")
        .show(ui, |ui| {
            for line in &a.assumptions {
                ui.label(format!("• {line}"));
            }
        });
    });
    lazy.finish(ui);
}

/// The verdict in a few words and the "Jump to" links, drawn above the
/// scrolled results so both stay in view wherever the reader is.
pub fn jump_bar(ui: &mut Ui, a: &Assessment) -> Option<Section> {
    let mut jump = None;
    ui.horizontal_wrapped(|ui| {
        let (_, accent) = verdict_colors(a.verdict, ui.visuals().dark_mode);
        let mut verdict = a.verdict.label().to_owned();
        if a.close_call {
            verdict.push_str(" (close call)");
        }
        if let Some(option) = a.recommendation.option {
            verdict.push_str(": ");
            verdict.push_str(option.label());
        }
        if ui
            .add(egui::Button::new(RichText::new(verdict).strong().color(accent)).frame(false))
            .on_hover_text(format!("{}\nClick to go to the top.", a.summary))
            .clicked()
        {
            jump = Some(Section::Top);
        }
        ui.separator();
        ui.label(RichText::new("Jump to:").weak());
        for (section, name) in Section::LINKS {
            if section == Section::HardStops && a.blockers.is_empty() {
                continue;
            }
            if ui.link(name).clicked() {
                jump = Some(section);
            }
        }
    });
    jump
}

/// Draws blocks of a long scrolled column only when they are near the visible
/// part; the others take the height they had when last drawn. Keeps the frame
/// cost of the results about that of one screenful.
struct Lazy {
    viewport: Rect,
    origin: f32,
    id: egui::Id,
    heights: Vec<f32>,
    width: f32,
    index: usize,
    tops: Vec<(Section, f32)>,
}

/// How far a block must reach into the visible part to be drawn, in points: a
/// sliver of a section's top or bottom spacing alone is not worth drawing.
const LAZY_MARGIN: f32 = -6.0;

impl Lazy {
    fn new(ui: &Ui, viewport: Rect, origin: f32) -> Self {
        let id = ui.scope_id().with("lazy-block-heights");
        let width = ui.available_width().round();
        let (stored_width, heights): (f32, Vec<f32>) =
            ui.data(|d| d.get_temp(id)).unwrap_or((width, Vec::new()));
        Self {
            viewport,
            origin,
            id,
            // A new width reflows every block: measure them all again.
            heights: if (stored_width - width).abs() < 0.5 {
                heights
            } else {
                Vec::new()
            },
            width,
            index: 0,
            tops: Vec::new(),
        }
    }

    fn block(&mut self, ui: &mut Ui, section: Section, add: impl FnOnce(&mut Ui)) {
        let i = self.index;
        self.index += 1;
        let top = ui.cursor().top() - self.origin;
        self.tops.push((section, top));
        if let Some(&height) = self.heights.get(i) {
            let visible = top + height >= self.viewport.top() - LAZY_MARGIN
                && top <= self.viewport.bottom() + LAZY_MARGIN;
            if !visible {
                ui.allocate_space(egui::Vec2::new(self.width.min(ui.available_width()), height));
                return;
            }
        }
        let start = ui.cursor().top();
        add(ui);
        let height = ui.cursor().top() - start;
        if self.heights.len() <= i {
            self.heights.resize(i + 1, height);
        }
        self.heights[i] = height;
    }

    fn finish(self, ui: &Ui) {
        let mut heights = self.heights;
        heights.truncate(self.index);
        let tops = self.tops;
        ui.data_mut(|d| {
            d.insert_temp(self.id, (self.width, heights));
            d.insert_temp(egui::Id::unique(TOPS_KEY), tops);
        });
    }
}

fn verdict_banner(ui: &mut Ui, a: &Assessment) {
    let (fill, accent) = verdict_colors(a.verdict, ui.visuals().dark_mode);
    Frame::new()
        .fill(fill)
        .stroke(Stroke::new(1.5, accent))
        .inner_margin(Margin::same(12))
        .corner_radius(CornerRadius::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(a.verdict.label()).size(24.0).strong().color(accent));
                if a.close_call {
                    ui.label(RichText::new("Close call").size(18.0).strong().color(accent))
                        .on_hover_text(
                            "The two sides score within the close-call margin: the verdict is the side to start on, and the other side's option is the fallback.",
                        );
                }
                ui.label(
                    RichText::new(format!(
                        "{} confidence · scores out of 100: serverless {}, servers {}",
                        format::confidence(a.confidence),
                        format::points(a.scores.serverless),
                        format::points(a.scores.traditional)
                    ))
                    .color(accent),
                )
                .on_hover_text(&a.scoring);
            });
            ui.label(
                RichText::new(
                    "Each side's score adds up its reasons' weight x strength, out of 100; confidence grows with the lead (hover for how).",
                )
                .small()
                .weak(),
            )
            .on_hover_text(&a.scoring);
            ui.label(RichText::new(&a.summary).size(14.5));
            if let Some(step) = &a.stability {
                ui.label(RichText::new(step).italics());
            }
            ui.add_space(2.0);
            ui.label(RichText::new(&a.recommendation.text).strong());
            if let Some(split) = &a.recommendation.split
                && a.recommendation.serverless_option.is_some()
                && a.recommendation.traditional_option.is_some()
                && split != &a.summary
            {
                ui.label(split);
            }
        });
}

/// A column the cost table is sorted by: none (the default order), or one of
/// its headings, ascending or descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct CostSort {
    column: Option<usize>,
    descending: bool,
}

/// A heading in running text: lower case, but USD stays USD.
fn heading_words(heading: &str) -> String {
    if heading.starts_with("USD") {
        heading.to_owned()
    } else {
        heading.to_lowercase()
    }
}

/// The cost table's sortable headings, in column order.
const COST_HEADINGS: [&str; 4] = ["Option", "Cloud", "Kind", "USD a month"];

fn cost_table(ui: &mut Ui, a: &Assessment) {
    let dark = ui.visuals().dark_mode;
    let sort_id = egui::Id::unique("cost-table-sort");
    let mut sort: CostSort = ui.data(|d| d.get_temp(sort_id)).unwrap_or_default();
    let mut costs = crate::report::cost_order(a);
    if let Some(column) = sort.column {
        // A stable sort: ties keep the default order.
        costs.sort_by(|x, y| {
            let order = match column {
                0 => x.option.label().cmp(y.option.label()),
                1 => x.option.provider().label().cmp(y.option.provider().label()),
                2 => x.kind.label().cmp(y.kind.label()),
                _ => x.monthly_usd.total_cmp(&y.monthly_usd),
            };
            if sort.descending { order.reverse() } else { order }
        });
    }
    ui.horizontal_wrapped(|ui| {
        let order = match sort.column {
            None => "Listed with this workload's cloud first, cheapest first, then the other clouds'. Click a heading to sort by it.".to_owned(),
            Some(c) => format!(
                "Sorted by {}, {}.",
                heading_words(COST_HEADINGS[c]),
                if sort.descending { "descending" } else { "ascending" }
            ),
        };
        ui.label(RichText::new(order).small().weak());
        if sort.column.is_some() && ui.small_button("Default order").clicked() {
            sort = CostSort::default();
        }
    });
    // One label per cell (the breakdown's explanations on hover): a table of
    // many small widgets is the costliest thing on this screen to lay out.
    let people = costs.iter().any(|c| c.operations_usd.is_some());
    // The option and breakdown columns share what the three short ones leave,
    // and wrap: at 1024 pixels the table fits the results column, uncut.
    let short = if people { 400.0 } else { 300.0 };
    let wide = ((ui.available_width() - short) / 2.0).max(130.0);
    egui::Grid::new("cost-table")
        .max_col_width(wide)
        .num_columns(if people { 6 } else { 5 })
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (i, heading) in COST_HEADINGS.iter().enumerate() {
                let mark = match sort {
                    CostSort { column: Some(c), descending } if c == i => {
                        if descending { " ⏷" } else { " ⏶" }
                    }
                    _ => "",
                };
                let clicked = ui
                    .add(egui::Button::new(RichText::new(format!("{heading}{mark}")).strong()).frame(false))
                    .on_hover_text(format!("Sort by {}", heading_words(heading)))
                    .clicked();
                if clicked {
                    sort = CostSort {
                        column: Some(i),
                        descending: sort.column == Some(i) && !sort.descending,
                    };
                }
            }
            if people {
                ui.label(RichText::new("With people's time").strong()).on_hover_text(
                    "The cloud bill plus the engineer-hours each kind of option takes to run (patching, scaling, deploys, on-call) at the engineer-day cost given on the Team step; the hours are stated assumptions in the advice rules file.",
                );
            }
            ui.label(RichText::new("Breakdown").strong())
                .on_hover_text("Hover a row's breakdown for how each line is priced.");
            ui.end_row();
            for c in costs {
                let blocked = a.blockers.iter().any(|b| b.option == c.option);
                let chosen = a.recommendation.option == Some(c.option);
                let role = crate::report::option_role(a, c.option);
                let mut name = RichText::new(format!(
                    "■ {}{}{}",
                    c.option.label(),
                    if c.notes.is_empty() { "" } else { " ℹ" },
                    match role {
                        Some(role) if chosen && !blocked => format!("  ✔ {role}"),
                        Some(role) => format!("  ({role})"),
                        None => String::new(),
                    }
                ))
                .color(charts::color_of(c.option, dark));
                if chosen {
                    name = name.strong();
                }
                let name = ui.add(egui::Label::new(name).wrap());
                if !c.notes.is_empty() {
                    name.on_hover_ui(|ui| {
                        ui.label(RichText::new("ℹ Notes on this option").strong());
                        for note in &c.notes {
                            ui.label(note.as_str());
                        }
                    });
                }
                ui.label(c.option.provider().label());
                ui.label(c.kind.label());
                let mut usd = RichText::new(format::usd(c.monthly_usd));
                if blocked {
                    usd = usd.strikethrough().weak();
                } else if chosen {
                    usd = usd.strong();
                }
                ui.label(usd);
                if people {
                    ui.label(c.with_operations_usd().map_or_else(String::new, format::usd));
                }
                let mut parts: Vec<String> = c
                    .breakdown
                    .iter()
                    .map(|line| format!("{} {}", line.item, format::usd(line.usd)))
                    .collect();
                if blocked {
                    parts.push("(blocked)".into());
                }
                let color = if blocked {
                    super::widgets::error_color(ui)
                } else {
                    ui.visuals().text_color()
                };
                ui.add(egui::Label::new(RichText::new(parts.join(" · ")).small().color(color)).wrap())
                    .on_hover_ui(|ui| {
                    for line in &c.breakdown {
                        ui.label(format!("{}: {}", line.item, line.detail));
                    }
                });
                ui.end_row();
            }
        });
    ui.data_mut(|d| d.insert_temp(sort_id, sort));
}

/// What the bills leave out: the lines the answers cannot price, and what is
/// the same on both sides.
fn bill_gaps(ui: &mut Ui, a: &Assessment) {
    let bought = crate::report::commitments(a);
    if !bought.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("Commitments bought").strong()).on_hover_text(
            "Each covers the steady baseline only (the week's quietest hour); it is owed every month of the term, whatever the use. Change it on the Team and pricing step.",
        );
        for line in &bought {
            ui.label(format!("• {line}"));
        }
    }
    let gaps = crate::report::not_counted(a);
    if !gaps.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("Not counted: the answers given cannot price these").strong())
            .on_hover_text("Give the answer named in each line (Triggers and state step, Data) and the line is priced on every option.");
        for gap in &gaps {
            ui.label(format!("• {gap}"));
        }
    }
    if !a.left_out.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("Left out on purpose").strong());
        for item in &a.left_out {
            ui.label(RichText::new(format!("• {item}")).weak());
        }
    }
}

fn cold_start(ui: &mut Ui, a: &Assessment) {
    // The finding; the remedy's further notes (SnapStart) are on hover (the
    // reports give them in full).
    let label = ui.label(crate::report::cold_start_short(a));
    if let Some(more) = crate::report::cold_start_more(a) {
        label.on_hover_ui(|ui| {
            ui.label(format!("Also: {more}."));
        });
    }
}

/// The growth projection: a sentence, then the bills every six months.
fn growth(ui: &mut Ui, a: &Assessment) {
    let Some(p) = &a.projection else {
        ui.label("No growth given (Traffic step, Growth): the volume stays where it is, so there is nothing to project.");
        return;
    };
    ui.label(p.sentence(a.verdict));
    ui.add_space(4.0);
    egui::Grid::new("growth-grid")
        .num_columns(4)
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for head in [
                "Month",
                "Requests a month",
                "Cheapest serverless",
                "Cheapest server or container",
            ] {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            for m in &p.months {
                let flips_here = p.flip.as_ref().is_some_and(|f| {
                    f.month > m.month.saturating_sub(6) && f.month <= m.month && m.month > 0
                });
                ui.label(if flips_here {
                    RichText::new(format!("{}: flipped", m.month)).strong()
                } else {
                    RichText::new(m.month.to_string())
                })
                .on_hover_text(if flips_here {
                    "The verdict has flipped by this month."
                } else {
                    "Months from now."
                });
                ui.label(format::short_count(m.monthly_requests));
                ui.label(ProjectedBill::describe(m.serverless.as_ref()));
                ui.label(ProjectedBill::describe(m.traditional.as_ref()));
                ui.end_row();
            }
        });
}

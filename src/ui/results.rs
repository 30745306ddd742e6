//! The results beside the questionnaire: verdict banner, score breakdown,
//! blockers, costs, cost curves, traffic, cold starts, pattern and flip points.
//! Everything shown comes from the one `Assessment`; nothing is priced here.

use egui::{Color32, CornerRadius, Frame, Margin, RichText, Stroke, Ui};

use super::charts::{self, PlotCache};
use super::diagram;
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

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(title).heading().size(17.0));
    ui.add_space(2.0);
}

/// The whole results column.
pub fn ui(
    ui: &mut Ui,
    assessment: Option<&Assessment>,
    problems: &[FileError],
    plot: Option<&PlotCache>,
    layout: Option<&Layout>,
) {
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
                        "{} answer(s) need fixing before the results can update:",
                        problems.len()
                    ))
                    .strong()
                    .color(super::widgets::error_color(ui)),
                );
                for p in problems {
                    ui.label(format!("• {}: {}", p.field, p.problem));
                }
                if assessment.is_some() {
                    ui.label(RichText::new("Below: the results for the last valid answers.").weak());
                }
            });
        ui.add_space(8.0);
    }
    let Some(a) = assessment else {
        ui.label("No results yet.");
        return;
    };
    verdict_banner(ui, a);

    section(ui, "Why: the score breakdown");
    charts::score_bars(ui, a);
    egui::CollapsingHeader::new("Every criterion and its reason")
        .id_salt("criteria-details")
        .show(ui, |ui| {
            for c in &a.criteria {
                ui.label(
                    RichText::new(format!("{} (weight {}, {} points)", c.title, c.weight, c.points)).strong(),
                );
                ui.label(&c.reason);
                ui.add_space(4.0);
            }
        });

    if !a.blockers.is_empty() {
        section(ui, "Hard stops");
        for b in &a.blockers {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("⛔ {}:", b.option.label()))
                        .strong()
                        .color(super::widgets::error_color(ui)),
                );
                ui.label(&b.reason);
                ui.label(RichText::new(format!("Instead: {}.", b.alternative)).italics());
            });
        }
    }

    section(ui, "Monthly cost of every option");
    cost_table(ui, a);
    ui.add_space(6.0);
    if let Some(cache) = plot {
        charts::cost_plot(ui, cache, a);
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
        None => ui.label(format!(
            "{} and {} never cost the same between 1k and 100B requests a month.",
            a.break_even.function_option.label(),
            a.break_even.server_option.label()
        )),
    };

    section(ui, "Traffic over a week");
    charts::traffic_chart(ui, a);

    section(ui, "Cold starts");
    cold_start(ui, a);

    section(ui, &format!("Pattern: {}", a.pattern.name));
    ui.label(&a.pattern.why);
    if let Some(layout) = layout {
        diagram::ui(ui, layout);
    }

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
                    ui.label(&f.label);
                    ui.label(format!(
                        "{}, flips at {}",
                        crate::report::show_answer(&f.answer, f.current),
                        crate::report::show_answer(&f.answer, f.value)
                    ));
                    ui.label(f.verdict.label());
                    ui.end_row();
                }
            });
    }

    section(ui, "Assumptions");
    for line in &a.assumptions {
        ui.label(RichText::new(format!("• {line}")).small());
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
                ui.label(
                    RichText::new(format!(
                        "{} confidence · serverless {:.0} · servers {:.0}",
                        format::percent(a.confidence),
                        a.scores.serverless,
                        a.scores.traditional
                    ))
                    .color(accent),
                );
            });
            ui.label(RichText::new(&a.summary).size(14.5));
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

fn cost_table(ui: &mut Ui, a: &Assessment) {
    let dark = ui.visuals().dark_mode;
    let mut costs: Vec<&crate::cost::OptionCost> = a.costs.iter().collect();
    costs.sort_by(|x, y| {
        let away = |c: &crate::cost::OptionCost| c.option.provider() != a.workload.provider;
        away(x)
            .cmp(&away(y))
            .then(x.monthly_usd.total_cmp(&y.monthly_usd))
    });
    egui::Grid::new("cost-table")
        .num_columns(4)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Option").strong());
            ui.label(RichText::new("Kind").strong());
            ui.label(RichText::new("USD a month").strong());
            ui.label(RichText::new("Breakdown").strong());
            ui.end_row();
            for c in costs {
                let blocked = a.blockers.iter().any(|b| b.option == c.option);
                let chosen = a.recommendation.serverless_option == Some(c.option)
                    || a.recommendation.traditional_option == Some(c.option);
                let mut name =
                    RichText::new(format!("■ {}", c.option.label())).color(charts::color_of(c.option, dark));
                if chosen {
                    name = name.strong();
                }
                ui.label(name).on_hover_text(c.notes.join("\n"));
                ui.label(c.kind.label());
                let mut usd = RichText::new(format::usd(c.monthly_usd));
                if blocked {
                    usd = usd.strikethrough().weak();
                } else if chosen {
                    usd = usd.strong();
                }
                ui.label(usd);
                ui.horizontal_wrapped(|ui| {
                    for line in &c.breakdown {
                        ui.label(RichText::new(format!("{} {}", line.item, format::usd(line.usd))).small())
                            .on_hover_text(&line.detail);
                    }
                    if blocked {
                        ui.label(
                            RichText::new("blocked")
                                .small()
                                .color(super::widgets::error_color(ui)),
                        );
                    } else if chosen {
                        ui.label(RichText::new("recommended").small().strong());
                    }
                });
                ui.end_row();
            }
        });
}

fn cold_start(ui: &mut Ui, a: &Assessment) {
    let cs = &a.cold_start;
    egui::Grid::new("cold-start-grid").num_columns(2).show(ui, |ui| {
        let mut row = |name: &str, value: String| {
            ui.label(name);
            ui.label(value);
            ui.end_row();
        };
        row("Platform", cs.option.label().to_owned());
        row(
            "Requests that start cold",
            format::percent(cs.fraction_of_requests),
        );
        row("Added by a cold start", format::duration_ms(cs.added_latency_ms));
        row(
            "Estimated p99",
            format!(
                "{} against a {} target: {}",
                format::duration_ms(cs.p99_latency_ms),
                format::duration_ms(a.workload.latency.p99_target_ms),
                if cs.meets_p99_target { "met" } else { "missed" }
            ),
        );
        row(
            "To remove cold starts",
            format!(
                "{} a month more ({} instances kept warm)",
                format::usd(cs.provisioned_concurrency_usd),
                cs.provisioned_instances
            ),
        );
    });
    ui.label(RichText::new(&cs.remedy).small().weak());
}

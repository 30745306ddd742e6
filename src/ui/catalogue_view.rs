//! The catalogue tab: search and filter the patterns, read one in full with
//! its diagram.

use egui::{RichText, Ui};

use super::diagram;
use crate::catalogue::{Catalogue, Layout, Pattern, PatternKind, layout};
use crate::workload::Trigger;

/// What the catalogue tab remembers between frames.
#[derive(Debug, Default)]
pub struct CatalogueView {
    /// Search text.
    pub query: String,
    /// Only patterns serving this trigger.
    pub trigger: Option<Trigger>,
    /// Only patterns of this kind.
    pub kind: Option<PatternKind>,
    /// The pattern shown in detail, by id.
    pub selected: Option<String>,
    /// The layout of the selected pattern (computed when the selection changes).
    layout: Option<(String, Layout)>,
}

impl CatalogueView {
    /// The patterns that pass the search and filters.
    #[must_use]
    pub fn visible<'a>(&self, catalogue: &'a Catalogue) -> Vec<&'a Pattern> {
        catalogue
            .patterns
            .iter()
            .filter(|p| p.matches_text(&self.query))
            .filter(|p| self.trigger.is_none_or(|t| p.triggers.contains(&t)))
            .filter(|p| self.kind.is_none_or(|k| p.kind == k))
            .collect()
    }
}

/// Draws the tab.
pub fn ui(ui: &mut Ui, view: &mut CatalogueView, catalogue: &Catalogue) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut view.query)
                .hint_text("name, service, example…")
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        let label = ui.label("Trigger");
        let inner = egui::ComboBox::from_id_salt("catalogue-trigger")
            .selected_text(view.trigger.map_or("any", Trigger::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.trigger, None, "any");
                for t in Trigger::ALL {
                    ui.selectable_value(&mut view.trigger, Some(*t), t.label());
                }
            });
        let _ = inner.response.labelled_by(label.id);
        let label = ui.label("Kind");
        let inner = egui::ComboBox::from_id_salt("catalogue-kind")
            .selected_text(view.kind.map_or("any", PatternKind::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.kind, None, "any");
                for k in PatternKind::ALL {
                    ui.selectable_value(&mut view.kind, Some(k), k.label());
                }
            });
        let _ = inner.response.labelled_by(label.id);
        if ui.button("Clear filters").clicked() {
            view.query.clear();
            view.trigger = None;
            view.kind = None;
        }
    });
    ui.separator();
    let visible = view.visible(catalogue);
    egui::Panel::left("catalogue-list")
        .resizable(true)
        .default_size(260.0)
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "{} of {} patterns",
                    visible.len(),
                    catalogue.patterns.len()
                ))
                .weak(),
            );
            egui::ScrollArea::vertical()
                .id_salt("catalogue-list-scroll")
                .show(ui, |ui| {
                    for p in &visible {
                        let selected = view.selected.as_deref() == Some(p.id.as_str());
                        let text = format!("{}  ·  {}", p.name, p.kind.label());
                        if ui.selectable_label(selected, text).clicked() {
                            view.selected = Some(p.id.clone());
                        }
                    }
                    if visible.is_empty() {
                        ui.label("No pattern matches.");
                    }
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(pattern) = view.selected.as_deref().and_then(|id| catalogue.get(id)) else {
            ui.label("Pick a pattern on the left to read it.");
            return;
        };
        if view.layout.as_ref().is_none_or(|(id, _)| *id != pattern.id) {
            view.layout = Some((pattern.id.clone(), layout(pattern)));
        }
        egui::ScrollArea::vertical()
            .id_salt("catalogue-detail-scroll")
            .show(ui, |ui| {
                ui.heading(&pattern.name);
                let triggers: Vec<&str> = pattern.triggers.iter().map(|t| t.label()).collect();
                ui.label(
                    RichText::new(format!(
                        "{} · serves {}",
                        pattern.kind.label(),
                        if triggers.is_empty() {
                            "any trigger".to_owned()
                        } else {
                            triggers.join(", ")
                        }
                    ))
                    .weak(),
                );
                ui.add_space(4.0);
                ui.label(&pattern.summary);
                ui.add_space(6.0);
                if let Some((_, layout)) = &view.layout {
                    diagram::ui(ui, layout);
                }
                for (title, items) in [
                    ("When it fits", &pattern.fits_when),
                    ("When it does not", &pattern.avoid_when),
                    ("Pitfalls", &pattern.pitfalls),
                    ("Seen in practice", &pattern.examples),
                ] {
                    ui.add_space(8.0);
                    ui.label(RichText::new(title).strong());
                    for item in items {
                        ui.label(format!("• {item}"));
                    }
                }
                ui.add_space(8.0);
                ui.label(RichText::new("Bill of materials").strong());
                for item in &pattern.cost_items {
                    ui.label(format!("• {}: {}", item.item, item.billed_by));
                }
            });
    });
}

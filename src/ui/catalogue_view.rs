//! The catalogue tab: search and filter the patterns, read one in full with
//! its diagram.

use egui::{RichText, Ui};

use super::diagram;
use crate::catalogue::{Catalogue, Layout, Pattern, PatternKind, layout};
use crate::workload::{Provider, Trigger};

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
    /// The cloud whose products the patterns name; `None` follows the workload's.
    pub cloud: Option<Provider>,
    /// The selected pattern in the shown cloud's words, with its layout
    /// (worked out when the selection or the cloud changes).
    shown: Option<(String, Provider, Pattern, Layout)>,
    /// Each pattern's searchable text in each cloud's words (AWS, Google
    /// Cloud, Azure; the id with each), lower case, built once per catalogue
    /// (by its pattern count) rather than per frame.
    index: std::cell::RefCell<Option<(usize, Vec<[String; 3]>)>>,
}

impl CatalogueView {
    /// The patterns that pass the search and filters.
    #[must_use]
    pub fn visible<'a>(&self, catalogue: &'a Catalogue) -> Vec<&'a Pattern> {
        let query = self.query.trim().to_lowercase();
        self.with_index(catalogue, |texts| {
            catalogue
                .patterns
                .iter()
                .zip(texts)
                .filter(|(_, text)| query.is_empty() || text.iter().any(|t| t.contains(&query)))
                .map(|(p, _)| p)
                .filter(|p| self.trigger.is_none_or(|t| p.triggers.contains(&t)))
                .filter(|p| self.kind.is_none_or(|k| p.kind == k))
                .collect()
        })
    }

    /// The clouds whose words alone make a pattern match the search, when the
    /// shown cloud's words do not (so the list can say why it is there).
    #[must_use]
    pub fn matched_elsewhere(&self, catalogue: &Catalogue, id: &str, shown: Provider) -> Vec<Provider> {
        let query = self.query.trim().to_lowercase();
        if query.is_empty() {
            return Vec::new();
        }
        let Some(i) = catalogue.patterns.iter().position(|p| p.id == id) else {
            return Vec::new();
        };
        let slot = |p: Provider| Provider::ALL.iter().position(|q| *q == p).unwrap_or(0);
        self.with_index(catalogue, |texts| {
            let text = &texts[i];
            if text[slot(shown)].contains(&query) {
                return Vec::new();
            }
            Provider::ALL
                .iter()
                .copied()
                .filter(|p| text[slot(*p)].contains(&query))
                .collect()
        })
    }

    fn with_index<T>(&self, catalogue: &Catalogue, f: impl FnOnce(&[[String; 3]]) -> T) -> T {
        let mut index = self.index.borrow_mut();
        if index.as_ref().is_none_or(|(n, _)| *n != catalogue.patterns.len()) {
            let texts = catalogue
                .patterns
                .iter()
                .map(|p| {
                    Provider::ALL
                        .iter()
                        .map(|c| format!("{}\n{}", p.id, p.search_texts_on(*c).join("\n")).to_lowercase())
                        .collect::<Vec<_>>()
                        .try_into()
                        .unwrap_or_default()
                })
                .collect();
            *index = Some((catalogue.patterns.len(), texts));
        }
        f(index.as_ref().map(|(_, t)| t.as_slice()).unwrap_or_default())
    }
}

/// One row of the list: the name, and under it the kind (and whether it is the
/// pattern the advisor matched to the current workload).
fn row_text(
    ui: &Ui,
    p: &Pattern,
    matched: bool,
    selected: bool,
    elsewhere: &[Provider],
) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    job.append(
        &p.name,
        0.0,
        egui::TextFormat::simple(body, ui.visuals().text_color()),
    );
    job.append(
        &format!("\n{}", p.kind.label()),
        0.0,
        egui::TextFormat::simple(small.clone(), ui.visuals().weak_text_color()),
    );
    if !elsewhere.is_empty() {
        let names: Vec<&str> = elsewhere.iter().map(|c| c.label()).collect();
        job.append(
            &format!("  ·  found in {}'s names", names.join(" and ")),
            0.0,
            egui::TextFormat::simple(small.clone(), ui.visuals().weak_text_color()),
        );
    }
    if matched {
        job.append(
            "  ·  matches your workload",
            0.0,
            egui::TextFormat::simple(
                small,
                if selected {
                    ui.visuals().selection.stroke.color
                } else {
                    ui.visuals().hyperlink_color
                },
            ),
        );
    }
    job
}

/// Draws the tab. `matched` is the id of the pattern the advisor picked for the
/// current workload: it is marked in the list and shown until another is picked.
pub fn ui(
    ui: &mut Ui,
    view: &mut CatalogueView,
    catalogue: &Catalogue,
    matched: Option<&str>,
    workload_cloud: Provider,
) {
    let cloud = view.cloud.unwrap_or(workload_cloud);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Cloud");
        let inner = egui::ComboBox::from_id_salt("catalogue-cloud")
            .selected_text(cloud.label())
            .show_ui(ui, |ui| {
                for p in Provider::ALL {
                    let label = if *p == workload_cloud {
                        format!("{} (your workload's)", p.label())
                    } else {
                        p.label().to_owned()
                    };
                    if ui.selectable_label(cloud == *p, label).clicked() {
                        view.cloud = (*p != workload_cloud).then_some(*p);
                    }
                }
            });
        let _ = inner
            .response
            .labelled_by(label.id)
            .on_hover_text("Whose products the diagrams, texts and bills of materials name. The search finds any cloud's names.");
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
    if view.selected.is_none() {
        view.selected = matched.map(str::to_owned);
    }
    egui::Panel::left("catalogue-list")
        .resizable(true)
        .default_size(300.0)
        .min_size(240.0)
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
                // Keep the panel's width when few or no patterns match.
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for p in &visible {
                        let selected = view.selected.as_deref() == Some(p.id.as_str());
                        let elsewhere = view.matched_elsewhere(catalogue, &p.id, cloud);
                        let text = row_text(ui, p, matched == Some(p.id.as_str()), selected, &elsewhere);
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
        let Some(raw) = view.selected.as_deref().and_then(|id| catalogue.get(id)) else {
            ui.label("Pick a pattern on the left to read it.");
            return;
        };
        if view
            .shown
            .as_ref()
            .is_none_or(|(id, on, ..)| *id != raw.id || *on != cloud)
        {
            let pattern = raw.on(cloud);
            let layout = layout(&pattern);
            view.shown = Some((raw.id.clone(), cloud, pattern, layout));
        }
        let Some((_, _, pattern, layout)) = &view.shown else {
            return;
        };
        egui::ScrollArea::vertical()
            .id_salt("catalogue-detail-scroll")
            .show(ui, |ui| {
                if !visible.iter().any(|p| p.id == pattern.id) {
                    ui.label(RichText::new("Hidden from the list by the current search and filters.").weak());
                }
                ui.heading(&pattern.name);
                if matched == Some(pattern.id.as_str()) {
                    ui.label(
                        RichText::new("The advisor matched this pattern to the workload you are editing.")
                            .color(ui.visuals().hyperlink_color),
                    );
                }
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
                ui.label(RichText::new(format!("Products named on {}.", cloud.label())).weak());
                diagram::ui(ui, layout);
                for (title, items) in [
                    ("When it fits", &pattern.fits_when),
                    ("When it does not", &pattern.avoid_when),
                    ("Pitfalls", &pattern.pitfalls),
                    ("Seen in practice", &pattern.examples),
                ] {
                    if items.is_empty() {
                        continue;
                    }
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

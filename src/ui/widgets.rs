//! Labelled inputs for the questionnaire: each has a visible label with its
//! unit, a one-line hint, an accessible name, and shows the validation
//! messages for its field right under it.

use egui::{Color32, RichText, Ui};

use crate::source::FileError;

/// Colour of inline error text for the current theme.
#[must_use]
pub fn error_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(255, 128, 118)
    } else {
        Color32::from_rgb(180, 20, 20)
    }
}

/// The label line: name and unit.
fn label_line(ui: &mut Ui, label: &str, unit: &str) -> egui::Response {
    // "Cloud Run minimum instances", not "... instances (instances)".
    // The unit as the label's last word(s), whatever the case (no allocation:
    // this runs for every field every frame).
    let cut = label.len().saturating_sub(unit.len());
    let repeats = cut > 0
        && label.is_char_boundary(cut)
        && label[cut..].eq_ignore_ascii_case(unit)
        && label[..cut].ends_with(' ');
    let text = if unit.is_empty() || repeats {
        label.to_owned()
    } else {
        format!("{label} ({unit})")
    };
    ui.label(RichText::new(text).strong())
}

/// The one-line hint: always a tooltip on the field, and written under it while
/// the field has the keyboard focus (the form stays light to read and to draw).
/// Its line is kept when the field is not focused, and a hint longer than the
/// line is cut (the tooltip has it whole), so the form never moves as the
/// focus goes from field to field.
fn hint_line(ui: &mut Ui, hint: &str, focused: bool) {
    if focused && !hint.is_empty() {
        ui.add(egui::Label::new(RichText::new(hint).small().weak()).truncate());
    } else {
        // The hint line's room, without a label: the height of a line of
        // small text (its layout is cached between frames).
        let font = egui::TextStyle::Small.resolve(ui.style());
        let height = ui
            .painter()
            .layout_no_wrap(" ".to_owned(), font, Color32::PLACEHOLDER)
            .size()
            .y;
        ui.allocate_space(egui::Vec2::new(0.0, height));
    }
}

/// Shows every problem whose field is `path` (or starts with `path[`).
pub fn problems_for(ui: &mut Ui, problems: &[FileError], path: &str) {
    for p in problems.iter().filter(|p| {
        p.field == path
            || p.field
                .strip_prefix(path)
                .is_some_and(|rest| rest.starts_with('['))
    }) {
        let text = if p.allowed.is_empty() {
            p.problem.clone()
        } else {
            format!("{} (allowed: {})", p.problem, p.allowed)
        };
        ui.label(RichText::new(format!("⚠ {text}")).color(error_color(ui)));
    }
}

/// Parses a number as people type it: `10M`, `2.5k`, `1e7`, `10,000,000`, `10_000`.
#[must_use]
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '$' | '%'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let (digits, scale) = match cleaned.chars().last() {
        Some('k' | 'K') => (&cleaned[..cleaned.len() - 1], 1e3),
        Some('m' | 'M') => (&cleaned[..cleaned.len() - 1], 1e6),
        Some('b' | 'B' | 'g' | 'G') => (&cleaned[..cleaned.len() - 1], 1e9),
        Some('t' | 'T') => (&cleaned[..cleaned.len() - 1], 1e12),
        _ => (cleaned.as_str(), 1.0),
    };
    let value: f64 = digits.parse().ok()?;
    Some(value * scale)
}

/// Formats a number for editing: whole numbers with separators, others plainly.
#[must_use]
pub fn edit_text(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        crate::format::count(value)
    } else {
        format!("{value}")
    }
}

/// Where the fields whose text is not a number are kept, with that text.
fn unparsed_id() -> egui::Id {
    egui::Id::unique("unparsed-number-fields")
}

/// The number fields whose text is not a number right now: (field path, text).
#[must_use]
pub fn unparsed_fields(ctx: &egui::Context) -> Vec<(String, String)> {
    ctx.data(|d| d.get_temp::<std::collections::BTreeMap<String, String>>(unparsed_id()))
        .unwrap_or_default()
        .into_iter()
        .collect()
}

/// Starts every number field afresh from the workload (after New, Open or a
/// restore), dropping text the user typed for the previous one.
pub fn reset_number_fields(ctx: &egui::Context) {
    ctx.data_mut(|d| {
        d.remove::<std::collections::BTreeMap<String, String>>(unparsed_id());
        let generation = d.get_temp::<u64>(generation_id()).unwrap_or_default();
        d.insert_temp(generation_id(), generation + 1);
    });
}

fn generation_id() -> egui::Id {
    egui::Id::unique("number-fields-generation")
}

#[derive(Clone, Default)]
struct Buffer {
    text: String,
    shown_for: Option<f64>,
}

/// A number typed as text (so any value can be entered and then validated).
/// Returns true when the value changed.
#[allow(clippy::too_many_arguments)] // Each argument is one visible part of the field.
pub fn number_field(
    ui: &mut Ui,
    path: &str,
    label: &str,
    unit: &str,
    hint: &str,
    value: &mut f64,
    problems: &[FileError],
) -> bool {
    text_value_field(
        ui,
        path,
        label,
        unit,
        hint,
        value,
        problems,
        &parse_number,
        &edit_text,
    )
}

/// A duration typed with its unit (`120 ms`, `1.5 s`, `25 min`, `2 h`);
/// `value` is in `unit_ms` milliseconds (1 for a field kept in ms, 1000 for
/// one kept in seconds), and a bare number is in that unit.
#[allow(clippy::too_many_arguments)] // Each argument is one visible part of the field.
pub fn duration_field(
    ui: &mut Ui,
    path: &str,
    label: &str,
    hint: &str,
    value: &mut f64,
    unit_ms: f64,
    problems: &[FileError],
) -> bool {
    let parse = move |text: &str| {
        crate::format::parse_duration(text, unit_ms)
            .ok()
            .map(|ms| ms / unit_ms)
    };
    let show = move |v: f64| crate::format::duration_edit(v * unit_ms);
    text_value_field(ui, path, label, "", hint, value, problems, &parse, &show)
}

/// The fields that take a duration, with the unit a bare number is in (ms).
pub const DURATION_FIELDS: &[(&str, f64)] = &[
    ("execution.avg_duration_ms", 1.0),
    ("execution.p99_duration_ms", 1.0),
    ("execution.max_duration_s", 1000.0),
    ("latency.p99_target_ms", 1.0),
];

/// Why a field's text is refused, and what it allows.
#[must_use]
pub fn why_unparsed(field: &str, text: &str) -> (String, String) {
    match DURATION_FIELDS.iter().find(|(f, _)| *f == field) {
        Some((_, unit_ms)) => (
            crate::format::parse_duration(text, *unit_ms)
                .err()
                .unwrap_or_else(|| format!("\"{text}\" is not a duration")),
            crate::format::DURATION_UNITS.to_owned(),
        ),
        None => (
            format!("\"{text}\" is not a number"),
            "digits, optionally with k, M or B".to_owned(),
        ),
    }
}

#[allow(clippy::too_many_arguments)] // Each argument is one visible part of the field.
fn text_value_field(
    ui: &mut Ui,
    path: &str,
    label: &str,
    unit: &str,
    hint: &str,
    value: &mut f64,
    problems: &[FileError],
    parse: &dyn Fn(&str) -> Option<f64>,
    show: &dyn Fn(f64) -> String,
) -> bool {
    let generation = ui.data(|d| d.get_temp::<u64>(generation_id()).unwrap_or_default());
    let id = ui.scope_id().with(("number", path, generation));
    let mut buffer: Buffer = ui.data_mut(|d| d.get_temp::<Buffer>(id).unwrap_or_default());
    let same = buffer
        .shown_for
        .is_some_and(|v| v == *value || (v.is_nan() && value.is_nan()));
    if !same {
        buffer.text = show(*value);
        buffer.shown_for = Some(*value);
    }
    let label_response = label_line(ui, label, unit);
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut buffer.text)
                .desired_width(180.0)
                .id_salt(("number-edit", path)),
        )
        .labelled_by(label_response.id);
    let focused = response.has_focus();
    let _ = label_response.on_hover_text(hint);
    let response = response.on_hover_text(hint);
    let mut changed = false;
    let parsed = parse(&buffer.text);
    if response.changed()
        && let Some(v) = parsed
    {
        *value = v;
        buffer.shown_for = Some(v);
        changed = true;
    }
    if response.lost_focus() && parsed.is_some() {
        // Tidy the text once the user leaves the field.
        buffer.text = show(*value);
    }
    let moved = ui.data_mut(|d| {
        let unparsed = d.get_temp_mut_or_default::<std::collections::BTreeMap<String, String>>(unparsed_id());
        let text = parsed.is_none().then(|| buffer.text.trim().to_owned());
        if unparsed.get(path) == text.as_ref() {
            return false;
        }
        match text {
            Some(text) => unparsed.insert(path.to_owned(), text),
            None => unparsed.remove(path),
        };
        true
    });
    if moved {
        // The app lists these with the other problems on the next frame: draw it now.
        ui.ctx().request_repaint();
    }
    problems_for(ui, problems, path);
    hint_line(ui, hint, focused);
    ui.data_mut(|d| d.insert_temp(id, buffer));
    ui.add_space(6.0);
    changed
}

/// A whole number typed as text.
#[allow(clippy::too_many_arguments)] // Each argument is one visible part of the field.
pub fn integer_field(
    ui: &mut Ui,
    path: &str,
    label: &str,
    unit: &str,
    hint: &str,
    value: &mut u32,
    problems: &[FileError],
) -> bool {
    let mut as_float = f64::from(*value);
    let changed = number_field(ui, path, label, unit, hint, &mut as_float, problems);
    if changed {
        // Whole, non-negative and within u32: out-of-range entries clamp so the
        // validator can still report them against their limits.
        *value = as_float.round().clamp(0.0, f64::from(u32::MAX)) as u32;
    }
    changed
}

/// A choice from a fixed list, as a combo box.
#[allow(clippy::too_many_arguments)] // Each argument is one visible part of the field.
pub fn choice_field<T: Copy + PartialEq>(
    ui: &mut Ui,
    path: &str,
    label: &str,
    hint: &str,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> &'static str,
    problems: &[FileError],
) -> bool {
    let label_response = label_line(ui, label, "");
    let mut changed = false;
    let inner = egui::ComboBox::from_id_salt(("choice", path))
        .selected_text(name(*value))
        .width(200.0)
        .show_ui(ui, |ui| {
            for option in all {
                if ui.selectable_value(value, *option, name(*option)).changed() {
                    changed = true;
                }
            }
        });
    let response = inner.response.labelled_by(label_response.id);
    let focused = response.has_focus();
    let _ = response.on_hover_text(hint);
    let _ = label_response.on_hover_text(hint);
    problems_for(ui, problems, path);
    hint_line(ui, hint, focused);
    ui.add_space(6.0);
    changed
}

/// A text field for names and descriptions.
pub fn text_field(
    ui: &mut Ui,
    path: &str,
    label: &str,
    hint: &str,
    value: &mut String,
    multiline: bool,
    problems: &[FileError],
) -> bool {
    let label_response = label_line(ui, label, "");
    let edit = if multiline {
        egui::TextEdit::multiline(value).desired_rows(2)
    } else {
        egui::TextEdit::singleline(value)
    };
    let response = ui
        .add(edit.desired_width(f32::INFINITY).id_salt(("text", path)))
        .labelled_by(label_response.id);
    let (changed, focused) = (response.changed(), response.has_focus());
    let _ = response.on_hover_text(hint);
    let _ = label_response.on_hover_text(hint);
    problems_for(ui, problems, path);
    hint_line(ui, hint, focused);
    ui.add_space(6.0);
    changed
}

/// A yes/no answer.
pub fn bool_field(ui: &mut Ui, label: &str, hint: &str, value: &mut bool) -> bool {
    let response = ui.checkbox(value, RichText::new(label).strong());
    let (changed, focused) = (response.changed(), response.has_focus());
    let _ = response.on_hover_text(hint);
    hint_line(ui, hint, focused);
    ui.add_space(6.0);
    changed
}

/// A row of tab-like choices drawn with the painter (wrapping onto more lines
/// when narrow); returns the index clicked. Much lighter than a row of
/// selectable buttons, which matters on a screen redrawn on every edit. Each
/// item is a tab to screen readers, with its text as its name.
pub fn tab_strip(ui: &mut Ui, id: &str, items: &[(&str, bool, Option<Color32>)]) -> Option<usize> {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let pad = egui::Vec2::new(8.0, 3.0);
    let gap = 4.0;
    let visuals = ui.visuals().clone();
    let galleys: Vec<_> = items
        .iter()
        .map(|(text, selected, color)| {
            let color = color.unwrap_or(if *selected {
                visuals.selection.stroke.color
            } else {
                visuals.text_color()
            });
            ui.painter()
                .layout_no_wrap((*text).to_owned(), font.clone(), color)
        })
        .collect();
    // Lay the items out in rows that fit the width.
    let width = ui.available_width();
    let height = galleys.first().map_or(16.0, |g| g.size().y) + 2.0 * pad.y;
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut x = 0.0;
    for (i, g) in galleys.iter().enumerate() {
        let w = g.size().x + 2.0 * pad.x;
        if x > 0.0 && x + w > width {
            rows.push(Vec::new());
            x = 0.0;
        }
        if let Some(row) = rows.last_mut() {
            row.push(i);
        }
        x += w + gap;
    }
    let total = egui::Vec2::new(width, rows.len() as f32 * (height + gap) - gap);
    let (area, _) = ui.allocate_exact_size(total, egui::Sense::hover());
    let mut clicked = None;
    for (r, row) in rows.iter().enumerate() {
        let mut x = area.left();
        let y = area.top() + r as f32 * (height + gap);
        for &i in row {
            let g = &galleys[i];
            let rect = egui::Rect::from_min_size(
                egui::Pos2::new(x, y),
                egui::Vec2::new(g.size().x + 2.0 * pad.x, height),
            );
            x = rect.right() + gap;
            let response = ui.interact(rect, ui.scope_id().with((id, i)), egui::Sense::click());
            let (text, selected, _) = items[i];
            response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Tab, true, selected, text));
            if selected {
                ui.painter().rect_filled(rect, 3.0, visuals.selection.bg_fill);
            } else if response.hovered() {
                ui.painter()
                    .rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
            }
            ui.painter()
                .galley(rect.min + pad, g.clone(), visuals.text_color());
            if response.clicked() {
                clicked = Some(i);
            }
        }
    }
    clicked
}

/// Paints shapes that change only when `key` does (or the theme, the scale or
/// the place on screen), from a mesh tessellated once. Charts and diagrams
/// redraw on every hover and keystroke elsewhere in the window; their lines,
/// bars and boxes are the same each time, and tessellating them again was a
/// large share of the results frame (see BENCHMARKS.md). Text is not cached:
/// its mesh depends on the font atlas, so callers paint it on top.
pub fn cached_shapes(
    ui: &Ui,
    id: egui::Id,
    key: impl std::hash::Hash,
    build: impl FnOnce(&mut Vec<egui::Shape>),
) {
    use std::hash::Hasher as _;
    let ppp = ui.ctx().pixels_per_point();
    // Unseeded, so equal keys hash equally from frame to frame.
    let mut hasher = std::hash::DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.write_u32(ppp.to_bits());
    hasher.write_u8(u8::from(ui.visuals().dark_mode));
    let full_key = hasher.finish();
    let cached: Option<(u64, std::sync::Arc<egui::Mesh>)> = ui.data(|d| d.get_temp(id));
    let mesh = match cached {
        Some((k, mesh)) if k == full_key => mesh,
        _ => {
            let mut shapes = Vec::new();
            build(&mut shapes);
            let options = ui.ctx().tessellation_options(|o| *o);
            // Text is not among these shapes, so no font atlas is needed.
            let mut tessellator = egui::epaint::Tessellator::new(ppp, options, [1, 1], Vec::new());
            let mut mesh = egui::Mesh::default();
            for shape in shapes {
                tessellator.tessellate_shape(shape, &mut mesh);
            }
            let mesh = std::sync::Arc::new(mesh);
            ui.data_mut(|d| d.insert_temp(id, (full_key, mesh.clone())));
            mesh
        }
    };
    ui.painter().add(egui::Shape::Mesh(mesh));
}

/// A rectangle as a hashable key (its exact position and size).
#[must_use]
pub fn rect_key(r: egui::Rect) -> [u32; 4] {
    [
        r.min.x.to_bits(),
        r.min.y.to_bits(),
        r.max.x.to_bits(),
        r.max.y.to_bits(),
    ]
}

/// A number that may be left out: a checkbox says whether it is given, and
/// the number is asked only when it is (`on` is the value it starts from).
#[allow(clippy::too_many_arguments)] // Each argument is one visible part of the field.
pub fn optional_number_field(
    ui: &mut Ui,
    path: &str,
    label: &str,
    unit: &str,
    hint: &str,
    value: &mut Option<f64>,
    on: f64,
    problems: &[FileError],
) -> bool {
    let mut given = value.is_some();
    let response = ui.checkbox(&mut given, RichText::new(label).strong());
    let mut changed = response.changed();
    let _ = response.on_hover_text(hint);
    if changed {
        *value = given.then_some(on);
    }
    if let Some(v) = value.as_mut() {
        changed |= number_field(ui, path, "Per request", unit, hint, v, problems);
    } else {
        ui.label(RichText::new("Not given: listed as not counted.").small().weak());
        ui.add_space(6.0);
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::{cached_shapes, parse_number};

    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(parse_number("10M"), Some(1e7));
        assert_eq!(parse_number("2.5k"), Some(2500.0));
        assert_eq!(parse_number("10,000,000"), Some(1e7));
        assert_eq!(parse_number("1e7"), Some(1e7));
        assert_eq!(parse_number(" 512 "), Some(512.0));
        assert_eq!(parse_number("-5"), Some(-5.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
    }

    /// Runs one frame that paints through the cache; returns whether the shapes
    /// were built (not reused) and how many meshes were painted.
    fn paint_once(ctx: &egui::Context, key: u64) -> (bool, usize) {
        let mut built = false;
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            cached_shapes(ui, egui::Id::unique("test-geometry"), key, |shapes| {
                built = true;
                shapes.push(egui::Shape::line_segment(
                    [egui::pos2(0.0, 0.0), egui::pos2(50.0, 50.0)],
                    egui::Stroke::new(2.0, egui::Color32::RED),
                ));
            });
        });
        let meshes = out
            .shapes
            .iter()
            .filter(|s| matches!(&s.shape, egui::Shape::Mesh(m) if !m.vertices.is_empty()))
            .count();
        out.textures_delta.clear();
        (built, meshes)
    }

    #[test]
    fn cached_shapes_are_built_once_per_key_and_theme() {
        let ctx = egui::Context::default();
        assert_eq!(paint_once(&ctx, 1), (true, 1), "first frame builds");
        assert_eq!(paint_once(&ctx, 1), (false, 1), "same key reuses the mesh");
        assert_eq!(paint_once(&ctx, 2), (true, 1), "a new key builds again");
        let dark = ctx.global_style().visuals.dark_mode;
        ctx.set_theme(if dark {
            egui::Theme::Light
        } else {
            egui::Theme::Dark
        });
        assert_eq!(paint_once(&ctx, 2), (true, 1), "a new theme builds again");
        assert_eq!(paint_once(&ctx, 2), (false, 1));
    }
}

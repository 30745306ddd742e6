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
    let text = if unit.is_empty() {
        label.to_owned()
    } else {
        format!("{label} ({unit})")
    };
    ui.label(RichText::new(text).strong())
}

fn hint_line(ui: &mut Ui, hint: &str) {
    if !hint.is_empty() {
        ui.label(RichText::new(hint).small().weak());
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
    let id = ui.scope_id().with(("number", path));
    let mut buffer: Buffer = ui.data_mut(|d| d.get_temp::<Buffer>(id).unwrap_or_default());
    let same = buffer
        .shown_for
        .is_some_and(|v| v == *value || (v.is_nan() && value.is_nan()));
    if !same {
        buffer.text = edit_text(*value);
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
    let mut changed = false;
    let parsed = parse_number(&buffer.text);
    if response.changed()
        && let Some(v) = parsed
    {
        *value = v;
        buffer.shown_for = Some(v);
        changed = true;
    }
    if response.lost_focus() && parsed.is_some() {
        // Tidy the text once the user leaves the field.
        buffer.text = edit_text(*value);
    }
    if parsed.is_none() {
        ui.label(
            RichText::new(format!(
                "⚠ \"{}\" is not a number (allowed: digits, optionally with k, M or B)",
                buffer.text.trim()
            ))
            .color(error_color(ui)),
        );
    }
    problems_for(ui, problems, path);
    hint_line(ui, hint);
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
    let _ = inner.response.labelled_by(label_response.id);
    problems_for(ui, problems, path);
    hint_line(ui, hint);
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
    let changed = ui
        .add(edit.desired_width(f32::INFINITY).id_salt(("text", path)))
        .labelled_by(label_response.id)
        .changed();
    problems_for(ui, problems, path);
    hint_line(ui, hint);
    ui.add_space(6.0);
    changed
}

/// A yes/no answer.
pub fn bool_field(ui: &mut Ui, label: &str, hint: &str, value: &mut bool) -> bool {
    let changed = ui.checkbox(value, RichText::new(label).strong()).changed();
    hint_line(ui, hint);
    ui.add_space(6.0);
    changed
}

#[cfg(test)]
mod tests {
    use super::parse_number;

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
}

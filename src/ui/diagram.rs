//! Draws a pattern's diagram from the catalogue layout (the same numbers the
//! SVG export uses), scaled to the width available.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, Ui, Vec2};

use crate::catalogue::{Layout, NodeKind};

fn fill(kind: NodeKind, dark: bool) -> Color32 {
    let hex = crate::report::svg::node_fill(kind).trim_start_matches('#');
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("ee"), 16).unwrap_or(238);
    let (r, g, b) = (channel(0), channel(2), channel(4));
    if dark {
        // The same hue on a deep base: the pastel's tint, strengthened, so boxes
        // of different kinds stay apart and light text reads on all of them.
        let low = r.min(g).min(b);
        let deep = |c: u8| 40 + ((f32::from(c - low) * 1.3) as u8);
        Color32::from_rgb(deep(r), deep(g), deep(b))
    } else {
        Color32::from_rgb(r, g, b)
    }
}

/// The smallest scale a diagram is drawn at: below it the labels, which
/// keep a legible size, would overflow their boxes, so a wide diagram
/// scrolls sideways instead of shrinking further.
const MIN_SCALE: f32 = 0.8;

/// Paints the diagram, scaled to the width (up to 1.15x), or at
/// [`MIN_SCALE`] in a sideways scroll when it is wider than that allows.
pub fn ui(ui: &mut Ui, layout: &Layout) {
    let available = ui.available_width().max(200.0);
    let fit = available / layout.width as f32;
    if fit >= MIN_SCALE {
        draw(ui, layout, fit.min(1.15));
    } else {
        egui::ScrollArea::horizontal()
            .id_salt("diagram-scroll")
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| draw(ui, layout, MIN_SCALE));
        ui.label(
            egui::RichText::new(
                "The diagram is wider than the pane: scroll it sideways, or widen the window.",
            )
            .small()
            .weak(),
        );
    }
}

fn draw(ui: &mut Ui, layout: &Layout, scale: f32) {
    let size = Vec2::new(layout.width as f32 * scale, layout.height as f32 * scale);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    // The parent clip: everything is drawn inside `rect`, and one clip region
    // less is one mesh less to build each frame.
    let painter = ui.painter().clone();
    let dark = ui.visuals().dark_mode;
    let to = |x: f64, y: f64| Pos2::new(rect.left() + x as f32 * scale, rect.top() + y as f32 * scale);
    let ink = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let kind_ink = ui.visuals().text_color();
    let edge_color = if dark {
        Color32::from_gray(170)
    } else {
        Color32::from_gray(80)
    };
    let label_bg = ui.visuals().extreme_bg_color;

    // Edge labels sit on a patch of background, just above the line, so the
    // line and its direction stay in sight. The patches go into the cached
    // mesh with the boxes (their rounded corners cost as much to tessellate as
    // a box), so their places are part of its key.
    let labels: Vec<(Rect, std::sync::Arc<egui::Galley>)> = layout
        .edges
        .iter()
        .filter(|edge| !edge.label.is_empty())
        .map(|edge| {
            let (x, y) = edge.label_anchor();
            let font = FontId::proportional((10.0 * scale).max(9.0));
            let galley = painter.layout_no_wrap(edge.label.clone(), font, kind_ink);
            let at = to(x, y) - Vec2::new(0.0, galley.size().y / 2.0 + 3.0);
            (
                Rect::from_center_size(at, galley.size() + Vec2::new(6.0, 2.0)),
                galley,
            )
        })
        .collect();
    let label_keys: Vec<[u32; 4]> = labels
        .iter()
        .map(|(bg, _)| super::widgets::rect_key(*bg))
        .collect();
    // Lines, arrowheads, boxes and label patches from a mesh made once per
    // layout, size and theme.
    super::widgets::cached_shapes(
        ui,
        ui.scope_id().with("diagram-geometry"),
        (layout_key(layout), super::widgets::rect_key(rect), label_keys),
        |shapes| {
            for edge in &layout.edges {
                let points: Vec<Pos2> = edge.points.iter().map(|(x, y)| to(*x, *y)).collect();
                let stroke = Stroke::new(1.4, edge_color);
                if edge.back {
                    shapes.extend(Shape::dashed_line(&points, stroke, 6.0, 4.0));
                } else {
                    shapes.push(Shape::line(points.clone(), stroke));
                }
                if let [.., from, tip] = points.as_slice() {
                    let direction = (*tip - *from).normalized();
                    let normal = Vec2::new(-direction.y, direction.x);
                    let head = 7.0 * scale.max(0.7);
                    shapes.push(Shape::convex_polygon(
                        vec![
                            *tip,
                            *tip - direction * head + normal * head * 0.5,
                            *tip - direction * head - normal * head * 0.5,
                        ],
                        edge_color,
                        Stroke::NONE,
                    ));
                }
            }
            for node in &layout.nodes {
                let r = Rect::from_min_max(to(node.x, node.y), to(node.x + node.width, node.y + node.height));
                shapes.push(Shape::rect_filled(r, 7.0 * scale, fill(node.kind, dark)));
                shapes.push(Shape::rect_stroke(
                    r,
                    7.0 * scale,
                    Stroke::new(1.0, weak),
                    egui::StrokeKind::Inside,
                ));
            }
            for (bg, _) in &labels {
                shapes.push(Shape::rect_filled(*bg, 3.0, label_bg.gamma_multiply(0.92)));
            }
        },
    );
    // The words on top: edge labels on their patches, then the node names.
    for (bg, galley) in labels {
        painter.galley(bg.min + Vec2::new(3.0, 1.0), galley, kind_ink);
    }
    for node in &layout.nodes {
        let r = Rect::from_min_max(to(node.x, node.y), to(node.x + node.width, node.y + node.height));
        painter.text(
            r.center() - Vec2::new(0.0, 6.0 * scale),
            Align2::CENTER_CENTER,
            &node.label,
            FontId::proportional((12.5 * scale).max(9.5)),
            ink,
        );
        painter.text(
            r.center() + Vec2::new(0.0, 9.0 * scale),
            Align2::CENTER_CENTER,
            &node.caption,
            FontId::proportional((9.5 * scale).max(8.0)),
            kind_ink,
        );
    }
}

/// What the diagram's geometry depends on: every box and every line.
fn layout_key(layout: &Layout) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::hash::DefaultHasher::new();
    for n in &layout.nodes {
        for v in [n.x, n.y, n.width, n.height] {
            h.write_u64(v.to_bits());
        }
        n.kind.hash(&mut h);
    }
    for e in &layout.edges {
        h.write_u8(u8::from(e.back));
        for (x, y) in &e.points {
            h.write_u64(x.to_bits());
            h.write_u64(y.to_bits());
        }
    }
    h.finish()
}

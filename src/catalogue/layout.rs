//! Lays a pattern's diagram out in layers from left to right, so the window and
//! the SVG export draw the same picture from the same numbers.
//!
//! Layers come from the longest path from a source; edges that span several
//! layers get invisible waypoints, one per layer crossed; the order inside each
//! layer is improved by barycentre sweeps, keeping the order with the fewest
//! crossings. Back edges (declared with `back: true`) are left out of the
//! layering and drawn as a return path under the diagram.

use super::{NodeKind, Pattern};

/// Width of the gap between layers, room for an edge label.
pub const LAYER_GAP: f64 = 84.0;
/// Width of one character of an edge label (the SVG draws them at 10 px).
pub const EDGE_CHAR_WIDTH: f64 = 5.6;
/// Room beside an edge label in its gap: its patch and the arrowhead.
pub const EDGE_LABEL_ROOM: f64 = 34.0;
/// Vertical gap between boxes of one layer.
pub const ROW_GAP: f64 = 26.0;
/// Height of a box.
pub const NODE_HEIGHT: f64 = 46.0;
/// Margin around the drawing.
pub const MARGIN: f64 = 16.0;
/// Vertical spacing of return paths under the diagram.
pub const BACK_EDGE_GAP: f64 = 22.0;
/// Approximate width of one label character, for sizing boxes.
pub const CHAR_WIDTH: f64 = 7.2;

/// A placed box.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    /// Node id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Kind.
    pub kind: NodeKind,
    /// The second line: the product the box is (lay out `Pattern::on(cloud)`
    /// for a cloud's products), else its kind.
    pub caption: String,
    /// Layer, 0 at the left.
    pub layer: usize,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl NodeBox {
    /// Centre point.
    #[must_use]
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

/// A routed arrow.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgePath {
    /// Node it leaves.
    pub from: String,
    /// Node it enters.
    pub to: String,
    /// Label.
    pub label: String,
    /// Whether it is a declared back edge.
    pub back: bool,
    /// The polyline from the source box to the target box.
    pub points: Vec<(f64, f64)>,
}

impl EdgePath {
    /// Where to put the label: the middle of the first segment that is long enough.
    #[must_use]
    pub fn label_anchor(&self) -> (f64, f64) {
        if self.back {
            // The run along the lane under the boxes: the lowest horizontal segment.
            let lane = self.points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
            if let Some(pair) = self
                .points
                .windows(2)
                .find(|pair| pair[0].1 == lane && pair[1].1 == lane)
            {
                return (f64::midpoint(pair[0].0, pair[1].0), lane);
            }
        }
        let (a, b) = (self.points[0], self.points[1.min(self.points.len() - 1)]);
        (f64::midpoint(a.0, b.0), f64::midpoint(a.1, b.1))
    }
}

/// A laid-out diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Boxes, in the pattern's node order.
    pub nodes: Vec<NodeBox>,
    /// Arrows, in the pattern's edge order.
    pub edges: Vec<EdgePath>,
    /// Width of the drawing.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
}

/// Forward edges as index pairs, skipping back edges and edges to unknown nodes.
fn forward_edges(p: &Pattern) -> Vec<(usize, usize)> {
    p.edges
        .iter()
        .filter(|e| !e.back)
        .filter_map(|e| Some((index_of(p, &e.from)?, index_of(p, &e.to)?)))
        .collect()
}

fn index_of(p: &Pattern, id: &str) -> Option<usize> {
    p.nodes.iter().position(|n| n.id == id)
}

/// The first forward edge (in file order) that closes a cycle, if any.
#[must_use]
pub fn first_cycle_edge(p: &Pattern) -> Option<usize> {
    // Add forward edges one by one; the first whose target already reaches its source closes a cycle.
    let n = p.nodes.len();
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, e) in p.edges.iter().enumerate() {
        if e.back {
            continue;
        }
        let (Some(a), Some(b)) = (index_of(p, &e.from), index_of(p, &e.to)) else {
            continue;
        };
        if reaches(&adjacency, b, a) || a == b {
            return Some(i);
        }
        adjacency[a].push(b);
    }
    None
}

/// Whether back edge `i` returns to a node that reaches its source through forward edges.
#[must_use]
pub fn closes_cycle(p: &Pattern, i: usize) -> bool {
    let e = &p.edges[i];
    let (Some(a), Some(b)) = (index_of(p, &e.from), index_of(p, &e.to)) else {
        return false;
    };
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); p.nodes.len()];
    for (x, y) in forward_edges(p) {
        adjacency[x].push(y);
    }
    reaches(&adjacency, b, a)
}

fn reaches(adjacency: &[Vec<usize>], from: usize, to: usize) -> bool {
    let mut seen = vec![false; adjacency.len()];
    let mut stack = vec![from];
    while let Some(v) = stack.pop() {
        if v == to {
            return true;
        }
        if std::mem::replace(&mut seen[v], true) {
            continue;
        }
        stack.extend(adjacency[v].iter().copied());
    }
    false
}

/// Longest-path layers over forward edges (nodes left in a cycle go after the rest).
fn layers(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut indegree = vec![0usize; n];
    for &(_, b) in edges {
        indegree[b] += 1;
    }
    let mut layer = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    ready.reverse();
    let mut done = vec![false; n];
    while let Some(v) = ready.pop() {
        done[v] = true;
        for &(a, b) in edges {
            if a == v {
                layer[b] = layer[b].max(layer[v] + 1);
                indegree[b] -= 1;
                if indegree[b] == 0 {
                    ready.insert(0, b);
                }
            }
        }
    }
    // Invalid input with a cycle: put the leftovers one layer past everything else.
    let max = layer.iter().copied().max().unwrap_or(0);
    for v in 0..n {
        if !done[v] {
            layer[v] = max + 1;
        }
    }
    layer
}

/// The layered graph with waypoints: vertex `v < n` is a node, others are waypoints.
struct Layered {
    layer_of: Vec<usize>,
    /// Edges between adjacent layers.
    links: Vec<(usize, usize)>,
    /// For each forward edge, its vertex chain from source to target.
    chains: Vec<Vec<usize>>,
}

fn with_waypoints(n: usize, edges: &[(usize, usize)], layer: &[usize]) -> Layered {
    let mut layer_of = layer.to_vec();
    let mut links = Vec::new();
    let mut chains = Vec::new();
    for &(a, b) in edges {
        let mut chain = vec![a];
        let mut previous = a;
        // Edges that go to an equal or earlier layer can only come from a cycle; keep them direct.
        for l in (layer[a] + 1)..layer[b] {
            let waypoint = layer_of.len();
            layer_of.push(l);
            links.push((previous, waypoint));
            chain.push(waypoint);
            previous = waypoint;
        }
        links.push((previous, b));
        chain.push(b);
        chains.push(chain);
    }
    debug_assert!(layer_of.len() >= n);
    Layered {
        layer_of,
        links,
        chains,
    }
}

fn crossings(order: &[Vec<usize>], links: &[(usize, usize)], position: &[usize]) -> usize {
    let mut total = 0;
    for layer in order.iter().take(order.len().saturating_sub(1)) {
        let between: Vec<(usize, usize)> = links
            .iter()
            .filter(|(a, _)| layer.contains(a))
            .map(|&(a, b)| (position[a], position[b]))
            .collect();
        for i in 0..between.len() {
            for j in (i + 1)..between.len() {
                let (a, b) = (between[i], between[j]);
                if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                    total += 1;
                }
            }
        }
    }
    total
}

fn positions(order: &[Vec<usize>], vertices: usize) -> Vec<usize> {
    let mut position = vec![0; vertices];
    for row in order {
        for (i, &v) in row.iter().enumerate() {
            position[v] = i;
        }
    }
    position
}

/// Reorders layers by the barycentre of their neighbours, keeping the best order seen.
fn reduce_crossings(order: &mut Vec<Vec<usize>>, links: &[(usize, usize)], vertices: usize) {
    let mut best = order.clone();
    let mut best_crossings = crossings(order, links, &positions(order, vertices));
    for sweep in 0..12 {
        let down = sweep % 2 == 0;
        let range: Vec<usize> = if down {
            (1..order.len()).collect()
        } else {
            (0..order.len().saturating_sub(1)).rev().collect()
        };
        for l in range {
            let position = positions(order, vertices);
            let mut keyed: Vec<(f64, usize, usize)> = order[l]
                .iter()
                .enumerate()
                .map(|(i, &v)| {
                    let neighbours: Vec<usize> = links
                        .iter()
                        .filter_map(|&(a, b)| {
                            if down && b == v {
                                Some(position[a])
                            } else if !down && a == v {
                                Some(position[b])
                            } else {
                                None
                            }
                        })
                        .collect();
                    let key = if neighbours.is_empty() {
                        i as f64
                    } else {
                        neighbours.iter().sum::<usize>() as f64 / neighbours.len() as f64
                    };
                    (key, i, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            order[l] = keyed.into_iter().map(|(_, _, v)| v).collect();
        }
        let now = crossings(order, links, &positions(order, vertices));
        if now < best_crossings {
            best_crossings = now;
            best.clone_from(order);
        }
    }
    *order = best;
}

/// The layers, their order and the box width both layouts share.
struct Ordered {
    layer: Vec<usize>,
    graph: Layered,
    vertices: usize,
    layer_count: usize,
    order: Vec<Vec<usize>>,
    node_width: f64,
}

fn caption(n: &super::Node) -> String {
    let s = &n.service;
    s.aws
        .as_ref()
        .or(s.gcp.as_ref())
        .or(s.azure.as_ref())
        .cloned()
        .unwrap_or_else(|| n.kind.label().to_owned())
}

/// The pattern's boxes, centred where the layout put them, `width(i)` wide.
fn boxes(p: &Pattern, layer: &[usize], centre: &[(f64, f64)], width: impl Fn(usize) -> f64) -> Vec<NodeBox> {
    p.nodes
        .iter()
        .enumerate()
        .map(|(i, node)| NodeBox {
            id: node.id.clone(),
            label: node.label.clone(),
            kind: node.kind,
            caption: caption(node),
            layer: layer[i],
            x: centre[i].0 - width(i) / 2.0,
            y: centre[i].1 - NODE_HEIGHT / 2.0,
            width: width(i),
            height: NODE_HEIGHT,
        })
        .collect()
}

fn ordered(p: &Pattern) -> Ordered {
    let n = p.nodes.len();
    let edges = forward_edges(p);
    let layer = layers(n, &edges);
    let graph = with_waypoints(n, &edges, &layer);
    let vertices = graph.layer_of.len();
    let layer_count = graph.layer_of.iter().copied().max().map_or(0, |m| m + 1);
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); layer_count];
    for v in 0..vertices {
        order[graph.layer_of[v]].push(v);
    }
    reduce_crossings(&mut order, &graph.links, vertices);
    // A caption is drawn at about four fifths of the label's size.
    let longest_label = p
        .nodes
        .iter()
        .map(|n| (n.label.chars().count() as f64).max(caption(n).chars().count() as f64 * 0.8))
        .fold(0.0, f64::max);
    let node_width = (longest_label * CHAR_WIDTH + 28.0).max(110.0);
    Ordered {
        layer,
        graph,
        vertices,
        layer_count,
        order,
        node_width,
    }
}

/// Lays out a pattern left to right, or, when that is wider than
/// `max_width`, top to bottom (each layer a row) if that is narrower: a
/// printed page keeps its labels readable (at least 7 pt on A4 or Letter
/// when the drawing is at most about 700 units wide).
#[must_use]
pub fn layout_to_fit(p: &Pattern, max_width: f64) -> Layout {
    let across = layout(p);
    if across.width <= max_width {
        return across;
    }
    let down = layout_down(p);
    if down.width < across.width { down } else { across }
}

/// Vertical gap between rows of the top-to-bottom layout: room for an edge label.
pub const ROW_LAYER_GAP: f64 = 52.0;
/// Horizontal gap between boxes of one row of the top-to-bottom layout.
pub const COLUMN_GAP: f64 = 24.0;

/// The top-to-bottom layout: layer `l` is row `l`, its boxes side by side;
/// arrows leave a box's bottom and enter the next one's top; a declared back
/// edge runs up a lane right of every box.
#[must_use]
pub fn layout_down(p: &Pattern) -> Layout {
    let Ordered {
        layer,
        graph,
        vertices,
        layer_count,
        order,
        node_width: _,
    } = ordered(p);
    // Side by side, each box is as wide as its own words (one long product
    // name widens its box, not its row's); a waypoint takes a gap's width.
    let width_of = |v: usize| {
        p.nodes.get(v).map_or(COLUMN_GAP, |n| {
            let chars = (n.label.chars().count() as f64).max(caption(n).chars().count() as f64 * 0.8);
            (chars * CHAR_WIDTH + 28.0).max(110.0)
        })
    };
    let row_width = |row: &[usize]| row.iter().map(|&v| width_of(v) + COLUMN_GAP).sum::<f64>() - COLUMN_GAP;
    let body_width = order.iter().map(|row| row_width(row)).fold(0.0, f64::max);
    let mut centre = vec![(0.0, 0.0); vertices];
    for (l, row) in order.iter().enumerate() {
        let y = MARGIN + l as f64 * (NODE_HEIGHT + ROW_LAYER_GAP);
        let mut x = MARGIN + (body_width - row_width(row)) / 2.0;
        for &v in row {
            centre[v] = (x + width_of(v) / 2.0, y + NODE_HEIGHT / 2.0);
            x += width_of(v) + COLUMN_GAP;
        }
    }
    let nodes = boxes(p, &layer, &centre, width_of);
    let right = MARGIN + body_width;
    let mut back_count = 0usize;
    let mut forward_index = 0usize;
    let edges: Vec<EdgePath> = p
        .edges
        .iter()
        .map(|e| {
            let points = match (index_of(p, &e.from), index_of(p, &e.to)) {
                (Some(a), Some(b)) if e.back => {
                    // Down into the gap under the source's row, along it to a
                    // lane right of every box, up to the gap over the target's
                    // row and into its top: the runs across lie in the gaps
                    // between rows, so the arrow crosses no box, and its label
                    // (on the lowest run) sits in a gap.
                    back_count += 1;
                    let lane = right + back_count as f64 * BACK_EDGE_GAP;
                    let shift = (back_count - 1) as f64 * 5.0;
                    let (from, to) = (&nodes[a], &nodes[b]);
                    let (out_x, in_x) = (from.x + from.width * 0.75, to.x + to.width * 0.75);
                    let below = from.y + from.height + ROW_LAYER_GAP / 2.0 + shift;
                    let above = (to.y - ROW_LAYER_GAP / 2.0 - shift).max(4.0);
                    vec![
                        (out_x, from.y + from.height),
                        (out_x, below),
                        (lane, below),
                        (lane, above),
                        (in_x, above),
                        (in_x, to.y),
                    ]
                }
                (Some(a), Some(b)) => {
                    let chain = &graph.chains[forward_index];
                    forward_index += 1;
                    let mut points = vec![(centre[a].0, nodes[a].y + NODE_HEIGHT)];
                    points.extend(chain[1..chain.len() - 1].iter().map(|&w| centre[w]));
                    points.push((centre[b].0, nodes[b].y));
                    points
                }
                _ => vec![(0.0, 0.0), (0.0, 0.0)],
            };
            EdgePath {
                from: e.from.clone(),
                to: e.to.clone(),
                label: e.label.clone(),
                back: e.back,
                points,
            }
        })
        .collect();
    let width = right + back_count as f64 * BACK_EDGE_GAP + MARGIN;
    // Room under the last row for a return path that leaves it.
    let lowest = edges
        .iter()
        .flat_map(|e| e.points.iter().map(|p| p.1))
        .fold(0.0, f64::max);
    let rows_height = MARGIN * 2.0 + layer_count as f64 * (NODE_HEIGHT + ROW_LAYER_GAP) - ROW_LAYER_GAP;
    let height = rows_height.max(lowest + MARGIN);
    Layout {
        nodes,
        edges,
        width,
        height,
    }
}

/// Lays out a pattern's diagram left to right (layer `l` is column `l`).
/// Deterministic: the same pattern gives the same numbers.
#[must_use]
pub fn layout(p: &Pattern) -> Layout {
    let Ordered {
        layer,
        graph,
        vertices,
        layer_count,
        order,
        node_width,
    } = ordered(p);
    let rows = order.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let row_height = NODE_HEIGHT + ROW_GAP;
    let body_height = rows as f64 * row_height - ROW_GAP;

    // Each gap between layers is wide enough for the labels of the edges that
    // leave the layer before it (a label sits on its edge's first stretch).
    let mut gaps = vec![LAYER_GAP; layer_count.saturating_sub(1)];
    for e in p.edges.iter().filter(|e| !e.back && !e.label.is_empty()) {
        if let Some(gap) = index_of(p, &e.from).and_then(|a| gaps.get_mut(layer[a])) {
            *gap = gap.max(e.label.chars().count() as f64 * EDGE_CHAR_WIDTH + EDGE_LABEL_ROOM);
        }
    }
    let layer_x: Vec<f64> = (0..layer_count)
        .scan(MARGIN, |x, l| {
            let here = *x;
            *x += node_width + gaps.get(l).copied().unwrap_or(0.0);
            Some(here)
        })
        .collect();

    let mut centre = vec![(0.0, 0.0); vertices];
    for (l, row) in order.iter().enumerate() {
        let x = layer_x[l];
        let offset = (rows - row.len()) as f64 * row_height / 2.0;
        for (i, &v) in row.iter().enumerate() {
            let y = MARGIN + offset + i as f64 * row_height;
            centre[v] = (x + node_width / 2.0, y + NODE_HEIGHT / 2.0);
        }
    }
    let nodes = boxes(p, &layer, &centre, |_| node_width);

    let width = MARGIN * 2.0 + layer_count as f64 * node_width + gaps.iter().sum::<f64>();
    let bottom = MARGIN + body_height;
    let mut back_count = 0usize;
    let mut forward_index = 0usize;
    let edges_out: Vec<EdgePath> = p
        .edges
        .iter()
        .map(|e| {
            let (Some(a), Some(b)) = (index_of(p, &e.from), index_of(p, &e.to)) else {
                return EdgePath {
                    from: e.from.clone(),
                    to: e.to.clone(),
                    label: e.label.clone(),
                    back: e.back,
                    points: vec![(0.0, 0.0), (0.0, 0.0)],
                };
            };
            let points = if e.back {
                back_count += 1;
                let lane = bottom + back_count as f64 * BACK_EDGE_GAP;
                back_edge_route(&nodes, a, b, lane)
            } else {
                let chain = &graph.chains[forward_index];
                forward_index += 1;
                let mut points = vec![(nodes[a].x + node_width, centre[a].1)];
                points.extend(chain[1..chain.len() - 1].iter().map(|&w| centre[w]));
                points.push((nodes[b].x, centre[b].1));
                points
            };
            EdgePath {
                from: e.from.clone(),
                to: e.to.clone(),
                label: e.label.clone(),
                back: e.back,
                points,
            }
        })
        .collect();
    let height = bottom + back_count as f64 * BACK_EDGE_GAP + MARGIN;
    let mut layout = Layout {
        nodes,
        edges: edges_out,
        width,
        height,
    };
    fit_margins(&mut layout);
    layout
}

/// A return path along a lane under every box. It drops from the source's
/// bottom and rises into the target's, unless another box sits below one of
/// them in its layer: then it runs down the gap beside that layer instead and
/// meets the box from the side, so no line crosses a box.
fn back_edge_route(nodes: &[NodeBox], from: usize, to: usize, lane: f64) -> Vec<(f64, f64)> {
    let has_box_below = |n: &NodeBox| nodes.iter().any(|m| m.layer == n.layer && m.y > n.y);
    let (from, to) = (&nodes[from], &nodes[to]);
    let side_y = |n: &NodeBox| n.center().1 + n.height / 4.0;
    let mut points = Vec::with_capacity(6);
    if has_box_below(from) {
        let x = from.x + from.width + LAYER_GAP / 4.0;
        points.extend([(from.x + from.width, side_y(from)), (x, side_y(from)), (x, lane)]);
    } else {
        points.extend([(from.center().0, from.y + from.height), (from.center().0, lane)]);
    }
    if has_box_below(to) {
        let x = to.x - LAYER_GAP / 4.0;
        points.extend([(x, lane), (x, side_y(to)), (to.x, side_y(to))]);
    } else {
        points.extend([(to.center().0, lane), (to.center().0, to.y + to.height)]);
    }
    points
}

/// Keeps at least the margin between the drawing's edge and every box and line
/// (a return path beside the first or last layer reaches past the boxes).
fn fit_margins(layout: &mut Layout) {
    let xs = layout
        .edges
        .iter()
        .flat_map(|e| e.points.iter().map(|p| p.0))
        .chain(layout.nodes.iter().flat_map(|n| [n.x, n.x + n.width]));
    let (low, high) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
        (lo.min(x), hi.max(x))
    });
    if !low.is_finite() {
        return;
    }
    let shift = (MARGIN - low).max(0.0);
    if shift > 0.0 {
        for n in &mut layout.nodes {
            n.x += shift;
        }
        for e in &mut layout.edges {
            for p in &mut e.points {
                p.0 += shift;
            }
        }
    }
    layout.width = layout.width.max(high + shift + MARGIN);
}

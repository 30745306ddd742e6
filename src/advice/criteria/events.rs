//! Event-driven triggers.

use super::Ctx;
use crate::advice::Criterion;
use crate::workload::Trigger;

pub(crate) fn event_criterion(c: &Ctx<'_>) -> Criterion {
    let l = &c.rules.leans;
    let triggers = &c.workload.triggers;
    let events: Vec<&Trigger> = triggers.iter().filter(|t| **t != Trigger::HttpApi).collect();
    let (lean, kind) = if triggers.is_empty() {
        (l.no_triggers, 0)
    } else if events.len() == triggers.len() {
        (l.all_events, 1)
    } else if events.is_empty() {
        (l.http_only, 2)
    } else {
        (l.mixed_triggers, 3)
    };
    c.criterion("event_driven", "Event-driven triggers", c.rules.weights.event_driven, lean, || {
        let names: Vec<&str> = triggers.iter().map(|t| t.label()).collect();
        match kind {
            0 => "No trigger is named, which reads as a standing service rather than work started by events.".to_owned(),
            1 => format!(
                "Work starts on events ({}), which serverless platforms wire up natively, functions and container jobs alike, with retries and no polling loop to run.",
                names.join(", ")
            ),
            2 => "Requests arrive as an HTTP API, which functions and serverless containers serve well, on their own endpoints or behind a front door, while requests stay short.".to_owned(),
            _ => format!(
                "Work arrives both as events and over HTTP ({}); serverless platforms take both natively.",
                names.join(", ")
            ),
        }
    })
}

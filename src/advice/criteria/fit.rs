//! State and special hardware.

use super::Ctx;
use crate::advice::Criterion;
use crate::workload::{Hardware, State};

pub(crate) fn state_criterion(c: &Ctx<'_>) -> Criterion {
    let state = c.workload.state;
    let lean = c.rules.leans.state.get(&state).copied().unwrap_or(0.0);
    c.criterion("state", "State and connections", c.rules.weights.state, lean, || {
        match state {
            State::Stateless => "Each request stands alone, so any instance can serve it and instances can come and go freely.",
            State::ExternalStore => "State lives in an external store, which functions reach like any other client.",
            State::Sessions => "User sessions must be kept outside the function (a cache or table), one more moving part per request.",
            State::LongLivedConnections => "Clients hold connections open, which functions cannot keep between invocations; servers hold them naturally.",
            State::InMemory => "The work relies on large in-memory state, which a function rebuilds on every cold start and cannot share.",
        }
        .to_owned()
    })
}

pub(crate) fn hardware_criterion(c: &Ctx<'_>) -> Criterion {
    let hardware = c.workload.hardware;
    let lean = c.rules.leans.hardware.get(&hardware).copied().unwrap_or(0.0);
    c.criterion("hardware", "Special hardware", c.rules.weights.hardware, lean, || {
        match hardware {
            Hardware::Standard => "Ordinary CPUs are enough, which every option offers.".to_owned(),
            Hardware::Gpu => "The work needs GPUs, which function platforms do not offer.".to_owned(),
            Hardware::CustomKernel => "The work needs a custom kernel or OS, which only your own machines allow.".to_owned(),
            Hardware::LargeMemory => format!(
                "The work needs large memory ({} MB per instance); functions cap it ({} MB on Azure consumption, 10 GB on Lambda) and bill every GB-second.",
                c.workload.execution.memory_mb, c.book.azure_functions.max_memory_mb.value
            ),
        }
    })
}

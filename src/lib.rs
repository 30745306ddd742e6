//! serverless-advisor: decide whether a workload belongs on serverless functions
//! or on servers and containers, with the reasons, the prices and the pattern.
//!
//! The domain modules (workload, pricing, cost, advice, catalogue, report) are
//! plain Rust; only `ui` touches egui, eframe and rfd.

pub mod advice;
pub mod catalogue;
pub mod cli;
pub mod cost;
pub mod format;
pub mod fsio;
pub mod pricing;
pub mod report;
pub mod source;
#[cfg(feature = "gui")]
pub mod ui;
pub mod workload;

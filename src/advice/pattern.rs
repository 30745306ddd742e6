//! Which catalogue pattern fits the workload.

use std::fmt::Write as _;

use super::{PatternRef, Verdict, duration_limit_s, guaranteed_duration_s};
use crate::catalogue::{Catalogue, NodeKind, PatternKind, Suits};
use crate::cost::{OptionId, OptionKind, Profile};
use crate::pricing::PriceBook;
use crate::workload::{Hardware, Stage, State, Workload};

/// Workload traits the catalogue's `suits` lists match.
#[must_use]
pub fn traits(workload: &Workload, book: &PriceBook, profile: &Profile) -> Vec<Suits> {
    let mut out = Vec::new();
    if workload.hardware == Hardware::Gpu {
        out.push(Suits::Gpu);
    }
    if workload.state == State::LongLivedConnections {
        out.push(Suits::LongLivedConnections);
    }
    // A job that saves its progress between steps is multi-step work.
    if workload.execution.checkpointable {
        out.push(Suits::MultiStep);
    }
    // An established product has a running system to move from.
    if workload.team.stage == Stage::Established {
        out.push(Suits::Migration);
    }
    let function = OptionId::function_of(workload.provider);
    if duration_limit_s(function, workload, book)
        .or_else(|| guaranteed_duration_s(function, book))
        .is_some_and(|limit| workload.execution.max_duration_s > limit)
    {
        out.push(Suits::LongJobs);
    }
    let peak = workload.peak_to_average();
    if peak <= 1.5 {
        out.push(Suits::SteadyLoad);
    }
    if peak >= 4.0 || profile.idle_hours() as f64 / 168.0 >= 0.25 {
        out.push(Suits::BurstyLoad);
    }
    out
}

/// How much a pattern's fit to what the work needs (hardware, held
/// connections) counts: more than its kind and triggers together, so a GPU
/// service gets a GPU pattern whatever its triggers.
const NEEDS: f64 = 8.0;
/// How much serving a job past every function limit counts.
const LONG_JOBS: f64 = 5.0;
/// How much drawing the recommended option's kind of hosting (functions,
/// containers, servers) counts: more than the side's kind of pattern, so a
/// job recommended onto a container task is drawn as a container job even
/// when the containers sit on the servers' side.
const HOSTING: f64 = 5.0;

/// Picks the catalogue pattern that best matches what the work needs first
/// (hardware, held connections, jobs past the function limits), then the
/// verdict, the recommended option's kind of hosting and the triggers.
#[must_use]
pub fn match_pattern(
    workload: &Workload,
    verdict: Verdict,
    traits: &[Suits],
    catalogue: &Catalogue,
    recommended: Option<OptionId>,
) -> Option<PatternRef> {
    let kind = verdict.pattern_kind();
    let scored = catalogue.patterns.iter().map(|p| {
        // Whether the pattern draws the recommended option's kind of hosting.
        let drawn = recommended.is_some_and(|option| {
            let hosts = |kinds: &[NodeKind]| p.nodes.iter().any(|n| kinds.contains(&n.kind));
            match option.kind() {
                OptionKind::Function => hosts(&[NodeKind::Function]),
                OptionKind::Container => hosts(&[NodeKind::Container]),
                OptionKind::Server => hosts(&[NodeKind::Server, NodeKind::Gpu]),
            }
        });
        let mut score = if p.kind == kind {
            4.0
        } else if verdict == Verdict::Hybrid || p.kind == PatternKind::Hybrid {
            1.0
        } else if drawn
            && p.kind == PatternKind::Serverless
            && recommended.is_some_and(|o| o.kind() == OptionKind::Container)
        {
            // The serverless shelf, yet it draws the containers that will be
            // built though they count as the servers' side here (a container
            // job on Fargate).
            0.0
        } else {
            -4.0
        };
        let served = workload
            .triggers
            .iter()
            .filter(|t| p.triggers.contains(t))
            .count() as f64;
        let extra = p
            .triggers
            .iter()
            .filter(|t| !workload.triggers.contains(t))
            .count() as f64;
        score += 2.0 * served - 0.5 * extra;
        // A pattern that serves none of the workload's triggers draws another system.
        if served == 0.0 && !workload.triggers.is_empty() {
            score -= 4.0;
        }
        let fits = p.suits.iter().filter(|s| traits.contains(s)).count() as f64;
        for need in [Suits::Gpu, Suits::LongLivedConnections] {
            // Made for what the work needs: the pattern draws the hardware or
            // the connection tier. Needed and missing, or drawn and not
            // needed: another system.
            match (traits.contains(&need), p.suits.contains(&need)) {
                (true, true) => score += NEEDS,
                (true, false) | (false, true) => score -= NEEDS,
                (false, false) => {}
            }
        }
        if traits.contains(&Suits::LongJobs) {
            score += if p.suits.contains(&Suits::LongJobs) {
                LONG_JOBS
            } else {
                -LONG_JOBS
            };
        }
        let other_fits = p
            .suits
            .iter()
            .filter(|s| {
                traits.contains(s) && !matches!(s, Suits::Gpu | Suits::LongLivedConnections | Suits::LongJobs)
            })
            .count() as f64;
        let missing_migration = p.suits.contains(&Suits::Migration) && !traits.contains(&Suits::Migration);
        score += 2.5 * other_fits - if missing_migration { 3.0 } else { 0.0 };
        // A pattern built on the kind of hosting recommended draws what will be built.
        if drawn {
            score += HOSTING;
        }
        (score, served, fits, p)
    });
    // Highest score wins; ties keep catalogue order (max_by keeps the last, so compare indexes).
    let best = scored
        .enumerate()
        .max_by(|(ia, a), (ib, b)| a.0.total_cmp(&b.0).then(ib.cmp(ia)))?;
    let (_, (_, served, fits, p)) = best;
    let mut why = format!("A {} pattern", p.kind.label().to_lowercase());
    if served > 0.0 {
        let names: Vec<&str> = workload
            .triggers
            .iter()
            .filter(|t| p.triggers.contains(t))
            .map(|t| t.label())
            .collect();
        // "HTTP API" keeps its capitals; "File upload" reads "file upload" mid-sentence.
        let names: Vec<String> = names
            .iter()
            .map(|n| {
                let mut words = n.split(' ');
                let first = words.next().unwrap_or_default();
                let first = if first.chars().skip(1).any(char::is_uppercase) {
                    first.to_owned()
                } else {
                    first.to_lowercase()
                };
                std::iter::once(first)
                    .chain(words.map(str::to_owned))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let _ = write!(why, " for {} triggers", names.join(" and "));
    }
    if fits > 0.0 {
        let names: Vec<String> = p
            .suits
            .iter()
            .filter(|s| traits.contains(s))
            .map(|s| s.label().to_owned())
            .collect();
        let _ = write!(why, ", made for {}", names.join(", "));
    }
    why.push('.');
    Some(PatternRef {
        id: p.id.clone(),
        name: p.text_on(&p.name, workload.provider),
        why,
    })
}

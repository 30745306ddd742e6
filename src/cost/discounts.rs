//! The discounts teams buy, each its own negative line so the list price
//! stays visible: a commitment for the steady baseline (`commitment`), spot
//! capacity for interruptible work (`spot`) and a negotiated discount off the
//! whole bill (`negotiated`).
//!
//! The commitment covers the baseline only: the option priced for a month at
//! the use of the week's quietest hour (so a fleet's floor, a function's
//! quietest-hour duration, provisioned concurrency), the rest on demand. It is
//! bought where the cloud sells one for the option (savings plans,
//! reservations, committed-use discounts), paid monthly with no upfront
//! payment, and owed whatever the use. No discount raises a bill or takes it
//! below zero: each is at most the lines it applies to.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::{Bill, CostInput, OptionId, Profile, line, list_bill, money};
use crate::workload::{Commitment, Provider, Shape, Trigger, Workload};

/// A commitment priced into an option's bill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitmentBought {
    /// The cloud's name for what is bought, e.g. "EC2 Instance Savings Plan".
    pub plan: String,
    /// The term.
    pub term: Commitment,
    /// USD owed every month of the term, whatever the use.
    pub monthly_usd: f64,
    /// The on-demand USD a month of the use it covers.
    pub covers_usd: f64,
    /// USD a month saved against on demand (the negative `commitment` line).
    pub saving_usd: f64,
    /// What is owed over the whole term: the most it costs if the traffic
    /// falls below the baseline or stops.
    pub term_usd: f64,
}

/// Whether the lines named `item` of `option` can be covered by a commitment.
pub(super) fn committable(option: OptionId, item: &str) -> bool {
    match option {
        OptionId::AwsLambda => matches!(item, "duration" | "init" | "provisioned_concurrency"),
        OptionId::GcpComputeEngine => matches!(item, "compute" | "sustained_use"),
        OptionId::AwsEc2 | OptionId::AzureVm | OptionId::AwsFargate | OptionId::AzureFunctionsPremium => {
            item == "compute"
        }
        // Cloud Run's committed use discounts "apply to all aggregated Cloud
        // Run CPU, memory, and request usage" (https://cloud.google.com/run/cud),
        // Cloud Run functions' included.
        OptionId::GcpCloudRun | OptionId::GcpCloudFunctions => {
            matches!(
                item,
                "requests" | "duration" | "compute" | "provisioned_concurrency" | "gpu"
            )
        }
        OptionId::AzureFunctions | OptionId::AzureFlexConsumption | OptionId::AzureContainerApps => false,
    }
}

/// Whether the lines named `item` of `option` can run on spot capacity.
pub(super) fn spot_eligible(option: OptionId, item: &str) -> bool {
    match option {
        OptionId::GcpComputeEngine => matches!(item, "compute" | "sustained_use"),
        OptionId::AwsEc2 | OptionId::AzureVm | OptionId::AwsFargate => item == "compute",
        _ => false,
    }
}

/// Whether the work tolerates interruption (queue, stream, schedule and
/// file-upload events are retried), and whether any of it serves HTTP.
#[must_use]
pub fn interruptible(workload: &Workload) -> (bool, bool) {
    let tolerant = workload.triggers.iter().any(|t| {
        matches!(
            t,
            Trigger::Queue | Trigger::Stream | Trigger::Schedule | Trigger::FileUpload
        )
    });
    (tolerant, workload.is_http())
}

/// What a commitment offers an option.
enum Offer {
    /// The plan's name and the fraction it takes off the list price of the lines it covers.
    Sold(String, f64),
    /// The cloud sells one, but the price book has no sourced rate for it:
    /// what is missing, for the not-counted list.
    NotInBook(String),
    /// The cloud sells none for this option.
    NotSold,
}

/// What a commitment on `term` offers an option.
fn commitment_offer(option: OptionId, input: &CostInput<'_>, term: Commitment, by_instance: bool) -> Offer {
    if term == Commitment::OnDemand {
        return Offer::NotSold;
    }
    let c = &input.book.commitments;
    let service = |s: &Option<crate::pricing::ServiceCommitment>, key: &str| match s {
        Some(s) => s
            .off(term)
            .map_or(Offer::NotSold, |off| Offer::Sold(s.plan.clone(), off)),
        None => Offer::NotInBook(format!(
            "A {} commitment for {}: the price book has no sourced rate for it (add commitments.{key} to price it)",
            term.label(),
            option.label()
        )),
    };
    match option {
        OptionId::AwsLambda => service(&c.aws_lambda, "aws_lambda"),
        OptionId::AwsFargate => service(&c.aws_fargate, "aws_fargate"),
        OptionId::GcpCloudRun if by_instance => service(&c.gcp_cloud_run, "gcp_cloud_run"),
        OptionId::GcpCloudRun | OptionId::GcpCloudFunctions => {
            service(&c.gcp_cloud_run_requests, "gcp_cloud_run_requests")
        }
        OptionId::AzureFunctionsPremium => service(&c.azure_functions_premium, "azure_functions_premium"),
        OptionId::AwsEc2 | OptionId::GcpComputeEngine | OptionId::AzureVm => {
            let Some(instance) = super::fleet_instance_of(input, option.provider()) else {
                return Offer::NotSold;
            };
            let list = instance.per_hour.value;
            let today = input.book.compiled_on.as_str();
            match instance.best_commitment(term, today) {
                Some((offer, rate)) if list > 0.0 => {
                    Offer::Sold(format!("{} for {}", offer.plan, instance.name), 1.0 - rate / list)
                }
                Some(_) => Offer::NotSold,
                None => {
                    // A term the cloud stopped selling: say so, rather than
                    // price a reservation no one can buy.
                    Offer::NotInBook(match instance.withdrawn_commitment(term, today) {
                        Some((offer, w)) => format!(
                            "A {term} commitment for {} on {name}: {} stopped selling {term} {}s of {name} on {} (no new purchases or renewals from that day), and the price book has no sourced rate for a commitment still sold for it, such as a savings plan (add one to its commitments to price it)",
                            option.label(),
                            option.provider().label(),
                            offer.plan,
                            w.from,
                            term = term.label(),
                            name = instance.name,
                        ),
                        None => format!(
                            "A {} commitment for {} on {}: the price book has no sourced committed rate for this instance type (add its commitments to price it)",
                            term.label(),
                            option.label(),
                            instance.name
                        ),
                    })
                }
            }
        }
        OptionId::AzureFunctions | OptionId::AzureFlexConsumption | OptionId::AzureContainerApps => {
            Offer::NotSold
        }
    }
}

/// Spot for an option: the cloud's name for it, the typical fraction off and
/// the interruption notice.
fn spot_offer(option: OptionId, input: &CostInput<'_>) -> Option<(String, f64, String)> {
    let spot = input.book.spot.of(option.provider());
    match option {
        OptionId::AwsEc2 | OptionId::GcpComputeEngine | OptionId::AzureVm => {
            // The instance's own spot price where the book has one, else the cloud's typical discount.
            let instance = super::fleet_instance_of(input, option.provider());
            if instance.is_some_and(|i| i.no_spot) {
                return None;
            }
            let off = instance
                .and_then(|i| {
                    let rate = i.spot_per_hour.as_ref()?.value;
                    (i.per_hour.value > 0.0).then(|| 1.0 - rate / i.per_hour.value)
                })
                .unwrap_or(spot.servers_off.value);
            Some((spot.servers_name.clone(), off, spot.notice.clone()))
        }
        OptionId::AwsFargate => {
            let name = spot.containers_name.clone()?;
            let off = spot.containers_off.as_ref()?.value;
            Some((name, off, spot.notice.clone()))
        }
        _ => None,
    }
}

/// A flat week: the baseline is priced as a month at the quietest hour's rate.
static FLAT: LazyLock<Profile> = LazyLock::new(|| Profile::new(Shape::Steady, 1.0));

/// The option's bill for a month at the use of the week's quietest hour.
fn baseline_bill(option: OptionId, input: &CostInput<'_>) -> Bill {
    let quietest = input.profile.sorted.last().copied().unwrap_or(0.0).max(0.0);
    let at = CostInput::new(
        input.workload,
        input.book,
        &FLAT,
        input.monthly_requests.max(0.0) * quietest,
    );
    list_bill(option, &at)
}

/// The part of `part` (net, list) that `whole` still has, scaled so net and list shrink together.
fn capped(part: (f64, f64), whole: (f64, f64)) -> (f64, f64) {
    if part.0 <= whole.0 || part.0 <= 0.0 {
        (part.0.max(0.0), part.1.max(0.0))
    } else {
        let r = (whole.0 / part.0).clamp(0.0, 1.0);
        (part.0 * r, part.1 * r)
    }
}

/// Adds the discount lines the workload's pricing choices buy to `bill`.
pub(super) fn apply(option: OptionId, input: &CostInput<'_>, bill: &mut Bill) {
    let choices = &input.workload.pricing;
    let term = choices.commitment;
    let commit = match commitment_offer(option, input, term, bill.committable_by_instance) {
        Offer::Sold(plan, off) => Some((plan, off)),
        Offer::NotInBook(what) => {
            if bill.committable.1 > 0.0 {
                bill.not_counted(|| what);
            }
            None
        }
        Offer::NotSold => None,
    };
    let spot = if choices.spot {
        spot_offer(option, input)
    } else {
        None
    };
    let (tolerant, http) = interruptible(input.workload);
    if choices.spot
        && tolerant
        && spot.is_none()
        && matches!(
            option,
            OptionId::AwsEc2 | OptionId::GcpComputeEngine | OptionId::AzureVm
        )
        && let Some(instance) = super::fleet_instance_of(input, option.provider())
        && instance.no_spot
    {
        bill.note(|| {
            format!(
                "{} are not sold as {}: the fleet runs on demand. Pick another instance type to run on spot.",
                instance.name,
                input.book.spot.of(option.provider()).servers_name
            )
        });
    }
    // Spot carries all of interruptible-only work; a fleet that also serves
    // HTTP keeps its baseline on demand (or committed) and runs the rest on spot.
    let spot_all = spot.is_some() && tolerant && !http;
    let spot_above = spot.is_some() && tolerant && http;
    if choices.spot && spot.is_some() && !tolerant {
        bill.note(|| {
            if http {
                "Spot was asked for, but this work only serves HTTP: a fleet answering requests keeps on-demand capacity, since an interruption would drop requests in flight. The price is unchanged.".into()
            } else {
                "Spot was asked for, but no trigger of this work tolerates interruption: the price is unchanged.".into()
            }
        });
    }
    let baseline = if (commit.is_some() && !input.bound) || spot_above {
        Some(baseline_bill(option, input))
    } else {
        None
    };

    let mut spot_base = bill.spot_eligible;
    if let Some((plan, off)) = commit {
        let spot_off = spot.as_ref().map_or(0.0, |s| s.1);
        if spot_all && spot_off >= off {
            bill.note(|| {
                format!(
                    "No commitment is bought: this interruptible work runs on spot capacity, {:.0}% off, more than the {} {plan}'s {:.0}%.",
                    spot_off * 100.0,
                    term.label(),
                    off * 100.0
                )
            });
        } else {
            // The search for the cheapest option prices a lower bound: every
            // line a commitment can cover, at its fraction off.
            let covered = match &baseline {
                Some(b) => capped(b.committable, bill.committable),
                None => bill.committable,
            };
            let amount = covered.1 * (1.0 - off);
            let saving = covered.0 - amount;
            if saving > 1e-9 {
                bill.add(line(input, "commitment", -saving, || {
                    format!(
                        "{} {plan}, no upfront, paid monthly: {} a month committed covers {} a month of on-demand use, what the week's quietest hour uses (the steady baseline), {:.1}% off; the rest runs on demand",
                        term.label(),
                        money(amount),
                        money(covered.0),
                        off * 100.0
                    )
                }));
                let months = match term {
                    Commitment::OnDemand => 0.0,
                    Commitment::OneYear => 12.0,
                    Commitment::ThreeYear => 36.0,
                };
                bill.commitment = Some(CommitmentBought {
                    plan: format!("{} {plan}", term.label()),
                    term,
                    monthly_usd: amount,
                    covers_usd: covered.0,
                    saving_usd: saving,
                    term_usd: amount * months,
                });
                bill.note(|| {
                    format!(
                        "The {} {plan} is owed whatever the use: {} a month, {} over the term. If traffic falls below the baseline the unused part is still paid; if it stopped, this option would still cost {} a month.",
                        term.label(),
                        money(amount),
                        money(amount * months),
                        money(amount)
                    )
                });
                if spot_all || spot.is_none() {
                    spot_base = (spot_base.0 - covered.0, spot_base.1 - covered.1);
                }
            } else if covered.0 > 0.0 {
                bill.note(|| {
                    if option.provider() == Provider::Gcp && option == OptionId::GcpComputeEngine {
                        format!(
                            "No commitment is bought: the sustained-use discount Compute Engine applies by itself already takes more off the baseline than the {} {plan}.",
                            term.label()
                        )
                    } else {
                        format!("No commitment is bought: the {} {plan} saves nothing here.", term.label())
                    }
                });
            } else {
                bill.note(|| {
                    format!(
                        "No commitment is bought: the week's quietest hour uses nothing, so there is no steady baseline for a {} {plan} to cover.",
                        term.label()
                    )
                });
            }
        }
    } else if term != Commitment::OnDemand && bill.committable.1 <= 0.0 && input.detailed {
        bill.note(|| {
            format!(
                "The price book holds no {} commitment for this option: it is priced on demand.",
                term.label()
            )
        });
    }

    if let Some((name, off, notice)) = &spot
        && (spot_all || spot_above)
    {
        let base = if spot_above {
            let floor = baseline.as_ref().map_or((0.0, 0.0), |b| b.spot_eligible);
            (
                (bill.spot_eligible.0 - floor.0).max(0.0),
                (bill.spot_eligible.1 - floor.1).max(0.0),
            )
        } else {
            (spot_base.0.max(0.0), spot_base.1.max(0.0))
        };
        let saving = base.0 - base.1 * (1.0 - off);
        if saving > 1e-9 {
            bill.add(line(input, "spot", -saving, || {
                format!(
                    "{name} for {} a month of {}, {:.0}% off on demand at the price book's stated spot price (spot prices move with demand)",
                    money(base.0),
                    if spot_above {
                        "use above the on-demand floor (the week's quietest hour)"
                    } else if bill.commitment.is_some() {
                        "use above the committed baseline"
                    } else {
                        "the work"
                    },
                    off * 100.0
                )
            }));
            bill.note(|| {
                format!(
                    "{name} can be taken back with {notice}: the work must checkpoint or retry, and its trigger delivers again what is interrupted."
                )
            });
        }
    }

    let negotiated = choices.negotiated_discount;
    if negotiated > 0.0 && bill.total > 0.0 {
        let after = bill.total;
        bill.add(line(input, "negotiated", -after * negotiated, || {
            format!(
                "{:.1}% negotiated off {} (the bill after any commitment and spot discounts)",
                negotiated * 100.0,
                money(after)
            )
        }));
    }
}

/// The purchase assumptions behind every bill, in words: what is bought, how
/// it is paid, what it covers, and what spot and a negotiated discount mean here.
#[must_use]
pub fn purchase_assumptions(workload: &Workload, book: &crate::pricing::PriceBook) -> Vec<String> {
    let choices = &workload.pricing;
    let provider = workload.provider;
    let mut out = Vec::new();
    match choices.commitment {
        Commitment::OnDemand => out.push(
            "Every option is priced on demand: no savings plan, reservation or committed-use discount is bought."
                .to_owned(),
        ),
        term => {
            let services: Vec<String> = match provider {
                Provider::Aws => vec![
                    "Compute Savings Plans for Lambda and Fargate".to_owned(),
                    "the cheapest of the savings plans and Reserved Instances sold for the EC2 instance type".to_owned(),
                ],
                Provider::Gcp => vec![
                    "committed use discounts for Cloud Run, billed by instance or by request, and Cloud Run functions".to_owned(),
                    "a resource-based committed use discount for the Compute Engine machine type".to_owned(),
                ],
                Provider::Azure => vec![
                    "a savings plan for compute for the Functions premium plan".to_owned(),
                    "the cheaper of a reservation and a savings plan for the virtual machine size".to_owned(),
                ],
            };
            out.push(format!(
                "A {} commitment is bought for each option its cloud sells one for ({}), with no upfront payment, paid monthly. It covers the steady baseline only, the use of the week's quietest hour; the rest runs on demand. It is owed for the whole term whatever the use.",
                term.label(),
                services.join("; ")
            ));
        }
    }
    if choices.spot {
        let spot = book.spot.of(provider);
        let (tolerant, http) = interruptible(workload);
        let names = match &spot.containers_name {
            Some(c) => format!("{} and {c}", spot.servers_name),
            None => spot.servers_name.clone(),
        };
        out.push(if !tolerant {
            format!(
                "Spot was asked for, but no part of this work tolerates interruption (it {}): {names} are not used and the price is unchanged.",
                if http { "serves HTTP" } else { "has no queue, stream, schedule or upload trigger" }
            )
        } else if http {
            format!(
                "Interruptible work runs on {names} at a typical {:.0}% off (spot prices move with demand; they can be taken back with {}); the fleet serving HTTP keeps its baseline on demand.",
                spot.servers_off.value * 100.0,
                spot.notice
            )
        } else {
            format!(
                "The work tolerates interruption, so servers run on {names} at a typical {:.0}% off (spot prices move with demand; they can be taken back with {}).",
                spot.servers_off.value * 100.0,
                spot.notice
            )
        });
    }
    if choices.negotiated_discount > 0.0 {
        out.push(format!(
            "A negotiated discount of {:.1}% comes off every bill, after any commitment and spot discount.",
            choices.negotiated_discount * 100.0
        ));
    }
    out
}

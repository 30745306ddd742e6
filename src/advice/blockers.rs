//! Hard stops: what rules an option out, with the alternative to use.

use super::{AdviceRules, Blocker, duration_limit_s, memory_limit_mb};
use crate::cost::{OptionId, OptionKind};
use crate::format;
use crate::pricing::PriceBook;
use crate::workload::{Hardware, Provider, Runtime, State, Trigger, Workload};

pub(crate) fn duration_alternative(option: OptionId) -> &'static str {
    match option {
        OptionId::AwsLambda => "AWS Fargate or AWS Batch, or split the work into steps under Step Functions",
        OptionId::GcpCloudFunctions => {
            "Cloud Run (up to 60 minutes) or Cloud Run jobs and Compute Engine for longer work"
        }
        OptionId::AzureFunctions => {
            "Azure Functions Flex Consumption or the premium plan (no hard limit, runs of up to 60 minutes guaranteed), or Durable Functions to split the work"
        }
        OptionId::GcpCloudRun => "Cloud Run jobs, Batch or Compute Engine",
        OptionId::AzureFunctionsPremium | OptionId::AzureFlexConsumption => {
            "Azure Container Apps jobs or Azure Batch, or Durable Functions to split the work into steps"
        }
        _ => "servers or containers",
    }
}

/// Whether the workload is all long-lived connections, with no event-driven
/// work beside them that functions could take (that case is split instead).
pub(crate) fn holds_connections_only(workload: &Workload) -> bool {
    workload.state == State::LongLivedConnections && !has_event_triggers(workload)
}

pub(crate) fn has_event_triggers(workload: &Workload) -> bool {
    workload.triggers.iter().any(|t| *t != Trigger::HttpApi)
}

pub(crate) fn connection_alternative(provider: Provider) -> &'static str {
    match provider {
        Provider::Aws => {
            "a container service (ECS on Fargate or EC2) that holds the sockets, or API Gateway WebSocket APIs calling Lambda per message"
        }
        Provider::Gcp => "Cloud Run (WebSockets up to its 60-minute request limit) or Compute Engine",
        Provider::Azure => "Azure Web PubSub or SignalR Service calling functions per message, or Azure VMs",
    }
}

pub(crate) fn server_alternative(provider: Provider, what: &str) -> String {
    let servers = match provider {
        Provider::Aws => "EC2",
        Provider::Gcp => "Compute Engine",
        Provider::Azure => "Azure VMs",
    };
    format!("{servers} {what}")
}

/// Every hard stop, per option.
#[must_use]
pub fn blockers(workload: &Workload, book: &PriceBook, rules: &AdviceRules, detailed: bool) -> Vec<Blocker> {
    let mut out = Vec::new();
    let mut push = |id: &'static str,
                    option: OptionId,
                    reason: &dyn Fn() -> String,
                    alternative: &dyn Fn() -> String| {
        out.push(Blocker {
            id: id.into(),
            option,
            reason: if detailed { reason() } else { String::new() },
            alternative: if detailed { alternative() } else { String::new() },
        });
    };
    let e = &workload.execution;
    let special_hardware = matches!(workload.hardware, Hardware::Gpu | Hardware::CustomKernel);
    for option in OptionId::ALL {
        let provider = option.provider();
        let kind = option.kind();
        match workload.hardware {
            // Cloud Run attaches a GPU (priced on instance-based billing).
            Hardware::Gpu if kind != OptionKind::Server && option != OptionId::GcpCloudRun => push(
                "gpu",
                option,
                &|| {
                    match option {
                    OptionId::AzureContainerApps => "The work needs GPUs; Container Apps offers them only as serverless GPU workload profiles, which the price book does not price.".to_owned(),
                    _ => format!("The work needs GPUs and {} offers none.", option.label()),
                }
                },
                &|| {
                    server_alternative(
                        provider,
                        "with GPUs, behind a queue (or a managed inference endpoint)",
                    )
                },
            ),
            Hardware::CustomKernel if kind != OptionKind::Server => push(
                "custom_kernel",
                option,
                &|| {
                    format!(
                        "The work needs a custom kernel or OS, and {} runs code on the provider's own.",
                        option.label()
                    )
                },
                &|| server_alternative(provider, "with your own machine image"),
            ),
            _ => {}
        }
        // The consumption plan has no virtual network integration.
        if workload.data.private_network && option == OptionId::AzureFunctions {
            push(
                "private_network",
                option,
                &|| {
                    "The work runs in a private network, and the consumption plan cannot join a virtual network.".to_owned()
                },
                &|| {
                    "Azure Functions Flex Consumption or the premium plan, which integrate with a virtual network".to_owned()
                },
            );
        }
        if let Some(limit) = duration_limit_s(option, workload, book)
            && e.max_duration_s > limit
        {
            push(
                "duration",
                option,
                &|| {
                    let longest = format::duration_ms(e.max_duration_s * 1000.0);
                    let limit = format::duration_ms(limit * 1000.0);
                    if option == OptionId::AzureFunctionsPremium {
                        format!(
                            "The longest job runs {longest}, past the {limit} that {} guarantees a run; a scale-in can stop it after that.",
                            option.label()
                        )
                    } else {
                        format!(
                            "The longest job runs {longest}, past the {limit} limit of {}.",
                            option.label()
                        )
                    }
                },
                &|| {
                    if special_hardware {
                        server_alternative(provider, "running the job to completion")
                    } else {
                        duration_alternative(option).to_owned()
                    }
                },
            );
        }
        if let Some(limit) = memory_limit_mb(option, book)
            && f64::from(e.memory_mb) > limit
        {
            push(
                "memory",
                option,
                &|| {
                    format!(
                        "{} MB is more than the {limit} MB maximum of {}.",
                        e.memory_mb,
                        option.label()
                    )
                },
                &|| match option {
                    // GPUs and custom kernels rule out the managed alternatives too.
                    _ if special_hardware => server_alternative(provider, "with enough memory"),
                    OptionId::AzureFunctions => {
                        "Azure Functions Flex Consumption (up to 4 GB) or the premium plan (up to 14 GB)"
                            .to_owned()
                    }
                    OptionId::AzureFlexConsumption | OptionId::AzureContainerApps => {
                        "the Azure Functions premium plan (up to 14 GB) or Azure VMs".to_owned()
                    }
                    OptionId::GcpCloudFunctions => "Cloud Run (up to 32 GiB)".to_owned(),
                    _ => server_alternative(provider, "with enough memory"),
                },
            );
        }
        // Consumption plans deploy code, not images.
        if e.runtime == Runtime::Container
            && matches!(
                option,
                OptionId::GcpCloudFunctions | OptionId::AzureFunctions | OptionId::AzureFlexConsumption
            )
        {
            push(
                "container_image",
                option,
                &|| {
                    format!(
                        "The work ships as a container image, and {} deploys source code, not images.",
                        option.label()
                    )
                },
                &|| {
                    match option {
                    OptionId::GcpCloudFunctions => "Cloud Run, which runs the image as it is".to_owned(),
                    _ => "Azure Container Apps, which runs the image as it is, or the Azure Functions premium plan (custom containers)"
                        .to_owned(),
                }
                },
            );
        }
        if holds_connections_only(workload) && kind == OptionKind::Function {
            push(
                "connections",
                option,
                &|| {
                    format!(
                        "Clients keep connections open, and {} runs code per event: no invocation lives on to hold a client's socket.",
                        option.label()
                    )
                },
                &|| connection_alternative(provider).to_owned(),
            );
        }
        if workload.latency.p99_target_ms < rules.thresholds.sub_millisecond_ms && kind != OptionKind::Server
        {
            push(
                "sub_millisecond",
                option,
                &|| {
                    if kind == OptionKind::Function {
                        format!(
                            "A {} ms p99 target is below what a managed request path adds: a warm call to {} alone takes about {} ms.",
                            workload.latency.p99_target_ms,
                            option.label(),
                            book.cold_starts.warm_overhead_ms(provider)
                        )
                    } else {
                        format!(
                            "A {} ms p99 target leaves no room for the network hop and request router in front of {}; only code running beside its callers answers that fast.",
                            workload.latency.p99_target_ms,
                            option.label()
                        )
                    }
                },
                &|| server_alternative(provider, "running the hot path in process, close to its callers"),
            );
        }
    }
    out
}

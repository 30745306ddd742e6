//! The limits each option sets: run time, memory, and which side it is on.

use crate::cost::{OptionId, OptionKind};
use crate::pricing::PriceBook;
use crate::workload::Workload;

/// The longest run an option allows the workload, in seconds; `None` when
/// it has no hard limit. Cloud Run functions allow HTTP functions longer than
/// event-driven ones.
#[must_use]
pub fn duration_limit_s(option: OptionId, workload: &Workload, book: &PriceBook) -> Option<f64> {
    match option {
        OptionId::AwsLambda => Some(book.aws_lambda.max_duration_s.value),
        OptionId::GcpCloudFunctions => Some(book.gcp_cloud_functions.max_duration_s(http_only(workload))),
        OptionId::AzureFunctions => Some(book.azure_functions.max_duration_s.value),
        OptionId::GcpCloudRun => Some(book.gcp_cloud_run.max_duration_s.value),
        _ => None,
    }
}

/// The run time a plan with no hard limit still guarantees (a scale-in may
/// stop a run after it), in seconds.
#[must_use]
pub fn guaranteed_duration_s(option: OptionId, book: &PriceBook) -> Option<f64> {
    match option {
        OptionId::AzureFunctionsPremium => Some(book.azure_functions_premium.guaranteed_duration_s.value),
        OptionId::AzureFlexConsumption => Some(book.azure_flex_consumption.guaranteed_duration_s.value),
        _ => None,
    }
}

/// Whether every trigger arrives over HTTP.
pub(crate) fn http_only(workload: &Workload) -> bool {
    !workload.triggers.is_empty() && workload.triggers.iter().all(|t| t.is_http())
}

/// The most memory an option offers one instance, in MB; `None` when the fleet's instance decides.
#[must_use]
pub fn memory_limit_mb(option: OptionId, book: &PriceBook) -> Option<f64> {
    match option {
        OptionId::AwsLambda => Some(book.aws_lambda.max_memory_mb.value),
        OptionId::GcpCloudFunctions => book
            .gcp_cloud_functions
            .memory_sizes
            .last()
            .map(|s| f64::from(s.memory_mb)),
        OptionId::AzureFunctions => Some(book.azure_functions.max_memory_mb.value),
        OptionId::AzureFlexConsumption => book
            .azure_flex_consumption
            .instance_sizes
            .last()
            .map(|s| f64::from(s.memory_mb)),
        OptionId::AzureContainerApps => book.azure_container_apps.max_memory_mb(),
        OptionId::GcpCloudRun => Some(book.gcp_cloud_run.max_memory_mb.value),
        OptionId::AzureFunctionsPremium => book
            .azure_functions_premium
            .plans
            .last()
            .map(|p| p.memory_gb * 1024.0),
        _ => None,
    }
}

/// Whether an option sits on the serverless side of the decision.
#[must_use]
pub fn is_serverless_side(option: OptionId) -> bool {
    option.kind() == OptionKind::Function || option.is_serverless()
}

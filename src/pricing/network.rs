//! The rest of the bill: internet egress, NAT gateways, public IPv4 addresses
//! and logs, per cloud. A price book without these sections still loads; the
//! lines it cannot price are then listed as not counted.

use serde::{Deserialize, Serialize};

use super::{PerCloud, Sourced, Tiered};

/// Bytes in a decimal gigabyte.
pub const GB: f64 = 1e9;
/// Bytes in a gibibyte.
pub const GIB: f64 = 1_073_741_824.0;

/// Network prices per cloud.
pub type Network = PerCloud<CloudNetwork>;

/// One cloud's internet egress, NAT gateway and public address prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloudNetwork {
    /// Bytes in the unit the cloud bills data in: 1e9 (GB) or 2^30 (GiB).
    pub bytes_per_unit: f64,
    /// Internet egress, USD per unit, tiered by the month's units (after the free allowance).
    pub egress_per_unit: Tiered,
    /// Units of internet egress a month free to the account (counted only
    /// when the workload counts free grants).
    pub egress_free_units: Sourced,
    /// The NAT product's name, e.g. `NAT gateway`.
    pub nat_name: String,
    /// USD per NAT gateway-hour.
    pub nat_per_hour: Sourced,
    /// NAT gateways the estimate runs (one per zone where the cloud's NAT is zonal).
    pub nat_gateways: Sourced,
    /// USD per unit of data the NAT gateway processes.
    pub nat_per_unit: Sourced,
    /// USD an hour per public IPv4 address held by a server or a task.
    pub public_ipv4_per_hour: Sourced,
}

/// Log prices per cloud.
pub type Logs = PerCloud<CloudLogs>;

/// One cloud's log ingestion and storage prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloudLogs {
    /// The product's name, e.g. `CloudWatch Logs`.
    pub name: String,
    /// Bytes in the unit the cloud bills logs in: 1e9 (GB) or 2^30 (GiB).
    pub bytes_per_unit: f64,
    /// Ingestion of functions' logs, USD per unit, tiered by the month's units
    /// (Lambda's own log tiers; elsewhere the same as `ingest_per_unit`).
    pub function_ingest_per_unit: Tiered,
    /// Ingestion of every other option's logs, USD per unit, tiered.
    pub ingest_per_unit: Tiered,
    /// Units ingested a month free to the account or project (counted only
    /// when the workload counts free grants).
    pub free_units: Sourced,
    /// USD per unit-month stored past what the ingestion price includes (0 where included).
    pub storage_per_unit_month: Sourced,
    /// Months the logs are kept, the estimate's assumption (storage is billed
    /// on the month's logs for this many months).
    pub retention_months: f64,
}

//! The cost engine: the monthly bill of every option, line by line, from the
//! price book and the workload, with each cloud's own billing rules.
//!
//! Pure functions only. A month is the price book's `hours_per_month` (730);
//! fleets are sized hour by hour over the week's traffic profile and the week
//! is scaled to the month.

pub mod coldstart;
mod discounts;
pub mod instances;
mod jobs;
pub mod profile;
mod serverless;
pub mod whole_bill;

use serde::{Deserialize, Serialize};

use crate::pricing::{Instance, PriceBook};
use crate::workload::{ApiGateway, Architecture, Hardware, Provider, Workload};
pub use discounts::{CommitmentBought, interruptible, purchase_assumptions};
pub use profile::{HOURS_PER_WEEK, Profile};
pub use serverless::per_instance_concurrency;

/// The lowest monthly volume the break-even search covers (and the cost
/// curves, unless the workload is quieter: see [`sweep_range`]).
pub const SWEEP_MIN_REQUESTS: f64 = 1e3;
/// The highest monthly volume the break-even search covers (and the cost
/// curves, unless the workload is busier).
pub const SWEEP_MAX_REQUESTS: f64 = 1e11;
/// Points of the cost curves per decade of volume.
pub const SWEEP_POINTS_PER_DECADE: usize = 5;

/// Every hosting option the app prices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionId {
    /// AWS Lambda.
    AwsLambda,
    /// AWS Fargate (ECS tasks).
    AwsFargate,
    /// Amazon EC2 in an autoscaling group.
    AwsEc2,
    /// Google Cloud Run (request-based or instance-based billing, whichever is cheaper).
    GcpCloudRun,
    /// Google Cloud Run functions (Cloud Functions' current generation).
    GcpCloudFunctions,
    /// Google Compute Engine in a managed instance group.
    GcpComputeEngine,
    /// Azure Functions, consumption plan.
    AzureFunctions,
    /// Azure Functions, Flex Consumption plan.
    AzureFlexConsumption,
    /// Azure Functions, premium plan.
    AzureFunctionsPremium,
    /// Azure Container Apps, consumption plan.
    AzureContainerApps,
    /// Azure virtual machines in a scale set.
    AzureVm,
}

/// What sort of hosting an option is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionKind {
    /// Functions as a service.
    Function,
    /// Serverless containers.
    Container,
    /// Virtual machines.
    Server,
}

impl OptionKind {
    /// A short label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Function => "function",
            Self::Container => "container",
            Self::Server => "server",
        }
    }
}

impl OptionId {
    /// Every option, in report order.
    pub const ALL: [Self; 11] = [
        Self::AwsLambda,
        Self::AwsFargate,
        Self::AwsEc2,
        Self::GcpCloudRun,
        Self::GcpCloudFunctions,
        Self::GcpComputeEngine,
        Self::AzureFunctions,
        Self::AzureFlexConsumption,
        Self::AzureFunctionsPremium,
        Self::AzureContainerApps,
        Self::AzureVm,
    ];

    /// The id as written in reports, e.g. `aws_lambda`.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::AwsLambda => "aws_lambda",
            Self::AwsFargate => "aws_fargate",
            Self::AwsEc2 => "aws_ec2",
            Self::GcpCloudRun => "gcp_cloud_run",
            Self::GcpCloudFunctions => "gcp_cloud_functions",
            Self::GcpComputeEngine => "gcp_compute_engine",
            Self::AzureFunctions => "azure_functions",
            Self::AzureFlexConsumption => "azure_flex_consumption",
            Self::AzureFunctionsPremium => "azure_functions_premium",
            Self::AzureContainerApps => "azure_container_apps",
            Self::AzureVm => "azure_vm",
        }
    }

    /// The option by its id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.id() == id)
    }

    /// A human label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::AwsLambda => "AWS Lambda",
            Self::AwsFargate => "AWS Fargate",
            Self::AwsEc2 => "Amazon EC2",
            Self::GcpCloudRun => "Cloud Run",
            Self::GcpCloudFunctions => "Cloud Run functions",
            Self::GcpComputeEngine => "Compute Engine",
            Self::AzureFunctions => "Azure Functions (consumption)",
            Self::AzureFlexConsumption => "Azure Functions (Flex Consumption)",
            Self::AzureFunctionsPremium => "Azure Functions (premium)",
            Self::AzureContainerApps => "Azure Container Apps",
            Self::AzureVm => "Azure VMs",
        }
    }

    /// The cloud it belongs to.
    #[must_use]
    pub fn provider(self) -> Provider {
        match self {
            Self::AwsLambda | Self::AwsFargate | Self::AwsEc2 => Provider::Aws,
            Self::GcpCloudRun | Self::GcpCloudFunctions | Self::GcpComputeEngine => Provider::Gcp,
            Self::AzureFunctions
            | Self::AzureFlexConsumption
            | Self::AzureFunctionsPremium
            | Self::AzureContainerApps
            | Self::AzureVm => Provider::Azure,
        }
    }

    /// What sort of hosting it is.
    #[must_use]
    pub fn kind(self) -> OptionKind {
        match self {
            Self::AwsLambda
            | Self::GcpCloudFunctions
            | Self::AzureFunctions
            | Self::AzureFlexConsumption
            | Self::AzureFunctionsPremium => OptionKind::Function,
            Self::AwsFargate | Self::GcpCloudRun | Self::AzureContainerApps => OptionKind::Container,
            Self::AwsEc2 | Self::GcpComputeEngine | Self::AzureVm => OptionKind::Server,
        }
    }

    /// Whether it scales to zero and bills for use (true serverless).
    #[must_use]
    pub fn is_serverless(self) -> bool {
        matches!(
            self,
            Self::AwsLambda
                | Self::GcpCloudFunctions
                | Self::AzureFunctions
                | Self::AzureFlexConsumption
                | Self::GcpCloudRun
                | Self::AzureContainerApps
        )
    }

    /// The provider's pay-per-use function option: on Azure the Flex
    /// Consumption plan, its function plan for new work.
    #[must_use]
    pub fn function_of(provider: Provider) -> Self {
        match provider {
            Provider::Aws => Self::AwsLambda,
            Provider::Gcp => Self::GcpCloudFunctions,
            Provider::Azure => Self::AzureFlexConsumption,
        }
    }

    /// The provider's virtual machine option.
    #[must_use]
    pub fn server_of(provider: Provider) -> Self {
        match provider {
            Provider::Aws => Self::AwsEc2,
            Provider::Gcp => Self::GcpComputeEngine,
            Provider::Azure => Self::AzureVm,
        }
    }
}

/// One line of an option's monthly bill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineItem {
    /// What is billed: `requests`, `duration`, `api_gateway`,
    /// `provisioned_concurrency`, `compute`, `load_balancer` and the rest of
    /// the whole bill; the discounts bought are negative lines `commitment`,
    /// `spot` and `negotiated`; `operations` is people's time, kept out of
    /// the option's `monthly_usd`.
    pub item: std::borrow::Cow<'static, str>,
    /// USD a month.
    pub usd: f64,
    /// How the amount was worked out, in words and numbers.
    pub detail: String,
}

/// The monthly bill of one option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionCost {
    /// Which option.
    pub option: OptionId,
    /// Its sort.
    pub kind: OptionKind,
    /// Total USD a month.
    pub monthly_usd: f64,
    /// The lines that add up to the total.
    pub breakdown: Vec<LineItem>,
    /// Assumptions and caveats of this price.
    pub notes: Vec<String>,
    /// Lines of the real bill the answers given cannot price, each with what
    /// would price it (never shown as $0).
    #[serde(default)]
    pub not_counted: Vec<String>,
    /// The commitment priced in, when `pricing.commitment` buys one for this option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<CommitmentBought>,
    /// People's time to run it, USD a month, when an engineer-day cost is
    /// given: its `operations` line, kept apart from `monthly_usd` (the cloud bill).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operations_usd: Option<f64>,
}

impl OptionCost {
    /// The cloud bill with the people's time to run the option, when an
    /// engineer-day cost priced it.
    #[must_use]
    pub fn with_operations_usd(&self) -> Option<f64> {
        self.operations_usd.map(|ops| self.monthly_usd + ops)
    }
}

/// Everything the per-option cost functions need.
#[derive(Debug, Clone, Copy)]
pub struct CostInput<'a> {
    /// The workload (its own monthly volume is ignored in favour of `monthly_requests`).
    pub workload: &'a Workload,
    /// Prices.
    pub book: &'a PriceBook,
    /// The week's traffic profile.
    pub profile: &'a Profile,
    /// The monthly volume to price.
    pub monthly_requests: f64,
    /// Whether to write the lines' explanations and the notes (off for sweeps and searches).
    pub detailed: bool,
    /// Fleet sizes already worked out at this volume, shared by options whose
    /// instances have the same capacity (EC2, Fargate and the other clouds' VMs).
    pub memo: Option<&'a FleetMemo>,
    /// Price a lower bound instead (busy shared instances counted by
    /// [`instances::lower_busy`]), to skip options that cannot be the cheapest.
    pub bound: bool,
}

/// Fleet sizes worked out at one volume, keyed by capacity and floor; the
/// lower bounds of Cloud Run's two billings at that volume, once the search
/// for the cheapest option has worked them out; and the monthly totals
/// already priced at that volume (exact and lower bound, by option), so a
/// decision that asks for the cheapest option again, after one missed a
/// requirement, prices nothing twice.
#[derive(Debug, Default)]
pub struct FleetMemo(
    std::cell::RefCell<FleetSizes>,
    pub(crate) std::cell::Cell<Option<(f64, f64)>>,
    std::cell::RefCell<PriceMemo>,
);

/// Fleet sizes at one volume: (scale, floor, instance-hours a week, peak),
/// the first few kept (a volume prices at most a handful of capacities:
/// each cloud's instance and task sizes); one not kept is worked out again.
#[derive(Debug, Default)]
struct FleetSizes {
    entries: [(u64, u64, f64, f64); 6],
    len: usize,
}

impl FleetSizes {
    fn find(&self, key: (u64, u64)) -> Option<(f64, f64)> {
        self.entries[..self.len]
            .iter()
            .find(|e| (e.0, e.1) == key)
            .map(|e| (e.2, e.3))
    }

    fn keep(&mut self, entry: (u64, u64, f64, f64)) {
        if let Some(slot) = self.entries.get_mut(self.len) {
            *slot = entry;
            self.len += 1;
        }
    }
}

/// Monthly totals by option: `[exact, lower bound]`, `NaN` where not yet priced.
#[derive(Debug)]
struct PriceMemo([[f64; 2]; OptionId::ALL.len()]);

impl Default for PriceMemo {
    fn default() -> Self {
        Self([[f64::NAN; 2]; OptionId::ALL.len()])
    }
}

impl<'a> CostInput<'a> {
    /// Prices at `monthly_requests`, without explanations.
    #[must_use]
    pub fn new(
        workload: &'a Workload,
        book: &'a PriceBook,
        profile: &'a Profile,
        monthly_requests: f64,
    ) -> Self {
        Self {
            workload,
            book,
            profile,
            monthly_requests,
            detailed: false,
            memo: None,
            bound: false,
        }
    }

    /// The same, with every line explained.
    #[must_use]
    pub fn detailed(mut self) -> Self {
        self.detailed = true;
        self
    }

    /// The same, sharing fleet sizes through `memo` (which must be for this volume).
    #[must_use]
    pub fn with_memo(mut self, memo: &'a FleetMemo) -> Self {
        self.memo = Some(memo);
        self
    }
}

impl CostInput<'_> {
    /// How the shared-instance platforms count busy instances.
    fn busy_fn(&self) -> instances::BusyFn {
        if self.bound {
            instances::lower_busy
        } else {
            instances::expected_busy
        }
    }

    fn weeks_per_month(&self) -> f64 {
        self.book.hours_per_month / HOURS_PER_WEEK as f64
    }

    /// Requests per second in each hour of the week.
    fn rates_per_second(&self) -> impl Iterator<Item = f64> + '_ {
        let mean_per_second = self.monthly_requests.max(0.0) / self.book.hours_per_month / 3600.0;
        self.profile.hourly.iter().map(move |m| m * mean_per_second)
    }

    fn gb(&self) -> f64 {
        f64::from(self.workload.execution.memory_mb) / 1024.0
    }

    fn avg_duration_s(&self) -> f64 {
        self.workload.execution.avg_duration_ms / 1000.0
    }

    /// Requests one vCPU carries at once: 1 if CPU-bound, else the book's assumption.
    fn requests_per_vcpu(&self) -> f64 {
        if self.workload.execution.cpu_bound {
            1.0
        } else {
            self.book.assumptions.io_bound_requests_per_vcpu
        }
    }
}

/// Rounds a duration up to the billing granularity.
fn round_up_ms(duration_ms: f64, granularity_ms: f64) -> f64 {
    if granularity_ms <= 0.0 {
        return duration_ms;
    }
    // A hair of tolerance so 200.0000000001 ms (float noise) is still 200 ms.
    (duration_ms / granularity_ms - 1e-9).ceil().max(0.0) * granularity_ms
}

fn money(usd: f64) -> String {
    crate::format::usd(usd)
}

fn count(n: f64) -> String {
    crate::format::count(n)
}

/// The monthly bill of one option.
#[must_use]
pub fn option_cost(option: OptionId, input: &CostInput<'_>) -> OptionCost {
    let mut bill = list_bill(option, input);
    discounts::apply(option, input, &mut bill);
    OptionCost {
        option,
        kind: option.kind(),
        monthly_usd: bill.total,
        breakdown: bill.lines,
        notes: bill.notes,
        not_counted: bill.not_counted,
        commitment: bill.commitment,
        operations_usd: None,
    }
}

/// One option's bill at list prices, before any discount the team buys.
fn list_bill(option: OptionId, input: &CostInput<'_>) -> Bill {
    let mut bill = Bill::new(input.detailed, option);
    match option {
        OptionId::AwsLambda => lambda(input, &mut bill),
        OptionId::AwsFargate => fargate(input, &mut bill),
        OptionId::AwsEc2 | OptionId::GcpComputeEngine | OptionId::AzureVm => {
            servers(input, option.provider(), &mut bill);
        }
        OptionId::GcpCloudRun => {
            serverless::cloud_run(input, &mut bill);
            google_api_gateway(input, &mut bill);
        }
        OptionId::GcpCloudFunctions => {
            serverless::cloud_run_functions(input, &mut bill);
            google_api_gateway(input, &mut bill);
        }
        OptionId::AzureFunctions => azure_consumption(input, &mut bill),
        OptionId::AzureFlexConsumption => serverless::flex_consumption(input, &mut bill),
        OptionId::AzureFunctionsPremium => azure_premium(input, &mut bill),
        OptionId::AzureContainerApps => serverless::container_apps(input, &mut bill),
    }
    if option.provider() == Provider::Azure && option.kind() != OptionKind::Server {
        azure_front_door(input, &mut bill);
    }
    whole_bill::add(option, input, &mut bill);
    bill
}

/// The bills of every option at the workload's own volume.
#[must_use]
pub fn all_costs(workload: &Workload, book: &PriceBook, profile: &Profile) -> Vec<OptionCost> {
    let memo = FleetMemo::default();
    let input = CostInput::new(workload, book, profile, workload.traffic.monthly_requests)
        .detailed()
        .with_memo(&memo);
    OptionId::ALL.iter().map(|o| option_cost(*o, &input)).collect()
}

/// Only the total of one option (the sweep and solvers call this many times).
#[must_use]
pub fn monthly_usd(option: OptionId, input: &CostInput<'_>) -> f64 {
    let Some(memo) = input.memo else {
        return option_cost(option, input).monthly_usd;
    };
    let (i, b) = (option as usize, usize::from(input.bound));
    let known = memo.2.borrow().0[i][b];
    if !known.is_nan() {
        return known;
    }
    let usd = option_cost(option, input).monthly_usd;
    // A bill is never NaN (every rate is validated finite), so NaN stays "unpriced".
    memo.2.borrow_mut().0[i][b] = usd;
    usd
}

/// One option's bill as it is added up: the total always; the lines and notes
/// only when detailed, so sweeps and searches allocate nothing.
struct Bill {
    detailed: bool,
    option: OptionId,
    total: f64,
    lines: Vec<LineItem>,
    notes: Vec<String>,
    not_counted: Vec<String>,
    /// The month's server or task hours, for the public addresses they hold.
    instance_hours: f64,
    /// The lines a commitment can cover: (net of automatic discounts, at list).
    committable: (f64, f64),
    /// Whether the committable lines are instance time (`compute`) rather
    /// than request time: Cloud Run's commitments differ between the two.
    committable_by_instance: bool,
    /// The lines spot capacity can carry: (net, at list).
    spot_eligible: (f64, f64),
    /// The commitment bought, once the discounts are applied.
    commitment: Option<CommitmentBought>,
}

impl Bill {
    fn new(detailed: bool, option: OptionId) -> Self {
        Self {
            detailed,
            option,
            total: 0.0,
            lines: Vec::new(),
            notes: Vec::new(),
            not_counted: Vec::new(),
            instance_hours: 0.0,
            committable: (0.0, 0.0),
            committable_by_instance: false,
            spot_eligible: (0.0, 0.0),
            commitment: None,
        }
    }

    fn not_counted(&mut self, what: impl FnOnce() -> String) {
        if self.detailed {
            self.not_counted.push(what());
        }
    }

    fn add(&mut self, line: LineItem) {
        self.total += line.usd;
        let list = line.usd.max(0.0);
        if discounts::committable(self.option, &line.item) {
            self.committable.0 += line.usd;
            self.committable.1 += list;
            self.committable_by_instance |= line.item == "compute";
        }
        if discounts::spot_eligible(self.option, &line.item) {
            self.spot_eligible.0 += line.usd;
            self.spot_eligible.1 += list;
        }
        if self.detailed {
            self.lines.push(line);
        }
    }

    fn note(&mut self, note: impl FnOnce() -> String) {
        if self.detailed {
            self.notes.push(words(note));
        }
    }
}

fn line(input: &CostInput<'_>, item: &'static str, usd: f64, detail: impl FnOnce() -> String) -> LineItem {
    LineItem {
        item: item.into(),
        usd,
        detail: if input.detailed {
            words(detail)
        } else {
            String::new()
        },
    }
}

/// Writes a line's or a note's words: kept out of line, so the pricing code
/// the sweeps and searches run stays small and the formatting is compiled once
/// per caller, apart from it.
#[cold]
#[inline(never)]
pub(crate) fn words(write: impl FnOnce() -> String) -> String {
    write()
}

fn api_gateway_line(input: &CostInput<'_>) -> Option<LineItem> {
    let w = input.workload;
    if !w.is_http() {
        return None;
    }
    let n = whole_bill::front_door_calls(w, input.monthly_requests.max(0.0));
    let (tiers, name) = match w.api_gateway {
        ApiGateway::NoGateway | ApiGateway::LoadBalancer => return None,
        ApiGateway::Http => (&input.book.api_gateway.http_per_million, "HTTP API"),
        ApiGateway::Rest => (&input.book.api_gateway.rest_per_million, "REST API"),
    };
    let usd = tiers.cost(n, 1e6);
    Some(line(input, "api_gateway", usd, || {
        format!(
            "{} requests through an API Gateway {name}{}, tiered",
            count(n),
            preflight_words(w)
        )
    }))
}

/// Google API Gateway in front of Cloud Run or Cloud Run functions, for
/// HTTP API and webhook work with a gateway asked for (AWS's REST tier has no
/// Google counterpart: the same gateway is priced). Its first 2 million calls
/// a month are a $0 tier of its price list, not a trial, so they always apply.
fn google_api_gateway(input: &CostInput<'_>, bill: &mut Bill) {
    let w = input.workload;
    if !w.is_http() || w.api_gateway == ApiGateway::NoGateway {
        return;
    }
    if w.api_gateway == ApiGateway::LoadBalancer {
        // The external Application Load Balancer with a serverless NEG, billed
        // as the server side's: its forwarding rule by the hour and the data it
        // processes.
        if let Some(lb) = load_balancer_line(input, Provider::Gcp) {
            bill.add(lb);
        }
        return;
    }
    let Some(tiers) = &input.book.api_gateway.gcp_per_million else {
        bill.note(|| "The price book has no Google API Gateway prices: the gateway is not priced.".into());
        return;
    };
    let n = whole_bill::front_door_calls(w, input.monthly_requests.max(0.0));
    let usd = tiers.cost(n, 1e6);
    bill.add(line(input, "api_gateway", usd, || {
        format!(
            "{} calls through Google API Gateway{}, the first 2 million a month at $0, then tiered",
            count(n),
            preflight_words(w)
        )
    }));
    if w.api_gateway == ApiGateway::Rest {
        bill.note(|| {
            "The REST front door asked for is priced as Google API Gateway, which has one tier for both kinds of API.".into()
        });
    }
}

/// ", half of them CORS pre-flights" when the calls counted include them.
fn preflight_words(w: &Workload) -> &'static str {
    if whole_bill::preflights(w) {
        ", half of them CORS pre-flights"
    } else {
        ""
    }
}

/// Azure's front door for HTTP API and webhook work in front of functions or
/// Container Apps: API Management on its consumption tier for `Http` and
/// `Rest`, billed per call with its first million a month at $0; Application
/// Gateway v2 for `LoadBalancer`.
fn azure_front_door(input: &CostInput<'_>, bill: &mut Bill) {
    let w = input.workload;
    if !w.is_http() || w.api_gateway == ApiGateway::NoGateway {
        return;
    }
    if w.api_gateway == ApiGateway::LoadBalancer {
        application_gateway(input, bill);
        return;
    }
    let Some(tiers) = &input.book.api_gateway.azure_per_million else {
        bill.not_counted(|| "The front door, API Management: the price book has no prices for it.".into());
        return;
    };
    let n = whole_bill::front_door_calls(w, input.monthly_requests.max(0.0));
    let usd = tiers.cost(n, 1e6);
    bill.add(line(input, "api_gateway", usd, || {
        format!(
            "{} calls through API Management (consumption tier){}, the first million a month at $0, then ${}/M",
            count(n),
            preflight_words(w),
            tiers.tiers.last().map_or(0.0, |t| t.price)
        )
    }));
    if w.api_gateway == ApiGateway::Rest {
        bill.note(|| {
            "The REST front door asked for is priced as API Management consumption, the same tier as an HTTP API."
                .into()
        });
    }
}

/// Application Gateway v2 in front of Azure functions or Container Apps: the
/// fixed price for every hour of the month, plus each hour's capacity units,
/// the larger of its new connections over what one unit covers and its
/// throughput over 2.22 Mbps, at least one in an hour with traffic
/// (Microsoft bills a load below one unit as one; above that, billed units
/// follow the load, not whole steps), plus the public IPv4 address the
/// gateway holds, which its fixed price does not include. Autoscaling from
/// zero instances, so no capacity is reserved. Connections and bytes per
/// request are the book's load-balancer assumptions, as for the other
/// clouds' load balancers.
fn application_gateway(input: &CostInput<'_>, bill: &mut Bill) {
    let Some(g) = &input.book.azure_application_gateway else {
        bill.not_counted(|| {
            "The front door, Application Gateway: the price book has no prices for it (add azure_application_gateway to price it).".into()
        });
        return;
    };
    let a = &input.book.assumptions;
    let hours = input.book.hours_per_month;
    let fixed = g.per_hour.value * hours;
    let address = input
        .book
        .network
        .as_ref()
        .map(|n| n.azure.public_ipv4_per_hour.value * hours);
    // Capacity units one request a second needs, by connections and by throughput
    // (KB of 1,000 bytes: 8 kilobits, 0.008 megabits).
    let by_connections = a.new_connections_per_request / g.new_connections_per_unit_per_second.value;
    let by_throughput = processed_kb_per_request(input) * 0.008 / g.mbps_per_unit.value;
    let per_rate = by_connections.max(by_throughput);
    let [unit_seconds] = serverless::over_month(input, |rate| {
        [if rate > 0.0 {
            (rate * per_rate).max(1.0)
        } else {
            0.0
        }]
    });
    let unit_hours = unit_seconds / 3600.0;
    let usage = unit_hours * g.per_capacity_unit_hour.value;
    let total = fixed + usage + address.unwrap_or(0.0);
    bill.add(line(input, "load_balancer", total, || {
        format!(
            "{}: {} h x ${}/h ({}) + {} capacity-unit-hours x ${} ({}){}; a unit covers about {} new TLS connections a second or {} Mbps, at least one in an hour with traffic, autoscaling from zero",
            g.name,
            hours,
            g.per_hour.value,
            money(fixed),
            count(unit_hours),
            g.per_capacity_unit_hour.value,
            money(usage),
            address.map_or_else(String::new, |usd| format!(" + its public IPv4 address ({})", money(usd))),
            g.new_connections_per_unit_per_second.value,
            g.mbps_per_unit.value
        )
    }));
    if address.is_none() {
        bill.not_counted(|| {
            "The public IPv4 address of the Application Gateway: the price book has no network prices (add network to price it).".into()
        });
    }
    if matches!(input.workload.state, crate::workload::State::LongLivedConnections) {
        bill.not_counted(|| {
            "Application Gateway capacity for held connections: each unit also covers 2,500 persistent connections, and how many the clients hold open is not asked.".into()
        });
    }
    if whole_bill::preflights(input.workload) {
        bill.note(|| {
            "Application Gateway bills capacity, not requests: a browser sends the CORS pre-flight and the call it clears over one connection, and the pre-flight carries no body, so it adds next to nothing here.".into()
        });
    }
}

fn lambda(input: &CostInput<'_>, bill: &mut Bill) {
    let w = input.workload;
    let p = &input.book.aws_lambda;
    let provisioned = f64::from(w.pricing.provisioned_concurrency);
    // The free tier does not cover a function with provisioned concurrency
    // (neither its requests nor its GB-seconds).
    let free = w.pricing.include_free_tier && provisioned <= 0.0;
    let n = input.monthly_requests.max(0.0);

    // CORS pre-flights the load balancer passes on are invocations too
    // (answered in a millisecond or two, so their duration is left out).
    let invocations = whole_bill::code_requests(OptionId::AwsLambda, w, n);
    let billable_requests = if free {
        (invocations - p.free_requests.value).max(0.0)
    } else {
        invocations
    };
    let requests = billable_requests * p.requests_per_million.value / 1e6;

    let billed_ms = round_up_ms(w.execution.avg_duration_ms, p.billing_granularity_ms.value);
    let billed_s = billed_ms / 1000.0;
    let gb = input.gb();
    let arch = w.execution.architecture;

    // Provisioned concurrency serves each hour's load up to its size; the rest is on demand.
    let weeks = input.weeks_per_month();
    let mut provisioned_gb_s = 0.0;
    let mut total_gb_s = 0.0;
    for rate in input.rates_per_second().filter(|_| provisioned > 0.0) {
        let hour_gb_s = rate * 3600.0 * billed_s * gb;
        let concurrency = rate * billed_s;
        let share = if concurrency > 0.0 {
            (provisioned / concurrency).min(1.0)
        } else {
            0.0
        };
        provisioned_gb_s += hour_gb_s * share * weeks;
        total_gb_s += hour_gb_s * weeks;
    }
    // The week-scaled sum equals requests x seconds x GB; use the exact product to avoid drift.
    let exact_total = n * billed_s * gb;
    if total_gb_s > 0.0 {
        provisioned_gb_s *= exact_total / total_gb_s;
    }
    let on_demand_gb_s = (exact_total - provisioned_gb_s).max(0.0);
    // INIT: each on-demand cold start runs the init code, billed at the
    // duration price like the handler; it counts toward the same tiers.
    let cold_starts = if p.init_billed.value > 0.0 {
        coldstart::cold_fraction_at(w, input.book, input.profile, provisioned, n) * n
    } else {
        0.0
    };
    let init_ms = round_up_ms(coldstart::init_ms(w, input.book), p.billing_granularity_ms.value);
    let init_gb_s = cold_starts * init_ms / 1000.0 * gb;
    let free_gb_s = if free { p.free_gb_seconds.value } else { 0.0 };
    let billable_gb_s = (on_demand_gb_s - free_gb_s).max(0.0);
    let billable_with_init = (on_demand_gb_s + init_gb_s - free_gb_s).max(0.0);
    let tiers = p.duration(arch);
    let duration = tiers.cost(billable_gb_s, 1.0);
    let init = tiers.cost(billable_with_init, 1.0) - duration;

    bill.add(line(input, "requests", requests, || {
        format!(
            "{} requests x ${}/M{}{}",
            count(billable_requests),
            p.requests_per_million.value,
            if free { " after the 1M free" } else { "" },
            if invocations > n {
                ", half of them CORS pre-flights"
            } else {
                ""
            }
        )
    }));
    bill.add(line(input, "duration", duration, || {
        format!(
            "{} GB-s ({} requests x {billed_ms} ms x {gb:.3} GB{}), {} tiers",
            count(billable_gb_s),
            count(n),
            if free { ", after 400,000 free GB-s" } else { "" },
            match arch {
                Architecture::X86 => "x86",
                Architecture::Arm => "Arm",
            }
        )
    }));
    if init > 0.0 || (input.detailed && p.init_billed.value > 0.0 && cold_starts > 0.0) {
        bill.add(line(input, "init", init, || {
            format!(
                "{} cold starts ({:.2}% of on-demand requests) x {init_ms} ms INIT x {gb:.3} GB = {} GB-s at the duration price",
                count(cold_starts),
                100.0 * cold_starts / n.max(1.0),
                count(init_gb_s)
            )
        }));
    }
    if provisioned > 0.0 {
        let (enabled_price, duration_price) = p.provisioned(arch);
        let enabled_s = input.book.hours_per_month * 3600.0;
        let enabled = provisioned * gb * enabled_s * enabled_price;
        let served = provisioned_gb_s * duration_price;
        bill.add(line(
            input,
            "provisioned_concurrency",
            enabled + served,
            || format!(
                "{provisioned} instances x {gb:.3} GB kept warm all month ({}) + {} GB-s served at ${duration_price}/GB-s ({})",
                money(enabled),
                count(provisioned_gb_s),
                money(served)
            ),
        ));
        bill.note(|| {
            if w.pricing.include_free_tier {
                "The free tier does not apply to a function with provisioned concurrency, neither its requests nor its GB-seconds.".into()
            } else {
                "The free tier does not cover provisioned concurrency.".into()
            }
        });
    }
    if let Some(gateway) = api_gateway_line(input) {
        bill.add(gateway);
        bill.note(|| {
            "API Gateway's free tier lasts only a new account's first 12 months, so it is not subtracted."
                .into()
        });
    }
    // An Application Load Balancer with the function as its target: the hour
    // and its capacity units, at Lambda targets' 0.4 GB an hour per unit.
    if input.workload.api_gateway == ApiGateway::LoadBalancer
        && let Some(per_unit) = &input.book.load_balancers.aws.lambda_gb_per_unit_hour
        && let Some(lb) = load_balancer_line_for(input, Provider::Aws, per_unit.value)
    {
        bill.add(lb);
    }
}

/// The size of one task or instance of a fleet: vCPUs, memory in GiB, the
/// requests it carries at once, USD an hour.
struct FleetUnit<'a> {
    name: std::borrow::Cow<'a, str>,
    vcpus: f64,
    memory_gib: f64,
    /// Requests one unit carries at once at full use.
    slots: f64,
    per_hour: f64,
}

impl<'a> FleetUnit<'a> {
    /// A CPU unit: each vCPU carries the workload's requests per vCPU.
    fn cpu(
        input: &CostInput<'_>,
        name: std::borrow::Cow<'a, str>,
        vcpus: f64,
        memory_gib: f64,
        per_hour: f64,
    ) -> Self {
        Self {
            name,
            vcpus,
            memory_gib,
            slots: vcpus * input.requests_per_vcpu(),
            per_hour,
        }
    }

    /// A virtual machine of the price book: a GPU machine carries the book's
    /// requests per GPU on each GPU, any other its requests per vCPU.
    fn instance(input: &CostInput<'_>, instance: &'a Instance) -> Self {
        let mut unit = Self::cpu(
            input,
            instance.name.as_str().into(),
            f64::from(instance.vcpus),
            instance.memory_gib,
            instance.per_hour.value,
        );
        if instance.gpus > 0 {
            unit.slots = f64::from(instance.gpus) * input.book.assumptions.gpu_requests_per_gpu;
        }
        unit
    }
}

/// Sizes a fleet hour by hour (Little's law) and prices it; returns the line and the
/// average and peak instance counts.
fn fleet_line(input: &CostInput<'_>, unit: &FleetUnit<'_>, floor: f64) -> (LineItem, f64, f64) {
    let w = input.workload;
    let capacity = unit.slots * w.servers.target_utilization;
    let duration_s = input.avg_duration_s();
    // Instances in hour h = max(floor, ceil(profile[h] x scale)), at least 1 with any traffic.
    let mean_per_second = input.monthly_requests.max(0.0) / input.book.hours_per_month / 3600.0;
    let scale = mean_per_second * duration_s / capacity;
    let key = (scale.to_bits(), floor.to_bits());
    let remembered = input.memo.and_then(|m| m.0.borrow().find(key));
    let instance_hours_week;
    let peak;
    if let Some((hours, most)) = remembered {
        instance_hours_week = hours;
        peak = most;
    } else if scale > 0.0 && scale.is_finite() {
        // Counts are whole numbers, summed as integers; beyond 2^31 instances an
        // hour the count is clamped (no real fleet gets there). Hours go busiest
        // first, so once an hour fits in the floor every quieter one does too.
        const MAX_INSTANCES: f64 = 2.0e9;
        let floor_count = floor.min(MAX_INSTANCES) as i32;
        let busy_floor = floor_count.max(1);
        let profile = input.profile;
        let mut total: i64 = 0;
        let mut above = 0usize;
        for &(m, hours) in profile.levels() {
            let x = (m * scale - 1e-9).min(MAX_INSTANCES);
            if m <= 0.0 || x <= f64::from(busy_floor) {
                break;
            }
            // Truncation toward zero, then up: ceil for 0 <= x < 2^31.
            let t = x as i32;
            total += i64::from(hours) * i64::from(t + i32::from(f64::from(t) < x));
            above += usize::from(hours);
        }
        // At most 168 hours each: these fit any integer type.
        let quiet_busy = i64::try_from(profile.busy_hours.saturating_sub(above)).unwrap_or(0);
        let idle = i64::try_from(HOURS_PER_WEEK.saturating_sub(profile.busy_hours.max(above))).unwrap_or(0);
        total += quiet_busy * i64::from(busy_floor) + idle * i64::from(floor_count);
        instance_hours_week = total as f64;
        peak = profile.sorted.first().map_or(f64::from(floor_count), |&m| {
            if m > 0.0 {
                let x = (m * scale - 1e-9).min(MAX_INSTANCES);
                let t = x as i32;
                f64::from((t + i32::from(f64::from(t) < x)).max(busy_floor))
            } else {
                f64::from(floor_count)
            }
        });
    } else {
        instance_hours_week = floor * HOURS_PER_WEEK as f64;
        peak = floor;
    }
    if remembered.is_none()
        && let Some(memo) = input.memo
    {
        memo.0
            .borrow_mut()
            .keep((key.0, key.1, instance_hours_week, peak));
    }
    let instance_hours = instance_hours_week * input.weeks_per_month();
    let average = instance_hours_week / HOURS_PER_WEEK as f64;
    let usd = instance_hours * unit.per_hour;
    let detail = || {
        format!(
            "{} {} instance-hours (average {average:.2}, peak {peak}) x {}/h; each ({} vCPU) carrying {} requests at once at {:.0}% utilization",
            count(instance_hours),
            unit.name,
            crate::format::unit_usd(unit.per_hour),
            unit.vcpus,
            unit.slots,
            w.servers.target_utilization * 100.0
        )
    };
    (line(input, "compute", usd, detail), average, peak)
}

/// KB a load balancer or gateway processes per request: the responses' size
/// when the workload gives it (`data.response_kb`; request bodies are not
/// asked, so they are left out), the price book's assumption otherwise.
fn processed_kb_per_request(input: &CostInput<'_>) -> f64 {
    input
        .workload
        .data
        .response_kb
        .unwrap_or(input.book.assumptions.kb_per_request)
}

fn load_balancer_line(input: &CostInput<'_>, provider: Provider) -> Option<LineItem> {
    load_balancer_line_for(input, provider, 1.0)
}

/// A load balancer's line where one capacity unit covers `gb_per_unit_hour`
/// GB an hour processed (1 for instance targets).
fn load_balancer_line_for(
    input: &CostInput<'_>,
    provider: Provider,
    gb_per_unit_hour: f64,
) -> Option<LineItem> {
    if !input.workload.is_http() {
        return None;
    }
    let lb = input.book.load_balancers.of(provider);
    let a = &input.book.assumptions;
    let hours = input.book.hours_per_month;
    let fixed = lb.per_hour.value * hours;
    // Every hour's usage is proportional to that hour's rate, so the month's
    // totals follow from the month's requests: requests/s summed over the month's
    // hours is requests / 3600.
    let rate_hours = input.monthly_requests.max(0.0) / 3600.0;
    let kb = processed_kb_per_request(input);
    let gb_per_rate_hour = 3600.0 * kb / 1e6;
    let gb = rate_hours * gb_per_rate_hour;
    let per_unit = lb.new_connections_per_unit_per_second.value;
    let unit_hours = if lb.per_capacity_unit_hour.value > 0.0 && per_unit > 0.0 {
        // An AWS LCU covers 25 new connections a second or 1 GB an hour (0.4 GB
        // for Lambda targets); the larger dimension bills.
        let by_connections = a.new_connections_per_request / per_unit;
        rate_hours * by_connections.max(gb_per_rate_hour / gb_per_unit_hour)
    } else {
        0.0
    };
    // Google bills the data processed per GiB (2^30 bytes), AWS per GB.
    let (processed, unit) = if provider == Provider::Gcp {
        (gb * 1e9 / 1_073_741_824.0, "GiB")
    } else {
        (gb, "GB")
    };
    let usage = unit_hours * lb.per_capacity_unit_hour.value + processed * lb.per_gb_processed.value;
    Some(line(input, "load_balancer", fixed + usage, || {
        format!(
            "{}: {} h x ${}/h ({}) + usage {} ({:.1} capacity-unit-hours, {:.1} {unit} processed at {kb} KB a request{})",
            lb.name,
            hours,
            lb.per_hour.value,
            money(fixed),
            money(usage),
            unit_hours,
            processed,
            if input.workload.data.response_kb.is_some() {
                ", the responses' size given"
            } else {
                ", the book's assumption"
            }
        )
    }))
}

fn reference_instance<'a>(input: &CostInput<'a>) -> Option<&'a Instance> {
    input
        .book
        .instance(&input.workload.servers.instance)
        .or_else(|| input.book.instances.first())
}

/// The instance type a cloud's fleet runs on for this workload.
fn fleet_instance_of<'a>(input: &CostInput<'a>, provider: Provider) -> Option<&'a Instance> {
    let needs_gpu = input.workload.hardware == Hardware::Gpu;
    reference_instance(input).and_then(|r| input.book.fleet_instance(r, provider, needs_gpu, input.gb()))
}

fn servers(input: &CostInput<'_>, provider: Provider, bill: &mut Bill) {
    let w = input.workload;
    let needs_gpu = w.hardware == Hardware::Gpu;
    let Some(instance) = fleet_instance_of(input, provider) else {
        bill.note(|| "The price book has no instance type for this cloud.".into());
        return;
    };
    let unit = FleetUnit::instance(input, instance);
    let floor = f64::from(w.servers.min_instances);
    let (compute, average, _) = fleet_line(input, &unit, floor);
    bill.instance_hours = average * input.book.hours_per_month;
    let list_usd = compute.usd;
    bill.add(compute);
    if provider == Provider::Gcp
        && let Some(rates) = input.book.gcp_sustained_use.rates_for(&instance.name)
    {
        let discount = list_usd - sustained_use_usd(input, &unit, floor, rates);
        if discount > 0.0 {
            bill.add(line(input, "sustained_use", -discount, || {
                format!(
                    "Compute Engine's automatic sustained-use discount on {}: each instance pays {} of the base rate for successive quarters of the month it runs",
                    instance.name,
                    rates
                        .iter()
                        .map(|r| format!("{:.2}%", r * 100.0))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }));
        }
    }
    if input.detailed && instance.name != w.servers.instance {
        bill.notes.push(if needs_gpu && instance.gpus > 0 {
            format!(
                "{} ({} x {}) stands in for {}: the work needs a GPU.",
                instance.name, instance.gpus, instance.gpu, w.servers.instance
            )
        } else {
            format!(
                "{} stands in for {} on this cloud (at least its vCPUs and memory, cheapest).",
                instance.name, w.servers.instance
            )
        });
    }
    if input.detailed && instance.gpus > 0 {
        bill.notes.push(format!(
            "Each GPU is taken to serve {} request at a time.",
            input.book.assumptions.gpu_requests_per_gpu
        ));
    }
    if input.detailed && instance.burstable {
        bill.notes.push(if instance.provider == Provider::Aws {
            format!(
                "{} is burstable: sustained CPU above its baseline costs extra in unlimited mode.",
                instance.name
            )
        } else {
            format!(
                "{} is a shared-core type: sustained CPU above its share is throttled, not billed.",
                instance.name
            )
        });
    }
    if input.detailed && input.gb() > unit.memory_gib {
        bill.notes.push(format!(
            "One request's {} MB is more than {}'s {} GiB: pick a larger instance.",
            w.execution.memory_mb, instance.name, unit.memory_gib
        ));
    }
    if let Some(lb) = load_balancer_line(input, provider) {
        bill.add(lb);
        bill.note(|| input.book.assumptions.load_balancer_note.clone());
    }
}

/// The instance count of an hour at `m` times the mean rate: ceil(m x scale),
/// never below the floor (at least one instance while there is traffic).
fn hour_instances(m: f64, scale: f64, floor: f64) -> f64 {
    if m > 0.0 {
        instances::ceil_nonneg(m * scale - 1e-9).max(floor.max(1.0))
    } else {
        floor
    }
}

/// A Compute Engine fleet's bill after sustained-use discounts: instance k
/// runs in the hours the fleet has at least k instances, and each of its
/// quarters of the month is charged at that quarter's rate.
fn sustained_use_usd(input: &CostInput<'_>, unit: &FleetUnit<'_>, floor: f64, rates: &[f64]) -> f64 {
    let mean_per_second = input.monthly_requests.max(0.0) / input.book.hours_per_month / 3600.0;
    let capacity = unit.slots * input.workload.servers.target_utilization;
    let scale = mean_per_second * input.avg_duration_s() / capacity.max(1e-12);
    let quarter = 0.25 * input.book.hours_per_month;
    // Hours of the month an instance runs, for `share` of the month's hours.
    let charged_hours = |share: f64| -> f64 {
        let hours = share * input.book.hours_per_month;
        rates
            .iter()
            .enumerate()
            .map(|(q, rate)| rate * (hours - q as f64 * quarter).clamp(0.0, quarter))
            .sum()
    };
    // Levels go busiest first, so counts never rise: instances in
    // (next count, this count] run in every hour so far.
    let mut total = 0.0;
    let mut hours_so_far = 0.0;
    let levels = input.profile.levels();
    for (i, &(m, hours)) in levels.iter().enumerate() {
        let count = hour_instances(m, scale, floor);
        hours_so_far += f64::from(hours);
        let next = levels
            .get(i + 1)
            .map_or(0.0, |&(m2, _)| hour_instances(m2, scale, floor));
        let instances = (count - next).max(0.0);
        if instances > 0.0 {
            total += instances * charged_hours(hours_so_far / HOURS_PER_WEEK as f64);
        }
    }
    total * unit.per_hour
}

fn fargate(input: &CostInput<'_>, bill: &mut Bill) {
    let p = &input.book.aws_fargate;
    let Some(reference) = reference_instance(input) else {
        bill.note(|| "The price book has no instance types.".into());
        return;
    };
    let (per_vcpu, per_gb) = fargate_rates(input);
    let service = |bill: &mut Bill| {
        let asked = (f64::from(reference.vcpus), reference.memory_gib);
        let (vcpus, gb) = p.task_for(asked.0, asked.1).unwrap_or(asked);
        let unit = FleetUnit::cpu(
            input,
            if input.detailed {
                format!("{vcpus} vCPU / {gb} GB task").into()
            } else {
                "".into()
            },
            vcpus,
            gb,
            vcpus * per_vcpu + gb * per_gb,
        );
        let floor = f64::from(input.workload.servers.min_instances);
        let (compute, average, _) = fleet_line(input, &unit, floor);
        bill.instance_hours = average * input.book.hours_per_month;
        bill.add(compute);
        bill.note(|| {
            if (vcpus, gb) == asked {
                format!(
                    "Tasks are sized like {} ({} vCPU, {} GB) so the fleets compare like for like.",
                    reference.name, reference.vcpus, reference.memory_gib
                )
            } else {
                format!(
                    "Tasks are {vcpus} vCPU / {gb} GB, the smallest Fargate size with {}'s {} vCPU and {} GB.",
                    reference.name, reference.vcpus, reference.memory_gib
                )
            }
        });
        if let Some(lb) = load_balancer_line(input, Provider::Aws) {
            bill.add(lb);
            bill.note(|| input.book.assumptions.load_balancer_note.clone());
        }
    };
    jobs::cheaper_of_service_and_job(input, bill, service, jobs::fargate_job);
    if bill.instance_hours <= 0.0 && jobs::runs_as_jobs(input.workload) {
        // Run as jobs: each run's task holds its address while it runs.
        bill.instance_hours = jobs::fargate_task_hours(input);
    }
}

/// Fargate's (vCPU-hour, GB-hour) prices for the workload's architecture.
fn fargate_rates(input: &CostInput<'_>) -> (f64, f64) {
    let p = &input.book.aws_fargate;
    match input.workload.execution.architecture {
        Architecture::X86 => (p.per_vcpu_hour_x86.value, p.per_gb_hour_x86.value),
        Architecture::Arm => (p.per_vcpu_hour_arm.value, p.per_gb_hour_arm.value),
    }
}

fn azure_consumption(input: &CostInput<'_>, bill: &mut Bill) {
    let w = input.workload;
    let p = &input.book.azure_functions;
    let free = w.pricing.include_free_tier;
    let n = input.monthly_requests.max(0.0);
    let step = p.memory_step_mb.value.max(1.0);
    let memory_mb = (f64::from(w.execution.memory_mb) / step - 1e-9).ceil().max(1.0) * step;
    let billed_ms = w.execution.avg_duration_ms.ceil().max(p.min_duration_ms.value);
    let mut gb_s = n * billed_ms / 1000.0 * memory_mb / 1024.0;
    let mut billable = n;
    if free {
        gb_s = (gb_s - p.free_gb_seconds.value).max(0.0);
        billable = (n - p.free_executions.value).max(0.0);
    }
    bill.add(line(
        input,
        "requests",
        billable * p.executions_per_million.value / 1e6,
        || {
            format!(
                "{} executions x ${}/M",
                count(billable),
                p.executions_per_million.value
            )
        },
    ));
    bill.add(line(input, "duration", gb_s * p.per_gb_second.value, || {
        format!(
            "{} GB-s x ${} ({memory_mb} MB, {billed_ms} ms billed per execution){}",
            count(gb_s),
            p.per_gb_second.value,
            if free { ", after the free grant" } else { "" }
        )
    }));
    bill.note(|| {
        format!(
            "Billed memory rounds up to {step} MB steps and each execution to at least {} ms.",
            p.min_duration_ms.value
        )
    });
    bill.note(|| {
        format!(
            "Hosting on Linux in the consumption plan retires on {}, and it gets no new features or language versions: Flex Consumption is the plan to build new work on.",
            p.linux_retires_on
        )
    });
}

fn azure_premium(input: &CostInput<'_>, bill: &mut Bill) {
    let p = &input.book.azure_functions_premium;
    let memory_gb = f64::from(input.workload.execution.memory_mb) / 1024.0;
    let Some(plan) = p
        .plans
        .iter()
        .find(|plan| plan.memory_gb >= memory_gb)
        .or(p.plans.last())
    else {
        bill.note(|| "The price book has no premium plans.".into());
        return;
    };
    let unit = FleetUnit::cpu(
        input,
        plan.name.as_str().into(),
        plan.vcpus,
        plan.memory_gb,
        plan.vcpus * p.per_vcpu_hour.value + plan.memory_gb * p.per_gb_hour.value,
    );
    // The plan's minimum instance count: its always-ready instances
    // (`pricing.provisioned_concurrency`), at least the plan's one, each
    // billed all month whether functions run or not.
    let ready = f64::from(input.workload.pricing.provisioned_concurrency);
    let floor = p.min_instances.value.max(ready);
    let (compute, _, _) = fleet_line(input, &unit, floor);
    bill.add(compute);
    bill.note(|| {
        if ready > p.min_instances.value {
            format!(
                "{ready} always-ready {} instances (the plan's minimum instance count) are billed all month, traffic or not; more run when traffic needs them.",
                plan.name
            )
        } else {
            format!(
                "At least {} {} instance is always billed, traffic or not.",
                p.min_instances.value, plan.name
            )
        }
    });
}

/// Monthly costs of chosen options over log-spaced volumes, for the cost-curve plot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sweep {
    /// Monthly request volumes, ascending, from [`SWEEP_MIN_REQUESTS`] to [`SWEEP_MAX_REQUESTS`].
    pub monthly_requests: Vec<f64>,
    /// One curve per option: USD a month at each volume.
    pub curves: Vec<(OptionId, Vec<f64>)>,
}

/// The volumes the cost curves span for a workload of `monthly` requests a
/// month: 1e3 to 1e11 (where the break-even is sought), widened by whole
/// decades so today's volume is a decade inside either end (a job run 30
/// times a month is on the chart, from 1 a month), never past 1e13.
#[must_use]
pub fn sweep_range(monthly: f64) -> (f64, f64) {
    let (min, max) = (SWEEP_MIN_REQUESTS.log10(), SWEEP_MAX_REQUESTS.log10());
    let (lo, hi) = if monthly.is_finite() && monthly > 0.0 {
        let l = monthly.log10();
        (
            (l.floor() - 1.0).clamp(0.0, min),
            (l.ceil() + 1.0).clamp(max, 13.0),
        )
    } else {
        (min, max)
    };
    (10f64.powf(lo), 10f64.powf(hi))
}

/// Log-spaced volumes over [`sweep_range`], [`SWEEP_POINTS_PER_DECADE`] a
/// decade and both ends: 41 from 1e3 to 1e11.
#[must_use]
pub fn sweep_volumes(monthly: f64) -> Vec<f64> {
    let (lo, hi) = sweep_range(monthly);
    let (lo, hi) = (lo.log10(), hi.log10());
    // Whole decades, so the cast is exact.
    let points = ((hi - lo).round() as usize * SWEEP_POINTS_PER_DECADE).max(1) + 1;
    (0..points)
        .map(|i| 10f64.powf(lo + (hi - lo) * i as f64 / (points - 1) as f64))
        .collect()
}

/// Prices `options` at the [`sweep_volumes`] around the workload's volume,
/// everything else held fixed.
#[must_use]
pub fn sweep(workload: &Workload, book: &PriceBook, profile: &Profile, options: &[OptionId]) -> Sweep {
    let volumes = sweep_volumes(workload.traffic.monthly_requests);
    let mut curves: Vec<(OptionId, Vec<f64>)> = options
        .iter()
        .map(|&o| (o, Vec::with_capacity(volumes.len())))
        .collect();
    for &v in &volumes {
        // One memo per volume: options with the same instance size share the fleet.
        let memo = FleetMemo::default();
        let input = CostInput::new(workload, book, profile, v).with_memo(&memo);
        for (option, costs) in &mut curves {
            costs.push(monthly_usd(*option, &input));
        }
    }
    Sweep {
        monthly_requests: volumes,
        curves,
    }
}

/// Where the cheapest function option and the cheapest server option cost the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BreakEven {
    /// The monthly volume where the curves cross; `None` when they never do in 1e3..1e11.
    pub monthly_requests: Option<f64>,
    /// The function option compared (the cheapest at the crossing, or at the workload's volume).
    pub function_option: OptionId,
    /// The server option compared (the cheapest at the crossing, or at the workload's volume).
    pub server_option: OptionId,
}

/// Whether an option's price rests on the shared-instance model, whose exact
/// count costs more to work out than its lower bound.
fn shares_instances(option: OptionId) -> bool {
    matches!(
        option,
        OptionId::GcpCloudRun
            | OptionId::GcpCloudFunctions
            | OptionId::AzureFlexConsumption
            | OptionId::AzureContainerApps
    )
}

/// The cheapest of `options` at `input`'s volume, with its price (the first
/// of equals in `options` order). Options whose lower bound is already dearer
/// than the best exact price so far are never priced exactly.
#[must_use]
pub fn cheapest(options: &[OptionId], input: &CostInput<'_>) -> Option<(OptionId, f64)> {
    let mut best: Option<(usize, OptionId, f64)> = None;
    let better = |best: Option<(usize, OptionId, f64)>, i: usize, usd: f64| {
        best.is_none_or(|(bi, _, b)| usd < b || (usd == b && i < bi))
    };
    // On the stack: this runs for every probe of every search.
    let mut shared = [(0usize, OptionId::AwsLambda, 0.0f64); OptionId::ALL.len()];
    let mut shared_len = 0;
    for (i, &o) in options.iter().enumerate() {
        if shares_instances(o) && !input.bound && shared_len < shared.len() {
            let mut bound = *input;
            bound.bound = true;
            shared[shared_len] = (i, o, monthly_usd(o, &bound));
            shared_len += 1;
        } else {
            let usd = monthly_usd(o, input);
            if better(best, i, usd) {
                best = Some((i, o, usd));
            }
        }
    }
    let shared = &mut shared[..shared_len];
    shared.sort_by(|a, b| a.2.total_cmp(&b.2));
    for &(i, o, low) in &*shared {
        if !better(best, i, low) {
            // Every later one's bound is higher still.
            if best.is_some_and(|(_, _, b)| low > b) {
                break;
            }
            continue;
        }
        let usd = monthly_usd(o, input);
        if better(best, i, usd) {
            best = Some((i, o, usd));
        }
    }
    best.map(|(_, o, usd)| (o, usd))
}

/// Solves for the break-even volume between the cheapest of `functions` and the
/// cheapest of `servers`. The first crossing from 1e3 upward is returned; the
/// crossing is bracketed on a log grid and refined by bisection. A fleet's cost
/// is a staircase, so where it runs close to the function's line the two can
/// touch again just past the first crossing; the first one is reported.
#[must_use]
pub fn break_even(
    workload: &Workload,
    book: &PriceBook,
    profile: &Profile,
    functions: &[OptionId],
    servers: &[OptionId],
) -> Option<BreakEven> {
    let mut options = functions.to_vec();
    options.extend_from_slice(servers);
    let grid = sweep(workload, book, profile, &options);
    break_even_on(&grid, workload, book, profile, functions, servers)
}

/// As [`break_even`], bracketing on an existing sweep that holds every option of
/// `functions` and `servers` (so the assessment reuses its plot data).
#[must_use]
pub fn break_even_on(
    grid: &Sweep,
    workload: &Workload,
    book: &PriceBook,
    profile: &Profile,
    functions: &[OptionId],
    servers: &[OptionId],
) -> Option<BreakEven> {
    break_even_with(grid, workload, book, profile, functions, servers, &|_| 0.0)
}

/// [`break_even_on`] with a fixed monthly amount added to each option's bill
/// (people's time), which `grid` already carries.
#[must_use]
pub fn break_even_with(
    grid: &Sweep,
    workload: &Workload,
    book: &PriceBook,
    profile: &Profile,
    functions: &[OptionId],
    servers: &[OptionId],
    extra: &dyn Fn(OptionId) -> f64,
) -> Option<BreakEven> {
    let gap = |v: f64| -> Option<(f64, OptionId, OptionId)> {
        let memo = FleetMemo::default();
        let input = CostInput::new(workload, book, profile, v).with_memo(&memo);
        let (f, fc) = cheapest(functions, &input)?;
        let (s, sc) = cheapest(servers, &input)?;
        Some((fc + extra(f) - sc - extra(s), f, s))
    };
    let curve = |o: &OptionId| grid.curves.iter().find(|(x, _)| x == o).map(|(_, ys)| ys);
    let lowest = |options: &[OptionId], i: usize| -> Option<f64> {
        options
            .iter()
            .map(|o| curve(o).and_then(|ys| ys.get(i).copied()))
            .try_fold(f64::INFINITY, |m, y| y.map(|y| m.min(y)))
    };
    let volumes = &grid.monthly_requests;
    let grid_gap = |i: usize| -> Option<f64> { Some(lowest(functions, i)? - lowest(servers, i)?) };
    if volumes.is_empty() {
        return None;
    }
    // The crossing is sought from 1e3 to 1e11 only, wherever the curves reach.
    let searched =
        |v: f64| (SWEEP_MIN_REQUESTS * (1.0 - 1e-9)..=SWEEP_MAX_REQUESTS * (1.0 + 1e-9)).contains(&v);
    let first = volumes.iter().position(|&v| searched(v))?;
    let mut previous = (volumes[first], grid_gap(first)?);
    for (i, &v) in volumes.iter().enumerate().skip(first + 1) {
        if !searched(v) {
            break;
        }
        let g = grid_gap(i)?;
        if (g >= 0.0) != (previous.1 >= 0.0) {
            // Bisect in log space between previous.0 and v.
            let (mut lo, mut hi) = (previous.0.ln(), v.ln());
            let lo_sign = previous.1 >= 0.0;
            // A grid step is a factor of 10^0.2; 20 halvings bracket the
            // crossing to under a millionth of the volume, a thousand times
            // finer than the three digits shown. (Regula falsi was tried: the
            // bills' steps, a fleet's whole instances, kept it from doing better.)
            for _ in 0..20 {
                let mid = 0.5 * (lo + hi);
                let (gm, ..) = gap(mid.exp())?;
                if (gm >= 0.0) == lo_sign {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let crossing = hi.exp();
            let (_, f, s) = gap(crossing)?;
            return Some(BreakEven {
                monthly_requests: Some(crossing),
                function_option: f,
                server_option: s,
            });
        }
        previous = (v, g);
    }
    let (_, f, s) = gap(workload
        .traffic
        .monthly_requests
        .clamp(SWEEP_MIN_REQUESTS, SWEEP_MAX_REQUESTS))?;
    Some(BreakEven {
        monthly_requests: None,
        function_option: f,
        server_option: s,
    })
}

/// The cost of an option line, e.g. for tests: the `usd` of the named item, 0 if absent.
#[must_use]
pub fn item_usd(cost: &OptionCost, item: &str) -> f64 {
    cost.breakdown
        .iter()
        .filter(|l| l.item == item)
        .map(|l| l.usd)
        .sum()
}

/// Server-side instance counts for charts and reasons: (average, peak) for an option.
#[must_use]
pub fn fleet_size(option: OptionId, input: &CostInput<'_>) -> Option<(f64, f64)> {
    let w = input.workload;
    let reference = reference_instance(input)?;
    let floor = f64::from(w.servers.min_instances);
    let unit = match option {
        OptionId::AwsEc2 | OptionId::GcpComputeEngine | OptionId::AzureVm => {
            let i = input.book.fleet_instance(
                reference,
                option.provider(),
                w.hardware == Hardware::Gpu,
                input.gb(),
            )?;
            FleetUnit::instance(input, i)
        }
        OptionId::AwsFargate => {
            let (vcpus, gb) = input
                .book
                .aws_fargate
                .task_for(f64::from(reference.vcpus), reference.memory_gib)
                .unwrap_or((f64::from(reference.vcpus), reference.memory_gib));
            FleetUnit::cpu(input, "".into(), vcpus, gb, 0.0)
        }
        _ => return None,
    };
    let (_, average, peak) = fleet_line(input, &unit, floor);
    Some((average, peak))
}

//! The questionnaire: six steps with Back/Next and a step indicator. Every
//! input edits the workload directly; the app reassesses when it changed.

use egui::{RichText, Ui};

use super::widgets::{
    bool_field, choice_field, duration_field, error_color, integer_field, number_field,
    optional_number_field, text_field,
};
use crate::pricing::PriceBook;
use crate::source::FileError;
use crate::workload::{
    ApiGateway, Architecture, Commitment, Current, Hardware, Level, Provider, Runtime, Shape, Stage, State,
    Trigger, Workload,
};

/// A step of the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    /// Volume and shape.
    #[default]
    Traffic,
    /// Duration, memory, runtime.
    Execution,
    /// Triggers, gateway, state.
    TriggersState,
    /// Latency target and hardware.
    LatencyHardware,
    /// Team and pricing choices.
    TeamPricing,
    /// Everything at a glance.
    Review,
}

impl Step {
    /// Every step in order.
    pub const ALL: [Self; 6] = [
        Self::Traffic,
        Self::Execution,
        Self::TriggersState,
        Self::LatencyHardware,
        Self::TeamPricing,
        Self::Review,
    ];

    /// The step's title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Traffic => "Traffic",
            Self::Execution => "Execution",
            Self::TriggersState => "Triggers and state",
            Self::LatencyHardware => "Latency and hardware",
            Self::TeamPricing => "Team and pricing",
            Self::Review => "Review",
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The step after this one, if any.
    #[must_use]
    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self.index() + 1).copied()
    }

    /// The step before this one, if any.
    #[must_use]
    pub fn previous(self) -> Option<Self> {
        self.index()
            .checked_sub(1)
            .and_then(|i| Self::ALL.get(i).copied())
    }

    /// The field paths edited on this step (to flag steps with problems).
    fn prefixes(self) -> &'static [&'static str] {
        match self {
            Self::Traffic => &["name", "description", "traffic."],
            Self::Execution => &["execution."],
            Self::TriggersState => &["triggers", "api_gateway", "state", "data."],
            Self::LatencyHardware => &["latency."],
            Self::TeamPricing => &["pricing.", "servers."],
            Self::Review => &["format_version"],
        }
    }

    fn has_problems(self, problems: &[FileError]) -> bool {
        problems
            .iter()
            .any(|p| self.prefixes().iter().any(|prefix| p.field.starts_with(prefix)))
    }
}

/// The step indicator and Back/Next buttons around the current step's inputs.
/// Returns true when the workload changed.
pub fn ui(
    ui: &mut Ui,
    step: &mut Step,
    workload: &mut Workload,
    book: &PriceBook,
    problems: &[FileError],
) -> bool {
    step_indicator(ui, step, problems);
    ui.separator();
    let mut changed = false;
    egui::ScrollArea::vertical()
        .id_salt("questionnaire-scroll")
        .max_height((ui.available_height() - 44.0).max(120.0))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(step.title());
            ui.add_space(4.0);
            changed = match step {
                Step::Traffic => traffic(ui, workload, book, problems),
                Step::Execution => execution(ui, workload, book, problems),
                Step::TriggersState => triggers_state(ui, workload, problems),
                Step::LatencyHardware => latency_hardware(ui, workload, problems),
                Step::TeamPricing => team_pricing(ui, workload, book, problems),
                Step::Review => {
                    review(ui, workload, problems, step);
                    false
                }
            };
        });
    ui.separator();
    ui.horizontal(|ui| {
        let back = ui.add_enabled(step.previous().is_some(), egui::Button::new("◀ Back"));
        if back.clicked()
            && let Some(previous) = step.previous()
        {
            *step = previous;
        }
        ui.label(format!("Step {} of {}", step.index() + 1, Step::ALL.len()));
        let next = ui.add_enabled(step.next().is_some(), egui::Button::new("Next ▶"));
        if next.clicked()
            && let Some(following) = step.next()
        {
            *step = following;
        }
    });
    changed
}

fn step_indicator(ui: &mut Ui, step: &mut Step, problems: &[FileError]) {
    let warn = error_color(ui);
    let names: Vec<String> = Step::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if s.has_problems(problems) {
                format!("{} {} ⚠", i + 1, s.title())
            } else {
                format!("{} {}", i + 1, s.title())
            }
        })
        .collect();
    let items: Vec<(&str, bool, Option<egui::Color32>)> = Step::ALL
        .iter()
        .zip(&names)
        .map(|(s, name)| {
            (
                name.as_str(),
                *s == *step,
                s.has_problems(problems).then_some(warn),
            )
        })
        .collect();
    if let Some(i) = super::widgets::tab_strip(ui, "steps", &items) {
        *step = Step::ALL[i];
    }
}

fn traffic(ui: &mut Ui, w: &mut Workload, book: &PriceBook, problems: &[FileError]) -> bool {
    let mut changed = false;
    changed |= text_field(
        ui,
        "name",
        "Name",
        "A short name for the workload.",
        &mut w.name,
        false,
        problems,
    );
    changed |= text_field(
        ui,
        "description",
        "Description",
        "What it does, in a sentence or two (goes into the report).",
        &mut w.description,
        true,
        problems,
    );
    if choice_field(
        ui,
        "provider",
        "Cloud",
        "The cloud whose serverless offer is judged; the others are priced for comparison. Changing it moves the server instance to the new cloud's equivalent.",
        &mut w.provider,
        Provider::ALL,
        Provider::label,
        problems,
    ) {
        changed = true;
        move_instance(w, book);
    }
    changed |= number_field(
        ui,
        "traffic.monthly_requests",
        "Requests a month",
        "",
        "Invocations in a 730-hour month; 10M, 2.5B and 1e7 all work.",
        &mut w.traffic.monthly_requests,
        problems,
    );
    changed |= choice_field(
        ui,
        "traffic.shape",
        "Traffic shape",
        "How requests spread over the week. Scheduled: the day's work arrives in one batch hour (a nightly job); a job every few minutes or hours is Steady.",
        &mut w.traffic.shape,
        Shape::ALL,
        Shape::label,
        problems,
    );
    let mut use_default = w.traffic.peak_to_average.is_none();
    if ui
        .checkbox(
            &mut use_default,
            format!(
                "Use the shape's usual peak ({:.1}x the average)",
                crate::cost::profile::default_peak_to_average(w.traffic.shape)
            ),
        )
        .changed()
    {
        w.traffic.peak_to_average = if use_default {
            None
        } else {
            Some(crate::cost::profile::default_peak_to_average(w.traffic.shape))
        };
        changed = true;
    }
    if let Some(peak) = w.traffic.peak_to_average.as_mut() {
        changed |= number_field(
            ui,
            "traffic.peak_to_average",
            "Peak-to-average",
            "x",
            "The busiest hour's rate divided by the average hour's (1 = perfectly flat).",
            peak,
            problems,
        );
    }
    let mut growth_percent = w.traffic.growth_per_month * 100.0;
    if number_field(
        ui,
        "traffic.growth_per_month",
        "Growth",
        "% a month",
        "Expected growth in volume per month, for projections.",
        &mut growth_percent,
        problems,
    ) {
        w.traffic.growth_per_month = growth_percent / 100.0;
        changed = true;
    }
    changed
}

fn execution(ui: &mut Ui, w: &mut Workload, book: &PriceBook, problems: &[FileError]) -> bool {
    let provider = w.provider;
    // Nobody waits on a response without an HTTP API or webhook trigger.
    let batch = !w.is_http();
    let e = &mut w.execution;
    let mut changed = false;
    // The p99 and the longest job follow the average while they hold the
    // values a file without them gets (4x the mean; the longest job = the p99).
    let p99_follows = e.p99_duration_ms == e.avg_duration_ms * crate::workload::DEFAULT_P99_OVER_MEAN;
    let max_follows = e.max_duration_s * 1000.0 == e.p99_duration_ms;
    if duration_field(
        ui,
        "execution.avg_duration_ms",
        if batch { "Average run" } else { "Average duration" },
        "Mean time one request or run takes: \"120 ms\", \"1.5 s\", \"25 min\", \"2 h\" (a bare number is ms).",
        &mut e.avg_duration_ms,
        1.0,
        problems,
    ) {
        changed = true;
        if p99_follows {
            e.p99_duration_ms = e.avg_duration_ms * crate::workload::DEFAULT_P99_OVER_MEAN;
            if max_follows {
                e.max_duration_s = e.p99_duration_ms / 1000.0;
            }
        }
    }
    changed |= duration_field(
        ui,
        "execution.p99_duration_ms",
        "p99 duration",
        "99 in 100 requests finish within this; at least the average. Follows the average (4x) until you edit it.",
        &mut e.p99_duration_ms,
        1.0,
        problems,
    );
    changed |= duration_field(
        ui,
        "execution.max_duration_s",
        "Longest job",
        "The longest single run; function platforms stop at 9 to 60 minutes. Follows the p99 until you edit it (a bare number is seconds).",
        &mut e.max_duration_s,
        1000.0,
        problems,
    );
    changed |= integer_field(
        ui,
        "execution.memory_mb",
        "Memory",
        "MB",
        "Memory per function instance, 128 to 10,240 MB.",
        &mut e.memory_mb,
        problems,
    );
    changed |= choice_field(
        ui,
        "execution.architecture",
        "CPU architecture",
        if provider == Provider::Aws {
            "Arm (Graviton) is cheaper per GB-second on Lambda and per hour on Fargate."
        } else {
            "Which CPU the code is built for; this cloud's functions and containers bill the same for either."
        },
        &mut e.architecture,
        Architecture::ALL,
        |a| a.label_on(provider),
        problems,
    );
    changed |= choice_field(
        ui,
        "execution.runtime",
        "Runtime",
        "Moves the cold-start time (Java and large container images start slowest).",
        &mut e.runtime,
        Runtime::ALL,
        Runtime::label,
        problems,
    );
    changed |= bool_field(
        ui,
        "CPU-bound",
        "Checked: a request keeps a vCPU busy all the time it runs. Unchecked: it mostly waits on I/O.",
        &mut e.cpu_bound,
    );
    egui::CollapsingHeader::new("More")
        .id_salt("execution-more")
        .default_open(e.concurrency_per_instance.is_some() || e.checkpointable)
        .show(ui, |ui| {
            changed |= concurrency(ui, provider, e, book, problems);
            let workflow = match provider {
                Provider::Aws => "Step Functions",
                Provider::Gcp => "Workflows",
                Provider::Azure => "Durable Functions",
            };
            changed |= bool_field(
                ui,
                "The job saves its progress in steps",
                &format!(
                    "Checked: the work can be cut into steps that each save what they did, so a durable workflow ({workflow}) can run it past a function's time limit; the pattern shown is then the checkpointed job. Default: unchecked."
                ),
                &mut e.checkpointable,
            );
        });
    changed
}

/// Requests one instance serves at once, named as the chosen cloud names it;
/// left to each platform's default unless the user sets it.
fn concurrency(
    ui: &mut Ui,
    provider: Provider,
    e: &mut crate::workload::Execution,
    book: &PriceBook,
    problems: &[FileError],
) -> bool {
    let (label, what) = concurrency_words(provider);
    let defaults = format!(
        "Defaults: Cloud Run {}, Cloud Run functions {}, Flex Consumption {} on a 2,048 MB instance (1 for Python), Container Apps {}. Lambda always runs one request per instance.",
        book.gcp_cloud_run.default_concurrency.value,
        book.gcp_cloud_functions.default_concurrency.value,
        book.azure_flex_consumption
            .instance_sizes
            .iter()
            .find(|s| s.memory_mb == 2048)
            .map_or(16, |s| s.http_concurrency),
        book.azure_container_apps.default_concurrency.value
    );
    let mut changed = false;
    let mut use_default = e.concurrency_per_instance.is_none();
    if ui
        .checkbox(&mut use_default, "Each platform's default")
        .on_hover_text(format!("{what} {defaults}"))
        .changed()
    {
        e.concurrency_per_instance = if use_default { None } else { Some(80) };
        changed = true;
    }
    if let Some(n) = e.concurrency_per_instance.as_mut() {
        changed |= integer_field(
            ui,
            "execution.concurrency_per_instance",
            label,
            "at once",
            &format!("{what} 1 to 1,000. {defaults}"),
            n,
            problems,
        );
    } else {
        super::widgets::problems_for(ui, problems, "execution.concurrency_per_instance");
    }
    changed
}

/// How each cloud names the instances kept ready.
fn warm_words(provider: Provider) -> (&'static str, &'static str) {
    match provider {
        Provider::Aws => (
            "Provisioned concurrency",
            "Lambda execution environments kept initialized all month (0 for none); the same count is priced as minimum instances and always-ready instances on the other clouds.",
        ),
        Provider::Gcp => (
            "Cloud Run minimum instances",
            "Cloud Run and Cloud Run functions instances kept running, billed at the idle rate while they wait (0: scale to zero); the same count is priced as provisioned concurrency and always-ready instances on the other clouds.",
        ),
        Provider::Azure => (
            "Always-ready instances",
            "Flex Consumption always-ready instances and Container Apps minimum replicas (0: scale to zero); the same count is priced as provisioned concurrency and minimum instances on the other clouds.",
        ),
    }
}

/// Where the workload runs today and what a move takes; the move's questions
/// are hidden for a green field.
fn migration_questions(ui: &mut Ui, w: &mut Workload, problems: &[FileError]) -> bool {
    let mut changed = false;
    ui.separator();
    ui.label(RichText::new("Moving an existing workload").strong());
    changed |= choice_field(
        ui,
        "migration.current",
        "Where it runs today",
        "Nowhere yet: the advice is for a new build. On servers or on functions: the advice weighs moving against staying, and stays unless the move pays back within the horizon. Default: nowhere yet.",
        &mut w.migration.current,
        Current::ALL,
        Current::label,
        problems,
    );
    changed |= number_field(
        ui,
        "migration.engineer_day_usd",
        "Engineer-day cost",
        "USD",
        "The loaded cost of one engineer-day (salary, overheads), 0 to 10,000. Above 0 it also prices each option's operations time (patching, scaling, deploys, on-call) beside the cloud bill. Default: 0 (people's time not priced).",
        &mut w.migration.engineer_day_usd,
        problems,
    );
    if w.migration.current != Current::Greenfield {
        changed |= number_field(
            ui,
            "migration.effort_days",
            "Effort to move",
            "engineer-days",
            "Engineer-days the move to the other side would take: rewriting, testing, cutting over. With the day cost, it is the move's one-off cost. Default: 0.",
            &mut w.migration.effort_days,
            problems,
        );
        changed |= integer_field(
            ui,
            "migration.horizon_months",
            "Payback horizon",
            "months",
            "How many months the move has to pay for itself in, 1 to 120. Default: 24.",
            &mut w.migration.horizon_months,
            problems,
        );
    }
    ui.separator();
    changed
}

/// The commitment, spot and negotiated-discount questions, in the chosen cloud's words.
fn discount_questions(ui: &mut Ui, w: &mut Workload, problems: &[FileError]) -> bool {
    let mut changed = false;
    let provider = w.provider;
    let (label, hint) = commitment_words(provider);
    changed |= choice_field(
        ui,
        "pricing.commitment",
        label,
        hint,
        &mut w.pricing.commitment,
        &Commitment::ALL,
        move |c| commitment_choice(provider, c),
        problems,
    );
    let (spot_label, spot_hint) = spot_words(provider);
    changed |= bool_field(ui, spot_label, spot_hint, &mut w.pricing.spot);
    egui::CollapsingHeader::new("More")
        .id_salt("pricing-more")
        .default_open(w.pricing.negotiated_discount > 0.0)
        .show(ui, |ui| {
            let mut percent = w.pricing.negotiated_discount * 100.0;
            if number_field(
                ui,
                "pricing.negotiated_discount",
                negotiated_words(provider),
                "%",
                "A discount off every list price your organisation has agreed with the cloud, taken off each option's bill after any commitment and spot discounts (0 to 90%). Default: 0.",
                &mut percent,
                problems,
            ) {
                w.pricing.negotiated_discount = percent / 100.0;
                changed = true;
            }
        });
    changed
}

/// How each cloud names the commitments it sells, and what is covered.
fn commitment_words(provider: Provider) -> (&'static str, &'static str) {
    match provider {
        Provider::Aws => (
            "Savings Plans or Reserved Instances",
            "A 1- or 3-year commitment, no upfront, paid monthly: a Compute Savings Plan for Lambda and Fargate, and for EC2 the cheapest commitment the price book holds for the instance type (Reserved Instances or Savings Plans). It covers the steady baseline only (the week's quietest hour); the rest runs on demand, and it is owed whatever the use. A commitment the price book has no rate for is listed under Not counted. Default: on demand.",
        ),
        Provider::Gcp => (
            "Committed use discounts",
            "A 1- or 3-year committed use discount, billed monthly: resource-based for Compute Engine (in place of the sustained-use discount on what it covers), the spend-based Compute flexible CUD for Cloud Run and Cloud Run functions. It covers the steady baseline only (the week's quietest hour); the rest runs on demand, and it is owed whatever the use. Default: on demand.",
        ),
        Provider::Azure => (
            "Reservations or savings plan",
            "A 1- or 3-year commitment, paid monthly: for the VMs the cheaper of a reservation and the savings plan for compute that the price book holds for the size, and the savings plan for Functions premium. It covers the steady baseline only (the week's quietest hour); the rest runs on demand, and it is owed whatever the use. A commitment the price book has no rate for is listed under Not counted. Default: on demand.",
        ),
    }
}

fn commitment_choice(provider: Provider, c: Commitment) -> &'static str {
    match (provider, c) {
        (_, Commitment::OnDemand) => "On demand (none)",
        (Provider::Aws, Commitment::OneYear) => "1-year, no upfront",
        (Provider::Aws, Commitment::ThreeYear) => "3-year, no upfront",
        (Provider::Gcp, Commitment::OneYear) => "1-year commitment",
        (Provider::Gcp, Commitment::ThreeYear) => "3-year commitment",
        (Provider::Azure, Commitment::OneYear) => "1-year, monthly payments",
        (Provider::Azure, Commitment::ThreeYear) => "3-year, monthly payments",
    }
}

fn spot_words(provider: Provider) -> (&'static str, &'static str) {
    match provider {
        Provider::Aws => (
            "Run interruptible work on Spot (EC2 Spot, Fargate Spot)",
            "Checked: queue, stream, schedule and file-upload work may run its EC2 instances and Fargate tasks on Spot capacity, which AWS can take back with a two-minute notice; a fleet that also serves HTTP keeps an on-demand floor. HTTP-only work is priced unchanged. Default: unchecked.",
        ),
        Provider::Gcp => (
            "Run interruptible work on Spot VMs",
            "Checked: queue, stream, schedule and file-upload work may run its Compute Engine instances as Spot VMs, which Google can preempt with a 30-second notice; a fleet that also serves HTTP keeps an on-demand floor. HTTP-only work is priced unchanged. Default: unchecked.",
        ),
        Provider::Azure => (
            "Run interruptible work on Azure Spot Virtual Machines",
            "Checked: queue, stream, schedule and file-upload work may run its VMs as Azure Spot Virtual Machines, which Azure can evict with a 30-second notice; a fleet that also serves HTTP keeps an on-demand floor. HTTP-only work is priced unchanged. Default: unchecked.",
        ),
    }
}

fn negotiated_words(provider: Provider) -> &'static str {
    match provider {
        Provider::Aws => "Negotiated discount (private pricing)",
        Provider::Gcp => "Negotiated discount (contract pricing)",
        Provider::Azure => "Negotiated discount (enterprise agreement)",
    }
}

/// How each cloud names requests served at once by one instance.
fn concurrency_words(provider: Provider) -> (&'static str, &'static str) {
    match provider {
        Provider::Gcp => (
            "Maximum concurrent requests per instance",
            "Cloud Run's concurrency setting: the requests one instance takes at once (also priced for the other clouds' shared-instance platforms).",
        ),
        Provider::Azure => (
            "Per-instance concurrency",
            "Flex Consumption's per-instance concurrency and Container Apps' concurrent requests per replica (also priced for Cloud Run).",
        ),
        Provider::Aws => (
            "Requests per instance at once (other clouds)",
            "Lambda and Fargate tasks here take one request per environment; this sets Cloud Run's concurrency, Flex Consumption's per-instance concurrency and Container Apps' concurrent requests in the comparison.",
        ),
    }
}

/// Moves the server instance to the chosen cloud's equivalent of it (the one
/// the comparison already prices there), after the cloud changes.
fn move_instance(w: &mut Workload, book: &PriceBook) {
    if let Some(name) = book
        .instance(&w.servers.instance)
        .filter(|i| i.provider != w.provider)
        .and_then(|i| book.equivalent(i, w.provider))
        .map(|i| i.name.clone())
    {
        w.servers.instance = name;
    }
}

fn triggers_state(ui: &mut Ui, w: &mut Workload, problems: &[FileError]) -> bool {
    let mut changed = false;
    ui.label(RichText::new("Triggers").strong());
    for trigger in Trigger::ALL {
        let mut on = w.triggers.contains(trigger);
        if ui.checkbox(&mut on, trigger.label()).changed() {
            if on {
                w.triggers.push(*trigger);
            } else {
                w.triggers.retain(|t| t != trigger);
            }
            changed = true;
        }
    }
    ui.label(
        RichText::new("What starts the work; pick all that apply.")
            .small()
            .weak(),
    );
    super::widgets::problems_for(ui, problems, "triggers");
    ui.add_space(6.0);
    let provider = w.provider;
    if w.is_http() {
        let offered = ApiGateway::offered_on(provider, w.api_gateway);
        let hint = match provider {
            Provider::Aws => {
                "What HTTP requests and webhooks reach the functions through: HTTP APIs cost less than REST APIs; an Application Load Balancer bills by the hour and its capacity units; a function URL costs nothing."
            }
            Provider::Gcp => {
                "What HTTP requests and webhooks reach the functions through: Google API Gateway (per million calls), an external Application Load Balancer with a serverless NEG (its forwarding rule by the hour and the data it processes), or the service's own Cloud Run URL at no gateway cost."
            }
            Provider::Azure => {
                "What HTTP requests and webhooks reach the functions through: API Management on its consumption tier (the first million calls a month free, then per million), Application Gateway v2 (a fixed price for every hour it runs, its public address, and capacity units by the hour), or the function's own HTTP trigger URL at no gateway cost."
            }
        };
        changed |= choice_field(
            ui,
            "api_gateway",
            "API front door",
            hint,
            &mut w.api_gateway,
            &offered,
            |g| g.label_on(provider),
            problems,
        );
    } else {
        ui.add_enabled_ui(false, |ui| {
            let _ = ui.label(RichText::new("API front door").strong());
            let _ = ui.label(w.api_gateway.label_on(provider));
        });
        ui.label(
            RichText::new("Not asked: only HTTP API and webhook triggers come through a front door.")
                .small()
                .weak(),
        );
        ui.add_space(6.0);
    }
    changed |= choice_field(
        ui,
        "state",
        "State",
        "What the work keeps between requests.",
        &mut w.state,
        State::ALL,
        State::label,
        problems,
    );
    changed |= data_network(ui, w, problems);
    changed
}

/// The data the work sends out and logs, and its network, in the chosen
/// cloud's words.
fn data_network(ui: &mut Ui, w: &mut Workload, problems: &[FileError]) -> bool {
    let provider = w.provider;
    let mut changed = false;
    ui.label(RichText::new("Data and network").strong());
    ui.add_space(2.0);
    if w.is_http() {
        let answers = match provider {
            Provider::Aws => {
                "API Gateway answers them itself (and bills them); an Application Load Balancer passes them to the function"
            }
            Provider::Gcp => {
                "Google API Gateway and the load balancer pass them to Cloud Run, which bills them as requests"
            }
            Provider::Azure => "API Management's CORS policy and the Functions CORS settings answer them",
        };
        changed |= bool_field(
            ui,
            "Browsers call it from another origin (CORS pre-flights)",
            &format!(
                "Checked: a browser sends an OPTIONS pre-flight request before each call, so the front door bills twice the calls; {answers}. Default: unchecked."
            ),
            &mut w.traffic.cors_preflight,
        );
    }
    let egress = match provider {
        Provider::Aws => "AWS data transfer out to the internet",
        Provider::Gcp => "Google Cloud's internet data transfer (Premium Tier)",
        Provider::Azure => "Azure bandwidth out to the internet",
    };
    changed |= optional_number_field(
        ui,
        "data.response_kb",
        "Data sent out per request",
        "KB",
        &format!(
            "KB (1,000 bytes) each request sends out to the internet, the response included: priced at {egress}, on both sides. Unchecked: not given, so egress is listed as not counted. Default: not given."
        ),
        &mut w.data.response_kb,
        10.0,
        problems,
    );
    let (network, nat) = match provider {
        Provider::Aws => ("a VPC's private subnets", "a NAT gateway"),
        Provider::Gcp => ("a VPC network", "Cloud NAT"),
        Provider::Azure => ("a virtual network", "a NAT gateway"),
    };
    changed |= bool_field(
        ui,
        &format!("Runs in {network}"),
        &format!(
            "Checked: the code sits in {network} and reaches the internet through {nat} (functions and serverless containers), billed by the hour and the data it processes; servers and tasks hold a public IPv4 address each instead, billed by the hour. Default: unchecked."
        ),
        &mut w.data.private_network,
    );
    egui::CollapsingHeader::new("More")
        .id_salt("data-more")
        .default_open(w.data.log_kb_per_request.is_some())
        .show(ui, |ui| {
            let logs = match provider {
                Provider::Aws => "CloudWatch Logs (Lambda's logs at their tiered prices)",
                Provider::Gcp => "Cloud Logging",
                Provider::Azure => "Azure Monitor Log Analytics",
            };
            changed |= optional_number_field(
                ui,
                "data.log_kb_per_request",
                "Log written per request",
                "KB",
                &format!(
                    "KB (1,000 bytes) of log each request writes: priced as {logs} ingestion and storage, on both sides. Unchecked: not given, so logs are listed as not counted. Default: not given."
                ),
                &mut w.data.log_kb_per_request,
                1.0,
                problems,
            );
        });
    changed
}

fn latency_hardware(ui: &mut Ui, w: &mut Workload, problems: &[FileError]) -> bool {
    let mut changed = false;
    // Nobody waits on a response without an HTTP API or webhook trigger.
    let batch = !w.is_http();
    changed |= duration_field(
        ui,
        "latency.p99_target_ms",
        if batch {
            "Must finish within"
        } else {
            "p99 latency target"
        },
        if batch {
            "Nobody waits on a response (no HTTP API or webhook trigger): the time 99 in 100 runs must finish within, e.g. \"30 min\"."
        } else {
            "The response time 99 in 100 users must get, e.g. \"500 ms\"."
        },
        &mut w.latency.p99_target_ms,
        1.0,
        problems,
    );
    changed |= bool_field(
        ui,
        "Occasional slow start is acceptable",
        "Unchecked: a cold start past the target is a problem worth paying to remove.",
        &mut w.latency.cold_start_tolerant,
    );
    changed |= choice_field(
        ui,
        "hardware",
        "Special hardware",
        "GPUs and custom kernels rule functions out.",
        &mut w.hardware,
        Hardware::ALL,
        Hardware::label,
        problems,
    );
    changed
}

fn team_pricing(ui: &mut Ui, w: &mut Workload, book: &PriceBook, problems: &[FileError]) -> bool {
    let mut changed = false;
    changed |= choice_field(
        ui,
        "team.ops_capacity",
        "Operations capacity",
        "People and time to patch, scale and watch servers.",
        &mut w.team.ops_capacity,
        Level::ALL,
        Level::label,
        problems,
    );
    changed |= choice_field(
        ui,
        "team.stage",
        "Product stage",
        "Early products value speed of change; established ones value cost at scale.",
        &mut w.team.stage,
        Stage::ALL,
        Stage::label,
        problems,
    );
    changed |= choice_field(
        ui,
        "team.lock_in_tolerance",
        "Lock-in tolerance",
        "How acceptable it is to depend on one cloud's services.",
        &mut w.team.lock_in_tolerance,
        Level::ALL,
        Level::label,
        problems,
    );
    changed |= migration_questions(ui, w, problems);
    changed |= bool_field(
        ui,
        "Include the always-free monthly grants",
        "Only if nothing else in the account uses them.",
        &mut w.pricing.include_free_tier,
    );
    let (label, hint) = warm_words(w.provider);
    changed |= integer_field(
        ui,
        "pricing.provisioned_concurrency",
        label,
        "instances",
        hint,
        &mut w.pricing.provisioned_concurrency,
        problems,
    );
    changed |= discount_questions(ui, w, problems);
    ui.separator();
    ui.label(RichText::new("The server fleet compared").strong());
    let label = ui.label(RichText::new("Instance type").strong());
    let current = w.servers.instance.clone();
    let provider = w.provider;
    let foreign = book.instance(&current).filter(|i| i.provider != provider);
    let inner = egui::ComboBox::from_id_salt("servers.instance")
        .selected_text(current.as_str())
        .width(200.0)
        .show_ui(ui, |ui| {
            for instance in book
                .instances
                .iter()
                .filter(|i| i.provider == provider || i.name == current)
            {
                let text = format!(
                    "{} ({}, {} vCPU, {} GiB, {}/h)",
                    instance.name,
                    instance.provider.label(),
                    instance.vcpus,
                    instance.memory_gib,
                    crate::format::unit_usd(instance.per_hour.value)
                );
                if ui
                    .selectable_label(w.servers.instance == instance.name, text)
                    .clicked()
                {
                    w.servers.instance.clone_from(&instance.name);
                    changed = true;
                }
            }
        });
    let _ = inner.response.labelled_by(label.id);
    if let Some(reference) = foreign {
        // The instance the fleet runs (a GPU instance when the work needs one).
        let stand_in = book
            .fleet_instance(
                reference,
                provider,
                w.hardware == Hardware::Gpu,
                f64::from(w.execution.memory_mb) / 1024.0,
            )
            .map_or("none", |i| i.name.as_str());
        let article = |p: Provider| if p == Provider::Gcp { "a" } else { "an" };
        ui.label(
            RichText::new(format!(
                "{} is {} {} type: {} is priced as {stand_in}. Pick {} {} type above to choose it yourself.",
                reference.name,
                article(reference.provider),
                reference.provider.label(),
                provider.label(),
                article(provider),
                provider.label()
            ))
            .small()
            .weak(),
        );
    }
    ui.label(
        RichText::new(
            "The other clouds are priced on their nearest equivalent (at least its vCPUs and memory).",
        )
        .small()
        .weak(),
    );
    super::widgets::problems_for(ui, problems, "servers.instance");
    ui.add_space(6.0);
    let mut utilization = w.servers.target_utilization * 100.0;
    if number_field(
        ui,
        "servers.target_utilization",
        "Target utilization",
        "%",
        "The share of vCPU capacity the fleet is sized to (headroom for spikes).",
        &mut utilization,
        problems,
    ) {
        w.servers.target_utilization = utilization / 100.0;
        changed = true;
    }
    changed |= integer_field(
        ui,
        "servers.min_instances",
        "Minimum instances",
        "instances",
        "The fleet never shrinks below this (2 or more for high availability).",
        &mut w.servers.min_instances,
        problems,
    );
    changed
}

/// The questionnaire's label for a workload field, for lists of problems
/// (the dotted path where a field has no label of its own).
#[must_use]
pub fn field_label(path: &str) -> &str {
    const LABELS: &[(&str, &str)] = &[
        ("name", "Name"),
        ("description", "Description"),
        ("provider", "Cloud"),
        ("traffic.monthly_requests", "Requests a month"),
        ("traffic.shape", "Traffic shape"),
        ("traffic.peak_to_average", "Peak-to-average"),
        ("traffic.growth_per_month", "Growth"),
        ("data.response_kb", "Data sent out per request"),
        ("data.log_kb_per_request", "Log written per request"),
        ("execution.avg_duration_ms", "Average duration"),
        ("execution.p99_duration_ms", "p99 duration"),
        ("execution.max_duration_s", "Longest job"),
        ("execution.memory_mb", "Memory"),
        ("execution.architecture", "CPU architecture"),
        ("execution.runtime", "Runtime"),
        (
            "execution.concurrency_per_instance",
            "Requests per instance at once",
        ),
        ("triggers", "Triggers"),
        ("api_gateway", "API front door"),
        ("state", "State"),
        ("latency.p99_target_ms", "p99 latency target"),
        ("hardware", "Special hardware"),
        ("team.ops_capacity", "Operations capacity"),
        ("team.stage", "Product stage"),
        ("team.lock_in_tolerance", "Lock-in tolerance"),
        ("pricing.provisioned_concurrency", "Instances kept ready"),
        ("pricing.commitment", "Commitment"),
        ("migration.current", "Where it runs today"),
        ("migration.effort_days", "Effort to move"),
        ("migration.engineer_day_usd", "Engineer-day cost"),
        ("migration.horizon_months", "Payback horizon"),
        ("pricing.negotiated_discount", "Negotiated discount"),
        ("servers.instance", "Instance type"),
        ("servers.target_utilization", "Target utilization"),
        ("servers.min_instances", "Minimum instances"),
    ];
    LABELS
        .iter()
        .find(|(p, _)| path == *p || path.strip_prefix(p).is_some_and(|rest| rest.starts_with('[')))
        .map_or(path, |(_, label)| label)
}

/// "1 answer needs" / "2 answers need".
#[must_use]
pub fn answers_need_fixing(n: usize) -> String {
    if n == 1 {
        "1 answer needs fixing".to_owned()
    } else {
        format!("{n} answers need fixing")
    }
}

fn review(ui: &mut Ui, w: &Workload, problems: &[FileError], step: &mut Step) {
    if problems.is_empty() {
        ui.label("Every answer is valid. The results on the right are up to date.");
        ui.label(
            RichText::new(
                "Done? Save the answers with Ctrl+S, and export the decision record for the review with Ctrl+E (File menu, Export report).",
            )
            .weak(),
        );
    } else {
        ui.label(RichText::new(format!("{}:", answers_need_fixing(problems.len()))).color(error_color(ui)));
        for p in problems {
            let target = Step::ALL
                .into_iter()
                .find(|s| s.prefixes().iter().any(|x| p.field.starts_with(x)));
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("{}: {}", field_label(&p.field), p.problem)).color(error_color(ui)),
                );
                if let Some(target) = target
                    && ui.small_button(format!("Go to {}", target.title())).clicked()
                {
                    *step = target;
                }
            });
        }
    }
    ui.add_space(8.0);
    // Values wrap within the panel: a long name or description never widens it.
    let value_width = (ui.available_width() - 90.0).max(120.0);
    egui::Grid::new("review-grid")
        .num_columns(2)
        .striped(true)
        .max_col_width(value_width)
        .show(ui, |ui| {
            let mut row = |name: &str, value: String| {
                ui.label(name);
                ui.add(egui::Label::new(value).wrap());
                ui.end_row();
            };
            row("Name", w.name.clone());
            row("Cloud", w.provider.label().into());
            row(
                "Traffic",
                format!(
                    "{} requests a month, {} (peak {:.1}x)",
                    crate::format::short_count(w.traffic.monthly_requests),
                    w.traffic.shape.label(),
                    w.peak_to_average()
                ),
            );
            row(
                "Execution",
                format!(
                    "{} average, p99 {}, longest {}",
                    crate::format::duration_ms(w.execution.avg_duration_ms),
                    crate::format::duration_ms(w.execution.p99_duration_ms),
                    crate::format::duration_ms(w.execution.max_duration_s * 1000.0)
                ),
            );
            row(
                "Runtime",
                format!(
                    "{} MB, {}, {}{}",
                    w.execution.memory_mb,
                    w.execution.architecture.label_on(w.provider),
                    w.execution.runtime.label(),
                    if w.execution.cpu_bound {
                        ", CPU-bound"
                    } else {
                        ", I/O-bound"
                    }
                ),
            );
            row(
                "At once",
                w.execution.concurrency_per_instance.map_or_else(
                    || "each platform's default requests per instance".to_owned(),
                    |n| format!("{n} requests per instance"),
                ),
            );
            if w.execution.checkpointable {
                row("Steps", "the job saves its progress in steps".to_owned());
            }
            row(
                "Triggers",
                w.triggers
                    .iter()
                    .map(|t| t.label())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            if w.is_http() {
                row(
                    "Front door",
                    format!(
                        "{}{}",
                        w.api_gateway.label_on(w.provider),
                        if w.traffic.cors_preflight {
                            ", with CORS pre-flights"
                        } else {
                            ""
                        }
                    ),
                );
            }
            row("State", w.state.label().into());
            let size = |v: Option<f64>| {
                v.map_or_else(
                    || "not given".to_owned(),
                    |kb| format!("{} KB per request", crate::format::count(kb)),
                )
            };
            row(
                "Data",
                format!(
                    "sent out {}; log {}{}",
                    size(w.data.response_kb),
                    size(w.data.log_kb_per_request),
                    if w.data.private_network {
                        "; in a private network"
                    } else {
                        ""
                    }
                ),
            );
            row(
                "Latency",
                format!(
                    "{} {}{}",
                    if w.is_http() {
                        "p99 target"
                    } else {
                        "must finish within"
                    },
                    crate::format::duration_ms(w.latency.p99_target_ms),
                    if w.latency.cold_start_tolerant {
                        ", slow starts OK"
                    } else {
                        ", no slow starts"
                    }
                ),
            );
            row("Hardware", w.hardware.label().into());
            row(
                "Team",
                format!(
                    "operations capacity {}, {} stage, lock-in tolerance {}",
                    w.team.ops_capacity.label(),
                    w.team.stage.label(),
                    w.team.lock_in_tolerance.label()
                ),
            );
            row(
                "Servers",
                format!(
                    "{} at {:.0}%, at least {}",
                    w.servers.instance,
                    w.servers.target_utilization * 100.0,
                    w.servers.min_instances
                ),
            );
        });
}

//! Each cloud in its own words: patterns, reports and matching per cloud, the
//! pattern format's per-cloud names, and the growth projection.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serverless_advisor::advice::{self, Verdict};
use serverless_advisor::catalogue::{Catalogue, Pattern, Suits};
use serverless_advisor::cost::OptionId;
use serverless_advisor::pricing::PriceBook;
use serverless_advisor::report;
use serverless_advisor::workload::{Hardware, Provider, Trigger, Workload};

/// Product names that belong to one cloud only.
fn names_of(provider: Provider) -> &'static [&'static str] {
    match provider {
        Provider::Aws => &[
            "Lambda",
            "DynamoDB",
            "SQS",
            "SNS",
            "S3",
            "EventBridge",
            "Kinesis",
            "Fargate",
            "EC2",
            "ECS",
            "ECR",
            "CloudWatch",
            "Step Functions",
            "Amazon",
            "AWS",
            "RDS",
            "ElastiCache",
            "CloudFront",
            "Aurora",
            "Graviton",
            "t3.medium",
            "MSK",
        ],
        Provider::Gcp => &[
            "Cloud Run",
            "Pub/Sub",
            "Firestore",
            "Cloud Storage",
            "Cloud Scheduler",
            "Google",
            "Compute Engine",
            "Cloud SQL",
            "Memorystore",
            "Cloud Logging",
            "Cloud CDN",
            "Cloud Load Balancing",
            "GKE",
            "Kubernetes Engine",
            "Artifact Registry",
            "e2-medium",
        ],
        Provider::Azure => &[
            "Azure",
            "Cosmos DB",
            "Service Bus",
            "Event Hubs",
            "Event Grid",
            "Blob Storage",
            "Durable Functions",
            "Container Apps",
            "API Management",
            "Application Gateway",
            "Front Door",
            "Logic Apps",
            "Standard_B2s",
        ],
    }
}

/// The other clouds' names found in a text, as whole words.
fn foreign_names(text: &str, provider: Provider) -> Vec<String> {
    let mut found = Vec::new();
    for other in Provider::ALL.iter().copied().filter(|p| *p != provider) {
        for name in names_of(other) {
            let mut from = 0;
            while let Some(i) = text[from..].find(name).map(|i| i + from) {
                let before = text[..i].chars().next_back();
                let after = text[i + name.len()..].chars().next();
                let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
                if boundary(before) && boundary(after) {
                    let start = text[..i].rfind('\n').map_or(0, |n| n + 1);
                    let end = text[i..].find('\n').map_or(text.len(), |n| n + i);
                    found.push(format!("{name}: {}", &text[start..end]));
                    break;
                }
                from = i + name.len();
            }
        }
    }
    found
}

/// Every text a pattern shows, in one string.
fn pattern_text(p: &Pattern) -> String {
    let mut parts = vec![p.name.clone(), p.summary.clone()];
    for n in &p.nodes {
        parts.push(n.label.clone());
        parts.extend(n.service.aws.clone());
    }
    parts.extend(p.edges.iter().map(|e| e.label.clone()));
    for list in [&p.fits_when, &p.avoid_when, &p.pitfalls, &p.examples] {
        parts.extend(list.iter().cloned());
    }
    for c in &p.cost_items {
        parts.push(format!("{}: {}", c.item, c.billed_by));
    }
    parts.join("\n")
}

#[test]
fn every_pattern_names_only_the_chosen_clouds_products() {
    let catalogue = Catalogue::built_in().unwrap();
    let mut leaks = Vec::new();
    for p in &catalogue.patterns {
        for &provider in Provider::ALL {
            let on = p.on(provider);
            leaks.extend(
                foreign_names(&pattern_text(&on), provider)
                    .into_iter()
                    .map(|l| format!("{} on {provider:?}: {l}", p.id)),
            );
            // Every box of a product kind names that cloud's product.
            for n in &on.nodes {
                let product = n.service.aws.as_deref();
                assert_eq!(
                    product.is_some(),
                    n.kind.product(provider).is_some(),
                    "{} {}",
                    p.id,
                    n.id
                );
            }
            // No placeholder is left unfilled.
            assert!(!pattern_text(&on).contains('{'), "{} on {provider:?}", p.id);
        }
    }
    assert!(leaks.is_empty(), "{leaks:#?}");
}

#[test]
fn the_catalogue_search_finds_every_clouds_names() {
    let catalogue = Catalogue::built_in().unwrap();
    let total = catalogue.patterns.len();
    let hits = |query: &str| {
        catalogue
            .patterns
            .iter()
            .filter(|p| p.matches_text(query))
            .count()
    };
    // Every pattern has a box of some cloud product, named on each cloud.
    // Searching for a cloud finds most patterns, not the one that mentions it in passing.
    for query in ["Azure", "Amazon"] {
        assert!(hits(query) * 4 > total * 3, "{query}: {} of {total}", hits(query));
    }
    for query in [
        "Cloud Run",
        "Lambda",
        "Cosmos DB",
        "Firestore",
        "DynamoDB",
        "Event Hubs",
    ] {
        assert!(hits(query) >= 1, "{query}");
    }
    assert_eq!(
        catalogue
            .patterns
            .iter()
            .filter(|p| p.matches_text("no such product"))
            .count(),
        0
    );
}

#[test]
fn reports_name_the_chosen_clouds_services_only() {
    let book = PriceBook::built_in().unwrap();
    let catalogue = Catalogue::built_in().unwrap();
    let rules = serverless_advisor::advice::rules::AdviceRules::built_in().unwrap();
    for entry in std::fs::read_dir("assets/workloads").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for &provider in Provider::ALL {
            let mut w = Workload::from_ron(&text, "sample", &book).unwrap();
            w.provider = provider;
            // The user's own words may name any product.
            w.description.clear();
            let a = advice::assess_with(&w, &book, &catalogue, &rules);
            let md = report::to_markdown(&a, &catalogue, &book);
            // The instance type asked for is the user's own answer: a note may
            // say what stands in for it on this cloud.
            let own = md.replace(
                &format!("stands in for {} on this cloud", w.servers.instance),
                "stands in for the instance asked for on this cloud",
            );
            let foreign = foreign_names(&own, provider);
            assert!(
                foreign.is_empty(),
                "{} on {provider:?}: {foreign:#?}",
                path.display()
            );
            // The whole HTML report, its tooltips included.
            let html = report::to_html(&a, &catalogue, &book);
            let foreign = foreign_names(
                &html.replace(
                    &format!("stands in for {} on this cloud", w.servers.instance),
                    "stands in for the instance asked for on this cloud",
                ),
                provider,
            );
            assert!(
                foreign.is_empty(),
                "{} on {provider:?}, HTML: {foreign:#?}",
                path.display()
            );
            // Its drawings: the cost curves and their legend, the diagram.
            let mut rest = html.as_str();
            while let Some(start) = rest.find("<svg") {
                let end = rest[start..].find("</svg>").map_or(rest.len(), |e| start + e);
                let drawing = &rest[start..end];
                let words = drawing
                    .split(['<', '>'])
                    .step_by(2)
                    .collect::<Vec<_>>()
                    .join("\n");
                let foreign = foreign_names(&words, provider);
                assert!(
                    foreign.is_empty(),
                    "{} on {provider:?}, SVG: {foreign:#?}",
                    path.display()
                );
                rest = &rest[end..];
            }
            // The recommendation and the headline too.
            let said = format!("{}\n{}\n{}", a.summary, a.recommendation.text, a.pattern.why);
            assert!(
                foreign_names(&said, provider).is_empty(),
                "{}: {said}",
                path.display()
            );
            if let Some(option) = a.recommendation.option {
                assert_eq!(option.provider(), provider);
            }
        }
    }
}

fn assess(w: &Workload) -> advice::Assessment {
    let book = PriceBook::built_in().unwrap();
    let catalogue = Catalogue::built_in().unwrap();
    advice::assess_with(
        w,
        &book,
        &catalogue,
        &serverless_advisor::advice::rules::AdviceRules::built_in().unwrap(),
    )
}

fn suits(id: &str) -> Vec<Suits> {
    Catalogue::built_in().unwrap().get(id).unwrap().suits.clone()
}

#[test]
fn a_gpu_http_service_gets_a_gpu_pattern_on_every_cloud() {
    for &provider in Provider::ALL {
        let mut w = Workload::from_ron(
            "Workload(name: \"GPU API\")",
            "t",
            &PriceBook::built_in().unwrap(),
        )
        .unwrap();
        w.provider = provider;
        w.triggers = vec![Trigger::HttpApi];
        w.hardware = Hardware::Gpu;
        w.execution.memory_mb = 8192;
        let a = assess(&w);
        assert!(
            suits(&a.pattern.id).contains(&Suits::Gpu),
            "{provider:?}: {} ({})",
            a.pattern.id,
            a.pattern.why
        );
    }
}

#[test]
fn a_job_past_every_function_limit_gets_a_job_or_workflow_pattern() {
    for &provider in Provider::ALL {
        for checkpointable in [false, true] {
            let mut w = Workload::from_ron(
                "Workload(name: \"Nightly ETL\", traffic: (monthly_requests: 30.0, shape: Scheduled), execution: (avg_duration_ms: 10800000.0, memory_mb: 4096), triggers: [Schedule])",
                "t",
                &PriceBook::built_in().unwrap(),
            )
            .unwrap();
            w.provider = provider;
            w.execution.checkpointable = checkpointable;
            let a = assess(&w);
            let s = suits(&a.pattern.id);
            assert!(
                s.contains(&Suits::LongJobs),
                "{provider:?}: {} ({})",
                a.pattern.id,
                a.pattern.why
            );
            if checkpointable && a.verdict == Verdict::Serverless {
                assert!(s.contains(&Suits::MultiStep), "{provider:?}: {}", a.pattern.id);
            }
        }
    }
}

const GOOD: &str = r#"Pattern(
    id: "good",
    name: "Good",
    summary: "A {function} behind a {gateway}.",
    kind: Serverless,
    triggers: [HttpApi],
    nodes: [
        (id: "c", label: "Client", kind: Client),
        (id: "g", label: "Front door", kind: Gateway),
        (id: "f", label: "Handler", kind: Function, service: (aws: "AWS Lambda@Edge", gcp: "Cloud Run functions", azure: "Azure Functions")),
    ],
    edges: [(from: "c", to: "g", label: "HTTPS"), (from: "g", to: "f", label: "invoke")],
    fits_when: ["x"], avoid_when: ["x"], pitfalls: ["x"],
    cloud_examples: (gcp: ["A Google Cloud case."]),
    cost_items: [(item: "{gateway}", billed_by: "per call", billed: (aws: "per million requests", gcp: "per million calls", azure: "per 10,000 calls"))],
)"#;

#[test]
fn per_cloud_names_load_and_fill_the_placeholders() {
    let p = Pattern::from_ron(GOOD, "good.ron").unwrap();
    let gcp = p.on(Provider::Gcp);
    assert_eq!(gcp.summary, "A Cloud Run functions behind a Google API Gateway.");
    assert_eq!(gcp.cost_items[0].item, "Google API Gateway");
    assert_eq!(gcp.cost_items[0].billed_by, "per million calls");
    assert_eq!(gcp.examples, vec!["A Google Cloud case."]);
    let aws = p.on(Provider::Aws);
    assert_eq!(aws.summary, "A AWS Lambda@Edge behind a Amazon API Gateway.");
    assert!(
        aws.examples.is_empty(),
        "another cloud's example is not shown on AWS"
    );
    let layout = serverless_advisor::catalogue::layout(&p.on(Provider::Azure));
    let captions: Vec<&str> = layout.nodes.iter().map(|n| n.caption.as_str()).collect();
    assert_eq!(captions, ["client", "Azure API Management", "Azure Functions"]);
}

#[test]
fn a_bad_per_cloud_name_is_refused_with_its_place_and_the_others_still_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.ron"), GOOD).unwrap();
    let unknown = GOOD
        .replace("id: \"good\"", "id: \"unknown\"")
        .replace("gcp: \"Cloud Run functions\"", "oracle: \"OCI Functions\"");
    std::fs::write(dir.path().join("unknown.ron"), &unknown).unwrap();
    let missing = GOOD
        .replace("id: \"good\"", "id: \"missing\"")
        .replace(", azure: \"Azure Functions\"", "");
    std::fs::write(dir.path().join("missing.ron"), &missing).unwrap();
    let placeholder = GOOD
        .replace("id: \"good\"", "id: \"placeholder\"")
        .replace("A {function}", "A {lambda}");
    std::fs::write(dir.path().join("placeholder.ron"), &placeholder).unwrap();
    let mut catalogue = Catalogue::default();
    let outcome = catalogue.load_dir(dir.path()).unwrap();
    assert_eq!(outcome.patterns.len(), 1, "the good file loads");
    assert_eq!(outcome.failures.len(), 3);
    let messages: Vec<String> = outcome.failures.iter().map(ToString::to_string).collect();
    let find = |file: &str| messages.iter().find(|m| m.contains(file)).unwrap().clone();
    let m = find("unknown.ron");
    assert!(
        m.contains("unknown.ron:10:") && m.contains("oracle") && m.contains("aws, gcp, azure"),
        "{m}"
    );
    let m = find("missing.ron");
    assert!(
        m.contains("missing.ron:10:") && m.contains("no name for azure"),
        "{m}"
    );
    let m = find("placeholder.ron");
    assert!(
        m.contains("placeholder.ron:4:") && m.contains("{lambda}") && m.contains("{function}"),
        "{m}"
    );
}

#[test]
fn growth_projects_the_bills_and_the_month_the_verdict_flips() {
    let book = PriceBook::built_in().unwrap();
    let catalogue = Catalogue::built_in().unwrap();
    let rules = serverless_advisor::advice::rules::AdviceRules::built_in().unwrap();
    // No growth: nothing to project.
    let w = Workload::from_ron("Workload(name: \"Flat\")", "t", &book).unwrap();
    assert!(
        advice::assess_with(&w, &book, &catalogue, &rules)
            .projection
            .is_none()
    );
    let mut flipped = 0;
    for entry in std::fs::read_dir("assets/workloads").unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut w = Workload::from_ron(&text, "sample", &book).unwrap();
        w.traffic.growth_per_month = 0.25;
        let a = advice::assess_with(&w, &book, &catalogue, &rules);
        let p = a.projection.as_ref().unwrap();
        assert_eq!(p.months.len(), 7);
        assert_eq!(p.months[0].monthly_requests, w.traffic.monthly_requests);
        for pair in p.months.windows(2) {
            assert!(pair[1].monthly_requests > pair[0].monthly_requests);
        }
        // Month 0 is today's bill.
        let today = |o: OptionId| a.costs.iter().find(|c| c.option == o).unwrap().monthly_usd;
        let m0 = &p.months[0];
        assert!(m0.serverless.is_some() || m0.traditional.is_some());
        for bill in [m0.serverless, m0.traditional].into_iter().flatten() {
            assert!((bill.monthly_usd - today(bill.option)).abs() < 0.01, "{}", w.name);
        }
        // The flip month is the first whose volume gives the other verdict.
        if let Some(f) = &p.flip {
            flipped += 1;
            let at = |month: u32| {
                let mut grown = w.clone();
                grown.traffic.monthly_requests = advice::projection::volume_at(&w, month);
                advice::assess_with(&grown, &book, &catalogue, &rules).verdict
            };
            assert_eq!(at(f.month), f.verdict, "{} month {}", w.name, f.month);
            assert_eq!(at(f.month - 1), a.verdict, "{} month {}", w.name, f.month - 1);
        }
    }
    assert!(flipped > 0, "some sample flips within three years at 25% a month");
}

#[test]
fn a_server_fleets_load_balancer_box_names_the_product_its_bill_prices() {
    let catalogue = Catalogue::built_in().unwrap();
    let book = PriceBook::built_in().unwrap();
    let text = std::fs::read_to_string("assets/workloads/property_search_api.ron").unwrap();
    for &provider in Provider::ALL {
        let mut w = Workload::from_ron(&text, "sample", &book).unwrap();
        w.provider = provider;
        w.servers.instance = match provider {
            Provider::Aws => "t3.medium",
            Provider::Gcp => "e2-medium",
            Provider::Azure => "B2s",
        }
        .to_owned();
        let a = assess(&w);
        let server = OptionId::server_of(provider);
        let line = a
            .costs
            .iter()
            .find(|c| c.option == server)
            .and_then(|c| c.breakdown.iter().find(|l| l.item == "load_balancer"))
            .unwrap_or_else(|| panic!("{provider:?}: the fleet's bill has a load balancer"));
        for id in ["load_balanced_api", "webhook_on_servers", "websocket_on_servers"] {
            let pattern = catalogue.get(id).unwrap().on(provider);
            let boxed = pattern
                .nodes
                .iter()
                .find(|n| n.kind == serverless_advisor::catalogue::NodeKind::LoadBalancer)
                .and_then(|n| n.service_on(provider))
                .unwrap();
            for word in boxed.split_whitespace() {
                assert!(
                    line.detail.contains(word),
                    "{provider:?} {id}: the box says {boxed}, the bill {}",
                    line.detail
                );
            }
        }
    }
}

//! Each cloud's own products in a pattern: the service behind each kind of
//! box, names a pattern file gives per cloud, and `{kind}` placeholders in
//! its text, so one pattern reads in AWS, Google Cloud or Azure words.

use serde::{Deserialize, Serialize};

use super::{CostItem, Node, NodeKind, Pattern};
use crate::workload::Provider;

/// One value per cloud, each optional in a file; a pattern that names one
/// cloud must name all three (the loader checks).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerCloud<T> {
    /// On AWS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws: Option<T>,
    /// On Google Cloud.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gcp: Option<T>,
    /// On Azure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure: Option<T>,
}

impl<T> PerCloud<T> {
    /// The value for one cloud.
    #[must_use]
    pub fn on(&self, provider: Provider) -> Option<&T> {
        match provider {
            Provider::Aws => self.aws.as_ref(),
            Provider::Gcp => self.gcp.as_ref(),
            Provider::Azure => self.azure.as_ref(),
        }
    }

    /// Whether no cloud is given.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.aws.is_none() && self.gcp.is_none() && self.azure.is_none()
    }

    /// The clouds given no value, by their field names, when at least one is given.
    #[must_use]
    pub fn missing(&self) -> Vec<&'static str> {
        if self.is_empty() {
            return Vec::new();
        }
        Provider::ALL
            .iter()
            .copied()
            .filter(|p| self.on(*p).is_none())
            .map(field_name)
            .collect()
    }
}

/// A cloud's key in pattern files.
#[must_use]
pub fn field_name(provider: Provider) -> &'static str {
    match provider {
        Provider::Aws => "aws",
        Provider::Gcp => "gcp",
        Provider::Azure => "azure",
    }
}

impl NodeKind {
    /// The product each cloud offers for this kind of box, the name a box
    /// shows when its file names none. `None` for what is no cloud's product
    /// (a client, an outside service).
    #[must_use]
    pub fn product(self, provider: Provider) -> Option<&'static str> {
        use Provider::{Aws, Azure, Gcp};
        Some(match (self, provider) {
            (Self::Client | Self::External, _) => return None,
            (Self::Gateway, Aws) => "Amazon API Gateway",
            (Self::Gateway, Gcp) => "Google API Gateway",
            (Self::Gateway, Azure) => "Azure API Management",
            (Self::Function, Aws) => "AWS Lambda",
            (Self::Function, Gcp) => "Cloud Run functions",
            (Self::Function, Azure) => "Azure Functions",
            (Self::Queue, Aws) => "Amazon SQS",
            (Self::Queue, Gcp) => "Pub/Sub subscription",
            (Self::Queue, Azure) => "Service Bus queue",
            (Self::Stream, Aws) => "Kinesis Data Streams",
            (Self::Stream, Gcp) => "Pub/Sub",
            (Self::Stream, Azure) => "Azure Event Hubs",
            (Self::Topic, Aws) => "Amazon SNS",
            (Self::Topic, Gcp) => "Pub/Sub topic",
            (Self::Topic, Azure) => "Azure Event Grid",
            (Self::Table, Aws) => "Amazon DynamoDB",
            (Self::Table, Gcp) => "Firestore",
            (Self::Table, Azure) => "Azure Cosmos DB",
            (Self::Database, Aws) => "Amazon RDS",
            (Self::Database, Gcp) => "Cloud SQL",
            (Self::Database, Azure) => "Azure Database for PostgreSQL",
            (Self::Bucket, Aws) => "Amazon S3",
            (Self::Bucket, Gcp) => "Cloud Storage",
            (Self::Bucket, Azure) => "Azure Blob Storage",
            (Self::Scheduler, Aws) => "EventBridge Scheduler",
            (Self::Scheduler, Gcp) => "Cloud Scheduler",
            (Self::Scheduler, Azure) => "Functions timer trigger",
            (Self::Server, Aws) => "EC2 Auto Scaling group",
            (Self::Server, Gcp) => "Compute Engine instance group",
            (Self::Server, Azure) => "Azure VM Scale Sets",
            (Self::Container, Aws) => "Amazon ECS on Fargate",
            (Self::Container, Gcp) => "Cloud Run",
            (Self::Container, Azure) => "Azure Container Apps",
            (Self::Cache, Aws) => "Amazon ElastiCache",
            (Self::Cache, Gcp) => "Memorystore",
            (Self::Cache, Azure) => "Azure Managed Redis",
            (Self::LoadBalancer, Aws) => "Application Load Balancer",
            (Self::LoadBalancer, Gcp) => "Cloud Load Balancing",
            (Self::LoadBalancer, Azure) => "Azure Load Balancer",
            (Self::Workflow, Aws) => "AWS Step Functions",
            (Self::Workflow, Gcp) => "Google Workflows",
            (Self::Workflow, Azure) => "Durable Functions",
            (Self::Cdn, Aws) => "Amazon CloudFront",
            (Self::Cdn, Gcp) => "Cloud CDN",
            (Self::Cdn, Azure) => "Azure Front Door",
            (Self::Logs, Aws) => "CloudWatch Logs",
            (Self::Logs, Gcp) => "Cloud Logging",
            (Self::Logs, Azure) => "Azure Monitor Logs",
            (Self::Gpu, Aws) => "EC2 GPU instances",
            (Self::Gpu, Gcp) => "Compute Engine with GPUs",
            (Self::Gpu, Azure) => "Azure GPU VMs",
        })
    }

    /// The placeholder that stands for this kind's product in a pattern's text.
    #[must_use]
    pub fn placeholder(self) -> &'static str {
        match self {
            Self::Client => "client",
            Self::Gateway => "gateway",
            Self::Function => "function",
            Self::Queue => "queue",
            Self::Stream => "stream",
            Self::Topic => "topic",
            Self::Table => "table",
            Self::Database => "database",
            Self::Bucket => "bucket",
            Self::Scheduler => "scheduler",
            Self::External => "external",
            Self::Server => "server",
            Self::Container => "container",
            Self::Cache => "cache",
            Self::LoadBalancer => "load_balancer",
            Self::Workflow => "workflow",
            Self::Cdn => "cdn",
            Self::Logs => "logs",
            Self::Gpu => "gpu",
        }
    }
}

/// The placeholders a pattern's text may use: `{gateway}`, `{function}`, ...
#[must_use]
pub fn placeholders() -> Vec<String> {
    NodeKind::ALL
        .into_iter()
        .filter(|k| k.product(Provider::Aws).is_some())
        .map(|k| format!("{{{}}}", k.placeholder()))
        .collect()
}

/// The placeholders in a text that name no kind with a product, each as written.
#[must_use]
pub fn unknown_placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (name, _) in scan(text) {
        if kind_of_placeholder(name).is_none() {
            out.push(format!("{{{name}}}"));
        }
    }
    out
}

fn kind_of_placeholder(name: &str) -> Option<NodeKind> {
    NodeKind::ALL
        .into_iter()
        .find(|k| k.placeholder() == name && k.product(Provider::Aws).is_some())
}

/// Every `{word}` in a text, with its byte range.
fn scan(text: &str) -> Vec<(&str, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find('{').map(|i| i + rest) {
        let Some(close) = text[open..].find('}').map(|i| i + open) else {
            break;
        };
        let name = &text[open + 1..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            out.push((name, open..close + 1));
        }
        rest = close + 1;
    }
    out
}

impl Node {
    /// The product this box is on a cloud: the file's name for it, else its
    /// kind's product; `None` for a client or an outside service.
    #[must_use]
    pub fn service_on(&self, provider: Provider) -> Option<&str> {
        self.service
            .on(provider)
            .map(String::as_str)
            .or_else(|| self.kind.product(provider))
    }
}

impl Pattern {
    /// The product a kind stands for in this pattern on a cloud: the first box
    /// of that kind that names its product, else the kind's own.
    #[must_use]
    pub fn product_of(&self, kind: NodeKind, provider: Provider) -> Option<&str> {
        self.nodes
            .iter()
            .filter(|n| n.kind == kind)
            .find_map(|n| n.service.on(provider).map(String::as_str))
            .or_else(|| kind.product(provider))
    }

    /// A text of this pattern with its placeholders put in a cloud's words.
    #[must_use]
    pub fn text_on(&self, text: &str, provider: Provider) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut last = 0;
        for (name, range) in scan(text) {
            if let Some(product) = kind_of_placeholder(name).and_then(|k| self.product_of(k, provider)) {
                out.push_str(&text[last..range.start]);
                out.push_str(product);
                last = range.end;
            }
        }
        out.push_str(&text[last..]);
        out
    }

    /// The examples seen on a cloud: the ones of every cloud, then that cloud's own.
    #[must_use]
    pub fn examples_on(&self, provider: Provider) -> Vec<&str> {
        self.examples
            .iter()
            .chain(self.cloud_examples.on(provider).into_iter().flatten())
            .map(String::as_str)
            .collect()
    }

    /// The pattern as one cloud reads it: every box names that cloud's
    /// product, every text has its placeholders filled, the bill of materials
    /// lists that cloud's services and only that cloud's examples remain. The
    /// copy's per-cloud fields hold that cloud's words alone.
    #[must_use]
    pub fn on(&self, provider: Provider) -> Self {
        let text = |s: &String| self.text_on(s, provider);
        let notes = self.cloud_notes.on(provider);
        let list = |l: &Vec<String>, extra: Option<&Vec<String>>| {
            l.iter()
                .chain(extra.into_iter().flatten())
                .map(text)
                .collect::<Vec<_>>()
        };
        let only = |v: Option<&str>| {
            let v = v.map(str::to_owned);
            PerCloud {
                aws: v.clone(),
                gcp: v.clone(),
                azure: v,
            }
        };
        Self {
            id: self.id.clone(),
            name: text(&self.name),
            summary: text(&self.summary),
            kind: self.kind,
            triggers: self.triggers.clone(),
            suits: self.suits.clone(),
            rank: self.rank,
            nodes: self
                .nodes
                .iter()
                .map(|n| Node {
                    id: n.id.clone(),
                    label: text(&n.label),
                    kind: n.kind,
                    service: only(n.service_on(provider)),
                })
                .collect(),
            edges: self
                .edges
                .iter()
                .map(|e| super::Edge {
                    label: text(&e.label),
                    ..e.clone()
                })
                .collect(),
            fits_when: list(&self.fits_when, notes.map(|n| &n.fits_when)),
            avoid_when: list(&self.avoid_when, notes.map(|n| &n.avoid_when)),
            pitfalls: list(&self.pitfalls, notes.map(|n| &n.pitfalls)),
            examples: self
                .examples_on(provider)
                .into_iter()
                .map(|e| text(&e.to_owned()))
                .collect(),
            cloud_examples: PerCloud::default(),
            cloud_notes: PerCloud::default(),
            cost_items: self
                .cost_items
                .iter()
                .map(|c| CostItem {
                    item: c.item_on(self, provider),
                    billed_by: c.billed_on(self, provider),
                    service: PerCloud::default(),
                    billed: PerCloud::default(),
                })
                .collect(),
        }
    }

    /// Every text a search looks in, in every cloud's words.
    #[must_use]
    pub fn search_texts(&self) -> Vec<String> {
        let mut out = vec![self.id.clone()];
        for &provider in Provider::ALL {
            out.extend(self.search_texts_on(provider));
        }
        out
    }

    /// The texts a search looks in, in one cloud's words: the name, the
    /// summary, each box's label and product, the examples and the bill of
    /// materials.
    #[must_use]
    pub fn search_texts_on(&self, provider: Provider) -> Vec<String> {
        let p = self.on(provider);
        let mut out = vec![p.name, p.summary];
        for n in p.nodes {
            out.push(n.label);
            out.extend(n.service.aws);
        }
        out.extend(p.examples);
        out.extend(p.cost_items.into_iter().map(|c| c.item));
        out
    }
}

impl CostItem {
    /// The billed service on a cloud.
    #[must_use]
    pub fn item_on(&self, pattern: &Pattern, provider: Provider) -> String {
        match self.service.on(provider) {
            Some(name) => name.clone(),
            None => pattern.text_on(&self.item, provider),
        }
    }

    /// How it bills on a cloud.
    #[must_use]
    pub fn billed_on(&self, pattern: &Pattern, provider: Provider) -> String {
        match self.billed.on(provider) {
            Some(text) => text.clone(),
            None => pattern.text_on(&self.billed_by, provider),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_product_kind_has_a_name_on_every_cloud() {
        for kind in NodeKind::ALL {
            let named: Vec<bool> = Provider::ALL.iter().map(|p| kind.product(*p).is_some()).collect();
            assert!(named.iter().all(|n| *n == named[0]), "{kind:?}");
        }
        assert_eq!(NodeKind::Table.product(Provider::Gcp), Some("Firestore"));
    }

    #[test]
    fn placeholders_are_found_and_unknown_ones_named() {
        assert_eq!(
            unknown_placeholders("a {function} and {gateway}"),
            Vec::<String>::new()
        );
        assert_eq!(
            unknown_placeholders("a {lambda} b {client}"),
            vec!["{lambda}", "{client}"]
        );
        // Braces that are not a placeholder word are text.
        assert!(unknown_placeholders("a {b c} d {").is_empty());
        assert!(placeholders().contains(&"{load_balancer}".to_owned()));
    }
}

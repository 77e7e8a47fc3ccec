import HealModel

/// One problem, as data: rendered elsewhere (table, JSON, JUnit …).
package struct Finding: Codable, Sendable, Equatable, ClusterTagged {
    package enum Source: String, Codable, Sendable {
        case rule
        case learned
        case llm
    }

    /// Pods of one owner with the same problem, collapsed.
    package struct Pods: Codable, Sendable, Equatable {
        package var count: Int
        package var sample: [String]
    }

    /// Stable kebab-case identifier (`oom-killed`); scripts and the learned store key on it.
    package var code: String
    package var severity: Severity
    /// The analyzer that produced it.
    package var analyzer: String
    /// The object showing the problem (a pod for pod-level findings).
    package var resource: ResourceRef
    /// The workload that manages `resource` (Deployment, StatefulSet, DaemonSet, Job …).
    package var owner: ResourceRef?
    package var container: String?
    package var pods: Pods?
    /// What is observed: "CrashLoopBackOff, last terminated OOMKilled (exit 137), 4 restarts".
    package var symptom: String
    /// Why, in one sentence.
    package var rootCause: String
    package var evidence: [Evidence]
    /// When the problem state began, if known.
    package var since: Timestamp?
    package var durationSeconds: Int?
    package var remediation: Remediation?
    /// 0…1: how sure the rule is of the root cause.
    package var confidence: Double
    package var source: Source
    /// An LLM's explanation and steps (`diagnose --explain`); nil otherwise.
    package var explanation: FindingExplanation?
    /// Set when a config-file rule changed `severity` from the analyzer's.
    package var severityOverride: SeverityOverride?
    /// The change that probably set the workload's failure off, from its timeline (a new
    /// revision, a node's state, a scaling in the hour before); nil when none precedes it.
    package var trigger: String?
    /// The kubeconfig context it was found in, in a run over several clusters (`--context a,b`,
    /// `--all-contexts`); nil for one cluster.
    package var cluster: String?

    package init(
        code: String, severity: Severity, analyzer: String, resource: ResourceRef, owner: ResourceRef? = nil,
        container: String? = nil, pods: Pods? = nil, symptom: String, rootCause: String, evidence: [Evidence] = [],
        since: Timestamp? = nil, remediation: Remediation? = nil, confidence: Double, source: Source = .rule
    ) {
        self.code = code
        self.severity = severity
        self.analyzer = analyzer
        self.resource = resource
        self.owner = owner
        self.container = container
        self.pods = pods
        self.symptom = symptom
        self.rootCause = rootCause
        self.evidence = evidence
        self.since = since
        self.remediation = remediation
        self.confidence = confidence
        self.source = source
    }

    /// What an SRE acts on: the owning workload, else the object itself.
    package var workload: ResourceRef { owner ?? resource }

    /// Worth healing by severity: warning or worse as reported *and* as its analyzer graded it,
    /// so a severity rule can take a finding out of healing but never bring one in (an info
    /// finding — a retried Job's OOM kill, a pod still starting — stays hands-off).
    package var isIncidentGrade: Bool {
        severity >= .warning && (severityOverride?.original ?? severity) >= .warning
    }
}

import HealModel

/// Why a workload has fewer ready pods than it wants: its controller cannot create them (the
/// API server refuses — quota, Pod Security, a webhook), or the pods it has are not Ready and
/// each says why. Deployments, StatefulSets and DaemonSets explain themselves with it.
struct ReplicaShortfall {
    /// The API server's refusal to create the workload's pods, as its controller reports it.
    struct Refusal {
        var message: String
        var evidence: [Evidence]
        var since: Timestamp?
    }

    /// Problems younger than this are normal while pods start (image pulls, probe delays).
    static let startupGraceSeconds: Double = 120
    static let namedPodLimit = 3

    let workload: ResourceRef
    let notReady: [Pod]
    let refusal: PodCreationFailure?
    let evidence: [Evidence]
    /// When the shortfall began: the first refusal, or the first pod that stopped being Ready.
    let since: Timestamp?
    private let reasonSummary: String?

    init(workload: ResourceRef, pods: [Pod], refused: Refusal?, context: AnalysisContext) {
        self.workload = workload
        notReady = pods.filter { $0.isLive && !$0.isReady }.sorted { $0.metadata.name < $1.metadata.name }
        refusal = refused.map { PodCreationFailure(message: $0.message, namespace: workload.namespace) }
        let reasons = notReady.map { PodNotReadyReason($0, context: context) }
        evidence = (refused?.evidence ?? []) + reasons.compactMap(\.evidence).prefix(Self.namedPodLimit)
        since = ([refused?.since] + notReady.map(\.notReadySince)).compactMap { $0 }.min()
        reasonSummary = reasons.isEmpty ? nil : PodNotReadyReason.summary(reasons)
    }

    /// "pods cannot be created: ResourceQuota q is used up (…); pod web-1 is not Ready:
    /// readiness probe failing: …", or nil when nothing explains it.
    var explanation: String? {
        var clauses: [String] = []
        if let refusal { clauses.append("pods cannot be created: \(refusal.cause)") }
        if let reasonSummary {
            clauses.append("\(Self.podNames(notReady)) \(notReady.count == 1 ? "is" : "are") not Ready: \(reasonSummary)")
        }
        return clauses.isEmpty ? nil : clauses.map(Wording.clause).joined(separator: "; ")
    }

    var pods: Finding.Pods? {
        notReady.isEmpty ? nil : Finding.Pods(count: notReady.count, sample: notReady.prefix(FindingGrouper.sampleSize).map(\.metadata.name))
    }

    /// What to do: what the refusal asks for, else look at the first pod that is not Ready.
    var remediation: Remediation {
        if let refusal { return refusal.remediation }
        guard let pod = notReady.first else {
            return Remediation(
                action: .manual, summary: "Read \(workload.typeAndName)'s events and status to see why it lacks ready pods.",
                command: KubectlCommand.describe(workload), safeToAutoApply: false)
        }
        return Remediation(
            action: .manual, summary: "Find out from pod \(pod.metadata.name)'s conditions and events why it is not Ready, and fix that.",
            command: KubectlCommand.describe(pod.ref), safeToAutoApply: false)
    }

    /// "pod a", "pods a and b", "pods a, b, c and 2 more".
    static func podNames(_ pods: [Pod]) -> String {
        let names = pods.prefix(namedPodLimit).map(\.metadata.name)
        let rest = pods.count - names.count
        let list = rest > 0 ? names.joined(separator: ", ") + " and \(rest) more" : Wording.list(names)
        return (pods.count == 1 ? "pod " : "pods ") + list
    }

    /// Whether a state that began at `since` is still inside the start-up grace.
    static func isStarting(since: Timestamp?, _ context: AnalysisContext) -> Bool {
        context.age(since: since).map { $0 < startupGraceSeconds } ?? false
    }

    /// The finding StatefulSets and DaemonSets report when fewer pods are ready than wanted:
    /// a warning while some serve, critical when none does. Their controllers report refusals
    /// as FailedCreate events on the workload itself.
    /// `rollingOut`: the controller is replacing pods with a new revision, one at a time; a
    /// replica missing for that with nothing else wrong (no refusal, no pod failing) is the
    /// rollout, not a problem.
    static func finding(
        _ code: String, analyzer: String, workload: ResourceRef, wanted: Int, ready: Int, unit: String, status: Evidence,
        rollingOut: Bool = false, context: AnalysisContext
    ) -> Finding? {
        guard wanted > 0, ready < wanted else { return nil }
        let failures = context.index.events(for: workload).warnings(reasons: ["FailedCreate"])
        let refused = failures.last.map { last in
            Refusal(message: last.message, evidence: [Evidence.event(last, object: workload)], since: failures.compactMap(\.firstSeen).min())
        }
        let shortfall = ReplicaShortfall(workload: workload, pods: context.index.pods(of: workload), refused: refused, context: context)
        guard !isStarting(since: shortfall.since, context) else { return nil }
        if rollingOut, shortfall.explanation == nil, ready >= wanted - 1 { return nil }
        return shortfall.finding(
            code, analyzer: analyzer, counts: "\(ready) of \(wanted) \(unit) ready", serving: ready > 0, status: [status], since: shortfall.since)
    }

    /// "<Kind> <name> has <counts>: <explanation>." — a warning while some replicas serve,
    /// critical when none does.
    func finding(_ code: String, analyzer: String, counts: String, serving: Bool, status: [Evidence], since: Timestamp?) -> Finding {
        Finding(
            code: code, severity: serving ? .warning : .critical, analyzer: analyzer, resource: workload,
            pods: pods,
            symptom: counts,
            rootCause: "\(workload.kind) \(workload.name) has \(counts)" + (explanation.map { ": \($0)." } ?? "; none of its pods reports why."),
            evidence: status + evidence,
            since: since,
            remediation: remediation,
            confidence: explanation == nil ? 0.6 : 0.85)
    }
}

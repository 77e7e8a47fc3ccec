import HealModel

/// CreateContainerConfigError: the container references a ConfigMap, Secret or key that does
/// not exist, so the kubelet cannot build its environment or volumes.
struct ContainerConfigAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "container-config", group: .pods,
        summary: "CreateContainerConfigError: a referenced ConfigMap, Secret or key is missing.",
        codes: ["container-config-error"],
        reads: [.pods],
        triggeringScenarios: ["config-missing-configmap", "config-missing-secret-key"],
        nonTriggeringScenarios: ["shop", "failover-clean", "agentic-demo"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        for pod in context.snapshot.pods {
            for status in pod.status.initContainerStatuses + pod.status.containerStatuses {
                guard let waiting = status.state?.waiting, waiting.reason == "CreateContainerConfigError" else { continue }
                let message = waiting.message ?? ""
                let missing = MissingReference(message)
                let users = missing.map { referencingVariables($0, container: pod.container(named: status.name)) } ?? []
                let usedBy = users.isEmpty ? "" : " (used by \(Wording.list(users)))"
                let rootCause = missing.map { "Container \(status.name) cannot start: \($0.sentence)\(usedBy)." }
                    ?? "Container \(status.name) cannot start: its configuration references something missing (\(Wording.clip(message, 160)))."
                findings.append(factory.finding(
                    "container-config-error", pod: pod, container: status.name,
                    symptom: "CreateContainerConfigError: \(Wording.clip(message, 120))",
                    rootCause: rootCause,
                    evidence: [Evidence(.status, "CreateContainerConfigError: \(message)", object: pod.ref)]
                        + factory.events(for: pod, container: status.name).filter(\.isWarning).suffix(1).map { .event($0, object: pod.ref) },
                    since: pod.notReadySince,
                    remediation: CrashRemedy.manual(missing?.fix ?? "Create the missing ConfigMap or Secret, or fix the reference in the pod template."),
                    confidence: missing == nil ? 0.6 : 0.95))
            }
        }
        return findings
    }

    private func referencingVariables(_ missing: MissingReference, container: Container?) -> [String] {
        guard let container else { return [] }
        return container.env.filter { variable in
            let reference = missing.kind == "Secret" ? variable.valueFrom?.secretKeyRef : variable.valueFrom?.configMapKeyRef
            return reference?.name == missing.name && (missing.key == nil || reference?.key == missing.key)
        }.map(\.name)
    }
}

/// The kubelet's "configmap \"x\" not found" / "couldn't find key K in Secret ns/name".
private struct MissingReference {
    var kind: String
    var name: String
    var key: String?
    var namespace: String?

    init?(_ message: String) {
        if let match = message.firstMatch(of: Self.objectNotFound) {
            kind = match.output.kind == "secret" ? "Secret" : "ConfigMap"
            name = String(match.output.name)
        } else if let match = message.firstMatch(of: Self.keyNotFound) {
            kind = String(match.output.kind)
            name = String(match.output.name)
            key = String(match.output.key)
            namespace = String(match.output.namespace)
        } else {
            return nil
        }
    }

    var sentence: String {
        if let key { return "\(kind) \(name) has no key \(key)" }
        return "\(kind) \(name) does not exist"
    }

    var fix: String {
        let flag = namespace.map { " -n \($0)" } ?? ""
        if let key {
            return "Add key \(key) to \(kind) \(name) (kubectl\(flag) edit \(kind.lowercased()) \(name)) or reference a key that exists."
        }
        let create = kind == "Secret" ? "kubectl create secret generic \(name) --from-literal=KEY=VALUE" : "kubectl create configmap \(name) --from-file=PATH"
        return "Create \(kind) \(name) in the pod's namespace (\(create)) or fix the reference."
    }

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let objectNotFound = #/(?<kind>configmap|secret) "(?<name>[^"]+)" not found/#
    nonisolated(unsafe) private static let keyNotFound = #/couldn't find key (?<key>\S+) in (?<kind>Secret|ConfigMap) (?<namespace>[^\/\s]+)\/(?<name>\S+)/#
}

import HealModel

extension Anomaly {
    static let analyzer = "anomalies"

    /// As a diagnosis finding (`diagnose --anomalies`): on the pod due to fail first (else the
    /// workload), owned by the workload, the summary as its root cause and each pod's figures as
    /// evidence. An OOM predicted under a limit carries the memory raise `--fix` plans like an
    /// OOM kill's, before the kill.
    package var finding: Finding {
        let first = pods.filter { $0.next != nil }.min { ($0.next?.secondsSince1970 ?? .infinity) < ($1.next?.secondsSince1970 ?? .infinity) }
        let resource = first.map { ResourceRef(kind: "Pod", namespace: workload.namespace, name: $0.pod) } ?? workload
        return Finding(
            code: code.rawValue, severity: severity, analyzer: Self.analyzer, resource: resource, owner: resource == workload ? nil : workload,
            container: container, symptom: symptom, rootCause: summary,
            // `since` is when a problem began; a predicted kill is in the evidence, not there.
            evidence: evidence.map { Evidence(.history, $0, object: workload) }, remediation: remediation,
            confidence: confidence)
    }

    private var symptom: String {
        switch code {
        case .oomPredicted: "Memory will reach its limit: an OOM kill is predicted"
        case .memoryGrowth: "Memory keeps growing"
        case .cpuThrottled: "CPU throttled by its limit"
        case .usageShift: "Usage changed level or pattern"
        case .usageOutlier: "Usage far from the same hour last week"
        case .restartRateJump: "Restarts far more often than it used to"
        }
    }

    private var remediation: Remediation {
        guard code == .oomPredicted, let limit = pods.compactMap(\.limitBytes).first,
            let patchTarget = ContainerPatch.templatedKinds.contains(workload.kind) ? workload : nil
        else { return Remediation(action: .manual, summary: action, safeToAutoApply: false) }
        let (from, to) = (Quantity.formatBytes(limit), Quantity.formatBytes(MemoryBump.next(after: limit)))
        let resources: JSONValue = .object(["limits": .object(["memory": .string(to)])])
        return Remediation(
            action: .raiseMemoryLimit,
            summary: "Raise the memory limit of container \(container) from \(from) to \(to) before it is reached (max of +100Mi and ×1.2).",
            parameters: ["container": container, "from": from, "to": to],
            patch: ContainerPatch.patch(patchTarget, container: container, fields: ["resources": resources]),
            command: KubectlCommand.setMemoryLimit(patchTarget, container: container, limit: to), safeToAutoApply: true)
    }
}

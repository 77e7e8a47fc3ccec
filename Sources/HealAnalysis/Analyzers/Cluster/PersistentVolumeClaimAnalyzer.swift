import HealModel

/// PersistentVolumeClaims stuck in Pending, with the provisioner's or binder's reason — or, when
/// the StorageClasses were read and no event says why, the class: missing, or none named and no
/// default. A claim on a WaitForFirstConsumer class that no pod uses yet is waiting by design.
/// A Lost claim — its bound volume is gone — holds data nothing can reach any more.
struct PersistentVolumeClaimAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "pvc", group: .storage,
        summary: "PersistentVolumeClaims Pending past a short grace, with the ProvisioningFailed/FailedBinding reason or the StorageClass at fault (missing, or none named and no default); Lost claims whose volume is gone.",
        codes: ["pvc-pending", "pvc-lost"],
        reads: [.persistentVolumeClaims],
        alsoReads: [.storageClasses],
        triggeringScenarios: ["pvc-pending", "storage-problems"],
        nonTriggeringScenarios: ["shop", "failover-clean", "statefulset-not-ready"])

    /// Dynamic provisioning normally takes seconds; a cloud disk can take a minute.
    static let graceSeconds: Double = 120
    static let problemReasons: Set<String> = ["ProvisioningFailed", "FailedBinding"]

    func analyze(_ context: AnalysisContext) -> [Finding] {
        context.snapshot.persistentVolumeClaims.compactMap { claim in
            if claim.status?.phase == "Lost" { return lost(claim, context: context) }
            guard claim.status?.phase == "Pending",
                (context.age(since: claim.metadata.creationTimestamp) ?? .infinity) >= Self.graceSeconds
            else { return nil }
            let ref = claim.metadata.ref(kind: "PersistentVolumeClaim")
            let events = context.index.events(for: ref)
            let problems = events.warnings(reasons: Self.problemReasons)
            let consumers = context.snapshot.pods.filter { pod in
                pod.metadata.namespace == ref.namespace && pod.spec.volumes.contains { $0.persistentVolumeClaim?.claimName == ref.name }
            }
            // Without a provisioning failure the claim is only a problem when a pod waits on it: a
            // WaitForFirstConsumer claim whose pod cannot be scheduled for other reasons (CPU,
            // taints) is waiting by design, and the pod's own finding says why.
            let classProblem = storageClassProblem(claim, context: context)
            guard !problems.isEmpty || classProblem != nil || consumers.contains(where: Self.isBlockedByUnboundClaims) else { return nil }
            return finding(claim, ref: ref, problem: problems.last, classProblem: classProblem, events: events, consumers: consumers)
        }
    }

    private func lost(_ claim: PersistentVolumeClaim, context: AnalysisContext) -> Finding {
        let ref = claim.metadata.ref(kind: "PersistentVolumeClaim")
        let volume = claim.spec?.volumeName
        // Pods already running keep their mount; the ones that have to start cannot.
        let waiting = context.snapshot.pods.filter { pod in
            pod.metadata.namespace == ref.namespace && pod.status.phase == "Pending"
                && pod.spec.volumes.contains { $0.persistentVolumeClaim?.claimName == ref.name }
        }
        // The binder's event says which (ClaimLost: the volume is gone; ClaimMisbound: it is bound to another claim).
        let reason = context.index.events(for: ref).warnings(reasons: ["ClaimLost", "ClaimMisbound"]).last
        return Finding(
            code: "pvc-lost", severity: .critical, analyzer: descriptor.id, resource: ref,
            symptom: "Lost\(volume.map { " (volume \($0))" } ?? "")",
            rootCause: "Claim \(ref.name) is Lost: the PersistentVolume it was bound to\(volume.map { " (\($0))" } ?? "") is gone or now bound to another claim"
                + "\(reason.map { " (\($0.reason): \(Wording.clause(Wording.clip($0.message, 160))))" } ?? ""), so its data cannot be reached through it"
                + "\(waiting.isEmpty ? "" : " and \(Wording.count(waiting.count, "pod")) that use\(waiting.count == 1 ? "s" : "") it cannot start").",
            evidence: [Evidence(.status, "status.phase: Lost", object: ref)]
                + (volume.map { [Evidence(.spec, "spec.volumeName: \($0)", object: ref)] } ?? [])
                + (reason.map { [Evidence.event($0, object: ref)] } ?? [])
                + waiting.prefix(2).map { Evidence(.status, "pod \($0.metadata.name) waits for it", object: $0.ref) },
            remediation: Remediation(
                action: .manual,
                summary: "Restore the volume\(volume.map { " \($0)" } ?? "") from a backup or snapshot (a PersistentVolume with the same name re-binds the claim), or delete the claim and let its workload create a new, empty one.",
                command: volume.map { "kubectl get pv \($0)" }, safeToAutoApply: false),
            confidence: 0.95)
    }

    private static func isBlockedByUnboundClaims(_ pod: Pod) -> Bool {
        guard let scheduled = pod.status.conditions["PodScheduled"], scheduled.isFalse else { return false }
        return SchedulerMessage(scheduled.message ?? "")?.reasons.contains { $0.cause == .unboundClaims } ?? false
    }

    /// What the StorageClasses say when they were read: the class named does not exist, or none
    /// is named (admission fills in the default when there is one) and no class is the default.
    /// `storageClassName: ""` asks for a volume made by hand on purpose.
    private func storageClassProblem(_ claim: PersistentVolumeClaim, context: AnalysisContext) -> (cause: String, remediation: Remediation)? {
        guard context.snapshot.collected.contains(.storageClasses) else { return nil }
        let classes = context.snapshot.storageClasses
        let list = Wording.clusterHas(classes.map(\.metadata.name).sorted(), "StorageClass")
        switch claim.storageClass {
        case let name? where !name.isEmpty && !classes.contains(where: { $0.metadata.name == name }):
            return ("it asks for StorageClass \(name), which does not exist (\(list))", Self.recreateWithClass(name))
        case nil where !classes.contains(where: \.isDefault):
            return (
                "it names no StorageClass and none is marked default (\(list)), so nothing provisions a volume and it waits for a PersistentVolume made by hand",
                Remediation(
                    action: .manual,
                    summary: "Mark a StorageClass as the default (annotation storageclass.kubernetes.io/is-default-class: \"true\"; the claim gets it within a minute), or re-create the claim with storageClassName set.",
                    command: KubectlCommand.get("storageclass"), safeToAutoApply: false))
        default:
            return nil
        }
    }

    private static func recreateWithClass(_ name: String) -> Remediation {
        Remediation(
            action: .manual,
            summary: "Create StorageClass \(name), or re-create the claim (for a StatefulSet, its volumeClaimTemplates) with an existing class: storageClassName cannot be changed on an existing claim.",
            command: KubectlCommand.get("storageclass"), safeToAutoApply: false)
    }

    private func finding(
        _ claim: PersistentVolumeClaim, ref: ResourceRef, problem: Event?, classProblem: (cause: String, remediation: Remediation)?, events: [Event],
        consumers: [Pod]
    ) -> Finding {
        let className = claim.spec?.storageClassName
        let cause: String
        var remediation = Remediation(
            action: .manual, summary: "Fix what the provisioner reports, or create a PersistentVolume that matches the claim.",
            command: KubectlCommand.describe(ref), safeToAutoApply: false)
        if let problem, let missing = problem.message.firstMatch(of: Self.missingStorageClass) {
            cause = "it asks for StorageClass \(missing.output.name), which does not exist"
            remediation = Self.recreateWithClass(String(missing.output.name))
        } else if let problem {
            cause = "\(problem.reason): \(Wording.clip(problem.message, 200))"
        } else if let classProblem {
            (cause, remediation) = classProblem
        } else if let waiting = events.last(where: { $0.reason == "ExternalProvisioning" }) {
            cause = "it is still waiting for its provisioner: \(Wording.clip(waiting.message, 200))"
        } else {
            cause = "no volume has been provisioned or bound\(className.map { " (StorageClass \($0))" } ?? "")"
        }
        let blocked = consumers.isEmpty ? "" : "; \(ReplicaShortfall.podNames(consumers)) cannot start until it binds"
        var evidence = [Evidence(.status, "phase Pending\(className.map { ", storageClassName \($0)" } ?? "")", object: ref, time: claim.metadata.creationTimestamp)]
        evidence += [problem ?? events.last].compactMap { $0 }.map { Evidence.event($0, object: ref) }
        evidence += consumers.prefix(3).map { Evidence(.spec, "used by pod \($0.metadata.name) (\($0.status.phase ?? "unknown phase"))", object: $0.ref) }
        return Finding(
            code: "pvc-pending", severity: .warning, analyzer: descriptor.id, resource: ref,
            owner: claim.metadata.controllerRef,
            symptom: "Pending\(problem.map { " (\($0.reason) ×\($0.count))" } ?? "")",
            rootCause: "PersistentVolumeClaim \(ref.name) stays Pending: \(Wording.clause(cause))\(blocked).",
            evidence: evidence,
            since: claim.metadata.creationTimestamp,
            remediation: remediation,
            confidence: problem == nil && classProblem == nil ? 0.6 : 0.95)
    }

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let missingStorageClass = #/storageclass\.storage\.k8s\.io "(?<name>[^"]+)" not found/#
}

import HealModel

/// StatefulSets with fewer ready replicas than they want, explained by the controller's
/// FailedCreate refusals or by why their pods are not Ready; StatefulSets whose governing
/// Service (`spec.serviceName`) does not exist, so their pods get no stable DNS names; and
/// volumeClaimTemplates naming a StorageClass that does not exist, so every claim they make
/// stays Pending.
struct StatefulSetAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "statefulset", group: .workloads,
        summary: "StatefulSets with fewer ready replicas than desired, with the reason pods cannot be created or are not Ready; a governing Service (serviceName) that does not exist; a volumeClaimTemplate naming a StorageClass that does not exist (when classes were read).",
        codes: ["statefulset-not-ready", "statefulset-service-missing", "statefulset-storage-class-missing"],
        reads: [.statefulSets],
        alsoReads: [.storageClasses, .persistentVolumeClaims],
        triggeringScenarios: ["statefulset-not-ready", "pvc-pending"],
        nonTriggeringScenarios: ["shop", "failover-clean", "daemonset-not-ready", "deployment-unavailable", "workload-guards"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        shortfalls(context) + missingServices(context) + missingClasses(context)
    }

    /// Templates asking for a class that does not exist. `storageClassName: ""` asks for a volume
    /// made by hand, and no name means the default class: the claims' own check covers both.
    private func missingClasses(_ context: AnalysisContext) -> [Finding] {
        guard context.snapshot.collected.contains(.storageClasses) else { return [] }
        let classes = context.snapshot.storageClasses.map(\.metadata.name)
        return context.snapshot.statefulSets.compactMap { statefulSet -> Finding? in
            let wrong = statefulSet.spec.volumeClaimTemplates.compactMap { template -> (String, String)? in
                let name = template.metadata.annotations["volume.beta.kubernetes.io/storage-class"] ?? template.spec?.storageClassName
                guard let name, !name.isEmpty, !classes.contains(name) else { return nil }
                return (template.metadata.name, name)
            }
            guard !wrong.isEmpty else { return nil }
            return classFinding(statefulSet, wrong: wrong, classes: classes.sorted(), context: context)
        }
    }

    /// "<template>-<statefulset>-<ordinal>": data-web-0 is web's, data-web-canary-0 is not.
    static func isClaim(_ name: String, of template: String, statefulSet: String) -> Bool {
        let prefix = "\(template)-\(statefulSet)-"
        guard name.hasPrefix(prefix) else { return false }
        let ordinal = name.dropFirst(prefix.count)
        return !ordinal.isEmpty && ordinal.allSatisfy(\.isNumber)
    }

    private func classFinding(_ statefulSet: StatefulSet, wrong: [(template: String, className: String)], classes: [String], context: AnalysisContext) -> Finding {
        let ref = statefulSet.metadata.ref(kind: "StatefulSet")
        let namespace = statefulSet.metadata.namespace ?? "default"
        // The controller names claims <template>-<statefulset>-<ordinal>.
        let claims = context.snapshot.persistentVolumeClaims.filter { claim in
            claim.metadata.namespace == statefulSet.metadata.namespace
                && wrong.contains { Self.isClaim(claim.metadata.name, of: $0.template, statefulSet: statefulSet.metadata.name) }
        }
        let pending = claims.filter { $0.status?.phase == "Pending" }.map(\.metadata.name).sorted()
        let templates = wrong.map { "volumeClaimTemplate \($0.template) asks for StorageClass \($0.className)" }
        let missing = Set(wrong.map(\.className))
        var rootCause = "\(Wording.list(templates)), which \(missing.count == 1 ? "does" : "do") not exist (\(Wording.clusterHas(classes, "StorageClass"))): every claim made from \(wrong.count == 1 ? "it" : "them") stays Pending, so each replica waits unscheduled"
        rootCause += pending.isEmpty ? "." : " (\(Wording.list(pending)) \(pending.count == 1 ? "is" : "are") Pending now)."
        rootCause += " volumeClaimTemplates cannot be changed on an existing StatefulSet."
        var evidence = wrong.map { Evidence(.spec, "volumeClaimTemplates[\($0.template)].spec.storageClassName: \($0.className)", object: ref) }
        if let claim = claims.first(where: { $0.status?.phase == "Pending" }) {
            let claimRef = claim.metadata.ref(kind: "PersistentVolumeClaim")
            evidence += context.index.events(for: claimRef).filter(\.isWarning).suffix(1).map { Evidence.event($0, object: claimRef) }
        }
        return Finding(
            code: "statefulset-storage-class-missing", severity: .warning, analyzer: descriptor.id, resource: ref,
            symptom: "StorageClass \(Wording.list(Array(Set(wrong.map(\.className))).sorted())) not found",
            rootCause: rootCause,
            evidence: evidence,
            remediation: Remediation(
                action: .manual,
                summary: "Create the StorageClass, or re-create the StatefulSet with an existing class (kubectl delete statefulset \(statefulSet.metadata.name) --cascade=orphan keeps its pods), then delete the Pending claims so they are made again.",
                command: "kubectl get storageclass; kubectl get pvc -n \(namespace)", safeToAutoApply: false),
            confidence: 0.95)
    }

    private func shortfalls(_ context: AnalysisContext) -> [Finding] {
        context.snapshot.statefulSets.compactMap { statefulSet in
            // Not yet observed by its controller: nothing to judge.
            guard let status = statefulSet.status else { return nil }
            let ready = status.readyReplicas ?? 0
            return ReplicaShortfall.finding(
                "statefulset-not-ready", analyzer: descriptor.id, workload: statefulSet.metadata.ref(kind: "StatefulSet"),
                wanted: statefulSet.desiredReplicas, ready: ready, unit: "replicas",
                status: Evidence(
                    .status,
                    "replicas \(statefulSet.desiredReplicas) desired, \(status.replicas ?? 0) created, \(ready) ready, \(status.updatedReplicas ?? 0) updated",
                    object: statefulSet.metadata.ref(kind: "StatefulSet")),
                rollingOut: status.updateRevision.map { $0 != status.currentRevision } ?? false,
                context: context)
        }
    }

    /// Only when Services were read: a snapshot without them says nothing about which exist.
    private func missingServices(_ context: AnalysisContext) -> [Finding] {
        guard context.snapshot.collected.contains(.services) else { return [] }
        let services = Set(context.snapshot.services.map { "\($0.metadata.namespace ?? "")/\($0.metadata.name)" })
        return context.snapshot.statefulSets.compactMap { statefulSet -> Finding? in
            guard let name = statefulSet.spec.serviceName, !name.isEmpty else { return nil }
            let namespace = statefulSet.metadata.namespace ?? "default"
            guard !services.contains("\(namespace)/\(name)") else { return nil }
            let ref = statefulSet.metadata.ref(kind: "StatefulSet")
            return Finding(
                code: "statefulset-service-missing", severity: .warning, analyzer: descriptor.id, resource: ref,
                symptom: "governing Service \(name) not found",
                rootCause: "spec.serviceName names Service \(name), which does not exist in namespace \(namespace): the pods get no stable DNS names (\(statefulSet.metadata.name)-0.\(name)), which peers and clients of a StatefulSet usually rely on.",
                evidence: [Evidence(.spec, "spec.serviceName: \(name)", object: ref)],
                remediation: Remediation(
                    action: .manual,
                    summary: "Create the headless Service \(name) (clusterIP: None) selecting the StatefulSet's pods, or point serviceName at the Service that exists.",
                    command: "kubectl get services -n \(namespace)", safeToAutoApply: false),
                confidence: 0.9)
        }
    }
}

import HealModel

/// PersistentVolumes the binder gave up on: Failed (its reclaim — deleting or recycling the
/// volume — did not work) or Released with Retain (its claim is gone; the data is kept and
/// nothing can bind the volume until someone decides). Only volumes whose claim lived in a
/// namespace this report covers are reported, so a namespaced run stays about its namespace.
struct PersistentVolumeAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "pv", group: .storage,
        summary: "PersistentVolumes Failed (reclaim failed) or Released with reclaim policy Retain (data kept, unbindable), for claims of the namespaces in scope.",
        codes: ["pv-failed", "pv-released"],
        reads: [.persistentVolumes],
        triggeringScenarios: ["storage-problems"],
        nonTriggeringScenarios: ["shop", "pvc-pending", "statefulset-not-ready"])

    /// A Released volume with Delete policy is normally gone within seconds.
    static let deleteGraceSeconds: Double = 600

    func analyze(_ context: AnalysisContext) -> [Finding] {
        context.snapshot.persistentVolumes.compactMap { volume in
            if let claimNamespace = volume.spec?.claimRef?.namespace, !context.snapshot.covers(namespace: claimNamespace) { return nil }
            switch volume.status?.phase {
            case "Failed": return failed(volume, context: context)
            case "Released": return released(volume, context: context)
            default: return nil
            }
        }
    }

    private func failed(_ volume: PersistentVolume, context: AnalysisContext) -> Finding {
        let ref = volume.metadata.ref(kind: "PersistentVolume")
        let policy = volume.spec?.persistentVolumeReclaimPolicy ?? "Delete"
        let message = volume.status?.message.flatMap { $0.isEmpty ? nil : $0 }
        return Finding(
            code: "pv-failed", severity: .warning, analyzer: descriptor.id, resource: ref,
            symptom: "Failed (reclaim policy \(policy))",
            rootCause: "PersistentVolume \(ref.name) is Failed: reclaiming it (\(policy)) after its claim\(Self.claimName(volume)) was deleted did not work"
                + (message.map { " (\(Wording.clause(Wording.clip($0, 200))))" } ?? "")
                + ", so its storage is neither freed nor reusable.",
            evidence: Self.evidence(volume, ref: ref) + context.index.events(for: ref).filter(\.isWarning).suffix(1).map { Evidence.event($0, object: ref) },
            since: volume.status?.lastPhaseTransitionTime,
            remediation: Remediation(
                action: .manual,
                summary: "Free the backing storage by hand (the disk, share or directory), then delete the PersistentVolume.",
                command: "kubectl describe pv \(ref.name)", safeToAutoApply: false),
            confidence: 0.9)
    }

    private func released(_ volume: PersistentVolume, context: AnalysisContext) -> Finding? {
        let ref = volume.metadata.ref(kind: "PersistentVolume")
        let policy = volume.spec?.persistentVolumeReclaimPolicy ?? "Delete"
        let since = volume.status?.lastPhaseTransitionTime
        if policy == "Retain" {
            return Finding(
                code: "pv-released", severity: .info, analyzer: descriptor.id, resource: ref,
                symptom: "Released, reclaim policy Retain",
                rootCause: "PersistentVolume \(ref.name) was Released when its claim\(Self.claimName(volume)) was deleted; with reclaim policy Retain it keeps the data and no new claim can bind it until its claimRef is cleared or it is deleted.",
                evidence: Self.evidence(volume, ref: ref),
                since: since,
                remediation: Remediation(
                    action: .manual,
                    summary: "Decide: keep the data (remove spec.claimRef so a new claim can bind it) or delete the volume and its backing storage.",
                    command: "kubectl patch pv \(ref.name) --type=json -p '[{\"op\":\"remove\",\"path\":\"/spec/claimRef\"}]'", safeToAutoApply: false),
                confidence: 1)
        }
        // With Delete the controller removes it at once; still Released means deletion is stuck.
        guard (context.age(since: since) ?? 0) >= Self.deleteGraceSeconds else { return nil }
        return failed(volume, context: context)
    }

    private static func claimName(_ volume: PersistentVolume) -> String {
        volume.spec?.claimRef.map { " \($0.namespace ?? "")/\($0.name ?? "")" } ?? ""
    }

    private static func evidence(_ volume: PersistentVolume, ref: ResourceRef) -> [Evidence] {
        [Evidence(
            .status, "phase \(volume.status?.phase ?? "?")\(volume.status?.lastPhaseTransitionTime.map { " since \($0)" } ?? ""); reclaim policy \(volume.spec?.persistentVolumeReclaimPolicy ?? "Delete")",
            object: ref, time: volume.status?.lastPhaseTransitionTime)]
            + (volume.spec?.claimRef.map { [Evidence(.spec, "claimRef \($0.namespace ?? "")/\($0.name ?? "")", object: ref)] } ?? [])
    }
}

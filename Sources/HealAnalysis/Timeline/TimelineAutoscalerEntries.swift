import HealModel

/// What an HPA's status still says after its Events expired: when it last rescaled its target
/// (with the current and desired replicas and the controller's reason), and since when it has
/// been held back (at maxReplicas or minReplicas) or unable to compute or apply a scale.
enum TimelineAutoscalerEntries {
    /// A SuccessfulRescale Event this close to lastScaleTime already is that rescale.
    static let sameRescale: Double = 5

    /// Metrics are missing for a minute or two after an HPA or its pods start (the analyzer's
    /// grace too): until then a condition that cannot compute a scale is not yet a failure.
    static let graceSeconds: Double = 120

    static func entries(_ autoscalers: [HorizontalPodAutoscaler], events: TimelineEvents, now: Timestamp) -> [TimelineEntry] {
        autoscalers.flatMap { hpa -> [TimelineEntry] in
            let ref = hpa.metadata.ref(kind: "HorizontalPodAutoscaler")
            let target = ResourceRef(kind: hpa.spec.scaleTargetRef.kind, namespace: hpa.metadata.namespace, name: hpa.spec.scaleTargetRef.name)
            let conditions = hpa.status?.conditions ?? []
            let replicas = replicaFigures(hpa)
            var entries: [TimelineEntry] = []
            if let scaled = hpa.status?.lastScaleTime, !events.events(about: ref).contains(where: { event in
                event.reason == "SuccessfulRescale" && [event.firstSeen, event.lastSeen].contains { $0.map { abs($0.seconds(since: scaled)) <= sameRescale } ?? false }
            }) {
                let how = conditions["AbleToScale"].flatMap { $0.reason == "SucceededRescale" ? $0.message : nil }
                entries.append(TimelineEntry(
                    time: scaled, kind: .scaling, object: ref, workload: target, title: "HPA \(ref.name) rescaled \(target.typeAndName)",
                    sentence: "HPA \(ref.name) last rescaled \(target.typeAndName)\(how.map { ": \(Wording.clause($0))" } ?? "") (\(replicas)).",
                    evidence: ["status.lastScaleTime: \(scaled)", "status: \(replicas)"], isChange: true))
            }
            for condition in conditions {
                guard let since = condition.lastTransitionTime, let state = heldBack(condition) else { continue }
                entries.append(TimelineEntry(
                    time: since, kind: .scaling, object: ref, workload: target, title: "HPA \(ref.name) \(state.title)",
                    sentence: "HPA \(ref.name) \(state.sentence)\(condition.reason.map { ": \($0)" } ?? "")"
                        + "\(condition.message.map { " — \(Wording.clip($0, 160))" } ?? "") (\(replicas)).",
                    evidence: ["\(condition.type)=\(condition.status) since \(since)"], isFailure: state.isFailure && now.seconds(since: since) >= graceSeconds))
            }
            return entries
        }
    }

    /// "current 3, desired 5, min 2, max 5".
    static func replicaFigures(_ hpa: HorizontalPodAutoscaler) -> String {
        let current = hpa.status?.currentReplicas.map(String.init) ?? "unknown"
        let desired = hpa.status?.desiredReplicas.map(String.init) ?? "unknown"
        return "current \(current), desired \(desired), min \(hpa.spec.minReplicas ?? 1), max \(hpa.spec.maxReplicas)"
    }

    /// A condition that holds the HPA back: limited by its bounds (not a failure: it is doing
    /// what it was told), or unable to read metrics or scale (a failure).
    private static func heldBack(_ condition: Condition) -> (title: String, sentence: String, isFailure: Bool)? {
        switch condition.type {
        case "ScalingLimited" where condition.isTrue: ("limited", "is held at a bound", false)
        case "ScalingActive" where condition.isFalse && condition.reason != "ScalingDisabled": ("cannot compute a scale", "cannot compute a scale", true)
        case "AbleToScale" where condition.isFalse: ("cannot scale", "cannot scale its target", true)
        default: nil
        }
    }
}

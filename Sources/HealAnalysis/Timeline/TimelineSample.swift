import HealModel

/// What `timeline --watch` reads each time something changes, because no object keeps its
/// history: each followed Service's ready and not-ready endpoints, each HPA's current and desired
/// replicas. Two samples apart make entries at the time of the later one.
package struct TimelineSample: Sendable, Equatable {
    struct Reading: Sendable, Equatable {
        var kind: TimelineEntry.Kind
        var workload: ResourceRef
        /// What the comparison looks at: endpoint counts, replica counts.
        var figures: [Int]
        /// "2 ready, 1 not ready".
        var text: String
        /// Nothing can answer: a Service with a selector and no ready endpoint.
        var isFailure: Bool
        /// Why the figures are what they are (an HPA's last rescale reason).
        var reason: String?
    }

    private(set) var readings: [ResourceRef: Reading] = [:]

    init(scope: TimelineScope, lookup: TimelineIndex) {
        let target = scope.target
        let slices = Dictionary(grouping: lookup.snapshot.endpointSlices) { ResourceRef(kind: "Service", namespace: $0.metadata.namespace, name: $0.serviceName ?? "") }
        for service in scope.services(lookup: lookup) {
            let ref = service.metadata.ref(kind: "Service")
            // One per pod: a dual-stack Service has a slice per IP family listing each pod twice.
            var seen = Set<String>()
            let endpoints = (slices[ref] ?? []).flatMap(\.endpoints).filter { endpoint in
                guard let identity = endpoint.targetRef?.name ?? endpoint.addresses.first else { return true }
                return seen.insert(identity).inserted
            }
            let terminating = endpoints.count { $0.conditions?.terminating == true }
            let ready = endpoints.count { $0.conditions?.terminating != true && $0.isReady }
            let notReady = endpoints.count - ready - terminating
            // The workload behind the endpoints, so a drop lines up with that workload's rollout.
            let workloads = Set(endpoints.compactMap(\.targetRef).compactMap { reference -> ResourceRef? in
                guard reference.kind == "Pod", let name = reference.name else { return nil }
                return lookup.workload(of: ResourceRef(kind: "Pod", namespace: reference.namespace ?? ref.namespace, name: name))
            })
            // Its entries belong to the workload behind it, else the target it fronts, else itself.
            readings[ref] = Reading(
                kind: .endpoints, workload: workloads.count == 1 ? workloads.first ?? ref : target ?? ref, figures: [ready, notReady, terminating],
                text: "\(ready) ready, \(notReady) not ready" + (terminating > 0 ? ", \(terminating) terminating" : ""),
                isFailure: ready == 0 && !service.spec.selector.isEmpty)
        }
        for hpa in scope.autoscalers {
            let conditions = hpa.status?.conditions ?? []
            let reason = conditions["ScalingLimited"].flatMap { $0.isTrue ? $0.message : nil }
                ?? conditions["AbleToScale"].flatMap { $0.reason == "SucceededRescale" ? $0.message : nil }
            readings[hpa.metadata.ref(kind: "HorizontalPodAutoscaler")] = Reading(
                kind: .scaling, workload: ResourceRef(kind: hpa.spec.scaleTargetRef.kind, namespace: hpa.metadata.namespace, name: hpa.spec.scaleTargetRef.name),
                figures: [hpa.status?.currentReplicas ?? -1, hpa.status?.desiredReplicas ?? -1],
                text: TimelineAutoscalerEntries.replicaFigures(hpa), isFailure: false, reason: reason)
        }
    }

    /// An entry for each reading that changed since `previous`; without one, each reading as the
    /// watch's starting point (neither a failure nor a change: it began before the watch).
    package func entries(since previous: TimelineSample?, at time: Timestamp) -> [TimelineEntry] {
        readings.sorted { $0.key < $1.key }.compactMap { ref, reading -> TimelineEntry? in
            let name = ref.kind == "Service" ? ref.typeAndName : "HPA \(ref.name)"
            let reason = reading.reason.map { ": \(Wording.clause(Wording.clip($0, 160)))" } ?? ""
            guard let previous else {
                return TimelineEntry(
                    time: time, kind: reading.kind, object: ref, workload: reading.workload, title: "\(name) when the watch started",
                    sentence: "\(name) when the watch started: \(reading.text)\(reason).", evidence: ["watch: \(reading.text)"])
            }
            guard let before = previous.readings[ref], before.figures != reading.figures else { return nil }
            let lost = reading.isFailure && !before.isFailure
            return TimelineEntry(
                time: time, kind: reading.kind, object: ref, workload: reading.workload,
                title: lost ? "\(name) has no ready endpoint" : "\(name) changed to \(reading.text)",
                sentence: "\(name): \(reading.text) (was \(before.text))\(lost ? "; every request to it fails" : "")\(reason).",
                evidence: ["watch: \(before.text) → \(reading.text)"],
                isFailure: lost, isChange: reading.kind == .scaling)
        }
    }
}

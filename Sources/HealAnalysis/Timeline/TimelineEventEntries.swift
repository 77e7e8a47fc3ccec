import HealModel

/// Events about what the timeline follows, one entry each (an Event already folds its repeats:
/// count, first and last time). Warnings are failures; a Deployment scaling a ReplicaSet, an
/// HPA rescaling and a node changing state are changes.
enum TimelineEventEntries {
    static let scalingReasons: Set<String> = ["ScalingReplicaSet", "SuccessfulRescale"]
    /// The node controller's and kubelet's Normal events about a node's state.
    static let nodeChangeReasons: Set<String> = [
        "NodeNotReady", "NodeNotSchedulable", "NodeHasDiskPressure", "NodeHasInsufficientMemory", "NodeHasInsufficientPID", "Rebooted",
        "RemovingNode", "NodeReady", "NodeSchedulable",
    ]

    /// A Deployment scaling a ReplicaSet up from 0 or down to 0 is a rollout's step: the
    /// revision's own entry is the change.
    static func isRolloutStep(_ event: Event) -> Bool {
        event.reason == "ScalingReplicaSet" && (event.message.contains(" from 0 to ") || event.message.hasSuffix(" to 0"))
    }

    static func entries(_ events: [Event], scope: TimelineScope) -> [TimelineEntry] {
        events.compactMap { event -> TimelineEntry? in
            guard scope.follows(event.regarding), let first = event.firstSeen ?? event.lastSeen ?? event.metadata.creationTimestamp else { return nil }
            let object = ResourceRef(kind: event.regarding.kind ?? "Object", namespace: event.regarding.namespace, name: event.regarding.name ?? "")
            let kind: TimelineEntry.Kind = scalingReasons.contains(event.reason) ? .scaling : object.kind == "Node" ? .node : .event
            let isChange = (kind == .scaling && !isRolloutStep(event)) || (kind == .node && nodeChangeReasons.contains(event.reason))
            let last = event.lastSeen.flatMap { $0 > first ? $0 : nil }
            return TimelineEntry(
                time: first, until: event.count > 1 ? last : nil, count: event.count > 1 ? event.count : nil, kind: kind, object: object,
                title: "\(event.reason) on \(object.typeAndName)",
                sentence: "\(object.typeAndName): \(event.reason): \(Wording.clip(event.message, 200))",
                evidence: ["\(event.type) Event \(event.reason)\(event.count > 1 ? " ×\(event.count)" : "")\(event.regarding.fieldPath.map { " (\($0))" } ?? "")"],
                isFailure: event.isWarning && !isChange, isChange: isChange,
                key: "event|\(event.metadata.uid ?? "\(event.metadata.namespace ?? "")/\(event.metadata.name)")")
        }
    }
}

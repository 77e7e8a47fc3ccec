import HealModel

extension Pod {
    package var ref: ResourceRef {
        ResourceRef(kind: "Pod", namespace: metadata.namespace, name: metadata.name)
    }

    package var isReady: Bool {
        status.conditions["Ready"]?.isTrue ?? false
    }

    /// When the pod stopped being Ready (or started, if it never was).
    package var notReadySince: Timestamp? {
        let ready = status.conditions["Ready"]
        if let ready, !ready.isTrue, let time = ready.lastTransitionTime { return time }
        return status.startTime ?? metadata.creationTimestamp
    }

    package func container(named name: String) -> Container? {
        spec.containers.first { $0.name == name } ?? spec.initContainers.first { $0.name == name }
    }
}

extension ObjectMeta {
    package func ref(kind: String) -> ResourceRef {
        ResourceRef(kind: kind, namespace: namespace, name: name)
    }

    /// The managing controller, in the object's namespace.
    package var controllerRef: ResourceRef? {
        controller.map { ResourceRef(kind: $0.kind, namespace: namespace, name: $0.name) }
    }
}

extension Array where Element == Event {
    /// Warning events with one of the given reasons, newest last.
    package func warnings(reasons: Set<String>) -> [Event] {
        filter { $0.isWarning && reasons.contains($0.reason) }
    }
}

extension Evidence {
    /// An event as evidence, with its count and last sighting (scrubbed with every finding's text).
    package static func event(_ event: Event, object: ResourceRef) -> Evidence {
        Evidence(.event, "\(event.reason): \(event.message)", object: object, time: event.lastSeen, count: event.count)
    }
}

import HealModel

/// Events grouped by the object they are about, so that the timelines of many workloads (a
/// diagnosis gives each finding's workload one) each read only their own.
struct TimelineEvents {
    private let events: [Event]
    /// Positions in `events`, not copies: a mass failure brings fifteen thousand of them.
    private let byObject: [ResourceRef: [Int]]

    init(_ events: [Event]) {
        self.events = events
        var grouped: [ResourceRef: [Int]] = [:]
        for (position, event) in events.enumerated() {
            if let ref = Self.ref(event.regarding) { grouped[ref, default: []].append(position) }
        }
        byObject = grouped
    }

    /// The object an Event is about; a node's Events carry no namespace (or an empty one).
    static func ref(_ reference: ObjectReference) -> ResourceRef? {
        guard let kind = reference.kind, let name = reference.name else { return nil }
        return ResourceRef(kind: kind, namespace: reference.namespace.flatMap { $0.isEmpty ? nil : $0 }, name: name)
    }

    func events(about ref: ResourceRef) -> [Event] {
        (byObject[ref] ?? []).map { events[$0] }
    }

    func events(about scope: TimelineScope) -> [Event] {
        scope.followed.sorted().flatMap { events(about: $0) }
    }
}

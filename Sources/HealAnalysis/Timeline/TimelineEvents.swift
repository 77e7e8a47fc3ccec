import HealModel

/// Events grouped by the object they are about, so that the timelines of many workloads (a
/// diagnosis gives each finding its trigger) each read only their own.
struct TimelineEvents {
    private let byObject: [String: [Event]]

    init(_ events: [Event]) {
        byObject = Dictionary(grouping: events.filter { Self.key($0.regarding) != nil }) { Self.key($0.regarding) ?? "" }
    }

    /// "Kind/namespace/name", as `TimelineScope.followed` holds it.
    static func key(_ reference: ObjectReference) -> String? {
        guard let kind = reference.kind, let name = reference.name else { return nil }
        return "\(kind)/\(reference.namespace ?? "")/\(name)"
    }

    func events(about scope: TimelineScope) -> [Event] {
        scope.followed.sorted().flatMap { byObject[$0] ?? [] }
    }
}

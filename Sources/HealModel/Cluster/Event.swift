/// An Event from either API: core/v1 (`involvedObject`, `message`, `count`, …) or
/// events.k8s.io/v1 (`regarding`, `note`, `deprecatedCount`, `series`, …), read into one shape.
package struct Event: Decodable, Sendable {
    package var metadata: ObjectMeta
    package var regarding: ObjectReference
    package var reason: String
    package var message: String
    /// "Normal" or "Warning".
    package var type: String
    package var count: Int
    package var firstSeen: Timestamp?
    package var lastSeen: Timestamp?
    package var reportingComponent: String?

    package var isWarning: Bool { type == "Warning" }

    /// Normal events that still explain a problem: the kubelet's back-off, its liveness kills, and
    /// a claim waiting on an external provisioner.
    package static let explanatoryNormalReasons: Set<String> = ["BackOff", "Killing", "ExternalProvisioning"]

    /// Whether diagnosis reads this event. Scheduled/Pulled/Created/Started and controller
    /// scaling notices describe a healthy life; a live collection never fetches them (see
    /// `diagnosisFieldSelectors`), which keeps memory flat on large clusters, and the index
    /// applies the same rule to snapshots.
    package var mattersForDiagnosis: Bool {
        isWarning || Self.explanatoryNormalReasons.contains(reason)
    }

    /// Field selectors that ask the API server for exactly the events `mattersForDiagnosis`
    /// keeps (one list each: field selectors cannot say "or"), so a cluster's many Normal
    /// events are never transferred.
    package static var diagnosisFieldSelectors: [String] {
        ["type=Warning"] + explanatoryNormalReasons.sorted().map { "type=Normal,reason=\($0)" }
    }

    private struct Series: Decodable {
        var count: Int?
        var lastObservedTime: Timestamp?
    }

    private struct Source: Decodable {
        var component: String?
    }

    private enum CodingKeys: String, CodingKey {
        case metadata, involvedObject, regarding, reason, message, note, type, count, deprecatedCount
        case firstTimestamp, lastTimestamp, deprecatedFirstTimestamp, deprecatedLastTimestamp, eventTime
        case series, source, reportingComponent, reportingController
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decode(ObjectMeta.self, forKey: .metadata)
        regarding =
            try container.decodeIfPresent(ObjectReference.self, forKey: .involvedObject)
            ?? container.decode(ObjectReference.self, forKey: .regarding)
        reason = try container.decodeIfPresent(String.self, forKey: .reason) ?? ""
        message =
            try container.decodeIfPresent(String.self, forKey: .message)
            ?? container.decodeIfPresent(String.self, forKey: .note) ?? ""
        type = try container.decodeIfPresent(String.self, forKey: .type) ?? "Normal"
        let series = try container.decodeIfPresent(Series.self, forKey: .series)
        count =
            try series?.count ?? container.decodeIfPresent(Int.self, forKey: .count)
            ?? container.decodeIfPresent(Int.self, forKey: .deprecatedCount) ?? 1
        let eventTime = try container.decodeIfPresent(Timestamp.self, forKey: .eventTime)
        firstSeen =
            try container.decodeIfPresent(Timestamp.self, forKey: .firstTimestamp)
            ?? container.decodeIfPresent(Timestamp.self, forKey: .deprecatedFirstTimestamp) ?? eventTime
        lastSeen =
            try series?.lastObservedTime ?? container.decodeIfPresent(Timestamp.self, forKey: .lastTimestamp)
            ?? container.decodeIfPresent(Timestamp.self, forKey: .deprecatedLastTimestamp) ?? eventTime
            ?? metadata.creationTimestamp
        reportingComponent =
            try container.decodeIfPresent(String.self, forKey: .reportingComponent).nonEmpty
            ?? container.decodeIfPresent(String.self, forKey: .reportingController)
            ?? container.decodeIfPresent(Source.self, forKey: .source)?.component
    }
}

extension ResourceKind {
    package static let events = ResourceKind(group: "", version: "v1", plural: "events", kind: "Event", statusSubresource: false, shortNames: ["ev"])
}

extension Event: KubeResource {
    package static var resource: ResourceKind { .events }
    package static var listFieldSelectors: [String?] { diagnosisFieldSelectors }
    package var listFieldSelector: String? { isWarning ? "type=Warning" : "type=Normal,reason=\(reason)" }
}

extension ClusterSnapshot {
    package var events: [Event] {
        get { self[Event.self] }
        _modify { yield &self[Event.self] }
    }
}

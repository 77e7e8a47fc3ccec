import HealModel

/// One fact behind a finding, with where it came from and when.
package struct Evidence: Codable, Sendable, Equatable {
    package enum Source: String, Codable, Sendable {
        /// A status field of the object.
        case status
        /// A Kubernetes Event about the object (matched by kind and name).
        case event
        /// A line of a container log.
        case log
        /// The object's spec.
        case spec
        /// What the newest rollout changed compared with the revision before it.
        case rollout
        /// Usage history from Prometheus (`--anomalies`).
        case history
    }

    package var source: Source
    package var object: ResourceRef?
    package var text: String
    package var time: Timestamp?
    /// For events: how many times it was seen.
    package var count: Int?

    package init(_ source: Source, _ text: String, object: ResourceRef? = nil, time: Timestamp? = nil, count: Int? = nil) {
        self.source = source
        self.text = text
        self.object = object
        self.time = time
        self.count = count
    }
}

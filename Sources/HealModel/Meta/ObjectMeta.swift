/// The metadata fields the analyzers use. `managedFields` and kubectl's last-applied
/// annotation are dropped while decoding: they are most of an object's bytes and never read.
package struct ObjectMeta: Decodable, Sendable {
    /// `heal.kubectl.io/ignore: "code,code"` or `"*"`: findings about this object (or what it owns)
    /// that its owners chose to leave out of reports.
    package static let ignoreAnnotation = "heal.kubectl.io/ignore"

    package var name: String
    package var namespace: String?
    package var uid: String?
    package var resourceVersion: String?
    package var generation: Int?
    package var creationTimestamp: Timestamp?
    package var deletionTimestamp: Timestamp?
    package var labels: [String: String]
    package var annotations: [String: String]
    package var ownerReferences: [OwnerReference]

    package init(
        name: String, namespace: String? = nil, uid: String? = nil, labels: [String: String] = [:],
        annotations: [String: String] = [:], ownerReferences: [OwnerReference] = [], creationTimestamp: Timestamp? = nil
    ) {
        self.name = name
        self.namespace = namespace
        self.uid = uid
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
        self.creationTimestamp = creationTimestamp
    }

    private enum CodingKeys: String, CodingKey {
        case name, namespace, uid, resourceVersion, generation, creationTimestamp, deletionTimestamp
        case labels, annotations, ownerReferences
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        namespace = try container.decodeIfPresent(String.self, forKey: .namespace)
        uid = try container.decodeIfPresent(String.self, forKey: .uid)
        resourceVersion = try container.decodeIfPresent(String.self, forKey: .resourceVersion)
        generation = try container.decodeIfPresent(Int.self, forKey: .generation)
        creationTimestamp = try container.decodeIfPresent(Timestamp.self, forKey: .creationTimestamp)
        deletionTimestamp = try container.decodeIfPresent(Timestamp.self, forKey: .deletionTimestamp)
        labels = try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
        var annotations = try container.decodeIfPresent([String: String].self, forKey: .annotations) ?? [:]
        annotations["kubectl.kubernetes.io/last-applied-configuration"] = nil
        self.annotations = annotations
        ownerReferences = try container.decodeIfPresent([OwnerReference].self, forKey: .ownerReferences) ?? []
    }

    /// The owner that manages this object (`controller: true`), if any.
    package var controller: OwnerReference? {
        ownerReferences.first { $0.controller == true }
    }
}

package struct OwnerReference: Decodable, Sendable, Hashable {
    package var apiVersion: String?
    package var kind: String
    package var name: String
    package var uid: String?
    package var controller: Bool?

    package init(kind: String, name: String, uid: String? = nil, controller: Bool? = true) {
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
    }
}

/// `involvedObject` / `regarding` of an Event, `targetRef` of an endpoint.
package struct ObjectReference: Decodable, Sendable, Hashable {
    package var kind: String?
    package var namespace: String?
    package var name: String?
    package var uid: String?
    package var apiVersion: String?
    package var fieldPath: String?
}

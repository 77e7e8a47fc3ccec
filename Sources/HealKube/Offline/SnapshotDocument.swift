import HealModel

/// One JSON or YAML document of a snapshot: a List (`PodList`, or kubectl's mixed `List`) or a
/// single object. Objects of kinds diagnose does not read (ConfigMaps, ReplicationControllers …)
/// are skipped, not rejected.
struct SnapshotDocument: Decodable {
    var objects: [any KubeResource] = []
    /// Kinds present as a typed List, even an empty one: these count as collected.
    var listedKinds: Set<ResourceKind> = []
    var skippedKinds: Set<String> = []

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        static let kind = Key(stringValue: "kind")
        static let items = Key(stringValue: "items")
    }

    private struct KindProbe: Decodable {
        var kind: String?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? ""
        guard kind.hasSuffix("List") else {
            try add(kind: kind, from: decoder)
            return
        }
        let itemKind = kind == "List" ? nil : String(kind.dropLast("List".count))
        if let itemKind {
            if let known = ResourceKind(kind: itemKind) { listedKinds.insert(known) } else { skippedKinds.insert(itemKind) }
        }
        guard container.contains(.items), try !container.decodeNil(forKey: .items) else { return }
        var items = try container.nestedUnkeyedContainer(forKey: .items)
        while !items.isAtEnd {
            let itemDecoder = try items.superDecoder()
            let kind = try itemKind ?? KindProbe(from: itemDecoder).kind ?? ""
            try add(kind: kind, from: itemDecoder)
        }
    }

    private mutating func add(kind: String, from decoder: any Decoder) throws {
        guard let known = ResourceKind(kind: kind) else {
            if !kind.isEmpty { skippedKinds.insert(kind) }
            return
        }
        objects.append(try KindRegistry.type(of: known).init(from: decoder))
        listedKinds.insert(known)
    }
}

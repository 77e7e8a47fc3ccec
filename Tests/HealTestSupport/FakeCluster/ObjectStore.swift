import Foundation

/// One change as watches see it. DELETED carries the object's last state stamped with the
/// deletion's resourceVersion, as kube-apiserver sends it.
struct WatchEvent: Sendable {
    enum Kind: String, Sendable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
    }

    let kind: Kind
    let key: ObjectKey
    let object: JSONValue
    /// The state before a MODIFIED, so a selector watch can turn it into ADDED or DELETED.
    let previous: JSONValue?
    let resourceVersion: Int
}

/// The etcd of the fake cluster: objects by key, one global resourceVersion counter that
/// every write bumps, and a bounded history of changes for watches to resume from. A value
/// type, so a dry run is a write to a copy.
struct ObjectStore: Sendable {
    private var objects: [ObjectKey: JSONValue] = [:]
    /// Each type's keys in list order, kept sorted on create and delete so that listing
    /// (which the controllers do many times per write) never scans other types or sorts.
    private var keysByType: [ResourceType: [ObjectKey]] = [:]
    private(set) var resourceVersion = 0
    private(set) var history: [WatchEvent] = []
    /// Watches may start from this resourceVersion or any later one.
    private(set) var oldestWatchable = 0
    let historyLimit: Int

    /// Types whose objects carry `metadata.generation`, bumped on every change outside
    /// metadata and status.
    private static let generationTypes: Set<ResourceType> = [.pods, .deployments, .replicaSets, .endpointSlices]

    /// kube-apiserver's order of metadata fields.
    private static let metadataOrder = [
        "name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences",
        "finalizers", "managedFields",
    ]

    init(historyLimit: Int = 10_000) {
        self.historyLimit = historyLimit
    }

    subscript(key: ObjectKey) -> JSONValue? { objects[key] }

    /// The objects of `type` (in `namespace`, or all when nil), in key order.
    func list(_ type: ResourceType, namespace: String?) -> [(key: ObjectKey, object: JSONValue)] {
        let keys = keysByType[type] ?? []
        let range: Range<Int>
        if let namespace {
            // Keys sort by namespace first: the namespace's objects are one run.
            let start = insertionIndex(of: ObjectKey(type: type, namespace: namespace, name: ""), in: keys)
            let end = keys[start...].firstIndex { $0.namespace != namespace } ?? keys.endIndex
            range = start..<end
        } else {
            range = keys.indices
        }
        return keys[range].compactMap { key in objects[key].map { (key: key, object: $0) } }
    }

    /// Stores an object read from a file as it is (identity and resourceVersion included),
    /// without a watch event: history starts after seeding.
    mutating func seed(_ object: JSONValue, at key: ObjectKey) {
        if objects.updateValue(object, forKey: key) == nil { index(key) }
        noteSeeded(resourceVersion: Int(object.value(at: ["metadata", "resourceVersion"])?.stringValue ?? "") ?? 0)
    }

    /// etcd's compaction: the history before now is gone, so a watch resuming from an older
    /// resourceVersion is answered 410 Gone and must list again.
    mutating func compact() {
        oldestWatchable = resourceVersion
        history.removeAll()
    }

    /// Moves the counter past a seeded List's resourceVersion.
    mutating func noteSeeded(resourceVersion seeded: Int) {
        resourceVersion = max(resourceVersion, seeded)
        oldestWatchable = resourceVersion
        history.removeAll()
    }

    /// Stores a new object with a uid, creationTimestamp and the next resourceVersion.
    mutating func create(_ object: JSONValue, at key: ObjectKey, now: String) -> JSONValue {
        resourceVersion += 1
        var metadata = object["metadata"] ?? .object([])
        if metadata["uid"] == nil {
            metadata = metadata.setting("uid", to: .string(StableHash.uuid("\(key)#\(resourceVersion)")))
        }
        metadata = metadata.setting("resourceVersion", to: .string(String(resourceVersion)))
            .setting("creationTimestamp", to: metadata["creationTimestamp"] ?? .string(now))
        if Self.generationTypes.contains(key.type), metadata["generation"] == nil {
            metadata = metadata.setting("generation", to: 1)
        }
        let stored = object.setting("metadata", to: Self.ordered(metadata))
        if objects.updateValue(stored, forKey: key) == nil { index(key) }
        record(WatchEvent(kind: .added, key: key, object: stored, previous: nil, resourceVersion: resourceVersion))
        return stored
    }

    /// Replaces a stored object. An update that changes nothing is not a write (no new
    /// resourceVersion, no event), as with the API server.
    mutating func update(_ object: JSONValue, at key: ObjectKey) -> JSONValue {
        guard let previous = objects[key] else { preconditionFailure("update of missing \(key)") }
        let previousVersion = previous.value(at: ["metadata", "resourceVersion"]) ?? .string("")
        var candidate = object.setting(path: ["metadata", "resourceVersion"], to: previousVersion)
        if let generation = previous.value(at: ["metadata", "generation"])?.intValue,
            !Self.withoutMetadataAndStatus(candidate).sameContent(as: Self.withoutMetadataAndStatus(previous))
        {
            candidate = candidate.setting(path: ["metadata", "generation"], to: .int(generation + 1))
        }
        if candidate.sameContent(as: previous) { return previous }
        resourceVersion += 1
        let metadata = (candidate["metadata"] ?? .object([]))
            .setting("resourceVersion", to: .string(String(resourceVersion)))
        let stored = candidate.setting("metadata", to: Self.ordered(metadata))
        objects[key] = stored
        record(WatchEvent(kind: .modified, key: key, object: stored, previous: previous, resourceVersion: resourceVersion))
        return stored
    }

    @discardableResult
    mutating func delete(_ key: ObjectKey) -> JSONValue? {
        guard let object = objects.removeValue(forKey: key) else { return nil }
        let position = insertionIndex(of: key, in: keysByType[key.type] ?? [])
        keysByType[key.type]?.remove(at: position)
        resourceVersion += 1
        let last = object.setting(path: ["metadata", "resourceVersion"], to: .string(String(resourceVersion)))
        record(WatchEvent(kind: .deleted, key: key, object: last, previous: nil, resourceVersion: resourceVersion))
        return last
    }

    /// The changes after `resourceVersion`, or nil when history no longer reaches back there.
    func events(after version: Int) -> ArraySlice<WatchEvent>? {
        guard version >= oldestWatchable else { return nil }
        let start = history.firstIndex { $0.resourceVersion > version } ?? history.endIndex
        return history[start...]
    }

    private mutating func index(_ key: ObjectKey) {
        let keys = keysByType[key.type] ?? []
        keysByType[key.type, default: []].insert(key, at: insertionIndex(of: key, in: keys))
    }

    /// The first position whose key does not sort before `key` (binary search).
    private func insertionIndex(of key: ObjectKey, in keys: [ObjectKey]) -> Int {
        var (low, high) = (0, keys.count)
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func record(_ event: WatchEvent) {
        history.append(event)
        if history.count > historyLimit {
            let dropped = history.removeFirst()
            oldestWatchable = dropped.resourceVersion
        }
    }

    private static func withoutMetadataAndStatus(_ object: JSONValue) -> JSONValue {
        object.setting("metadata", to: nil).setting("status", to: nil)
    }

    private static func ordered(_ metadata: JSONValue) -> JSONValue { metadata.ordered(by: metadataOrder) }
}

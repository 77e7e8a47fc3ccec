/// The API server's write verbs on the cluster state, shared by the HTTP front end and the
/// test-side helpers. A successful write (unless a dry run) makes the controllers react
/// (`react()`: at once with `.instant` timing, else a round `reactionDelay` later).
extension ClusterState {
    /// Where `path` (with an explicit name for collections) stores its object.
    func key(_ path: APIPath, name: String? = nil) -> ObjectKey {
        let type = ResourceType(group: path.group, resource: path.resource)
        return ObjectKey(type: type, namespace: type.info().namespaced ? path.namespace : nil, name: name ?? path.name ?? "")
    }

    mutating func create(_ posted: JSONValue, in path: APIPath, dryRun: Bool, manager: String? = nil) throws(APIStatusError) -> JSONValue {
        let type = ResourceType(group: path.group, resource: path.resource)
        var name = posted.name
        if name.isEmpty, let prefix = posted.value(at: ["metadata", "generateName"])?.stringValue {
            name = prefix + StableHash.suffix("\(prefix)#\(store.resourceVersion)")
        }
        guard !name.isEmpty else { throw .badRequest("name or generateName is required") }
        let key = key(path, name: name)
        guard store[key] == nil else { throw .alreadyExists(type, name: name) }
        let info = type.info(version: path.groupVersionPrefix.last ?? "v1", posted: posted)
        var object = posted.prepending([
            .init(key: "kind", value: .string(info.kind)), .init(key: "apiVersion", value: .string(info.apiVersion)),
        ]).setting(path: ["metadata", "name"], to: .string(name))
        if let namespace = key.namespace {
            object = object.setting(path: ["metadata", "namespace"], to: .string(namespace))
        }
        if info.hasStatusSubresource {
            object = object.setting("status", to: Self.initialStatus(type))
        }
        if let manager {
            object = ManagedFields.record(manager: manager, subresource: nil, before: nil, after: object, time: Self.timestamp())
        }
        return try commit(dryRun: dryRun, keeping: nil) { state in
            let stored = state.store.create(object, at: key, now: Self.timestamp())
            if type == .pods { state.noteCreated(pod: stored.uid) }
            return stored
        }
    }

    /// PUT: the whole object, with an optimistic-concurrency check on `metadata.resourceVersion`.
    mutating func replace(_ object: JSONValue, at path: APIPath, dryRun: Bool, manager: String? = nil) throws(APIStatusError) -> JSONValue {
        let (key, stored) = try existing(path)
        if !object.name.isEmpty, object.name != key.name {
            throw .badRequest("the name of the object (\(object.name)) does not match the name on the URL (\(key.name))")
        }
        return try update(key, stored: stored, to: object, subresource: path.subresource, dryRun: dryRun, manager: manager)
    }

    mutating func patch(
        _ patch: JSONValue, at path: APIPath, strategy: JSONMergePatch.Strategy, dryRun: Bool, manager: String? = nil
    ) throws(APIStatusError) -> JSONValue {
        let (key, stored) = try existing(path)
        let patched = JSONMergePatch.apply(patch, to: stored, strategy: strategy)
        let precondition = patch.value(at: ["metadata", "resourceVersion"])
        return try update(key, stored: stored, to: patched.setting(path: ["metadata", "resourceVersion"], to: precondition),
                          subresource: path.subresource, dryRun: dryRun, manager: manager)
    }

    /// A pod is deleted gracefully (see `PodTermination`): answered with it terminating, and
    /// deleting it again changes nothing. Other objects go at once.
    mutating func delete(at path: APIPath, dryRun: Bool) throws(APIStatusError) -> JSONValue {
        let (key, stored) = try existing(path)
        if key.type == .pods, PodTermination.isTerminating(stored) { return stored }
        return try commit(dryRun: dryRun, keeping: stored.value(at: ["metadata", "resourceVersion"])) { state in
            if key.type == .pods { return PodTermination.begin(stored, at: key, in: &state) }
            return state.store.delete(key) ?? stored
        }
    }

    private func existing(_ path: APIPath) throws(APIStatusError) -> (ObjectKey, JSONValue) {
        let key = key(path)
        guard let stored = store[key] else { throw .notFound(key.type, name: key.name) }
        return (key, stored)
    }

    /// Writes `object` over `stored`: a given `metadata.resourceVersion` must match; identity
    /// fields stay; the main resource keeps the stored status and `/status` changes only it;
    /// `manager` (the request's fieldManager) is recorded in `managedFields`.
    private mutating func update(
        _ key: ObjectKey, stored: JSONValue, to object: JSONValue, subresource: String?, dryRun: Bool, manager: String?
    ) throws(APIStatusError) -> JSONValue {
        if let version = object.value(at: ["metadata", "resourceVersion"])?.stringValue, !version.isEmpty,
            version != stored.value(at: ["metadata", "resourceVersion"])?.stringValue
        {
            throw .conflict(key.type, name: key.name)
        }
        var updated = object
        for field in ["kind", "apiVersion"] { updated = updated.setting(field, to: stored[field]) }
        for field in ["name", "namespace", "uid", "creationTimestamp", "generation"] {
            updated = updated.setting(path: ["metadata", field], to: stored.value(at: ["metadata", field]))
        }
        if subresource == "status" {
            updated = stored.setting("status", to: object["status"])
        } else if key.type.info().hasStatusSubresource {
            updated = updated.setting("status", to: stored["status"])
        }
        if let manager {
            updated = ManagedFields.record(manager: manager, subresource: subresource, before: stored, after: updated, time: Self.timestamp())
        }
        let result = updated
        return try commit(dryRun: dryRun, keeping: stored.value(at: ["metadata", "resourceVersion"])) {
            $0.store.update(result, at: key)
        }
    }

    /// Runs `write` on this state, then lets the controllers react; for a dry run, on a copy
    /// that is thrown away (nothing scheduled), answering with the resourceVersion stored
    /// before (none for a create).
    private mutating func commit(
        dryRun: Bool, keeping version: JSONValue?, _ write: (inout ClusterState) throws(APIStatusError) -> JSONValue
    ) throws(APIStatusError) -> JSONValue {
        guard dryRun else {
            let result = try write(&self)
            react()
            return result
        }
        var scratch = self
        return try write(&scratch).setting(path: ["metadata", "resourceVersion"], to: version)
    }

    private static func initialStatus(_ type: ResourceType) -> JSONValue {
        switch type {
        case .pods: ["phase": "Pending"]
        case .services: ["loadBalancer": .object([])]
        default: .object([])
        }
    }
}

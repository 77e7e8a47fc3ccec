/// Everything one diagnosis reads, whether fetched from a live cluster or loaded from files:
/// the objects of each registered kind (`snapshot[Pod.self]`, or `snapshot.pods`), logs, and
/// what was and was not read.
package struct ClusterSnapshot: Sendable {
    private var lists: [ResourceKind: any ObjectList] = [:]
    package var logs: [ContainerLogKey: ContainerLogs] = [:]
    private var interner = ContainerSpecInterner()

    /// Kinds that were read (possibly empty). An analyzer whose input kind is missing stays
    /// silent instead of reporting "no endpoints" for endpoints nobody fetched.
    package var collected: Set<ResourceKind> = []
    /// What could not be read (RBAC, say), each with the server's reason.
    package var unreadable: [UnreadableResource] = []
    /// "Now" for ages and grace periods: the wall clock for a live cluster, the newest time in
    /// the data for a snapshot, so that a snapshot reads the same whenever it is analysed.
    package var referenceTime: Timestamp?
    /// The namespace the snapshot was read for (nil: every namespace) and those left out: what
    /// an analyzer asks before calling an object in another namespace missing.
    package var namespaceScope: String?
    package var excludedNamespaces: Set<String> = []
    /// For snapshot files: the namespaces they hold objects of, the only ones known to be read.
    package var knownNamespaces: Set<String>?

    package init() {}

    /// The objects of one kind. Setting replaces them as they are (no interning).
    package subscript<Object: KubeResource>(_ type: Object.Type) -> [Object] {
        get { lists[Object.resource].map { $0 as! [Object] } ?? [] }
        // Moves the array out while it is changed, so that appending never copies it.
        _modify {
            var objects = lists.removeValue(forKey: Object.resource).map { $0 as! [Object] } ?? []
            defer { lists[Object.resource] = objects }
            yield &objects
        }
    }

    /// The metadata of every object of `kind`, whatever its model.
    package func metadata(of kind: ResourceKind) -> [ObjectMeta] {
        lists[kind]?.metadata ?? []
    }

    package func count(of kind: ResourceKind) -> Int {
        lists[kind]?.count ?? 0
    }

    package mutating func insert<Object: KubeResource>(_ object: Object) {
        var object = object
        object.intern(in: &interner)
        self[Object.self].append(object)
    }

    package mutating func append<Object: KubeResource>(contentsOf objects: [Object]) {
        var interned = objects
        for index in interned.indices { interned[index].intern(in: &interner) }
        self[Object.self].append(contentsOf: interned)
    }

    /// Adds everything from `other` (another page, another namespace, another file).
    package mutating func merge(_ other: ClusterSnapshot) {
        if interner.isEmpty, count(of: Pod.resource) == 0 {
            // Adopted pods keep sharing their specs through the other's interner.
            interner = other.interner
        }
        for (kind, list) in other.lists {
            if let mine = lists[kind], mine.count > 0 {
                list.append(to: &self)
            } else {
                // Adopt the other's objects as they are, without a copy.
                lists[kind] = list
            }
        }
        logs.merge(other.logs) { _, new in new }
        collected.formUnion(other.collected)
        unreadable += other.unreadable
    }

    /// The same snapshot keeping only the objects whose metadata `keep` accepts.
    package func filtered(_ keep: (ResourceKind, ObjectMeta) -> Bool) -> ClusterSnapshot {
        var result = self
        for (kind, list) in lists {
            result.lists[kind] = list.filtered { keep(kind, $0) }
        }
        return result
    }
}

/// The objects of one kind, whatever their model: what the snapshot needs to handle every kind
/// alike.
private protocol ObjectList: Sendable {
    var count: Int { get }
    var metadata: [ObjectMeta] { get }
    func filtered(_ keep: (ObjectMeta) -> Bool) -> any ObjectList
    func append(to snapshot: inout ClusterSnapshot)
}

extension Array: ObjectList where Element: KubeResource {
    fileprivate var metadata: [ObjectMeta] { map(\.metadata) }

    fileprivate func filtered(_ keep: (ObjectMeta) -> Bool) -> any ObjectList {
        filter { keep($0.metadata) }
    }

    fileprivate func append(to snapshot: inout ClusterSnapshot) {
        snapshot.append(contentsOf: self)
    }
}

package struct UnreadableResource: Sendable, Equatable, Codable {
    /// "deployments.apps", "pods/log".
    package var resource: String
    package var namespace: String?
    /// The server's `reason` ("Forbidden") or a short cause.
    package var reason: String
    package var message: String
    /// The kubeconfig context, in a run over several clusters.
    package var cluster: String?
    /// For a whole cluster that could not be read (resource "cluster"): the exit code its
    /// failure alone would have given, and what to do about it.
    package var exitCode: Int32?
    package var hint: String?

    package init(resource: String, namespace: String?, reason: String, message: String, cluster: String? = nil, exitCode: Int32? = nil, hint: String? = nil) {
        self.resource = resource
        self.namespace = namespace
        self.reason = reason
        self.message = message
        self.cluster = cluster
        self.exitCode = exitCode
        self.hint = hint
    }
}

extension UnreadableResource: ClusterTagged {}

import HealKube
import HealModel

/// Objects of one kind kept current by a watch: the shared bookkeeping of the failover and
/// healing watchers, keyed as the caller chooses (by name within one namespace, or
/// namespace/name across several).
struct WatchedObjects<Object: Sendable>: Sendable {
    private(set) var byKey: [String: Object] = [:]
    private let key: @Sendable (Object) -> String

    init(_ objects: [Object], key: @escaping @Sendable (Object) -> String) {
        self.key = key
        replace(with: objects)
    }

    var values: [Object] { Array(byKey.values) }
    var count: Int { byKey.count }

    subscript(key: String) -> Object? { byKey[key] }

    mutating func apply(_ event: WatchEvent<Object>) {
        switch event {
        case .added(let object), .modified(let object): byKey[key(object)] = object
        case .deleted(let object): byKey[key(object)] = nil
        case .relisted(let all, _): replace(with: all)
        case .bookmark: break
        }
    }

    /// Keeps only the `limit` objects that sort first by `newerFirst`.
    mutating func cap(_ limit: Int, newerFirst: (Object, Object) -> Bool) {
        guard byKey.count > limit else { return }
        replace(with: Array(byKey.values.sorted(by: newerFirst).prefix(limit)))
    }

    private mutating func replace(with objects: [Object]) {
        byKey = Dictionary(objects.map { (key($0), $0) }, uniquingKeysWith: { _, newer in newer })
    }
}

extension Event {
    /// Newest first, for capping how many Events a watcher keeps.
    static func newerFirst(_ lhs: Event, _ rhs: Event) -> Bool {
        (lhs.lastSeen ?? Timestamp(secondsSince1970: 0)) > (rhs.lastSeen ?? Timestamp(secondsSince1970: 0))
    }
}

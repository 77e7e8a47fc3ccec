import HealModel

/// What to read from a live cluster.
package struct CollectionScope: Sendable {
    /// nil: every namespace (`-A`).
    package var namespace: String?
    package var excludedNamespaces: [String]
    package var kinds: Set<ResourceKind>
    package var logs: LogPolicy

    package init(
        namespace: String?, excludedNamespaces: [String] = [],
        kinds: Set<ResourceKind> = Set(ResourceKind.allCases), logs: LogPolicy = LogPolicy()
    ) {
        self.namespace = namespace
        self.excludedNamespaces = excludedNamespaces
        self.kinds = kinds
        self.logs = logs
    }
}

/// Which container logs to read: those of crashing containers, a few pods per workload (the
/// pods of one ReplicaSet crash the same way), tails only.
package struct LogPolicy: Sendable {
    package var enabled = true
    package var tailLines = 50
    package var limitBytes = 64 * 1024
    package var samplesPerWorkload = 2
    package var concurrency = 8

    package init() {}
}

/// Reported while collecting, for a progress line on a terminal.
package struct CollectionProgress: Sendable {
    package var finishedKinds: Int
    package var totalKinds: Int
    package var objects: Int
    package var logsFetched: Int
    package var logsTotal: Int
}

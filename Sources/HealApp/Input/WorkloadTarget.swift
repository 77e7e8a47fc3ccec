import HealModel

/// `deployment/web`, `sts/db`, `ds/agent`: the one workload recommend-limits and cost work on.
package struct WorkloadTarget: Sendable, Equatable {
    package static let kinds: [ResourceKind] = [.deployments, .statefulSets, .daemonSets]

    package var kind: ResourceKind
    package var name: String

    package init(kind: ResourceKind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// TYPE/NAME; anything but a workload is refused with how to write it.
    package init(parsing text: String) throws(InvalidInput) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw InvalidInput("\"\(text)\" is not TYPE/NAME; write e.g. deployment/web, statefulset/db or daemonset/agent")
        }
        guard let kind = ResourceKind(userInput: parts[0]), Self.kinds.contains(kind) else {
            throw InvalidInput("\"\(parts[0])\" in \"\(text)\" is not a workload type; use deployment, statefulset or daemonset")
        }
        self.init(kind: kind, name: parts[1])
    }
}

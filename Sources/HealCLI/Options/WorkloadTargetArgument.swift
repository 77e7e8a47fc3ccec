import ArgumentParser
import HealModel

/// `deployment/web`, `sts/db`, `ds/agent`: the one workload recommend-limits and cost work on.
enum WorkloadTargetArgument {
    static let kinds: [ResourceKind] = [.deployments, .statefulSets, .daemonSets]

    /// The kind ("Deployment") and name; a usage error for anything but a workload.
    static func parse(_ text: String) throws -> (kind: ResourceKind, name: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw ValidationError("\"\(text)\" is not TYPE/NAME; write e.g. deployment/web, statefulset/db or daemonset/agent")
        }
        guard let kind = ResourceKind(userInput: parts[0]), kinds.contains(kind) else {
            throw ValidationError("\"\(parts[0])\" in \"\(text)\" is not a workload type; use deployment, statefulset or daemonset")
        }
        return (kind, parts[1])
    }
}

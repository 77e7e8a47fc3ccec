import HealAnalysis
import HealModel

/// TYPE/NAME as users type it, read the same way by every front end. The messages name the
/// value, not the flag or argument it came from; the front end says which.
package enum TargetInput {
    /// What recommend-limits and cost work on.
    package static let workloadKinds: [ResourceKind] = [.deployments, .statefulSets, .daemonSets]

    /// Any kind a diagnosis reads: deployment/web, svc/api, pod/x.
    package static func object(_ text: String) throws(InvalidInput) -> ResourceTarget {
        let (type, name) = try split(text, examples: "deployment/web or svc/api")
        guard let kind = ResourceKind(userInput: type) else {
            throw InvalidInput(
                "unknown resource type \"\(type)\" in \"\(text)\"; use pod, deployment, statefulset, daemonset, job, replicaset, service, node, pvc, hpa or ingress")
        }
        return ResourceTarget(kind: kind, name: name)
    }

    /// One workload: deployment/web, sts/db, ds/agent; anything else is refused with how to write it.
    package static func workload(_ text: String) throws(InvalidInput) -> ResourceTarget {
        let (type, name) = try split(text, examples: "deployment/web, statefulset/db or daemonset/agent")
        guard let kind = ResourceKind(userInput: type), workloadKinds.contains(kind) else {
            throw InvalidInput("\"\(type)\" in \"\(text)\" is not a workload type; use deployment, statefulset or daemonset")
        }
        return ResourceTarget(kind: kind, name: name)
    }

    /// What a timeline follows: a workload, a Service or a pod.
    package static let timelineKinds: [ResourceKind] = [.deployments, .statefulSets, .daemonSets, .jobs, .cronJobs, .services, .pods]

    /// deployment/web, cj/nightly, svc/api, pod/x; anything else is refused with the kinds it takes.
    package static func timeline(_ text: String) throws(InvalidInput) -> ResourceTarget {
        let (type, name) = try split(text, examples: "deployment/web, cronjob/nightly, svc/api or pod/web-1")
        guard let kind = ResourceKind(userInput: type), timelineKinds.contains(kind) else {
            throw InvalidInput("\"\(type)\" in \"\(text)\" has no timeline; use deployment, statefulset, daemonset, job, cronjob, service or pod")
        }
        return ResourceTarget(kind: kind, name: name)
    }

    private static func split(_ text: String, examples: String) throws(InvalidInput) -> (type: String, name: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { throw InvalidInput("\"\(text)\" is not TYPE/NAME; write e.g. \(examples)") }
        return (parts[0], parts[1])
    }
}

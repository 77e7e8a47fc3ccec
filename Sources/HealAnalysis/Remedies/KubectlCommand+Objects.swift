import Foundation

/// Commands about whole objects — inspect, scale, patch — for the workload, network, cluster
/// and hygiene remediations.
extension KubectlCommand {
    static func describe(_ object: ResourceRef) -> String {
        "kubectl\(namespaceFlag(object)) describe \(object.typeAndName)"
    }

    static func scale(_ workload: ResourceRef, replicas: Int) -> String {
        "kubectl\(namespaceFlag(workload)) scale \(workload.typeAndName) --replicas=\(replicas)"
    }

    /// Sets requests (and limits) on one container; values the caller does not know are
    /// written as `<cpu>`-style placeholders.
    static func setResources(_ workload: ResourceRef, container: String, requests: [String], limits: [String] = []) -> String {
        let requestText = requests.isEmpty ? "" : " --requests=" + requests.map { "\($0)=<\($0)>" }.joined(separator: ",")
        let limitText = limits.isEmpty ? "" : " --limits=" + limits.map { "\($0)=<\($0)>" }.joined(separator: ",")
        return "kubectl\(namespaceFlag(workload)) set resources \(workload.typeAndName) -c \(container)\(requestText)\(limitText)"
    }

    /// `kubectl patch` with the patch body inline, quoted for a POSIX shell.
    static func patch(_ patch: Patch) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a JSONValue cannot fail: every case maps to plain JSON.
        let body = (try? encoder.encode(patch.body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let quoted = body.replacingOccurrences(of: "'", with: #"'\''"#)
        return "kubectl\(namespaceFlag(patch.target)) patch \(patch.target.typeAndName) --type=\(patch.type.rawValue) -p '\(quoted)'"
    }

    static func logs(_ pod: ResourceRef, container: String? = nil) -> String {
        "kubectl\(namespaceFlag(pod)) logs \(pod.name)\(container.map { " -c \($0)" } ?? "")"
    }

    /// The kubectl form of a resource kind that `ResourceRef.typeAndName` does not cover.
    static func get(_ resource: String, name: String? = nil, namespace: String? = nil) -> String {
        "kubectl\(namespace.map { " -n \($0)" } ?? "") get \(resource)\(name.map { " \($0)" } ?? "")"
    }

    /// Starts a CronJob's run now, outside its schedule.
    static func createJob(named name: String, fromCronJob cronJob: ResourceRef) -> String {
        "kubectl\(namespaceFlag(cronJob)) create job \(name) --from=cronjob/\(cronJob.name)"
    }

    static func createDisruptionBudget(for workload: ResourceRef, selector: String, maxUnavailable: Int) -> String {
        "kubectl\(namespaceFlag(workload)) create poddisruptionbudget \(workload.name) --selector=\(selector) --max-unavailable=\(maxUnavailable)"
    }

    /// Sets an HPA's maxReplicas; the new maximum is the reader's choice.
    static func setMaxReplicas(_ autoscaler: ResourceRef) -> String {
        "kubectl\(namespaceFlag(autoscaler)) patch hpa \(autoscaler.name) --type=merge -p '{\"spec\":{\"maxReplicas\":<new-maximum>}}'"
    }
}

import HealModel

/// One sentence per log-recognised cause, completed with what the spec and cluster say (is the
/// variable in the spec? is that address a Service?).
enum LogCauseWording {
    static func sentence(for diagnosis: LogDiagnosis, container: String, pod: Pod, context: AnalysisContext) -> String {
        let subjects = diagnosis.subjects
        switch diagnosis.code {
        case "missing-env-vars":
            return missingVariables(subjects, container: container, pod: pod)
        case "dependency-connection-refused":
            let target = subjects.first.map { " \($0)" } ?? ""
            let service = subjects.first.flatMap { serviceName(for: $0, context: context, namespace: pod.metadata.namespace) }
            let named = service.map { " (Service \($0))" } ?? ""
            return "Container \(container) exits because its dependency at\(target.isEmpty ? " a remote address" : target)\(named) refuses connections: the dependency is down, not ready yet, or the address is wrong."
        case "permission-denied":
            let path = subjects.first.map { " \($0)" } ?? " a file it needs"
            return "Container \(container) exits because it may not access\(path) (permission denied): the user it runs as lacks access — check securityContext (runAsUser, fsGroup) and the volume's permissions."
        case "missing-file":
            let path = subjects.first.map { " \($0)" } ?? " a file it needs"
            return "Container \(container) exits because\(path) does not exist: a ConfigMap, Secret or volume that should provide it is not mounted there, or the path is wrong."
        case "exec-format-error":
            let architecture = pod.spec.nodeName.flatMap { node in context.snapshot.nodes.first { $0.metadata.name == node } }?
                .metadata.labels["kubernetes.io/arch"]
            let node = architecture.map { " for the node's \($0) CPU" } ?? ""
            return "Container \(container) cannot start its program\(subjects.first.map { " \($0)" } ?? ""): the image was not built\(node) (exec format error) — use a multi-architecture image or one built for this node."
        case "jvm-out-of-memory":
            let kind = subjects.first.map { " (\($0))" } ?? ""
            return "The JVM in container \(container) runs out of memory\(kind) and exits: raise the heap (-Xmx or -XX:MaxRAMPercentage) together with the container's memory limit."
        default:
            let first = subjects.first.map { ": \(Wording.clip($0, 120))" } ?? ""
            return "Container \(container) crashes on an unhandled error\(first)."
        }
    }

    private static func missingVariables(_ names: [String], container: String, pod: Pod) -> String {
        guard !names.isEmpty else {
            return "Container \(container) exits because required environment variables are missing (its log says so without naming them)."
        }
        let spec = pod.container(named: container)
        let absent = names.filter { name in !(spec?.env.contains { $0.name == name } ?? false) }
        let empty = names.filter { name in spec?.env.first { $0.name == name }?.isEmpty ?? false }
        var clauses: [String] = []
        if !absent.isEmpty {
            clauses.append("\(Wording.list(absent)) \(absent.count == 1 ? "is" : "are") not set in the container spec")
        }
        if !empty.isEmpty {
            clauses.append("\(Wording.list(empty)) \(empty.count == 1 ? "is" : "are") set to an empty value")
        }
        let fromSources = (spec?.envFrom ?? []).compactMap { $0.configMapRef?.name.map { "ConfigMap \($0)" } ?? $0.secretRef?.name.map { "Secret \($0)" } }
        let sources = fromSources.isEmpty ? "" : " (it also loads \(Wording.list(fromSources)), which does not provide them)"
        let detail = clauses.isEmpty ? "\(Wording.list(names)) \(names.count == 1 ? "is" : "are") empty at run time" : clauses.joined(separator: " and ")
        return "Container \(container) exits because required environment variables are empty: \(detail)\(sources)."
    }

    /// "10.96.12.7:5432" → "demo/postgres" when that is a Service's cluster IP and port.
    private static func serviceName(for target: String, context: AnalysisContext, namespace: String?) -> String? {
        let parts = target.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { return nil }
        let host = String(parts[0])
        let service = context.snapshot.services.first { service in
            (service.spec.clusterIP == host || service.metadata.name == host.split(separator: ".").first.map(String.init))
                && service.spec.ports.contains { $0.port == port }
        }
        return service.map { "\($0.metadata.namespace ?? namespace ?? "")/\($0.metadata.name)" }
    }
}

import ArgumentParser
import Foundation
import HealActions
import HealAnalysis
import HealApp
import HealCLI
import HealModel
import HealTestSupport
import Testing
import Yams

/// `deploy/healer`: each overlay built with `kubectl kustomize` (kubectl-heal itself never needs
/// kubectl; scripts/install-deps.sh installs it for this test), then checked as the API server
/// would see it: known kinds and API versions, namespaces, the Deployment's probes and
/// arguments (parsed by kubectl-heal's own parser), and RBAC that grants what diagnose reads
/// and what the fixes write — no more.
@Suite("deploy/healer: the in-cluster healer's kustomize base and overlays")
struct HealerManifestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "deploy/healer")
    /// Kind → the apiVersion the manifests must use, and whether it is namespaced.
    static let schema: [String: (apiVersion: String, namespaced: Bool)] = [
        "Namespace": ("v1", false), "ServiceAccount": ("v1", true), "ConfigMap": ("v1", true),
        "ClusterRole": ("rbac.authorization.k8s.io/v1", false), "ClusterRoleBinding": ("rbac.authorization.k8s.io/v1", false),
        "Role": ("rbac.authorization.k8s.io/v1", true), "RoleBinding": ("rbac.authorization.k8s.io/v1", true),
        "Deployment": ("apps/v1", true), "PodDisruptionBudget": ("policy/v1", true), "NetworkPolicy": ("networking.k8s.io/v1", true),
    ]
    static let namespace = "kubectl-heal"

    @Test("report-only: every object is of a known kind and version, in its namespace; the healer reads, elects a leader, writes its reports and serves probes")
    func reportOnly() throws {
        let objects = try Self.build("overlays/report-only")
        #expect(Set(objects.map(\.kind)) == ["Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment", "PodDisruptionBudget", "NetworkPolicy"])
        try Self.checkSchema(objects)
        let arguments = try Self.checkDeployment(objects)
        #expect(!arguments.contains("--fix") && arguments.contains("--report-configmaps"))
        let grants = Self.grants(objects)
        let writes = Set(grants.filter { !["get", "list", "watch"].contains($0.verb) }.map { "\($0.group)/\($0.resource):\($0.verb)@\($0.namespace ?? "*")" })
        #expect(writes == [
            "coordination.k8s.io/leases:create@kubectl-heal", "coordination.k8s.io/leases:update@kubectl-heal",
            "/configmaps:create@kubectl-heal", "/configmaps:update@kubectl-heal",
        ], "report-only writes its Lease and its reports, in its own namespace: \(writes.sorted())")
        try Self.checkReads(grants)
    }

    @Test("fix: the same healer with --fix, the safe policy and a shared store; it writes Deployments, pods and Events only")
    func fix() throws {
        let objects = try Self.build("overlays/fix")
        try Self.checkSchema(objects)
        let arguments = try Self.checkDeployment(objects)
        #expect(arguments.contains("--fix") && !arguments.contains("--yes"), "unattended fixes come from the policy's allow, not --yes")
        let store = try #require(arguments.firstIndex(of: "--store").map { arguments[$0 + 1] })
        #expect(store == "configmap://kubectl-heal/kubectl-heal-memory")
        let grants = Self.grants(objects)
        let writes = Set(grants.filter { !["get", "list", "watch"].contains($0.verb) }.map { "\($0.group)/\($0.resource):\($0.verb)@\($0.namespace ?? "*")" })
        #expect(writes == [
            "apps/deployments:patch@*", "apps/deployments:update@*", "/pods:delete@*", "/events:create@*",
            "coordination.k8s.io/leases:create@kubectl-heal", "coordination.k8s.io/leases:update@kubectl-heal",
            "/configmaps:create@kubectl-heal", "/configmaps:update@kubectl-heal",
        ], "\(writes.sorted())")
        try Self.checkReads(grants)

        // The policy the Deployment mounts loads, allows the safe fixes and denies the rest.
        let configMap = try #require(objects.first { $0.kind == "ConfigMap" && $0.name == "kubectl-heal-policy" })
        #expect(configMap.body["immutable"] as? Bool == true, "the healer may update ConfigMaps in its namespace, not its own policy")
        let text = try #require((configMap.body["data"] as? [String: Any])?["policy.yaml"] as? String)
        let folder = try TemporaryDirectory()
        let policy = try HealPolicy.load(contentsOf: try folder.write("policy.yaml", text).path)
        for action in [Remediation.Action.setImage, .raiseMemoryLimit, .restartPod] {
            #expect(policy.verdict(for: action, namespace: "shop", labels: [:]).decision == .allow, "\(action)")
        }
        for action in [Remediation.Action.setEnv, .rollback, .scale, .setResources] {
            #expect(policy.verdict(for: action, namespace: "shop", labels: [:]).decision == .deny, "\(action)")
        }
        #expect(policy.verdict(for: .raiseMemoryLimit, namespace: "shop", labels: ["tier": "db"]).decision == .deny)
        #expect(policy.verdict(for: .restartPod, namespace: "kube-system", labels: [:]).decision == .deny)
    }

    // MARK: Building and reading

    struct Object {
        var body: [String: Any]
        var kind: String { body["kind"] as? String ?? "" }
        var metadata: [String: Any] { body["metadata"] as? [String: Any] ?? [:] }
        var name: String { metadata["name"] as? String ?? "" }
        var namespace: String? { metadata["namespace"] as? String }
    }

    /// `kubectl kustomize deploy/healer/PATH`, parsed.
    static func build(_ path: String) throws -> [Object] {
        let kubectl = try #require(
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/kubectl" }
                .first { FileManager.default.isExecutableFile(atPath: $0) },
            "kubectl is needed to build the kustomization; scripts/install-deps.sh installs it")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubectl)
        process.arguments = ["kustomize", root.appending(path: path).path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "kubectl kustomize \(path): \(message)")
        return try Yams.load_all(yaml: String(decoding: data, as: UTF8.self)).compactMap { $0 as? [String: Any] }.map(Object.init)
    }

    static func checkSchema(_ objects: [Object]) throws {
        for object in objects {
            let expected = try #require(schema[object.kind], "\(object.kind) is not a kind the healer should need")
            #expect(object.body["apiVersion"] as? String == expected.apiVersion, "\(object.kind) \(object.name)")
            #expect(!object.name.isEmpty)
            #expect(object.namespace == (expected.namespaced ? namespace : nil), "\(object.kind) \(object.name) in \(object.namespace ?? "no namespace")")
            #expect((object.metadata["labels"] as? [String: String])?["app.kubernetes.io/name"] == "kubectl-heal-healer", "\(object.kind) \(object.name)")
        }
        let names = objects.map { "\($0.kind)/\($0.namespace ?? "")/\($0.name)" }
        #expect(Set(names).count == names.count, "no object twice: \(names)")
        // Bindings name roles and a ServiceAccount that exist here.
        for binding in objects where binding.kind.hasSuffix("Binding") {
            let role = try #require(binding.body["roleRef"] as? [String: Any])
            #expect(objects.contains { $0.kind == role["kind"] as? String && $0.name == role["name"] as? String }, "\(binding.name) → \(role)")
            let subjects = try #require(binding.body["subjects"] as? [[String: Any]])
            #expect(subjects.allSatisfy { $0["kind"] as? String == "ServiceAccount" && $0["name"] as? String == "kubectl-heal-healer" && $0["namespace"] as? String == namespace })
        }
    }

    /// The Deployment: two replicas under a PodDisruptionBudget, probes on the metrics port,
    /// the pod's name and namespace for the Lease, arguments kubectl-heal accepts. Returns them.
    static func checkDeployment(_ objects: [Object]) throws -> [String] {
        let deployment = try #require(objects.first { $0.kind == "Deployment" }?.body)
        let spec = try #require(deployment["spec"] as? [String: Any])
        #expect(spec["replicas"] as? Int == 2)
        let labels = try #require((spec["selector"] as? [String: Any])?["matchLabels"] as? [String: String])
        let template = try #require(spec["template"] as? [String: Any])
        #expect((template["metadata"] as? [String: Any])?["labels"] as? [String: String] == labels)
        let pod = try #require(template["spec"] as? [String: Any])
        #expect(pod["serviceAccountName"] as? String == "kubectl-heal-healer")
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        let arguments = try #require(container["args"] as? [String])
        _ = try Heal.parseAsRoot(arguments)
        #expect(arguments.starts(with: ["diagnose", "--all-namespaces", "--watch"]) && arguments.contains("--leader-elect"), "\(arguments)")
        let address = try #require(arguments.firstIndex(of: "--metrics-addr").map { arguments[$0 + 1] })
        let port = try #require((container["ports"] as? [[String: Any]])?.first { $0["name"] as? String == "metrics" }?["containerPort"] as? Int)
        #expect(address == ":\(port)")
        for (probe, path) in [("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")] {
            let get = try #require((container[probe] as? [String: Any])?["httpGet"] as? [String: Any], "\(probe)")
            #expect(get["path"] as? String == path && get["port"] as? String == "metrics", "\(probe)")
        }
        let env = (container["env"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(env.contains("POD_NAME") && env.contains("POD_NAMESPACE"))
        let resources = try #require(container["resources"] as? [String: Any])
        #expect(resources["requests"] != nil && (resources["limits"] as? [String: Any])?["memory"] != nil)
        let budget = try #require(objects.first { $0.kind == "PodDisruptionBudget" }?.body["spec"] as? [String: Any])
        #expect(budget["minAvailable"] as? Int == 1 && (budget["selector"] as? [String: Any])?["matchLabels"] as? [String: String] == labels)
        let network = try #require(objects.first { $0.kind == "NetworkPolicy" }?.body["spec"] as? [String: Any])
        let ingressPorts = (network["ingress"] as? [[String: Any]] ?? []).flatMap { $0["ports"] as? [[String: Any]] ?? [] }.compactMap { $0["port"] as? Int }
        #expect(ingressPorts == [port], "only the metrics port is open")
        return arguments
    }

    struct Grant: Hashable {
        var group: String
        var resource: String
        var verb: String
        /// nil: cluster-wide (a ClusterRole).
        var namespace: String?
    }

    static func grants(_ objects: [Object]) -> [Grant] {
        objects.filter { $0.kind == "ClusterRole" || $0.kind == "Role" }.flatMap { role in
            (role.body["rules"] as? [[String: Any]] ?? []).flatMap { rule in
                let groups = rule["apiGroups"] as? [String] ?? []
                let resources = rule["resources"] as? [String] ?? []
                let verbs = rule["verbs"] as? [String] ?? []
                return groups.flatMap { group in
                    resources.flatMap { resource in verbs.map { Grant(group: group, resource: resource, verb: $0, namespace: role.kind == "Role" ? role.namespace : nil) } }
                }
            }
        }
    }

    /// Every kind a diagnosis of all analyzers reads is listable and watchable cluster-wide —
    /// but Secrets: RBAC cannot grant their metadata alone, and diagnose goes on without them —
    /// and nothing else is readable but pods' logs and namespaces (the namespace check).
    static func checkReads(_ grants: [Grant]) throws {
        let read = DiagnoseJob.kindsToCollect(DiagnosisOptions()).subtracting([.secrets])
        for kind in read {
            for verb in ["list", "watch"] {
                #expect(grants.contains(Grant(group: kind.group, resource: kind.plural, verb: verb)), "\(verb) \(kind.groupResource)")
            }
        }
        let needed = Set(read.map { "\($0.group)/\($0.plural)" }).union(["/pods/log", "/namespaces"])
        let readable = Set(grants.filter { $0.namespace == nil && ["get", "list", "watch"].contains($0.verb) }.map { "\($0.group)/\($0.resource)" })
        #expect(readable.subtracting(needed).isEmpty, "read but not needed: \(readable.subtracting(needed).sorted())")
    }
}

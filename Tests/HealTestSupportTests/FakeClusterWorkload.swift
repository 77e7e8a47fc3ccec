import Foundation
import HealTestSupport
import Testing

/// A one-container Deployment in namespace `demo` of a fresh FakeCluster, and the reads the
/// spec-derived tests make of it.
struct FakeClusterWorkload {
    static let namespace = "demo"
    let cluster: FakeCluster
    let name: String

    var path: String { "/apis/apps/v1/namespaces/\(Self.namespace)/deployments/\(name)" }

    /// Creates the Deployment; `env` is the container's `env` array as JSON text.
    init(
        _ cluster: FakeCluster, name: String = "app", image: String = "busybox:1.36", memoryLimit: String? = nil,
        env: String = "[]"
    ) throws {
        self.cluster = cluster
        self.name = name
        let resources = memoryLimit.map { #"{"limits":{"memory":"\#($0)"}}"# } ?? "{}"
        try cluster.create(json: #"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"\#(name)","namespace":"\#(Self.namespace)"},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"\#(name)"}},
              "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
              "template":{"metadata":{"labels":{"app":"\#(name)"}},
               "spec":{"containers":[{"name":"\#(name)","image":"\#(image)","resources":\#(resources),"env":\#(env)}]}}}}
            """#)
    }

    /// A strategic merge patch of the one container, as `kubectl set image`/`set env` send.
    func patchContainer(_ fields: String) throws {
        try cluster.strategicMergePatch(
            at: path, json: #"{"spec":{"template":{"spec":{"containers":[{"name":"\#(name)",\#(fields)}]}}}}"#)
    }

    func deployment() throws -> JSON {
        try JSON(data: #require(cluster.object(at: path)))
    }

    /// The Deployment's pods, oldest ReplicaSet's first.
    func pods() throws -> [JSON] {
        try cluster.objects(in: "/api/v1/namespaces/\(Self.namespace)/pods").map { try JSON(data: $0) }
            .filter { $0["metadata"]?["labels"]?["app"] == .string(name) }
    }

    /// The pods of the ReplicaSet the Deployment's current template runs in.
    func currentPods() throws -> [JSON] {
        let revision = try deployment()["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"]
        let replicaSets = try cluster.objects(in: "/apis/apps/v1/namespaces/\(Self.namespace)/replicasets").map { try JSON(data: $0) }
        let current = replicaSets.first {
            $0["metadata"]?["ownerReferences"]?[0]?["name"] == .string(name)
                && $0["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == revision
        }?["metadata"]?["name"]
        return try pods().filter { $0["metadata"]?["ownerReferences"]?[0]?["name"] == current }
    }

    /// The one container's status in the current ReplicaSet's only pod.
    func container() throws -> JSON {
        let pods = try currentPods()
        try #require(pods.count == 1, "expected one current pod, got \(pods.count)")
        return try #require(pods[0]["status"]?["containerStatuses"]?[0])
    }

    /// The kubelet's Events: those about pods.
    func events() throws -> [JSON] {
        try allEvents().filter { $0["involvedObject"]?["kind"] == .string("Pod") }
    }

    /// Every Event of the namespace, the controllers' included.
    func allEvents() throws -> [JSON] {
        try cluster.objects(in: "/api/v1/namespaces/\(Self.namespace)/events").map { try JSON(data: $0) }
    }

    func isHealthy() throws -> Bool {
        let deployment = try deployment()
        let pods = try pods()
        return deployment["status"]?["availableReplicas"] == .number(1) && pods.count == 1
            && pods.allSatisfy { $0["status"]?["phase"] == .string("Running") && $0["status"]?["containerStatuses"]?[0]?["ready"] == .bool(true) }
    }
}

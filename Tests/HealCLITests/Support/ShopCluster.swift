import Foundation
import HealTestSupport

/// The fake cluster with healthy Deployments `app-0`, `app-1`, … (one pod each) in namespace
/// `shop`, a kubeconfig for it, and `diagnose --watch -n shop` started against it.
struct ShopCluster {
    static let pods = "/api/v1/namespaces/shop/pods"

    let cluster: FakeCluster
    let folder: TemporaryDirectory
    let kubeconfig: URL

    init(deployments: Int) throws {
        cluster = try FakeCluster()
        _ = cluster.seedHealthyDeployments(namespace: "shop", deployments: deployments, replicasEach: 1)
        folder = try TemporaryDirectory()
        kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
    }

    /// `diagnose --watch -n shop` with `arguments`, running in the background.
    func watch(_ arguments: [String] = []) -> BackgroundRun {
        BackgroundRun(["diagnose", "--watch", "-n", "shop", "--kubeconfig", kubeconfig.path] + arguments)
    }

    /// Node `worker-1`, Ready, and Service `web` selecting `app-0`'s pods: the other kinds a
    /// watch follows, healthy to start with. True once the fake's controllers have settled.
    func addReadyNodeAndWebService() async throws -> Bool {
        try cluster.create(json: #"{"apiVersion":"v1","kind":"Node","metadata":{"name":"worker-1"}}"#)
        try setNode(ready: true)
        try cluster.create(json: #"""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop"},
             "spec":{"selector":{"app":"app-0"},"ports":[{"name":"http","port":80,"targetPort":80,"protocol":"TCP"}]}}
            """#)
        return await cluster.settle()
    }

    /// Writes `worker-1`'s Ready condition, as its kubelet does.
    func setNode(ready: Bool) throws {
        let condition = ready
            ? #"{"type":"Ready","status":"True","reason":"KubeletReady","message":"kubelet is posting ready status"}"#
            : #"{"type":"Ready","status":"False","reason":"KubeletNotReady","message":"container runtime network not ready"}"#
        try cluster.mergePatch(at: "/api/v1/nodes/worker-1/status", json: #"{"status":{"conditions":[\#(condition)]}}"#)
    }

    /// Returns once a watch of `path` is open: the command is past its first collection.
    func waitUntilWatching(_ path: String = pods) async throws {
        try await waitUntil("a watch of \(path) is open", timeout: .seconds(30)) { watching(cluster, path) }
    }
}

/// Whether a watch of `path` has been opened on `cluster`.
func watching(_ cluster: FakeCluster, _ path: String) -> Bool {
    cluster.server.requests(path: path).contains { $0.query("watch") == "1" }
}

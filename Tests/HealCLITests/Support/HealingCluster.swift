import Foundation
@testable import HealApp
import HealCLI
import HealModel
import HealStore
import HealTestSupport
import Testing

/// The stateful fake cluster seeded with the captured agentic-demo namespace (four broken
/// Deployments whose pod status follows their specs), a kubeconfig and a private store for
/// `diagnose --fix` runs, and the reads tests make of the result.
struct HealingCluster {
    static let namespace = FakeCluster.agenticDemoNamespace

    let cluster: FakeCluster
    let folder: TemporaryDirectory
    let kubeconfig: URL
    let store: URL

    init() throws {
        cluster = try FakeCluster.agenticDemo()
        folder = try TemporaryDirectory()
        kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "test-token"))
        store = folder.url.appending(path: "memory.sqlite")
    }

    /// Runs a command against the cluster with the real clock (healing times and cooldowns
    /// are real), a short verification window (`verify`: for commands that change something;
    /// `verifyFor` long) and the private store.
    func run(
        _ arguments: [String], namespace: String? = Self.namespace, storeFlag: String? = nil, verify: Bool = true, verifyFor: String = "300ms",
        variables: [String: String] = [:], stopRequested: @escaping @Sendable () async -> Void = AppEnvironment.noSignal
    ) async -> CLIRun {
        let scope = namespace.map { ["-n", $0] } ?? []
        let verification = verify ? ["--verify-for", verifyFor] : []
        return await CLIRunner.run(
            arguments + scope + ["--kubeconfig", kubeconfig.path, "--store", storeFlag ?? store.path] + verification,
            variables: variables, now: Date.init, stopRequested: stopRequested)
    }

    func deployment(_ name: String, namespace: String = Self.namespace) throws -> Deployment {
        try JSONDecoder().decode(
            Deployment.self, from: try #require(cluster.object(at: "/apis/apps/v1/namespaces/\(namespace)/deployments/\(name)")))
    }

    func container(of deployment: String, namespace: String = Self.namespace) throws -> Container {
        try #require(try self.deployment(deployment, namespace: namespace).spec.template?.spec.containers.first)
    }

    /// Deletes a Deployment (with its pods) and creates it again from its captured manifest:
    /// the same broken workload, as a new object.
    func recreate(_ name: String) async throws {
        try cluster.deleteDeployment(namespace: Self.namespace, name: name)
        try cluster.create(json: try FakeCluster.agenticDemoManifest(name))
        try #require(await cluster.settle(), "the controllers settle after re-creating \(name)")
    }

    func openStore() throws -> SQLiteFixStore {
        try SQLiteFixStore(path: store.path)
    }

    /// The reasons of the Events kubectl-heal posted on Deployments.
    func healEventReasons(namespace: String = Self.namespace) throws -> [String] {
        try cluster.objects(in: "/api/v1/namespaces/\(namespace)/events").map { try JSONDecoder().decode(Event.self, from: $0) }
            .filter { $0.regarding.kind == "Deployment" && $0.reason.hasPrefix("HealAction") }.map(\.reason)
    }
}

extension CLIRun {
    /// The JSON lines of `-o json` healing output, decoded loosely.
    var jsonLines: [[String: Any]] {
        stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    func events(_ type: String) -> [[String: Any]] {
        jsonLines.filter { $0["kind"] as? String == "HealEvent" && $0["type"] as? String == type }
    }
}

import Foundation
@testable import HealApp
import HealCLI
import HealModel
import HealTestSupport
import Testing

/// The stateful fake cluster seeded with the captured blue/green namespace (Service web,
/// web-blue active with 2 pods, web-green at 0), a kubeconfig for it, and the reads tests
/// make of its state.
struct BlueGreenCluster {
    static let namespace = "mcp-failover-clean"
    static let servicePath = "/api/v1/namespaces/\(namespace)/services/web"

    let cluster: FakeCluster
    let folder: TemporaryDirectory
    let kubeconfig: URL

    init() throws {
        cluster = try FakeCluster.blueGreen()
        folder = try TemporaryDirectory()
        kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "test-token"))
    }

    func run(_ arguments: [String], stopRequested: @escaping @Sendable () async -> Void = AppEnvironment.noSignal) async -> CLIRun {
        await CLIRunner.run(arguments + ["-n", Self.namespace, "--kubeconfig", kubeconfig.path], stopRequested: stopRequested)
    }

    func service() throws -> Service {
        try JSONDecoder().decode(Service.self, from: try #require(cluster.object(at: Self.servicePath)))
    }

    func deployment(_ name: String) throws -> Deployment {
        try JSONDecoder().decode(
            Deployment.self, from: try #require(cluster.object(at: "/apis/apps/v1/namespaces/\(Self.namespace)/deployments/\(name)")))
    }

    /// The reasons of the Events on Service web (in no particular order: their names are generated).
    func eventReasons() throws -> [String] {
        try cluster.objects(in: "/api/v1/namespaces/\(Self.namespace)/events").map { try JSONDecoder().decode(Event.self, from: $0) }
            .filter { $0.regarding.kind == "Service" }.map(\.reason)
    }

    func activeColour() throws -> String? {
        try service().spec.selector["version"]
    }

    /// Sets what a colour's pods do and waits until the controllers have acted on it.
    func setBehaviour(_ behaviour: FakeCluster.PodBehaviour, _ deployment: String) async {
        cluster.setBehaviour(behaviour, namespace: Self.namespace, deployment: deployment)
        if await !cluster.settle() { Issue.record("the fake cluster did not settle after setting \(deployment)'s behaviour") }
    }

    /// Polls until `condition` holds (the fake's controller works in the background).
    func waitUntil(_ what: String, timeout: Duration = .seconds(20), _ condition: () throws -> Bool) async throws {
        try await HealCLITests.waitUntil(what, timeout: timeout, condition)
    }

    /// Ready endpoints behind Service web, as its EndpointSlices say.
    func readyEndpoints() throws -> Int {
        try cluster.objects(in: "/apis/discovery.k8s.io/v1/namespaces/\(Self.namespace)/endpointslices")
            .map { try JSONDecoder().decode(EndpointSlice.self, from: $0) }
            .filter { $0.serviceName == "web" }
            .flatMap(\.endpoints).filter(\.isReady).count
    }
}

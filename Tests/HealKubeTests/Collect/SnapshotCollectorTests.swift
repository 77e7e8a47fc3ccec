import Foundation
import HealHTTP
import HealKube
import HealModel
import HealTestSupport
import Testing

/// Reading a live (fake) cluster into a `ClusterSnapshot`: every kind, the logs of crashing
/// containers only, and RBAC refusals or unserved API groups recorded instead of failing —
/// except for pods, the core of a diagnosis.
@Suite("snapshot collection")
struct SnapshotCollectorTests {
    static let example = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "scripts/example", directoryHint: .isDirectory)

    /// Collects `scope` from a fake API server serving `root`, scripted by `prepare`; the server
    /// comes back for its recorded requests (and stops when released).
    private func collect(
        from root: URL, _ scope: CollectionScope, prepare: (FakeAPIServer) -> Void = { _ in }
    ) async throws -> (snapshot: ClusterSnapshot, server: FakeAPIServer) {
        let server = try FakeAPIServer(fixtureRoot: root)
        prepare(server)
        return (try await SnapshotCollector(client: TestClients.client(server)).collect(scope), server)
    }

    private func logRequests(_ server: FakeAPIServer) -> [String] {
        server.requests.filter { $0.path.hasSuffix("/log") }
            .map { "\($0.path.split(separator: "/")[5])/\($0.query("container") ?? "")\($0.query("previous") == "true" ? " previous" : "")" }
            .sorted()
    }

    @Test("a namespace scope lists every kind through namespaced paths and marks each one collected; the Gateway API, not installed, is no error")
    func everyKindCollected() async throws {
        let (snapshot, server) = try await collect(from: Fixtures.scenario("agentic-demo"), CollectionScope(namespace: "agentic-demo"))

        #expect(snapshot.collected == Set(ResourceKind.allCases.filter { !$0.installedByCRD }))
        #expect(snapshot.unreadable.isEmpty, "the 404s for gateways, httproutes and gatewayclasses say its CRDs are not installed")
        #expect(snapshot.pods.map(\.metadata.name).sorted() == [
            "alpine-app-6f55c5d7d8-nj25q", "memory-hungry-6478d69d96-mg7j2", "mysql-client-7c5999d768-fngbb",
            "web-server-59c44b768d-tm998",
        ])
        #expect(snapshot.deployments.count == 4)
        #expect(!snapshot.nodes.isEmpty)
        #expect(!snapshot.events.isEmpty)
        let eventNames = snapshot.events.map(\.metadata.name)
        #expect(Set(eventNames).count == eventNames.count, "the events' field selectors do not overlap")
        #expect(snapshot.events.allSatisfy { $0.mattersForDiagnosis }, "the field selectors fetch only what diagnosis reads")
        #expect(snapshot.referenceTime != nil)
        let listPaths = Set(server.requests.filter { !$0.path.hasSuffix("/log") }.map(\.path))
        #expect(listPaths == Set(ResourceKind.allCases.map { KubeClient.collectionPath($0, namespace: "agentic-demo") }))
        #expect(listPaths.contains("/api/v1/namespaces/agentic-demo/pods"))
        #expect(listPaths.contains("/apis/autoscaling/v2/namespaces/agentic-demo/horizontalpodautoscalers"))
        #expect(listPaths.contains("/api/v1/nodes"), "nodes are cluster-scoped whatever the namespace")
    }

    @Test("Secrets are listed as PartialObjectMetadata, with no plain JSON to fall back on: their names arrive, their data never does")
    func secretsAsMetadata() async throws {
        let (snapshot, server) = try await collect(from: Fixtures.scenario("image-pull-secret-missing"), CollectionScope(namespace: "demo"))

        #expect(snapshot.collected.contains(.secrets))
        #expect(snapshot.secrets.map(\.metadata.name) == ["regcred"])
        let requests = server.requests(path: "/api/v1/namespaces/demo/secrets")
        #expect(requests.count == 1)
        #expect(requests.allSatisfy { $0.header("Accept") == "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1" })
        // What the server answers that request with: metadata only.
        let fixture = try Fixtures.text("scenarios/image-pull-secret-missing/api/v1/namespaces/demo/secrets.json")
        #expect(fixture.contains(".dockerconfigjson"), "the stored Secret has data")
        let accept = try #require(requests.first?.header("Accept"))
        let answer = try await HTTPClient().send(HTTPRequest(
            url: server.baseURL.absoluteString + "/api/v1/namespaces/demo/secrets?limit=250", headers: [HTTPHeader("Accept", accept)]))
        let text = String(decoding: answer.body, as: UTF8.self)
        #expect(text.contains(#""kind":"PartialObjectMetadataList""#) && text.contains("regcred"))
        // The field names remain in managedFields, as on a real server; the values do not.
        let stored = try #require(fixture.split(separator: "\"").first { $0.hasPrefix("eyJhdXRocyI6") }, "the base64 of the stored .dockerconfigjson")
        #expect(!text.contains(stored) && !text.contains(#""data":"#) && !text.contains("kubernetes.io/dockerconfigjson"))
    }

    @Test("-A lists through the cluster-wide paths and reads every namespace")
    func allNamespaces() async throws {
        let (snapshot, server) = try await collect(from: Self.example, CollectionScope(namespace: nil))

        #expect(Set(snapshot.pods.compactMap(\.metadata.namespace)) == ["agentic-demo", "shop"])
        #expect(snapshot.pods.count == 14, "7 in agentic-demo, 7 in shop")
        let listPaths = Set(server.requests.filter { !$0.path.hasSuffix("/log") }.map(\.path))
        #expect(listPaths.contains("/api/v1/pods"))
        #expect(listPaths.contains("/apis/apps/v1/deployments"))
        #expect(!listPaths.contains { $0.contains("/namespaces/") })
    }

    @Test("logs are read only for crashing containers, current and previous; never for pods stuck pulling images")
    func logsOnlyForCrashingContainers() async throws {
        let (snapshot, server) = try await collect(from: Fixtures.scenario("agentic-demo"), CollectionScope(namespace: "agentic-demo"))

        #expect(logRequests(server) == [
            "memory-hungry-6478d69d96-mg7j2/memory-hungry", "memory-hungry-6478d69d96-mg7j2/memory-hungry previous",
            "mysql-client-7c5999d768-fngbb/mysql-client", "mysql-client-7c5999d768-fngbb/mysql-client previous",
        ])
        #expect(server.requests.filter { $0.path.hasSuffix("/log") }.allSatisfy { $0.query("tailLines") == "50" })
        let mysql = ContainerLogKey(namespace: "agentic-demo", pod: "mysql-client-7c5999d768-fngbb", container: "mysql-client")
        let expected = try Fixtures.text("scenarios/agentic-demo/logs/agentic-demo_mysql-client-7c5999d768-fngbb_mysql-client.log")
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(snapshot.logs[mysql]?.current == expected)
        #expect(snapshot.logs[mysql]?.previous?.isEmpty == false)
        #expect(snapshot.logs.keys.map(\.pod).sorted() == ["memory-hungry-6478d69d96-mg7j2", "mysql-client-7c5999d768-fngbb"])
    }

    @Test("at most samplesPerWorkload pods per workload have their logs read", arguments: [1, 2, 3])
    func samplesPerWorkload(samples: Int) async throws {
        var scope = CollectionScope(namespace: "demo")
        scope.logs.samplesPerWorkload = samples

        let (snapshot, server) = try await collect(from: Fixtures.scenario("job-backoff-limit"), scope)

        #expect(snapshot.pods.count == 4, "four failed pods of the one Job")
        #expect(logRequests(server).count == samples)
        #expect(snapshot.logs.count == samples)
    }

    @Test("with logs disabled no log is requested")
    func logsDisabled() async throws {
        var scope = CollectionScope(namespace: "agentic-demo")
        scope.logs.enabled = false

        let (snapshot, server) = try await collect(from: Fixtures.scenario("agentic-demo"), scope)

        #expect(logRequests(server).isEmpty)
        #expect(snapshot.logs.isEmpty)
    }

    @Test("a 403 on deployments (the captured RBAC refusal) is recorded as unreadable deployments.apps; the rest is collected")
    func forbiddenDeployments() async throws {
        let (snapshot, server) = try await collect(from: Fixtures.scenario("agentic-demo"), CollectionScope(namespace: "agentic-demo")) {
            $0.script(path: "/apis/apps/v1/namespaces/agentic-demo/deployments", responses: [.fixtureStatus("403-forbidden-list-deployments")])
        }

        #expect(snapshot.unreadable.count == 1)
        let entry = try #require(snapshot.unreadable.first)
        #expect(entry.resource == "deployments.apps")
        #expect(entry.namespace == "agentic-demo")
        #expect(entry.reason == "Forbidden")
        #expect(entry.message.contains(#"cannot list resource "deployments" in API group "apps""#))
        #expect(!snapshot.collected.contains(.deployments))
        #expect(snapshot.collected == Set(ResourceKind.allCases.filter { !$0.installedByCRD }).subtracting([.deployments]))
        #expect(snapshot.deployments.isEmpty)
        #expect(snapshot.pods.count == 4)
        #expect(!logRequests(server).isEmpty, "logs are still read")
    }

    @Test("a server that cannot send Secrets as metadata (406) leaves Secrets unread, never read whole; the rest is collected")
    func secretsNotAcceptable() async throws {
        let notAcceptable = ScriptedResponse.status(
            code: 406, reason: "NotAcceptable",
            message: "only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf")
        let (snapshot, server) = try await collect(from: Fixtures.scenario("image-pull-secret-missing"), CollectionScope(namespace: "demo")) {
            $0.script(path: "/api/v1/namespaces/demo/secrets", responses: [notAcceptable])
        }

        #expect(snapshot.unreadable.map(\.resource) == ["secrets"])
        #expect(!snapshot.collected.contains(.secrets) && snapshot.secrets.isEmpty)
        #expect(snapshot.collected == Set(ResourceKind.allCases.filter { !$0.installedByCRD }).subtracting([.secrets]))
        #expect(server.requests(path: "/api/v1/namespaces/demo/secrets").count == 1, "not asked again in another form")
    }

    @Test("a 403 on pods fails the collection: pods are the core of a diagnosis")
    func forbiddenPods() async throws {
        let error = try await #require(throws: KubeError.self) {
            try await collect(from: Self.example, CollectionScope(namespace: nil)) {
                $0.script(path: "/api/v1/pods", responses: [.fixtureStatus("403-forbidden-list-pods-cluster")])
            }
        }

        #expect(error.httpStatus == 403)
        #expect(error.request.description == "list pods at cluster scope")
    }

    @Test("a 404 for built-in kinds whose API group the cluster does not serve is recorded as unreadable, not fatal; for custom resources it is no error")
    func unservedKinds() async throws {
        let (snapshot, server) = try await collect(from: Fixtures.capturedAPIPaths, CollectionScope(namespace: "shop"))

        let served: Set<ResourceKind> = [.pods, .events, .services, .deployments, .replicaSets, .endpointSlices, .nodes]
        #expect(snapshot.collected == served)
        #expect(Set(snapshot.unreadable.map(\.resource)) == Set(
            Set(ResourceKind.allCases.filter { !$0.installedByCRD }).subtracting(served).map(\.groupResource)))
        #expect(snapshot.unreadable.allSatisfy { $0.reason == "NotFound" })
        #expect(snapshot.pods.count == 7)
        #expect(server.requests(path: "/apis/batch/v1/namespaces/shop/jobs").count == 1, "a 404 is not retried")
    }

    @Test("excluded namespaces are dropped from an all-namespaces collection, logs included")
    func excludedNamespaces() async throws {
        let (snapshot, server) = try await collect(from: Self.example, CollectionScope(namespace: nil, excludedNamespaces: ["shop"]))

        #expect(!snapshot.pods.isEmpty)
        #expect(snapshot.pods.allSatisfy { $0.metadata.namespace == "agentic-demo" })
        #expect(snapshot.services.allSatisfy { $0.metadata.namespace == "agentic-demo" })
        #expect(snapshot.events.allSatisfy { $0.metadata.namespace == "agentic-demo" })
        #expect(snapshot.deployments.allSatisfy { $0.metadata.namespace == "agentic-demo" })
        #expect(!server.requests.contains { $0.path.hasPrefix("/api/v1/namespaces/shop/") }, "no shop logs were read")
    }

    @Test("a 403 on pods/log is recorded as unreadable pods/log; the objects are still there")
    func forbiddenLogs() async throws {
        let forbidden = ScriptedResponse.status(
            code: 403, reason: "Forbidden",
            message: #"pods "memory-hungry-6478d69d96-mg7j2" is forbidden: User "viewer" cannot get resource "pods/log""#)
        let (snapshot, _) = try await collect(from: Fixtures.scenario("agentic-demo"), CollectionScope(namespace: "agentic-demo")) {
            $0.script(path: "/api/v1/namespaces/agentic-demo/pods/memory-hungry-6478d69d96-mg7j2/log", responses: [forbidden, forbidden])
        }

        #expect(snapshot.unreadable.map(\.resource) == ["pods/log"])
        #expect(snapshot.unreadable.first?.reason == "Forbidden")
        #expect(snapshot.pods.count == 4)
        let mysql = ContainerLogKey(namespace: "agentic-demo", pod: "mysql-client-7c5999d768-fngbb", container: "mysql-client")
        #expect(snapshot.logs[mysql]?.current?.isEmpty == false)
    }
}

import Foundation
import HealKube
import HealTestSupport
import Testing
@testable import HealStore

@Suite("ConfigMap store")
struct ConfigMapFixStoreTests {
    static let path = "/api/v1/namespaces/heal/configmaps/memory"

    @Test("the first write creates the ConfigMap, holding the memory document in memory.json")
    func createsOnFirstWrite() async throws {
        let cluster = try FakeCluster()
        let store = ConfigMapFixStore(client: StoreKind.client(cluster), namespace: "heal", name: "memory")
        #expect(try await store.patterns().isEmpty, "no ConfigMap yet reads as an empty memory")
        #expect(cluster.object(at: Self.path) == nil)

        let draft = Sample.draft()
        let attempt = Sample.attempt(draft, minute: 1)
        try await store.record(attempt, pattern: draft)
        let object = try #require(cluster.object(at: Self.path))
        let configMap = try #require(try JSONSerialization.jsonObject(with: object) as? [String: Any])
        let labels = (configMap["metadata"] as? [String: Any])?["labels"] as? [String: String]
        #expect(labels?["app.kubernetes.io/managed-by"] == "kubectl-heal")
        let text = try #require((configMap["data"] as? [String: String])?[ConfigMapFixStore.dataKey])
        let document = try MemoryDocument.decodeChecked(Data(text.utf8), source: "memory.json")
        #expect(document.attempts == [attempt])
        #expect(store.location == "configmap://heal/memory")
    }

    @Test("two writers recording at once, plus a third writing between a read and its write, lose nothing")
    func concurrentWriters() async throws {
        let cluster = try FakeCluster()
        let draft = Sample.draft()
        let stores = (0..<2).map { _ in ConfigMapFixStore(client: StoreKind.client(cluster), namespace: "heal", name: "memory", maxAttempts: 50) }
        try await stores[0].record(Sample.attempt(draft, minute: 0), pattern: draft)
        // Between some writer's GET and its PUT, someone else adds an attempt.
        cluster.beforeNext(method: "PUT", path: Self.path) { cluster in
            Self.writeBehindTheirBack(cluster, Sample.attempt(draft, minute: 999), draft: draft)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    for number in 0..<20 {
                        try await store.record(Sample.attempt(draft, minute: Double(1 + index * 100 + number)), pattern: draft)
                    }
                }
            }
            try await group.waitForAll()
        }
        let attempts = try await stores[1].attempts(patternID: nil)
        #expect(attempts.count == 42)
        #expect(Set(attempts.map(\.id)).count == 42)
        #expect(try await stores[0].pattern(id: draft.patternID)?.successes == 42)
        let puts = cluster.server.requests(path: Self.path, method: "PUT").count
        #expect(puts >= 41, "40 updates landed and at least the injected conflict was retried (\(puts) PUTs)")
    }

    @Test("a writer that meets a newer version on every attempt gives up with a conflict after its bounded retries")
    func retriesExhausted() async throws {
        let cluster = try FakeCluster()
        let draft = Sample.draft()
        let store = ConfigMapFixStore(client: StoreKind.client(cluster), namespace: "heal", name: "memory", maxAttempts: 3)
        try await store.record(Sample.attempt(draft, minute: 0), pattern: draft)
        Self.conflictOnEveryPUT(cluster)

        await #expect(throws: StoreError.conflict(location: "configmap://heal/memory", attempts: 3)) {
            try await store.record(Sample.attempt(draft, minute: 1), pattern: draft)
        }
        #expect(cluster.server.requests(path: Self.path, method: "PUT").count == 3)
    }

    @Test("a memory larger than the ConfigMap budget drops its oldest attempts into the counts")
    func sizeBound() async throws {
        let cluster = try FakeCluster()
        let draft = Sample.draft()
        let store = ConfigMapFixStore(client: StoreKind.client(cluster), namespace: "heal", name: "memory", byteLimit: 12_000)
        let counts = try await store.importing(Sample.document(count: 60, draft: draft))
        #expect(counts.attemptsAdded == 60)
        let text = try #require(Self.memoryText(cluster))
        #expect(text.utf8.count <= 12_000)
        let kept = try await store.attempts(patternID: nil)
        #expect(kept.count < 60)
        #expect(kept.count > 0)
        #expect(kept.map(\.finishedAt).min()! > Sample.epoch.addingTimeInterval(60 * Double(60 - kept.count - 1)), "the newest are kept")
        #expect(try await store.pattern(id: draft.patternID)?.successes == 60, "dropped attempts stay counted")
    }

    @Test("a ConfigMap holding something else is reported corrupt and not overwritten")
    func foreignConfigMap() async throws {
        let cluster = try FakeCluster()
        try cluster.create(json: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"memory","namespace":"heal"},"data":{"app.conf":"x=1"}}"#)
        let store = ConfigMapFixStore(client: StoreKind.client(cluster), namespace: "heal", name: "memory")
        let draft = Sample.draft()
        await #expect {
            try await store.record(Sample.attempt(draft, minute: 0), pattern: draft)
        } throws: { error in
            if case .corrupt(let location, _) = error as? StoreError { return location == "configmap://heal/memory" }
            return false
        }
        #expect(cluster.server.requests(path: Self.path, method: "PUT").isEmpty)
    }

    @Test("RBAC refusing the ConfigMap is a cluster error with exit code 77")
    func forbidden() async throws {
        let cluster = try FakeCluster()
        cluster.server.requireAuthorization("Bearer right-token")
        let store = ConfigMapFixStore(client: StoreKind.client(cluster), namespace: "heal", name: "memory")
        await #expect {
            _ = try await store.patterns()
        } throws: { error in
            if case .cluster(_, _, let exitCode) = error as? StoreError { return exitCode == 77 }
            return false
        }
    }

    /// Another client's write: the memory in the ConfigMap plus `attempt`, with a new resourceVersion.
    static func writeBehindTheirBack(_ cluster: FakeCluster, _ attempt: AttemptRecord, draft: PatternDraft) {
        guard let text = memoryText(cluster),
            let document = try? MemoryCoding.decoder().decode(MemoryDocument.self, from: Data(text.utf8)),
            var state = try? MemoryState(document)
        else { return }
        state.record(attempt, pattern: draft)
        let data = (try? MemoryCoding.encoder(pretty: false).encode(state.document(exportedAt: Sample.epoch))) ?? Data()
        let patch = (try? JSONSerialization.data(withJSONObject: ["data": [ConfigMapFixStore.dataKey: String(decoding: data, as: UTF8.self)]])) ?? Data()
        try? cluster.mergePatch(at: path, json: String(decoding: patch, as: UTF8.self))
    }

    /// Before every PUT, someone else changes the ConfigMap.
    static func conflictOnEveryPUT(_ cluster: FakeCluster) {
        cluster.beforeNext(method: "PUT", path: path) { cluster in
            try? cluster.mergePatch(at: path, json: #"{"metadata":{"annotations":{"touched":"\#(UUID().uuidString)"}}}"#)
            conflictOnEveryPUT(cluster)
        }
    }

    static func memoryText(_ cluster: FakeCluster) -> String? {
        guard let object = cluster.object(at: path), let configMap = try? JSONSerialization.jsonObject(with: object) as? [String: Any] else { return nil }
        return (configMap["data"] as? [String: String])?[ConfigMapFixStore.dataKey]
    }
}

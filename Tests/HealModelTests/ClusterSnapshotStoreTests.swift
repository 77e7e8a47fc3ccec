import Foundation
import HealModel
import Testing

/// The snapshot holds objects by kind: whatever the kind, the same operations apply.
@Suite("ClusterSnapshot stores objects by kind")
struct ClusterSnapshotStoreTests {
    private func pod(_ name: String, namespace: String) throws -> Pod {
        try decode(#"{"metadata": {"name": "\#(name)", "namespace": "\#(namespace)"}, "spec": {"containers": []}, "status": {}}"#)
    }

    private func node(_ name: String) throws -> Node {
        try decode(#"{"metadata": {"name": "\#(name)"}}"#)
    }

    private func service(_ name: String, namespace: String) throws -> Service {
        try decode(#"{"metadata": {"name": "\#(name)", "namespace": "\#(namespace)"}, "spec": {}}"#)
    }

    @Test("typed access, counts and metadata by kind agree")
    func access() throws {
        var snapshot = ClusterSnapshot()
        snapshot.insert(try pod("a", namespace: "shop"))
        snapshot.append(contentsOf: [try pod("b", namespace: "shop"), try pod("c", namespace: "ops")])
        snapshot.insert(try node("n1"))
        #expect(snapshot[Pod.self].map(\.metadata.name) == ["a", "b", "c"])
        #expect(snapshot.pods.count == 3)
        #expect(snapshot.count(of: .pods) == 3)
        #expect(snapshot.count(of: .nodes) == 1)
        #expect(snapshot.count(of: .services) == 0)
        #expect(snapshot.metadata(of: .nodes).map(\.name) == ["n1"])
        #expect(snapshot.contains(.pods, named: "c"))
        #expect(!snapshot.contains(.services, named: "c"))
        snapshot.pods.removeAll { $0.metadata.name == "b" }
        #expect(snapshot.count(of: .pods) == 2)
    }

    @Test("merging adds every kind of the other snapshot, and what it collected")
    func merge() throws {
        var left = ClusterSnapshot()
        left.insert(try pod("a", namespace: "shop"))
        left.collected = [.pods]
        var right = ClusterSnapshot()
        right.insert(try pod("b", namespace: "shop"))
        right.insert(try service("web", namespace: "shop"))
        right.collected = [.pods, .services]
        left.merge(right)
        #expect(left.pods.map(\.metadata.name) == ["a", "b"])
        #expect(left.services.map(\.metadata.name) == ["web"])
        #expect(left.collected == [.pods, .services])
    }

    @Test("restricting to a namespace filters every namespaced kind and keeps cluster-scoped ones")
    func restricted() throws {
        var snapshot = ClusterSnapshot()
        snapshot.append(contentsOf: [try pod("a", namespace: "shop"), try pod("b", namespace: "ops")])
        snapshot.append(contentsOf: [try service("web", namespace: "shop"), try service("metrics", namespace: "ops")])
        snapshot.insert(try node("n1"))
        snapshot.logs[ContainerLogKey(namespace: "ops", pod: "b", container: "c")] = ContainerLogs(current: ["x"])
        let shop = snapshot.restricted(toNamespace: "shop", excluding: [])
        #expect(shop.pods.map(\.metadata.name) == ["a"])
        #expect(shop.services.map(\.metadata.name) == ["web"])
        #expect(shop.nodes.map(\.metadata.name) == ["n1"])
        #expect(shop.logs.isEmpty)
        let notOps = snapshot.restricted(toNamespace: nil, excluding: ["ops"])
        #expect(notOps.pods.map(\.metadata.name) == ["a"])
        #expect(notOps.nodes.count == 1)
    }
}

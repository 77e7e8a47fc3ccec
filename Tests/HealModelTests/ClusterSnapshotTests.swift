import Foundation
import HealModel
import Testing

@Suite("ClusterSnapshot finds its own clock, narrows to a scope and merges")
struct ClusterSnapshotTests {
    private func pod(_ namespace: String, _ name: String, labels: String = "{}", status: String = "{}") throws -> Pod {
        try decode(
            #"{"metadata": {"name": "\#(name)", "namespace": "\#(namespace)", "labels": \#(labels), "creationTimestamp": "2026-11-21T10:00:00Z"}, "spec": {"containers": [{"name": "app"}]}, "status": \#(status)}"#)
    }

    private func event(_ namespace: String, about pod: String, lastTimestamp: String) throws -> Event {
        try decode(
            #"{"metadata": {"name": "\#(pod).1", "namespace": "\#(namespace)"}, "involvedObject": {"kind": "Pod", "name": "\#(pod)", "namespace": "\#(namespace)"}, "reason": "BackOff", "message": "Back-off restarting failed container", "type": "Warning", "count": 3, "lastTimestamp": "\#(lastTimestamp)"}"#)
    }

    private func node(heartbeat: String) throws -> Node {
        try decode(
            #"{"metadata": {"name": "node-1"}, "status": {"conditions": [{"type": "Ready", "status": "True", "lastHeartbeatTime": "\#(heartbeat)", "lastTransitionTime": "2026-11-21T09:00:00Z"}]}}"#)
    }

    private func deployment(_ namespace: String, _ name: String, labels: String) throws -> Deployment {
        try decode(#"{"metadata": {"name": "\#(name)", "namespace": "\#(namespace)", "labels": \#(labels)}, "spec": {}}"#)
    }

    @Test(
        "the newest time anywhere in the data is the snapshot's clock",
        arguments: [
            ("2026-11-21T12:00:00Z", "2026-11-21T11:00:00Z", "2026-11-21T10:30:00Z", "2026-11-21T12:00:00Z"),
            ("2026-11-21T11:00:00Z", "2026-11-21T12:30:00Z", "2026-11-21T10:30:00Z", "2026-11-21T12:30:00Z"),
            ("2026-11-21T11:00:00Z", "2026-11-21T11:30:00Z", "2026-11-21T13:15:00Z", "2026-11-21T13:15:00Z"),
        ])
    func newestTimestamp(heartbeat: String, eventSeen: String, containerFinished: String, newest: String) throws {
        var snapshot = ClusterSnapshot()
        snapshot.nodes = [try node(heartbeat: heartbeat)]
        snapshot.events = [try event("demo", about: "web-1", lastTimestamp: eventSeen)]
        snapshot.pods = [
            try pod(
                "demo", "web-1",
                status: #"{"containerStatuses": [{"name": "app", "lastState": {"terminated": {"exitCode": 1, "finishedAt": "\#(containerFinished)"}}}]}"#)
        ]
        #expect(snapshot.newestTimestamp?.description == newest)
    }

    @Test("an empty snapshot has no clock of its own")
    func emptyHasNoClock() {
        #expect(ClusterSnapshot().newestTimestamp == nil)
    }

    private func twoNamespaces() throws -> ClusterSnapshot {
        var snapshot = ClusterSnapshot()
        snapshot.pods = [
            try pod("shop", "cart-1", labels: #"{"app": "cart"}"#),
            try pod("shop", "frontend-1", labels: #"{"app": "frontend"}"#),
            try pod("demo", "web-1", labels: #"{"app": "web"}"#),
            try pod("kube-system", "coredns-1", labels: #"{"app": "coredns"}"#),
        ]
        snapshot.events = [
            try event("shop", about: "cart-1", lastTimestamp: "2026-11-21T11:00:00Z"),
            try event("demo", about: "web-1", lastTimestamp: "2026-11-21T11:00:00Z"),
        ]
        snapshot.deployments = [
            try deployment("shop", "cart", labels: #"{"app": "cart"}"#),
            try deployment("demo", "web", labels: #"{"app": "web"}"#),
        ]
        snapshot.nodes = [try node(heartbeat: "2026-11-21T12:00:00Z")]
        for (namespace, pod) in [("shop", "cart-1"), ("shop", "frontend-1"), ("demo", "web-1")] {
            snapshot.logs[ContainerLogKey(namespace: namespace, pod: pod, container: "app")] = ContainerLogs(current: ["started"])
        }
        snapshot.collected = [.pods, .events, .deployments, .nodes]
        return snapshot
    }

    @Test("restricting to one namespace keeps its objects, the nodes and the logs of kept pods")
    func restrictToNamespace() throws {
        let shop = try twoNamespaces().restricted(toNamespace: "shop", excluding: [])
        #expect(shop.pods.map(\.metadata.name) == ["cart-1", "frontend-1"])
        #expect(shop.events.map(\.regarding.name) == ["cart-1"])
        #expect(shop.deployments.map(\.metadata.name) == ["cart"])
        #expect(shop.nodes.count == 1)
        #expect(Set(shop.logs.keys.map(\.pod)) == ["cart-1", "frontend-1"])
        #expect(shop.collected == [.pods, .events, .deployments, .nodes])
    }

    @Test("excluded namespaces are dropped from an all-namespaces view")
    func excludeNamespaces() throws {
        let view = try twoNamespaces().restricted(toNamespace: nil, excluding: ["kube-system", "demo"])
        #expect(view.pods.map(\.metadata.name) == ["cart-1", "frontend-1"])
        #expect(view.events.map(\.regarding.name) == ["cart-1"])
        #expect(view.deployments.map(\.metadata.name) == ["cart"])
    }

    @Test("merging adds objects, unions what was collected, and newer logs win")
    func merge() throws {
        let key = ContainerLogKey(namespace: "shop", pod: "cart-1", container: "app")
        var first = ClusterSnapshot()
        first.pods = [try pod("shop", "cart-1")]
        first.collected = [.pods]
        first.logs[key] = ContainerLogs(current: ["old"])
        first.unreadable = [UnreadableResource(resource: "deployments.apps", namespace: "shop", reason: "Forbidden", message: "no")]
        var second = ClusterSnapshot()
        second.pods = [try pod("demo", "web-1")]
        second.nodes = [try node(heartbeat: "2026-11-21T12:00:00Z")]
        second.collected = [.pods, .nodes]
        second.logs[key] = ContainerLogs(current: ["new"], previous: ["crashed"])
        second.unreadable = [UnreadableResource(resource: "pods/log", namespace: "demo", reason: "Forbidden", message: "no")]

        first.merge(second)
        #expect(first.pods.map(\.metadata.name) == ["cart-1", "web-1"])
        #expect(first.nodes.count == 1)
        #expect(first.collected == [.pods, .nodes])
        #expect(first.logs[key] == ContainerLogs(current: ["new"], previous: ["crashed"]))
        #expect(first.unreadable.map(\.resource) == ["deployments.apps", "pods/log"])
    }
}

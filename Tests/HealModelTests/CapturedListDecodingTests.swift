import Foundation
import HealModel
import HealTestSupport
import Testing

/// One List item decoded as the kind named by the decoder's `userInfo`, or by the item's own
/// `kind` field when the List mixes kinds (`kubectl get pods,deploy -o json`).
private struct AnyItem: Decodable {
    static let listKind = CodingUserInfoKey(rawValue: "listKind")!
    private enum Keys: String, CodingKey { case kind }

    var object: any KubeResource

    init(from decoder: any Decoder) throws {
        let kind: ResourceKind
        if let listKind = decoder.userInfo[Self.listKind] as? ResourceKind {
            kind = listKind
        } else {
            let container = try decoder.container(keyedBy: Keys.self)
            let name = try container.decode(String.self, forKey: .kind)
            guard let named = ResourceKind(kind: name) else {
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unexpected kind \(name)")
            }
            kind = named
        }
        object = try KindRegistry.type(of: kind).init(from: decoder)
    }
}

@Suite("Captured API responses decode into the narrow models")
struct CapturedListDecodingTests {
    /// Every List under api-paths whose resource diagnose reads, e.g. `api/v1/namespaces/shop/pods.json`.
    static let listPaths: [String] = {
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: Fixtures.capturedAPIPaths.path)) ?? []
        return paths.filter { $0.hasSuffix(".json") && resourceKind(ofFile: $0) != nil }.sorted()
    }()

    /// `api/v1/namespaces/shop/pods.json` holds pods.
    static func resourceKind(ofFile path: String) -> ResourceKind? {
        ResourceKind(userInput: URL(filePath: path).deletingPathExtension().lastPathComponent)
    }

    @Test("there are captured Lists of every kind the cluster had")
    func listsFound() {
        let kinds = Set(Self.listPaths.compactMap(Self.resourceKind(ofFile:)))
        #expect(kinds == [.pods, .events, .services, .nodes, .deployments, .replicaSets, .endpointSlices])
    }

    @Test("every captured List decodes, each item into its kind's model", arguments: listPaths)
    func decodesList(path: String) throws {
        let kind = try #require(Self.resourceKind(ofFile: path))
        let data = try Data(contentsOf: Fixtures.capturedAPIPaths.appending(path: path))
        let decoder = JSONDecoder()
        decoder.userInfo[AnyItem.listKind] = kind
        let items = try decoder.decode(ListPage<AnyItem>.self, from: data).items
        var snapshot = ClusterSnapshot()
        for item in items { snapshot.insert(item.object) }
        #expect(snapshot.count(of: kind) == (try rawItemCount(data)))
    }

    @Test("a mixed kubectl List decodes each item by its kind field")
    func mixedList() throws {
        let data = try Data(contentsOf: Fixtures.captured.appending(path: "kubectl-get-agentic-demo.json"))
        let items = try JSONDecoder().decode(ListPage<AnyItem>.self, from: data).items
        var snapshot = ClusterSnapshot()
        for item in items { snapshot.insert(item.object) }
        #expect(items.count == (try rawItemCount(data)))
        #expect(snapshot.pods.count == 5)
        #expect(snapshot.deployments.count == 4)
        #expect(snapshot.replicaSets.count == 5)
        #expect(snapshot.events.count == 44)
        #expect(snapshot.pods.count + snapshot.deployments.count + snapshot.replicaSets.count + snapshot.events.count == items.count)
    }

    @Test("memory-hungry's last termination is OOMKilled with exit code 137")
    func oomKilledPod() throws {
        let pods = try capturedItems("api/v1/namespaces/agentic-demo/pods.json", as: Pod.self)
        let pod = try #require(pods.first { $0.metadata.name.hasPrefix("memory-hungry-") })
        let status = try #require(pod.status.containerStatuses.first)
        #expect(status.name == "memory-hungry")
        #expect(status.lastState?.terminated?.reason == "OOMKilled")
        #expect(status.lastState?.terminated?.exitCode == 137)
        #expect(status.state?.waiting?.reason == "CrashLoopBackOff")
        #expect(status.restartCount == 4)
        #expect(pod.spec.containers.first?.resources?.limits["memory"]?.value == 134_217_728)
        #expect(pod.metadata.controller?.kind == "ReplicaSet")
    }

    @Test("the idle web-green EndpointSlice's endpoints: null decodes as no endpoints")
    func nullEndpoints() throws {
        let slices = try capturedItems("apis/discovery.k8s.io/v1/namespaces/mcp-failover-clean/endpointslices.json", as: EndpointSlice.self)
        let green = try #require(slices.first { $0.serviceName == "web-green" })
        let blue = try #require(slices.first { $0.serviceName == "web-blue" })
        #expect(green.endpoints.isEmpty)
        #expect(blue.endpoints.count == 2)
        #expect(blue.endpoints.allSatisfy { $0.isReady && $0.targetRef?.kind == "Pod" })
    }

    @Test(
        "core/v1 and events.k8s.io/v1 Events read the same per event",
        arguments: [("agentic-demo", 12), ("shop", 0), ("mcp-failover-clean", 0)])
    func eventAPIsAgree(namespace: String, repeatedEvents: Int) throws {
        let core = try capturedItems("api/v1/namespaces/\(namespace)/events.json", as: Event.self)
        let modern = try capturedItems("apis/events.k8s.io/v1/namespaces/\(namespace)/events.json", as: Event.self)
        let modernByName = Dictionary(uniqueKeysWithValues: modern.map { ($0.metadata.name, $0) })
        #expect(core.count == modern.count)
        #expect(core.count { $0.count > 1 } == repeatedEvents)
        for event in core {
            let other = try #require(modernByName[event.metadata.name])
            #expect(event.reason == other.reason, "\(event.metadata.name)")
            #expect(event.message == other.message, "\(event.metadata.name)")
            #expect(event.count == other.count, "\(event.metadata.name)")
            #expect(event.type == other.type, "\(event.metadata.name)")
            #expect(event.regarding.name == other.regarding.name, "\(event.metadata.name)")
            #expect(event.regarding.kind == other.regarding.kind, "\(event.metadata.name)")
            #expect(event.lastSeen == other.lastSeen, "\(event.metadata.name)")
            #expect(event.lastSeen != nil, "\(event.metadata.name)")
            #expect(event.reportingComponent == other.reportingComponent, "\(event.metadata.name)")
        }
    }

    @Test("ObjectMeta drops kubectl's last-applied annotation and keeps the others")
    func lastAppliedDropped() throws {
        let deployments = try capturedItems("apis/apps/v1/namespaces/agentic-demo/deployments.json", as: Deployment.self)
        #expect(deployments.count == 4)
        for deployment in deployments {
            #expect(deployment.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"] == nil)
            #expect(deployment.metadata.annotations["deployment.kubernetes.io/revision"] == "1")
            #expect(deployment.metadata.namespace == "agentic-demo")
        }
    }

    @Test("ReplicaSets report their Deployment revision and owner")
    func replicaSetRevision() throws {
        let replicaSets = try capturedItems("apis/apps/v1/namespaces/agentic-demo/replicasets.json", as: ReplicaSet.self)
        let mysql = try #require(replicaSets.first { $0.metadata.name == "mysql-client-7c5999d768" })
        #expect(mysql.revision == 1)
        #expect(mysql.metadata.controller?.kind == "Deployment")
        #expect(mysql.metadata.controller?.name == "mysql-client")
        let unannotated = try decode(#"{"metadata": {"name": "rs"}, "spec": {}}"#, as: ReplicaSet.self)
        #expect(unannotated.revision == nil)
    }

    @Test("the node's capacity reads as quantities and its heartbeats as times")
    func node() throws {
        let node = try #require(try capturedItems("api/v1/nodes.json", as: Node.self).first)
        #expect(node.status?.allocatable["cpu"]?.value == 32)
        #expect(node.status?.allocatable["pods"]?.value == 10_000)
        #expect(node.status?.allocatable["memory"]?.value == 131_813_128.0 * 1024)
        #expect(node.status?.conditions["Ready"]?.isTrue == true)
        #expect(node.status?.conditions["Ready"]?.lastHeartbeatTime?.description == "2026-11-21T19:38:40Z")
    }

    @Test("Service ports keep named target ports")
    func servicePorts() throws {
        let services = try capturedItems("api/v1/namespaces/shop/services.json", as: Service.self)
        let cart = try #require(services.first { $0.metadata.name == "cart" })
        #expect(cart.spec.selector == ["app": "cart"])
        #expect(cart.spec.ports.first?.port == 6379)
        #expect(cart.spec.ports.first?.targetPort == .string("redis"))
    }

    private func rawItemCount(_ data: Data) throws -> Int {
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["items"] as? [Any]).count
    }
}

import Foundation
import HealKube
import HealTestSupport
import Testing
@testable import HealStore

/// Each store under test, built fresh, with what keeps it alive.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, configMap, memory

    var testDescription: String { rawValue }

    struct Opened {
        let store: any FixStore
        /// Folder or fake cluster; released with the test.
        let resources: [AnyObject]
    }

    func open() throws -> Opened {
        switch self {
        case .sqlite:
            let folder = try TemporaryDirectory()
            return Opened(store: try SQLiteFixStore(path: folder.file("state/memory.sqlite").path), resources: [folder])
        case .configMap:
            let cluster = try FakeCluster()
            return Opened(store: ConfigMapFixStore(client: Self.client(cluster), namespace: "heal", name: "memory", now: { Sample.epoch }), resources: [cluster])
        case .memory:
            return Opened(store: InMemoryFixStore(now: { Sample.epoch }), resources: [])
        }
    }

    static func client(_ cluster: FakeCluster) -> KubeClient {
        KubeClient(connection: ClusterConnection(server: cluster.baseURL.absoluteString, origin: "test"))
    }
}

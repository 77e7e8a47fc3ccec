import Foundation
import HealModel
import HealTestSupport
import Testing

/// The registry is the one table every layer reads (and the fake API server serves from), so it
/// is checked against what a real API server says, not against itself.
@Suite("KindRegistry matches a real API server")
struct KindRegistryTests {
    private struct GroupList: Decodable {
        struct Group: Decodable {
            struct Version: Decodable { var version: String }
            var name: String
            var versions: [Version]
        }
        var groups: [Group]
    }

    private struct ListHeader: Decodable {
        var kind: String
        var apiVersion: String
    }

    @Test("every registered kind's group serves its version (captured /apis discovery; the Gateway API's CRDs were not installed there)")
    func discovery() throws {
        let data = try Data(contentsOf: Fixtures.capturedAPIPaths.appending(path: "apis.json"))
        let groups = try JSONDecoder().decode(GroupList.self, from: data).groups
        let served = Dictionary(uniqueKeysWithValues: groups.map { ($0.name, Set($0.versions.map(\.version))) })
        for kind in ResourceKind.allCases where !kind.installedByCRD {
            if kind.group.isEmpty {
                #expect(kind.version == "v1", "\(kind)")
            } else {
                #expect(served[kind.group]?.contains(kind.version) == true, "\(kind) is not served as \(kind.apiVersion)")
            }
        }
    }

    @Test("every captured List sits at its kind's path and names its kind and apiVersion")
    func capturedLists() throws {
        let root = Fixtures.capturedAPIPaths
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".json") }
        var checked = Set<ResourceKind>()
        for path in paths {
            let plural = URL(filePath: path).deletingPathExtension().lastPathComponent
            // Core kinds live under api/v1/…, the others under apis/GROUP/VERSION/….
            let parts = path.split(separator: "/").map(String.init)
            let group = parts.first == "apis" && parts.count > 2 ? parts[1] : ""
            guard let kind = ResourceKind.allCases.first(where: { $0.plural == plural && $0.group == group }) else { continue }
            let header = try JSONDecoder().decode(ListHeader.self, from: Data(contentsOf: root.appending(path: path)))
            #expect(header.kind == kind.kind + "List", "\(path)")
            #expect(header.apiVersion == kind.apiVersion, "\(path)")
            #expect(path.hasPrefix(kind.group.isEmpty ? "api/\(kind.version)/" : "apis/\(kind.apiVersion)/"), "\(path)")
            #expect(kind.isNamespaced == path.contains("/namespaces/"), "\(path)")
            checked.insert(kind)
        }
        #expect(checked == [.pods, .events, .services, .nodes, .deployments, .replicaSets, .endpointSlices])
    }

    @Test("kinds are unique by group and plural, and each has its model type")
    func unique() {
        #expect(Set(ResourceKind.allCases).count == ResourceKind.allCases.count)
        for kind in ResourceKind.allCases {
            #expect(KindRegistry.type(of: kind).resource == kind)
        }
    }
}

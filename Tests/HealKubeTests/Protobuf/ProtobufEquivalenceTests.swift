import Foundation
@testable import HealKube
import HealModel
import HealProtobuf
import HealTestSupport
import Testing

/// Every fixture list (captured from a real API server, or generated in its shape) reads into
/// the same models through protobuf as through JSON: the narrow schema's field numbers,
/// `omitempty` and `inline` markers and special types (times, quantities, int-or-strings) agree
/// with the JSON the models were written for.
@Suite("protobuf reads the same models as JSON")
struct ProtobufEquivalenceTests {
    /// Every `*List` fixture of a registered kind read as protobuf (metadata-only kinds are read
    /// as JSON PartialObjectMetadata, and custom resources are served as JSON only).
    static let lists: [String] = {
        let root = Fixtures.root
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
        return files.compactMap { url -> String? in
            guard let data = try? Data(contentsOf: url), let head = try? JSONDecoder().decode(ListHead.self, from: data),
                  head.kind.hasSuffix("List"), registeredKind(head) != nil
            else { return nil }
            return String(url.path.dropFirst(root.path.count + 1))
        }.sorted()
    }()

    struct ListHead: Decodable {
        var kind: String
        var apiVersion: String
    }

    static func registeredKind(_ head: ListHead) -> (any KubeResource.Type)? {
        KindRegistry.types.first {
            !$0.resource.readsMetadataOnly && !$0.resource.installedByCRD && $0.resource.kind + "List" == head.kind && $0.resource.apiVersion == head.apiVersion
        }
    }

    @Test("the fixtures cover every registered kind")
    func coverage() throws {
        var covered = Set<ResourceKind>()
        for path in Self.lists {
            let head = try JSONDecoder().decode(ListHead.self, from: Data(contentsOf: Fixtures.root.appending(path: path)))
            if let type = Self.registeredKind(head) { covered.insert(type.resource) }
        }
        #expect(covered == Set(KindRegistry.kinds.filter { !$0.readsMetadataOnly && !$0.installedByCRD }))
        #expect(Self.upstreamEncoded.count == 7, "the captured lists encoded with upstream's schema: \(Self.upstreamEncoded)")
    }

    @Test("a fixture list decodes to identical models both ways", arguments: lists)
    func sameModels(_ path: String) throws {
        let json = try Data(contentsOf: Fixtures.root.appending(path: path))
        let head = try JSONDecoder().decode(ListHead.self, from: json)
        let type = try #require(Self.registeredKind(head))
        let protobuf = try ProtobufEncoder.list(json: json)
        #expect(protobuf.starts(with: KubeProtobuf.magic))
        #expect(protobuf.count < json.count)
        let viaJSON = try Self.models(type, json, contentType: "application/json")
        let viaProtobuf = try Self.models(type, protobuf, contentType: KubeProtobuf.mediaType)
        #expect(viaJSON.count == viaProtobuf.count)
        for (fromJSON, fromProtobuf) in zip(viaJSON, viaProtobuf) where fromJSON != fromProtobuf {
            // The first line that differs says which field.
            let difference = zip(fromJSON.split(separator: "\n"), fromProtobuf.split(separator: "\n")).first { $0 != $1 }
            Issue.record("\(fromJSON.split(separator: "\n").first ?? ""): JSON \(difference?.0 ?? "…"), protobuf \(difference?.1 ?? "…")")
        }
    }

    /// `protobuf/*.pb`: captured lists encoded with upstream's whole schema.
    static let upstreamEncoded: [String] = {
        let root = Fixtures.root.appending(path: "protobuf")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "pb" } ?? []
        return files.map { String($0.path.dropFirst(root.path.count + 1)) }.sorted()
    }()

    @Test("a captured list encoded with upstream's whole schema (every field, unknown to ours) decodes to the same models as its JSON",
          arguments: upstreamEncoded)
    func upstreamSchema(_ path: String) throws {
        let protobuf = try Data(contentsOf: Fixtures.root.appending(path: "protobuf/\(path)"))
        let json = try Data(contentsOf: Fixtures.capturedAPIPaths.appending(path: path.replacingOccurrences(of: ".pb", with: ".json")))
        let type = try #require(Self.registeredKind(JSONDecoder().decode(ListHead.self, from: json)))
        let viaJSON = try Self.models(type, json, contentType: "application/json")
        let viaProtobuf = try Self.models(type, protobuf, contentType: KubeProtobuf.mediaType)
        #expect(!viaJSON.isEmpty)
        #expect(viaJSON == viaProtobuf)
    }

    /// The models of a list answer, each as every stored property reads.
    static func models<Object: KubeResource>(_ type: Object.Type, _ body: Data, contentType: String) throws -> [String] {
        let page = try #require(try ListPageBatches.cut(body, contentType: contentType, batchSize: 250))
        return try page.batches.flatMap { try JSONDecoder().decode([Object].self, from: $0.jsonArray()) }.map { canonical($0) }
    }

    /// Every stored property, one per line, with dictionaries in key order (their iteration
    /// order differs from one instance to the next).
    static func canonical(_ value: Any, indent: String = "") -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.children.isEmpty { return indent + String(reflecting: value) + "\n" }
        let children = mirror.children.map { child in
            mirror.displayStyle == .dictionary
                ? canonical(child.value, indent: indent + "  ")
                : indent + "  " + (child.label ?? "-") + ":\n" + canonical(child.value, indent: indent + "  ")
        }
        let header = indent + String(describing: mirror.subjectType) + "\n"
        return header + (mirror.displayStyle == .dictionary ? children.sorted() : children).joined()
    }
}

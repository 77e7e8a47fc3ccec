import Foundation
import HealProtobuf
import HealTestSupport
import Testing

/// The wire format's edges, on bytes built by hand or by the fake API server's encoder:
/// the `k8s\0` envelope, skipped unknown fields, the JSON forms of times and int-or-strings,
/// watch frames split anywhere, and broken input, which must be an error and never a crash.
@Suite("kube-apiserver protobuf")
struct KubeProtobufTests {
    static func key(_ number: Int, _ wireType: Int) -> [UInt8] { varint(UInt64(number << 3 | wireType)) }
    static func varint(_ value: UInt64) -> [UInt8] {
        var rest = value, bytes: [UInt8] = []
        while rest >= 0x80 { bytes.append(UInt8(rest & 0x7F) | 0x80); rest >>= 7 }
        return bytes + [UInt8(rest)]
    }
    static func delimited(_ number: Int, _ payload: [UInt8]) -> [UInt8] { key(number, 2) + varint(UInt64(payload.count)) + payload }
    static func text(_ number: Int, _ value: String) -> [UInt8] { delimited(number, Array(value.utf8)) }

    static func envelope(_ apiVersion: String, _ kind: String, _ raw: [UInt8], encoding: String = "") -> Data {
        Data(KubeProtobuf.magic + delimited(1, text(1, apiVersion) + text(2, kind)) + delimited(2, raw) + text(3, encoding) + text(4, ""))
    }

    static func object(_ json: Data) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: json) as? [String: Any])
    }

    @Test("a Status answer reads as the JSON Status, with the envelope's apiVersion and kind")
    func status() throws {
        let body = try ProtobufEncoder.object(json: Data(#"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"web\" not found","reason":"NotFound","details":{"name":"web","kind":"pods"},"code":404}"#.utf8))
        let json = try Self.object(KubeProtobuf.json(ofAnswer: body))
        #expect(json["kind"] as? String == "Status")
        #expect(json["apiVersion"] as? String == "v1")
        #expect(json["message"] as? String == #"pods "web" not found"#)
        #expect(json["reason"] as? String == "NotFound")
        #expect(json["code"] as? Int == 404)
        #expect((json["details"] as? [String: Any])?["name"] as? String == "web")
    }

    @Test("fields the narrow schema leaves out are skipped, whatever their wire type")
    func unknownFields() throws {
        // ObjectMeta: name = 1, then unknown 50 (varint), 51 (fixed64), 52 (bytes), 53 (fixed32), then namespace = 3.
        let meta = Self.text(1, "web") + Self.key(50, 0) + Self.varint(300) + Self.key(51, 1) + [UInt8](repeating: 7, count: 8)
            + Self.delimited(52, Array("ignored".utf8)) + Self.key(53, 5) + [1, 2, 3, 4] + Self.text(3, "shop")
        let json = try Self.object(KubeProtobuf.json(ofAnswer: Self.envelope("v1", "Pod", Self.delimited(1, meta))))
        let metadata = try #require(json["metadata"] as? [String: Any])
        #expect(metadata.keys.sorted() == ["name", "namespace"])
        #expect(metadata["namespace"] as? String == "shop")
    }

    @Test("zero omitempty scalars are left out as JSON leaves them; plain zeros stay")
    func omitEmpty() throws {
        // ContainerStatus: name = 1, ready = 4 (plain bool), restartCount = 5 (plain int32);
        // ObjectMeta.namespace = 3 and generation = 7 are omitempty.
        let status = Self.text(1, "app") + Self.key(4, 0) + [0] + Self.key(5, 0) + [0]
        let podStatus = Self.delimited(8, status)
        let meta = Self.text(1, "web") + Self.text(3, "") + Self.key(7, 0) + [0]
        let json = try Self.object(KubeProtobuf.json(ofAnswer: Self.envelope("v1", "Pod", Self.delimited(1, meta) + Self.delimited(3, podStatus))))
        #expect((json["metadata"] as? [String: Any])?.keys.sorted() == ["name"])
        let container = try #require(((json["status"] as? [String: Any])?["containerStatuses"] as? [[String: Any]])?.first)
        #expect(container["ready"] as? Bool == false)
        #expect(container["restartCount"] as? Int == 0)
    }

    @Test("times read as RFC 3339 text; the zero time (an empty message) is left out; MicroTime keeps microseconds")
    func times() throws {
        // ObjectMeta.creationTimestamp = 8: 2026-12-07T02:30:56Z; Event.eventTime = 10 (MicroTime),
        // Event.lastTimestamp = 7 empty.
        let created = Self.key(1, 0) + Self.varint(1_796_610_656) + Self.key(2, 0) + [0]
        let meta = Self.text(1, "web.1") + Self.delimited(8, created)
        let eventTime = Self.key(1, 0) + Self.varint(1_796_610_656) + Self.key(2, 0) + Self.varint(123_456_789)
        let raw = Self.delimited(1, meta) + Self.delimited(7, []) + Self.delimited(10, eventTime)
        let json = try Self.object(KubeProtobuf.json(ofAnswer: Self.envelope("v1", "Event", raw)))
        #expect((json["metadata"] as? [String: Any])?["creationTimestamp"] as? String == "2026-12-07T02:30:56Z")
        #expect(json["lastTimestamp"] == nil)
        #expect(json["eventTime"] as? String == "2026-12-07T02:30:56.123456Z")
    }

    @Test("int-or-string ports and embedded (inline) structs read as in JSON")
    func intOrStringAndInline() throws {
        let probe = #"{"httpGet":{"path":"/healthz","port":"http","scheme":"HTTP"},"periodSeconds":10}"#
        let pod = #"{"metadata":{"name":"web"},"spec":{"containers":[{"name":"app","readinessProbe":\#(probe),"livenessProbe":{"tcpSocket":{"port":8080}}}]}}"#
        let list = #"{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"42"},"items":[\#(pod)]}"#
        let body = try ProtobufEncoder.list(json: Data(list.utf8))
        let page = try KubeProtobuf.list(body)
        #expect(try Self.object(page.metadata)["resourceVersion"] as? String == "42")
        let items = try #require(JSONSerialization.jsonObject(with: KubeProtobuf.jsonArray(of: page.items[...], in: body, list: page)) as? [[String: Any]])
        let container = try #require(((items.first?["spec"] as? [String: Any])?["containers"] as? [[String: Any]])?.first)
        let readiness = try #require(container["readinessProbe"] as? [String: Any])
        #expect((readiness["httpGet"] as? [String: Any])?["port"] as? String == "http")
        #expect(readiness["periodSeconds"] as? Int == 10)
        #expect(readiness["handler"] == nil)
        #expect(((container["livenessProbe"] as? [String: Any])?["tcpSocket"] as? [String: Any])?["port"] as? Int == 8080)
    }

    @Test("watch frames are found however the stream is cut into chunks")
    func frames() throws {
        let added = try ProtobufEncoder.watchFrame(json: Data(#"{"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"7"}}}"#.utf8), apiVersion: "v1", kind: "Pod")
        let gone = try ProtobufEncoder.watchFrame(json: Data(#"{"type":"ERROR","object":{"status":"Failure","reason":"Expired","code":410}}"#.utf8), apiVersion: "v1", kind: "Pod")
        let stream = added + gone
        for size in [1, 3, 7, stream.count] {
            var splitter = KubeProtobuf.FrameSplitter()
            var lines: [[String: Any]] = []
            for start in stride(from: 0, to: stream.count, by: size) {
                for frame in try splitter.frames(in: stream.subdata(in: start..<min(start + size, stream.count))) {
                    lines.append(try Self.object(KubeProtobuf.watchEventJSON(frame)))
                }
            }
            #expect(lines.map { $0["type"] as? String } == ["ADDED", "ERROR"])
            #expect(((lines.first?["object"] as? [String: Any])?["metadata"] as? [String: Any])?["resourceVersion"] as? String == "7")
            #expect((lines.last?["object"] as? [String: Any])?["code"] as? Int == 410)
            #expect((lines.last?["object"] as? [String: Any])?["kind"] as? String == "Status")
        }
    }

    @Test("every truncation of an answer is an error or a shorter object, never a crash")
    func truncation() throws {
        let list = try Fixtures.text("k8s-v1.36/api-paths/api/v1/namespaces/shop/pods.json")
        let body = try ProtobufEncoder.list(json: Data(list.utf8))
        var failures = 0
        for length in stride(from: 0, to: body.count, by: max(1, body.count / 400)) {
            let cut = body.prefix(length)
            do {
                let page = try KubeProtobuf.list(cut)
                _ = try KubeProtobuf.jsonArray(of: page.items[...], in: cut, list: page)
            } catch {
                failures += 1
                #expect(!"\(error)".isEmpty)
            }
        }
        #expect(failures > 0)
    }

    @Test("an answer without the magic, or compressed, is refused with a reason")
    func refusals() throws {
        #expect(throws: ProtoWireError.self) { try KubeProtobuf.json(ofAnswer: Data(#"{"kind":"Status"}"#.utf8)) }
        let error = try #require(throws: ProtoWireError.self) { try KubeProtobuf.json(ofAnswer: Self.envelope("v1", "Pod", [], encoding: "gzip")) }
        #expect("\(error)".contains("gzip"))
        let unknown = try #require(throws: ProtoWireError.self) { try KubeProtobuf.json(ofAnswer: Self.envelope("example.com/v1", "Widget", [])) }
        #expect("\(unknown)".contains("example.com/v1 Widget"))
    }
}

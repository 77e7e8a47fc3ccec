import Foundation
import HealModel
import HealProtobuf

/// Encodes JSON objects as kube-apiserver's protobuf serializer does, through the narrow schema
/// (`proto/*.proto`), for the fake API server: fields in number order, repeated fields
/// unpacked, map entries as {1: key, 2: value}, `omitempty` scalars JSON left out written as
/// their zero (gogo-protobuf writes every non-pointer scalar), `inline` messages read from the
/// object itself. Keys the narrow schema does not name are left out.
package enum ProtobufEncoder {
    static let mediaType = KubeProtobuf.mediaType
    private static let schema = KubeProtobuf.schema
    private static let declarations = Dictionary(uniqueKeysWithValues: ProtoSchema.kubernetesMessages.map { ($0.name, $0) })
    private static let listMeta = "k8s.io.apimachinery.pkg.apis.meta.v1.ListMeta"

    /// Whether the request asked for protobuf and the kind has a schema (as for CRDs, the API
    /// server answers JSON otherwise).
    static func serves(_ request: RecordedRequest, apiVersion: String, kind: String) -> Bool {
        (request.header("Accept") ?? "").contains(mediaType)
            && schema.message(named: KubeProtobuf.messageName(apiVersion: apiVersion, kind: kind)) != nil
    }

    /// A whole answer: `k8s\0` + runtime.Unknown{typeMeta{apiVersion, kind}, raw, "", ""}.
    static func answer(apiVersion: String, kind: String, message: [UInt8]) -> Data {
        let typeMeta = delimited(1, Array(apiVersion.utf8)) + delimited(2, Array(kind.utf8))
        return Data(KubeProtobuf.magic + delimited(1, typeMeta) + delimited(2, message) + delimited(3, []) + delimited(4, []))
    }

    /// An object (or a `Status`) as an answer.
    static func object(_ object: JSONValue, apiVersion: String, kind: String) -> Data {
        answer(apiVersion: apiVersion, kind: kind, message: encode(object, as: KubeProtobuf.messageName(apiVersion: apiVersion, kind: kind)))
    }

    /// A JSON list answer (a fixture) as the protobuf answer kube-apiserver would have sent.
    package static func list(json: Data) throws -> Data {
        let list = try JSONValue(parsing: json)
        let apiVersion = list["apiVersion"]?.stringValue ?? "v1"
        let kind = String((list["kind"]?.stringValue ?? "").dropLast("List".count))
        return self.list(metadata: list["metadata"] ?? .object([]), items: list["items"]?.arrayValue ?? [], apiVersion: apiVersion, kind: kind)
    }

    /// A JSON object or `Status` (with its apiVersion and kind) as a protobuf answer.
    package static func object(json: Data) throws -> Data {
        let value = try JSONValue(parsing: json)
        return object(value, apiVersion: value["apiVersion"]?.stringValue ?? "v1", kind: value["kind"]?.stringValue ?? "")
    }

    /// A JSON watch event line as a protobuf watch frame.
    package static func watchFrame(json: Data, apiVersion: String, kind: String) throws -> Data {
        let event = try JSONValue(parsing: json)
        let object = event["object"] ?? .object([])
        return watchFrame(type: event["type"]?.stringValue ?? "", object: object, apiVersion: apiVersion, kind: kind)
    }

    /// A list answer from the list's JSON metadata and items.
    static func list(metadata: JSONValue, items: [JSONValue], apiVersion: String, kind: String) -> Data {
        let itemMessage = KubeProtobuf.messageName(apiVersion: apiVersion, kind: kind)
        var raw = delimited(1, encode(metadata, as: listMeta))
        for item in items { raw += delimited(2, encode(item, as: itemMessage)) }
        return answer(apiVersion: apiVersion, kind: kind + "List", message: raw)
    }

    /// A watch frame: a 4-byte big-endian length and metav1.WatchEvent{type, object{raw}}. An
    /// ERROR event's object is a v1 `Status`, whatever the watched kind.
    static func watchFrame(type: String, object: JSONValue, apiVersion: String, kind: String) -> Data {
        let info = type == "ERROR" ? (apiVersion: "v1", kind: "Status") : (apiVersion: apiVersion, kind: kind)
        let event = delimited(1, Array(type.utf8)) + delimited(2, delimited(1, Array(self.object(object, apiVersion: info.apiVersion, kind: info.kind))))
        let length = UInt32(event.count)
        return Data([UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + event)
    }

    static func encode(_ object: JSONValue, as name: String) -> [UInt8] {
        guard let message = declarations[name] else { preconditionFailure("no protobuf message \(name)") }
        var output: [UInt8] = []
        // In field-number order already: the generator writes them so.
        for field in message.fields {
            if field.json == .inline, case .message(let inner) = field.kind {
                output += delimited(field.number, encode(object, as: inner))
                continue
            }
            var value = object[field.name]
            if value == nil || value == .null, field.json == .omitEmpty { value = zero(of: field.kind) }
            guard let value, value != .null else { continue }
            switch field.cardinality {
            case .single:
                output += encode(value, field.kind, number: field.number)
            case .repeated:
                for element in value.arrayValue ?? [] { output += encode(element, field.kind, number: field.number) }
            case .map:
                guard case .object(let members) = value else { continue }
                for member in members {
                    var entry = delimited(1, Array(member.key.utf8))
                    if member.value != .null { entry += encode(member.value, field.kind, number: 2) }
                    output += delimited(field.number, entry)
                }
            }
        }
        return output
    }

    private static func zero(of kind: ProtoField.Kind) -> JSONValue? {
        switch kind {
        case .string: .string("")
        case .bool: .bool(false)
        case .int32, .int64: .number("0")
        default: nil
        }
    }

    private static func encode(_ value: JSONValue, _ kind: ProtoField.Kind, number: Int) -> [UInt8] {
        switch (kind, value) {
        case (.string, .string(let text)):
            return delimited(number, Array(text.utf8))
        case (.quantity, .string(let text)), (.quantity, .number(let text)):
            return delimited(number, delimited(1, Array(text.utf8)))
        case (.bool, .bool(let flag)):
            return key(number, 0) + varint(flag ? 1 : 0)
        case (.int32, .number(let text)), (.int64, .number(let text)):
            return key(number, 0) + varint(UInt64(bitPattern: Int64(text) ?? 0))
        case (.time, .string(let text)), (.microTime, .string(let text)):
            let (seconds, nanos) = timestamp(text)
            return delimited(number, key(1, 0) + varint(UInt64(bitPattern: seconds)) + key(2, 0) + varint(UInt64(nanos)))
        case (.intOrString, .string(let text)):
            return delimited(number, key(1, 0) + varint(1) + key(2, 0) + varint(0) + delimited(3, Array(text.utf8)))
        case (.intOrString, .number(let text)):
            return delimited(number, key(1, 0) + varint(0) + key(2, 0) + varint(UInt64(bitPattern: Int64(text) ?? 0)) + delimited(3, []))
        case (.message(let name), _):
            return delimited(number, encode(value, as: name))
        default:
            preconditionFailure("cannot encode \(value) as \(kind)")
        }
    }

    /// Seconds and nanoseconds of RFC 3339 UTC text ("2026-12-07T02:30:56Z", "…56.123456Z"):
    /// the whole seconds through HealModel's parser (Foundation's formatters would make listing
    /// 5,000 pods take seconds), the fraction exactly from its digits.
    private static func timestamp(_ text: String) -> (Int64, Int32) {
        let parts = text.dropLast().split(separator: ".", maxSplits: 1)
        let seconds = Timestamp(rfc3339: String(parts[0]) + "Z").map { Int64($0.secondsSince1970) } ?? 0
        let fraction = parts.count == 2 ? String((parts[1] + "000000000").prefix(9)) : "0"
        return (seconds, Int32(fraction) ?? 0)
    }

    private static func key(_ number: Int, _ wireType: Int) -> [UInt8] {
        varint(UInt64(number << 3 | wireType))
    }

    private static func delimited(_ number: Int, _ payload: [UInt8]) -> [UInt8] {
        key(number, 2) + varint(UInt64(payload.count)) + payload
    }

    private static func varint(_ value: UInt64) -> [UInt8] {
        var rest = value
        var bytes: [UInt8] = []
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
        return bytes
    }
}

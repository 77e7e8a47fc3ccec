import Foundation

/// kube-apiserver's protobuf wire format, read through the narrow schema into the JSON the
/// models decode:
///
/// - an answer (an object, a list, a `Status`) is the magic `k8s\0` followed by a
///   `runtime.Unknown` whose `typeMeta` names the kind and whose `raw` holds the message;
/// - a watch (`;stream=watch`) is a run of frames, each a 4-byte big-endian length and a
///   `metav1.WatchEvent` (no magic) whose `object.raw` is itself a whole answer as above.
package enum KubeProtobuf {
    package static let mediaType = "application/vnd.kubernetes.protobuf"
    /// `k8s\0`, the first bytes of every protobuf answer.
    package static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]
    package static let schema = ProtoSchema.kubernetes

    /// Whether a Content-Type is protobuf (with or without `;stream=watch`).
    package static func isProtobuf(contentType: String?) -> Bool {
        guard let contentType else { return false }
        let type = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased() == mediaType
    }

    /// Whether lists of a kind can be read as protobuf: the narrow schema has its List message.
    package static func readsList(apiVersion: String, kind: String) -> Bool {
        schema.message(named: messageName(apiVersion: apiVersion, kind: kind + "List")) != nil
    }

    /// The upstream message of a kind: ("apps/v1", "Deployment") → k8s.io.api.apps.v1.Deployment;
    /// a `Status` of any version is metav1's.
    package static func messageName(apiVersion: String, kind: String) -> String {
        if kind == "Status" { return "k8s.io.apimachinery.pkg.apis.meta.v1.Status" }
        let parts = apiVersion.split(separator: "/")
        let group = parts.count == 2 ? parts[0].split(separator: ".").first.map(String.init) ?? "core" : "core"
        return "k8s.io.api.\(group).\(parts.last ?? "").\(kind)"
    }

    /// `Data.withUnsafeBytes` with the typed error kept.
    private static func withBytes<Result>(
        _ data: Data, _ body: (UnsafeRawBufferPointer) throws(ProtoWireError) -> Result
    ) throws(ProtoWireError) -> Result {
        try data.withUnsafeBytes { bytes in
            Swift.Result { () throws(ProtoWireError) -> Result in try body(bytes) }
        }.get()
    }

    /// Each length-delimited field of a message, by number; other fields are skipped.
    private static func forEachLengthDelimited(
        _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ body: (Int, Range<Int>) throws(ProtoWireError) -> Void
    ) throws(ProtoWireError) {
        var reader = ProtoWireReader(bytes, range)
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readKey()
            guard wireType == ProtoWireReader.lengthDelimited else {
                try reader.skip(wireType: wireType)
                continue
            }
            try body(number, try reader.readLengthDelimited())
        }
    }

    private static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: Answers

    /// The kind and message of an answer.
    struct Envelope {
        var apiVersion = ""
        var kind = ""
        var raw: Range<Int> = 0..<0
    }

    static func envelope(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) throws(ProtoWireError) -> Envelope {
        guard range.count >= 4, (0..<4).allSatisfy({ bytes[range.lowerBound + $0] == magic[$0] }) else {
            throw ProtoWireError("the answer does not start with the protobuf magic k8s\\0")
        }
        var envelope = Envelope()
        var encoding: Range<Int> = 0..<0
        try forEachLengthDelimited(bytes, range.lowerBound + 4..<range.upperBound) { number, payload throws(ProtoWireError) in
            switch number {
            case 1:
                // runtime.TypeMeta{apiVersion = 1, kind = 2}
                try forEachLengthDelimited(bytes, payload) { field, text throws(ProtoWireError) in
                    if field == 1 { envelope.apiVersion = string(bytes, text) }
                    if field == 2 { envelope.kind = string(bytes, text) }
                }
            case 2: envelope.raw = payload
            case 3: encoding = payload
            default: break
            }
        }
        guard encoding.isEmpty else {
            throw ProtoWireError("the answer has content encoding \"\(string(bytes, encoding))\", which is not supported")
        }
        return envelope
    }

    static func message(of envelope: Envelope) throws(ProtoWireError) -> Int {
        guard let message = schema.message(named: messageName(apiVersion: envelope.apiVersion, kind: envelope.kind)) else {
            throw ProtoWireError("kubectl-heal has no protobuf schema for \(envelope.apiVersion) \(envelope.kind)")
        }
        return message
    }

    /// An object or `Status` answer as JSON, with its `apiVersion` and `kind` (which protobuf
    /// carries in the envelope, not in the message).
    package static func json(ofAnswer body: Data) throws(ProtoWireError) -> Data {
        try withBytes(body) { (bytes: UnsafeRawBufferPointer) throws(ProtoWireError) -> Data in
            try objectJSON(bytes, 0..<bytes.count)
        }
    }

    private static func objectJSON(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) throws(ProtoWireError) -> Data {
        let envelope = try envelope(bytes, range)
        var transcoder = ProtoJSONTranscoder(schema: schema, capacity: envelope.raw.count * 2)
        try transcoder.writeMessage(try message(of: envelope), bytes, envelope.raw)
        var json = Array("{\"apiVersion\":\"\(envelope.apiVersion)\",\"kind\":\"\(envelope.kind)\"".utf8)
        if transcoder.output.count > 2 { json.append(UInt8(ascii: ",")) }
        json.append(contentsOf: transcoder.output.dropFirst())
        return Data(json)
    }

    // MARK: Lists

    /// A list answer: its metadata as JSON, and where each item's message lies, so that items
    /// can be transcoded a batch at a time, in parallel.
    package struct List: Sendable {
        package var metadata: Data
        package var items: [Range<Int>]
        let itemMessage: Int
    }

    package static func list(_ body: Data) throws(ProtoWireError) -> List {
        try withBytes(body) { (bytes: UnsafeRawBufferPointer) throws(ProtoWireError) -> List in
            let envelope = try envelope(bytes, 0..<bytes.count)
            guard envelope.kind.hasSuffix("List") else { throw ProtoWireError("expected a list, got \(envelope.apiVersion) \(envelope.kind)") }
            guard let item = try? message(of: Envelope(apiVersion: envelope.apiVersion, kind: String(envelope.kind.dropLast(4)))),
                  let listMeta = schema.message(named: "k8s.io.apimachinery.pkg.apis.meta.v1.ListMeta")
            else { throw ProtoWireError("kubectl-heal has no protobuf schema for the items of \(envelope.kind)") }
            var transcoder = ProtoJSONTranscoder(schema: schema)
            var items: [Range<Int>] = []
            var sawMetadata = false
            // {metadata = 1, items = 2}
            try forEachLengthDelimited(bytes, envelope.raw) { number, payload throws(ProtoWireError) in
                if number == 1 {
                    try transcoder.writeMessage(listMeta, bytes, payload)
                    sawMetadata = true
                } else if number == 2 {
                    items.append(payload)
                }
            }
            return List(metadata: sawMetadata ? Data(transcoder.output) : Data("{}".utf8), items: items, itemMessage: item)
        }
    }

    /// `[` + the JSON of the items in `ranges` + `]`.
    package static func jsonArray(of ranges: ArraySlice<Range<Int>>, in body: Data, list: List) throws(ProtoWireError) -> Data {
        try withBytes(body) { (bytes: UnsafeRawBufferPointer) throws(ProtoWireError) -> Data in
            var transcoder = ProtoJSONTranscoder(schema: schema, capacity: ranges.reduce(2) { $0 + $1.count * 2 })
            transcoder.output.append(UInt8(ascii: "["))
            for (offset, range) in ranges.enumerated() {
                if offset > 0 { transcoder.output.append(UInt8(ascii: ",")) }
                try transcoder.writeMessage(list.itemMessage, bytes, range)
            }
            transcoder.output.append(UInt8(ascii: "]"))
            return Data(transcoder.output)
        }
    }

    // MARK: Watches

    /// One watch frame (without its length prefix) as the JSON line a JSON watch would have
    /// sent: `{"type":"ADDED","object":{…}}`.
    package static func watchEventJSON(_ frame: Data) throws(ProtoWireError) -> Data {
        try withBytes(frame) { (bytes: UnsafeRawBufferPointer) throws(ProtoWireError) -> Data in
            var type = ""
            var object: Range<Int>?
            // metav1.WatchEvent{type = 1, object = 2: runtime.RawExtension{raw = 1}}
            try forEachLengthDelimited(bytes, 0..<bytes.count) { number, payload throws(ProtoWireError) in
                if number == 1 { type = string(bytes, payload) }
                if number == 2 {
                    try forEachLengthDelimited(bytes, payload) { field, raw throws(ProtoWireError) in
                        if field == 1 { object = raw }
                    }
                }
            }
            guard let object, !type.isEmpty else { throw ProtoWireError("a watch event without a type or an object") }
            var line = Data("{\"type\":\"\(type)\",\"object\":".utf8)
            line.append(try objectJSON(bytes, object))
            line.append(UInt8(ascii: "}"))
            return line
        }
    }

    /// Cuts a watch stream's bytes into frames as they arrive in chunks.
    package struct FrameSplitter: Sendable {
        private var buffer = Data()
        /// A frame longer than this is a broken stream, not an object (etcd's limit is 1.5 MiB).
        static let maximumFrame = 64 << 20

        package init() {}

        package mutating func frames(in chunk: Data) throws(ProtoWireError) -> [Data] {
            buffer.append(chunk)
            var frames: [Data] = []
            var start = buffer.startIndex
            while buffer.endIndex - start >= 4 {
                let length = buffer[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
                guard length <= Self.maximumFrame else { throw ProtoWireError("a watch frame claims \(length) bytes") }
                guard buffer.endIndex - start - 4 >= length else { break }
                // A slice, not a copy: it is transcoded at once, before the buffer moves on.
                frames.append(buffer[start + 4..<start + 4 + length])
                start += 4 + length
            }
            buffer = Data(buffer[start...])
            return frames
        }
    }
}

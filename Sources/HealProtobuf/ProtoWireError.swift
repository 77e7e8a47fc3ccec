/// Bytes that are not the protobuf the schema describes. The description says where.
package struct ProtoWireError: Error, Sendable, CustomStringConvertible {
    package var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A table of protobuf messages: for each, its fields by number with their JSON names and how
/// their values read. `KubernetesSchema.generated.swift` declares the narrow Kubernetes messages
/// from `proto/*.proto`; the transcoder walks the wire bytes with it.
package struct ProtoSchema: Sendable {
    struct Message: Sendable {
        var name: String
        /// Indexed by field number; nil for a number the narrow schema leaves out (skipped).
        var fieldsByNumber: [Field?]
    }

    struct Field: Sendable {
        var number: Int
        /// `"name":`, ready to append.
        var jsonKey: [UInt8]
        var kind: Kind
        var cardinality: ProtoField.Cardinality
        var json: ProtoField.JSONForm
    }

    enum Kind: Sendable, Equatable {
        case string, bool, int32, int64
        case time, microTime, quantity, intOrString
        case message(Int)
    }

    let messages: [Message]
    private let indexByName: [String: Int]

    package init(messages declared: [ProtoMessage]) {
        let index = Dictionary(uniqueKeysWithValues: declared.enumerated().map { ($1.name, $0) })
        indexByName = index
        messages = declared.map { message in
            var fields = [Field?](repeating: nil, count: (message.fields.map(\.number).max() ?? 0) + 1)
            for field in message.fields {
                let kind: Kind
                switch field.kind {
                case .string: kind = .string
                case .bool: kind = .bool
                case .int32: kind = .int32
                case .int64: kind = .int64
                case .time: kind = .time
                case .microTime: kind = .microTime
                case .quantity: kind = .quantity
                case .intOrString: kind = .intOrString
                case .message(let name):
                    guard let target = index[name] else { preconditionFailure("\(message.name).\(field.name): no message \(name)") }
                    kind = .message(target)
                }
                fields[field.number] = Field(
                    number: field.number, jsonKey: Array("\"\(field.name)\":".utf8), kind: kind, cardinality: field.cardinality,
                    json: field.json)
            }
            return Message(name: message.name, fieldsByNumber: fields)
        }
    }

    /// The index of a message by its fully qualified name ("k8s.io.api.core.v1.Pod").
    package func message(named name: String) -> Int? {
        indexByName[name]
    }

    func name(of message: Int) -> String {
        messages[message].name
    }
}

/// A message as the generated table declares it.
package struct ProtoMessage: Sendable {
    package var name: String
    package var fields: [ProtoField]

    package init(_ name: String, _ fields: [ProtoField]) {
        self.name = name
        self.fields = fields
    }
}

/// A field as the generated table declares it: number, JSON name, kind, cardinality, and how
/// Go's JSON differs from the wire.
package struct ProtoField: Sendable {
    package enum Kind: Sendable {
        case string, bool, int32, int64
        /// metav1.Time and MicroTime ({seconds, nanos}), written as RFC 3339 text as in JSON.
        case time, microTime
        /// resource.Quantity ({string}), written as its text.
        case quantity
        /// intstr.IntOrString ({type, intVal, strVal}), written as a number or a string.
        case intOrString
        /// Another message of the table, by fully qualified name.
        case message(String)
    }

    package enum Cardinality: Sendable {
        case single, repeated
        /// `map<string, V>`: entries {1: key, 2: value}, written as a JSON object.
        case map
    }

    package enum JSONForm: Sendable {
        case plain
        /// A non-pointer scalar Go's JSON leaves out when zero (`omitempty`), which
        /// gogo-protobuf writes anyway: a zero is left out, so models see JSON's nil.
        case omitEmpty
        /// A Go embedded struct: a nested message on the wire, its fields inline in JSON.
        case inline
    }

    package var number: Int
    package var name: String
    package var kind: Kind
    package var cardinality: Cardinality
    package var json: JSONForm

    package init(_ number: Int, _ name: String, _ kind: Kind, _ cardinality: Cardinality = .single, json: JSONForm = .plain) {
        self.number = number
        self.name = name
        self.kind = kind
        self.cardinality = cardinality
        self.json = json
    }
}

import HealModel

/// A result as a versioned API document: `apiVersion` and `kind` next to the value's own
/// fields, as every JSON/YAML output of kubectl-heal is shaped.
struct VersionedDocument<Body: Encodable>: Encodable {
    static var apiVersion: String { "heal.kubectl.io/v1alpha1" }

    var kind: String
    var body: Body
    var generatedAt: Timestamp?

    private enum CodingKeys: String, CodingKey { case apiVersion, kind, generatedAt }

    func encode(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.apiVersion, forKey: .apiVersion)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(generatedAt, forKey: .generatedAt)
    }
}

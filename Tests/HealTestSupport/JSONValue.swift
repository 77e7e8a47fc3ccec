/// A JSON document that keeps object key order and number literals exactly as read, so bodies
/// derived from fixtures (pages, filtered lists, single objects) keep the API server's shapes.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The literal as written (`1042`, `0.5`, `1e3`), never rounded through a Double.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    struct Member: Sendable, Equatable {
        var key: String
        var value: JSONValue
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// Replaces the member named `key` in place, or appends it; removes it when `value` is nil.
    func setting(_ key: String, to value: JSONValue?) -> JSONValue {
        guard case .object(var members) = self else { return self }
        if let index = members.firstIndex(where: { $0.key == key }) {
            if let value { members[index].value = value } else { members.remove(at: index) }
        } else if let value {
            members.append(Member(key: key, value: value))
        }
        return .object(members)
    }

    /// Puts `prefix` members first (as the API server orders `kind`, `apiVersion`), dropping
    /// existing members with the same keys.
    func prepending(_ prefix: [Member]) -> JSONValue {
        guard case .object(let members) = self else { return self }
        let keys = Set(prefix.map(\.key))
        return .object(prefix + members.filter { !keys.contains($0.key) })
    }
}

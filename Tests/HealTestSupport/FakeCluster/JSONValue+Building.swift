/// Literals and path access, so the fake cluster can build and edit API objects tersely while
/// keeping member order (the API server's field order) intact.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(String(value)) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { Member(key: $0.0, value: $0.1) })
    }

    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    var intValue: Int? {
        if case .number(let literal) = self { return Int(literal) }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var members: [Member] {
        if case .object(let members) = self { return members }
        return []
    }

    func value(at path: [String]) -> JSONValue? {
        path.reduce(Optional(self)) { $0?[$1] }
    }

    /// Sets (or with nil removes) the member at `path`, creating missing objects on the way.
    func setting(path: [String], to value: JSONValue?) -> JSONValue {
        guard let key = path.first else { return value ?? .null }
        if path.count == 1 { return setting(key, to: value) }
        let child = self[key] ?? .object([])
        return setting(key, to: child.setting(path: Array(path.dropFirst()), to: value))
    }

    /// A string-valued object as a dictionary (labels, annotations, selectors).
    var stringMap: [String: String] {
        Dictionary(members.compactMap { member in member.value.stringValue.map { (member.key, $0) } }) { $1 }
    }

    /// An object of strings with sorted keys, as Go serializes a `map[string]string`.
    static func stringMap(_ map: [String: String]) -> JSONValue {
        .object(map.sorted { $0.key < $1.key }.map { Member(key: $0.key, value: .string($0.value)) })
    }

    var name: String { value(at: ["metadata", "name"])?.stringValue ?? "" }
    var namespace: String? { value(at: ["metadata", "namespace"])?.stringValue }
    var uid: String { value(at: ["metadata", "uid"])?.stringValue ?? "" }
    var labels: [String: String] { labels(at: ["metadata", "labels"]) }

    func labels(at path: [String]) -> [String: String] { value(at: path)?.stringMap ?? [:] }

    /// Equality that ignores the order of object members (a patched template equals the
    /// original even when the patch appended keys in another order).
    func sameContent(as other: JSONValue) -> Bool {
        switch (self, other) {
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            return left.allSatisfy { member in other[member.key].map(member.value.sameContent) ?? false }
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.sameContent(as: $1) }
        default:
            return self == other
        }
    }
}

extension JSONValue {
    /// Without empty objects and arrays, at any depth: what Kubernetes' semantic equality
    /// ignores (a nil map equals an empty one), e.g. the `annotations: {}` a merge patch leaves
    /// after removing the last annotation.
    var withoutEmptyMembers: JSONValue {
        switch self {
        case .object(let members):
            return .object(members.compactMap { member in
                let value = member.value.withoutEmptyMembers
                switch value {
                case .object(let inner) where inner.isEmpty: return nil
                case .array(let inner) where inner.isEmpty: return nil
                default: return Member(key: member.key, value: value)
                }
            })
        case .array(let elements):
            return .array(elements.map(\.withoutEmptyMembers))
        default:
            return self
        }
    }

    /// The members reordered as `order` lists them (a Go struct's field order); members not
    /// listed go last, in their current order.
    func ordered(by order: [String]) -> JSONValue {
        let rank = { (key: String) in order.firstIndex(of: key) ?? order.count }
        return .object(members.enumerated().sorted {
            (rank($0.element.key), $0.offset) < (rank($1.element.key), $1.offset)
        }.map(\.element))
    }
}

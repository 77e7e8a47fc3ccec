/// A collection the API server may omit or send as `null`; both decode as empty, so analyzers
/// never juggle optionals for "no containers" or "no conditions".
@propertyWrapper
package struct DefaultEmpty<Value: EmptyDecodable>: Decodable {
    package var wrappedValue: Value

    package init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    /// Lets `@DefaultEmpty var x: [T]` start empty in memberwise and hand-written initialisers.
    package init() {
        wrappedValue = Value()
    }

    package init(from decoder: any Decoder) throws {
        wrappedValue = try Value(from: decoder)
    }
}

extension DefaultEmpty: Sendable where Value: Sendable {}
extension DefaultEmpty: Equatable where Value: Equatable {}
extension DefaultEmpty: Hashable where Value: Hashable {}

package protocol EmptyDecodable: Decodable {
    init()
}

extension Array: EmptyDecodable where Element: Decodable {}
extension Dictionary: EmptyDecodable where Key == String, Value: Decodable {}

extension KeyedDecodingContainer {
    package func decode<Value>(_ type: DefaultEmpty<Value>.Type, forKey key: Key) throws -> DefaultEmpty<Value> {
        try decodeIfPresent(type, forKey: key) ?? DefaultEmpty()
    }
}

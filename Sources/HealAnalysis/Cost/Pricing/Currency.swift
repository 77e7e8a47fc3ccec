/// The currency prices are in: its ISO 4217 code for JSON and YAML, its symbol for tables.
package struct Currency: Sendable, Equatable, Encodable {
    package var code: String
    package var symbol: String

    package init(code: String, symbol: String) {
        self.code = code
        self.symbol = symbol
    }

    package static let usd = Currency(code: "USD", symbol: "$")
}

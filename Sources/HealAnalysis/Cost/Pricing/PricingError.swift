/// Why a pricing file (or a price given as a flag) cannot be used. Every case carries the path
/// of the offending field, e.g. `nodePools[1].spotDiscountPercent`; the CLI adds the file name
/// and maps these to bad input (exit 65).
package enum PricingError: Error, Sendable, Equatable {
    case unknownAPIVersion(found: String)
    case unknownKind(found: String)
    /// A key the format does not have, usually a typo; `valid` are the keys allowed there.
    case unknownKey(path: String, key: String, valid: [String])
    case negativePrice(path: String, value: Double)
    /// `.inf` or `.nan`, which YAML accepts as numbers.
    case priceNotFinite(path: String)
    case discountOutOfRange(path: String, value: Double)
    case hoursPerMonthOutOfRange(path: String, value: Double)
    /// A node pool without labels to match would take every node.
    case emptySelector(path: String)
    case emptyValue(path: String)
    case invalidCurrencyCode(path: String, found: String)
    /// A symbol without a code would show "€" on amounts that JSON output calls USD.
    case symbolWithoutCurrency(path: String)
    case invalidNamespacePattern(path: String, found: String)
    /// Two node pools with one name, or two namespace entries with one pattern (the second
    /// could never apply).
    case duplicate(path: String, value: String, firstPath: String)
    /// An override that changes no price.
    case setsNoPrice(path: String)

    /// The field the problem is at.
    package var path: String {
        switch self {
        case .unknownAPIVersion: "apiVersion"
        case .unknownKind: "kind"
        case .unknownKey(let path, _, _), .negativePrice(let path, _), .priceNotFinite(let path), .discountOutOfRange(let path, _),
            .hoursPerMonthOutOfRange(let path, _), .emptySelector(let path), .emptyValue(let path),
            .invalidCurrencyCode(let path, _), .symbolWithoutCurrency(let path), .invalidNamespacePattern(let path, _), .duplicate(let path, _, _),
            .setsNoPrice(let path):
            path
        }
    }
}

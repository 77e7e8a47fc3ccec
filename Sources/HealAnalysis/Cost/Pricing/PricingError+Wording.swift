extension PricingError {
    /// "nodePools[1].spotDiscountPercent is 120, outside 0–100".
    package var message: String {
        switch self {
        case .unknownAPIVersion(let found):
            "apiVersion is \"\(found)\", expected \(PricingFile.apiVersion)"
        case .unknownKind(let found):
            "kind is \"\(found)\", expected \(PricingFile.kind)"
        case .unknownKey(let path, let key, let valid):
            "\(path) is not a pricing field\(Wording.suggestion(for: key, among: valid))"
        case .negativePrice(let path, let value):
            "\(path) is \(PlainNumber.text(value, decimals: 6)): a price cannot be negative"
        case .priceNotFinite(let path):
            "\(path) is not a finite number"
        case .discountOutOfRange(let path, let value):
            "\(path) is \(PlainNumber.text(value, decimals: 2)), outside 0–100"
        case .hoursPerMonthOutOfRange(let path, let value):
            "\(path) is \(PlainNumber.text(value, decimals: 2)), outside 1–744 (a month has at most 31 × 24 hours)"
        case .emptySelector(let path):
            "\(path) is missing or empty, so the node pool would match every node"
        case .emptyValue(let path):
            "\(path) is empty"
        case .invalidCurrencyCode(let path, let found):
            "\(path) is \"\(found)\", not a three-letter ISO 4217 code such as USD or EUR"
        case .symbolWithoutCurrency(let path):
            "\(path) is set without currency, so JSON output would still call the amounts USD"
        case .invalidNamespacePattern(let path, let found):
            "\(path) is \"\(found)\", not a namespace name or glob"
        case .duplicate(let path, let value, let firstPath):
            "\(path) \"\(value)\" repeats \(firstPath)"
        case .setsNoPrice(let path):
            "\(path) sets no price, so it changes nothing"
        }
    }

    /// What to change next.
    package var hint: String {
        switch self {
        case .unknownAPIVersion, .unknownKind:
            "a pricing file starts with apiVersion: \(PricingFile.apiVersion) and kind: \(PricingFile.kind); see docs/pricing.md"
        case .unknownKey(_, _, let valid):
            "the keys allowed there are \(valid.joined(separator: ", "))"
        case .negativePrice, .priceNotFinite:
            "prices are per vCPU-hour or per GiB-hour, e.g. 0.031611; 0 leaves the resource unpriced"
        case .discountOutOfRange:
            "a spot discount is a percentage off the pool's prices, e.g. 70"
        case .hoursPerMonthOutOfRange:
            "730 is the average month (365 × 24 / 12)"
        case .emptySelector:
            "give the node labels of the pool, e.g. nodeSelector: {karpenter.sh/capacity-type: spot}; the top-level prices already cover every other node"
        case .emptyValue:
            "give it a value or leave the key out"
        case .invalidCurrencyCode, .symbolWithoutCurrency:
            "set currency to the code your prices are in, and currencySymbol to show it in tables"
        case .invalidNamespacePattern:
            "a namespace name in lower case, with * for any run of characters and ? for one, e.g. batch-*"
        case .duplicate:
            "the first entry that matches wins, so keep one entry per node pool name and per namespace pattern"
        case .setsNoPrice:
            "set cpuPerCoreHour, memoryPerGiBHour (or, for a node pool, spotDiscountPercent), or remove the entry"
        }
    }
}

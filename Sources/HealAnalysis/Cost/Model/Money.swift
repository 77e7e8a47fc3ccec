/// Amounts stay `Double` through the arithmetic and are rounded only here, for display, so
/// that totals are sums of exact figures rather than of rounded ones.
package enum Money {
    /// Whole cents, halves away from zero ($0.125 → 13, −$0.125 → −13). The product is first
    /// rounded to a millionth of a cent, so binary noise such as 1.005 × 100 = 100.4999…
    /// still rounds up as written. For amounts whose cents fit in an `Int`.
    package static func cents(_ amount: Double) -> Int {
        Int(roundedCents(amount))
    }

    /// "$8.76", "-$1.50", "EUR 12.00".
    package static func format(_ amount: Double, currency: Currency = .usd) -> String {
        let cents = roundedCents(amount)
        return "\(cents < 0 ? "-" : "")\(currency.symbol)\(PlainNumber.text(abs(cents) / 100, decimals: 2, minimumDecimals: 2))"
    }

    /// A price per hour as it was given: "$0.031611", "$0.12" (2 to 6 decimals).
    package static func rate(_ amount: Double, currency: Currency = .usd) -> String {
        "\(amount < 0 ? "-" : "")\(currency.symbol)\(PlainNumber.text(abs(amount), decimals: 6, minimumDecimals: 2))"
    }

    private static func roundedCents(_ amount: Double) -> Double {
        ((amount * 100 * 1_000_000).rounded() / 1_000_000).rounded(.toNearestOrAwayFromZero)
    }
}

/// Numbers for sentences and tables: "730", "730.5", "0.012" — at most `decimals` decimals,
/// trailing zeros dropped down to `minimumDecimals`, no exponent (except beyond `Int`, where
/// Swift's own form is the honest one).
package enum PlainNumber {
    package static func text(_ value: Double, decimals: Int, minimumDecimals: Int = 0) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard let whole = Int(exactly: (scaled / scale).rounded(.down)) else { return "\(value)" }
        var fraction = Int(scaled - Double(whole) * scale)
        var digits = decimals
        while digits > minimumDecimals, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let fractionText = String(fraction)
        return "\(sign)\(whole)." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
}

extension Quantity {
    /// `250m`, `1.5`, `1423108n`, `500u` in nanocores (metrics-server's unit); nil when it is
    /// not a CPU quantity.
    static func nanocores(_ quantity: String) -> Int? {
        let units: [(String, Double)] = [("n", 1), ("u", 1e3), ("m", 1e6)]
        for (suffix, factor) in units where quantity.hasSuffix(suffix) {
            return Double(quantity.dropLast(suffix.count)).map { Int(($0 * factor).rounded()) }
        }
        return Double(quantity).map { Int(($0 * 1e9).rounded()) }
    }
}

extension Duration {
    /// The duration in seconds, for `Date` and `Thread.sleep` arithmetic.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

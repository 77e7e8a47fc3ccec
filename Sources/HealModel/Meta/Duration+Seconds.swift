extension Duration {
    /// Seconds as a Double, for reports and measurements.
    package var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

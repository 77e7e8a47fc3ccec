/// Where usage figures come from and over what window: `recommend-limits` and `cost`.
package struct UsageSettings: Sendable {
    package enum Source: String, CaseIterable, Sendable {
        /// The Prometheus URL given, else a Prometheus Service found in the cluster, else metrics-server.
        case auto
        case prometheus
        case metricsServer = "metrics-server"
        /// Requests and pod status only (OOM kills): no usage source is asked.
        case none
    }

    package var source: Source
    /// How much Prometheus history to read, and at what resolution.
    package var historySeconds: Double
    package var stepSeconds: Double
    /// With metrics-server: keep sampling this long, every `everySeconds`; nil takes one sample.
    package var sampleSeconds: Double?
    package var everySeconds: Double

    package init(source: Source = .auto, historySeconds: Double = 14 * 86_400, stepSeconds: Double = 60, sampleSeconds: Double? = nil, everySeconds: Double = 30) {
        self.source = source
        self.historySeconds = historySeconds
        self.stepSeconds = stepSeconds
        self.sampleSeconds = sampleSeconds
        self.everySeconds = everySeconds
    }
}

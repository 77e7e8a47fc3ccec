import HealAnalysis
import HealKube

/// Everything a diagnosis is asked, independent of how a front end spelled it.
package struct DiagnoseRequest: Sendable {
    package enum Source: Sendable {
        case cluster(ConfigOverrides)
        case snapshot(String)
    }

    package var source: Source
    /// nil means the context's namespace (live) or every namespace (snapshot).
    package var namespace: String?
    package var allNamespaces: Bool
    package var excludedNamespaces: [String]
    package var options: DiagnosisOptions
    /// `--anomalies`: predictions from usage history become findings.
    package var anomalies: AnomalyHistory?

    /// Where the history comes from, how far back it reaches and, under `--watch`, how often it
    /// is read again.
    package struct AnomalyHistory: Sendable {
        package var prometheus: PrometheusAccess
        package var windowSeconds: Double
        package var intervalSeconds: Double
        /// Under `--watch`: a first read that fails (Prometheus down, not a bad flag) is said and
        /// the watch starts without it, to read again later, rather than exiting.
        package var watching: Bool

        package init(prometheus: PrometheusAccess, windowSeconds: Double, intervalSeconds: Double = 600, watching: Bool = false) {
            self.prometheus = prometheus
            self.windowSeconds = windowSeconds
            self.intervalSeconds = intervalSeconds
            self.watching = watching
        }
    }

    package init(source: Source, namespace: String?, allNamespaces: Bool, excludedNamespaces: [String] = [], options: DiagnosisOptions) {
        self.source = source
        self.namespace = namespace
        self.allNamespaces = allNamespaces
        self.excludedNamespaces = excludedNamespaces
        self.options = options
    }
}

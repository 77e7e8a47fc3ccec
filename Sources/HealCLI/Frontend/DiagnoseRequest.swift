import HealAnalysis
import HealKube

/// Everything `diagnose` was asked, independent of how the flags were spelled.
struct DiagnoseRequest: Sendable {
    enum Source: Sendable {
        case cluster(ConfigOverrides)
        case snapshot(String)
    }

    var source: Source
    /// From -n; nil means the context's namespace (live) or every namespace (snapshot).
    var namespace: String?
    var allNamespaces: Bool
    var excludedNamespaces: [String]
    var options: DiagnosisOptions
}

enum HygieneAnalyzers {
    static let all: [any Analyzer] = [
        MissingProbesAnalyzer(),
        MissingResourcesAnalyzer(),
        ImageLatestTagAnalyzer(),
        SingleReplicaServiceAnalyzer(),
        MissingDisruptionBudgetAnalyzer(),
    ]
}

enum ClusterAnalyzers {
    static let all: [any Analyzer] = [
        HorizontalPodAutoscalerAnalyzer(),
        NodeAnalyzer(),
        PersistentVolumeClaimAnalyzer(),
        PersistentVolumeAnalyzer(),
    ]
}

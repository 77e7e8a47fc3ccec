enum WorkloadAnalyzers {
    static let all: [any Analyzer] = [
        DeploymentAnalyzer(),
        ReplicaSetAnalyzer(),
        StatefulSetAnalyzer(),
        DaemonSetAnalyzer(),
        JobAnalyzer(),
        CronJobAnalyzer(),
        DisruptionBudgetAnalyzer(),
        WorkloadStatusAnalyzer(),
        PullSecretAnalyzer(),
    ]
}

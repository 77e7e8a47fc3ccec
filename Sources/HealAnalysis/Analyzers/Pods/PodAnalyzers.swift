enum PodAnalyzers {
    static let all: [any Analyzer] = [
        CrashLoopAnalyzer(),
        OOMAnalyzer(),
        ImagePullAnalyzer(),
        ContainerConfigAnalyzer(),
        ContainerStartAnalyzer(),
        InitContainerAnalyzer(),
        SchedulingAnalyzer(),
        EvictionAnalyzer(),
        ContainerCreatingAnalyzer(),
        ReadinessAnalyzer(),
        LivenessAnalyzer(),
        RestartAnalyzer(),
        ExitAnalyzer(),
    ]
}

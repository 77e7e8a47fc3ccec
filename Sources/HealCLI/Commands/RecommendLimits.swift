import ArgumentParser

struct RecommendLimits: PlannedCommand {
    static let plannedFeature = "kubectl heal recommend-limits"
    static let plannedIssue = "recommend-limits and cost"

    static let configuration = CommandConfiguration(
        commandName: "recommend-limits",
        abstract: "Right-size CPU and memory requests/limits from Prometheus or metrics-server usage (OOM-aware).",
        discussion: """
            Usage (planned): kubectl heal recommend-limits [TYPE/NAME] [-n NS | -A] [--prometheus-url URL] \
            [--history 14d] [-o table|wide|json|yaml|csv|patch] [--apply --yes].

            \(notImplementedNote)

            \(ExitStatus.table)
            """)

    @Argument(help: "Restrict to this workload (TYPE/NAME).")
    var target: String?

    @OptionGroup var cluster: ClusterOptions

    @OptionGroup var scope: ScopeOptions
}

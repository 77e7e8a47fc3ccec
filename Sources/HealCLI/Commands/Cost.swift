import ArgumentParser

struct Cost: PlannedCommand {
    static let plannedFeature = "kubectl heal cost"
    static let plannedIssue = "recommend-limits and cost"

    static let configuration = CommandConfiguration(
        abstract: "Price workloads and resilience strategies (always-on, blue/green, peak scaling, scale-to-zero, right-sized).",
        discussion: """
            Usage (planned): kubectl heal cost [TYPE/NAME] [-n NS | -A] [--cpu-price P] [--memory-price P]; \
            kubectl heal cost scenarios [TARGET] [--baseline NAME] [--preset demo].

            \(notImplementedNote)

            \(ExitStatus.table)
            """)

    @Argument(help: "Restrict to this workload (TYPE/NAME), or `scenarios`.")
    var target: String?

    @OptionGroup var cluster: ClusterOptions

    @OptionGroup var scope: ScopeOptions
}

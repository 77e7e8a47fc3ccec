import ArgumentParser

struct Learn: PlannedCommand {
    static let plannedFeature = "kubectl heal learn"
    static let plannedIssue = "healing (diagnose --fix/--watch and learn)"

    static let configuration = CommandConfiguration(
        abstract: "Manage the memory of fixes that worked: list, show, stats, forget, reset, prune, export, import.",
        discussion: """
            Usage (planned): kubectl heal learn list|show ID|stats|forget ID|reset|prune --older-than 90d|export FILE|import FILE.

            \(notImplementedNote)

            \(ExitStatus.table)
            """)

    @Argument(help: "The learn action (list, show, stats, forget, reset, prune, export, import).")
    var action: String?
}

import ArgumentParser

struct Failover: PlannedCommand {
    static let plannedFeature = "kubectl heal failover"
    static let plannedIssue = "failover"

    static let configuration = CommandConfiguration(
        abstract: "Switch a Service between blue/green Deployments safely: scale the standby, wait Ready, switch, verify, roll back.",
        discussion: """
            Usage (planned): kubectl heal failover SERVICE [--to COLOR] [--replicas N] [--timeout 2m] \
            [--keep-old | --scale-down-old-after 30s] [--apply --yes]; kubectl heal failover status SERVICE; \
            kubectl heal failover watch SERVICE.

            \(notImplementedNote)

            \(ExitStatus.table)
            """)

    @Argument(help: "The Service whose selector picks the active colour.")
    var service: String?

    @OptionGroup var cluster: ClusterOptions
}

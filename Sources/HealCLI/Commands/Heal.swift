import ArgumentParser
import HealKube

/// `kubectl heal`: the root command. kubectl finds the `kubectl-heal` binary on PATH.
package struct Heal: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "kubectl-heal",
        abstract: "Find why Kubernetes workloads are broken, fix what is safe to fix, and remember what worked.",
        discussion: """
            A kubectl plugin: run it as `kubectl heal SUBCOMMAND`. Every subcommand reads the cluster the \
            way kubectl does (--kubeconfig, $KUBECONFIG, ~/.kube/config, in-cluster service account; \
            --context, -n, -A and the other kubectl flags). Results go to stdout (tables, or versioned JSON/YAML with -o); logs, \
            warnings and progress go to stderr.

            \(ExitStatus.table)
            """,
        version: HealVersion.current,
        subcommands: [Diagnose.self, TimelineCommand.self, AnomaliesCommand.self, ForecastCommand.self, Failover.self, RecommendLimits.self, Cost.self, Learn.self, MCPCommand.self, Complete.self])

    package init() {}
}

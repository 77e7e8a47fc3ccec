import ArgumentParser
import HealApp
import HealModel

/// `kubectl heal failover status SERVICE`
struct FailoverStatusCommand: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which colour serves, each colour's Deployment and endpoints, the verdict and the recommended action.",
        discussion: """
            Verdict: healthy (every desired endpoint of the active colour is ready), degraded (some are), \
            down (none is), with the pods' own reason (e.g. "0 of 2 endpoints ready: readiness probe failing: \
            HTTP probe failed with statuscode: 404"). Each colour's state: ready, starting, degraded, down or \
            scaled-to-zero. Read-only.

            Examples:
              kubectl heal failover status web -n shop
              kubectl heal failover status web -o json | jq .verdict

            \(ExitStatus.table)
            """)

    @OptionGroup var target: FailoverTargetOptions

    @OptionGroup(title: "Cluster access") var cluster: ClusterOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: FailoverOutputFormat = .table

    @OptionGroup var verbosity: VerbosityOptions

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let session = try FailoverSession(
            environment: environment, cluster: cluster.overrides, service: target.service, label: target.label, logLevel: verbosity.logLevel)
        let status = try await session.status()
        environment.standardOutput.write(try FailoverRenderer.status(status, as: output, at: Timestamp(environment.now())))
        return ExitStatus.success
    }
}

import ArgumentParser
import HealApp
import Foundation
import HealActions
import HealAnalysis
import HealModel

/// `kubectl heal failover watch SERVICE`: fail over, and back, while it runs.
struct FailoverWatch: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch a blue/green Service and fail over when the active colour loses its endpoints (and back when it recovers).",
        discussion: """
            Uses the watch API (the Service, Deployments, pods, EndpointSlices, pod Events), not a polling \
            interval. When the --trigger condition has held for --for, it fails over exactly as `failover \
            --apply` does (scale, wait Ready, switch, verify, roll back). With --failback it switches back once \
            the original colour has stayed Ready for --stable-for. At most --max-failovers switches per --per. \
            Every decision is printed as one sentence (-o json: one JSON document per line). Without --apply \
            it only reports what it would do. SIGINT/SIGTERM stop it cleanly: a switch in progress finishes \
            first, then a session summary is printed. With --leader-elect, only the holder of a \
            coordination.k8s.io Lease acts (run several replicas in-cluster; see the README for the Role). \
            --metrics-addr serves Prometheus metrics (switches by direction and outcome, resumed watches).

            Examples:
              kubectl heal failover watch web -n shop --for 10s --failback --stable-for 20s --apply
              kubectl heal failover watch web -n shop --trigger not-ready -o json

            \(ExitStatus.table)
            """)

    @OptionGroup var target: FailoverTargetOptions

    @Option(help: "What makes the active colour fail: no ready endpoint, or fewer ready endpoints than replicas.")
    var trigger: FailoverTrigger.Condition = .noEndpoints

    @Option(name: .customLong("for"), help: ArgumentHelp("How long the trigger must hold before failing over.", valueName: "duration"))
    var holdFor = "10s"

    @Flag(help: "Switch back to the original colour once it is stable again.")
    var failback = false

    @Option(help: ArgumentHelp("How long the original colour must stay Ready before failing back.", valueName: "duration"))
    var stableFor = "20s"

    @Option(help: ArgumentHelp("At most this many switches (failovers and fail-backs) per --per window.", valueName: "n"))
    var maxFailovers = 3

    @Option(help: ArgumentHelp("The window for --max-failovers.", valueName: "duration"))
    var per = "1h"

    @OptionGroup var timing: FailoverSwitchOptions

    @Option(help: ArgumentHelp("Scale the old colour to 0 this long after a verified failover (default: keep it; not with --failback).", valueName: "duration"))
    var scaleDownOldAfter: String?

    @Flag(help: "Act on decisions (default: report what would be done).")
    var apply = false

    @Flag(help: "Act only while holding a coordination.k8s.io Lease (for several replicas).")
    var leaderElect = false

    @Option(help: ArgumentHelp("The Lease for --leader-elect (default: kubectl-heal-failover-SERVICE).", valueName: "name"))
    var leaseName: String?

    @Option(help: ArgumentHelp("Serve Prometheus metrics on HOST:PORT (:PORT for every interface): switches, resumed watches.", valueName: "host:port"))
    var metricsAddr: String?

    @OptionGroup(title: "Cluster access") var cluster: ClusterOptions

    @Option(name: .shortAndLong, help: "Output format: table (one sentence per decision) or json (one document per line).")
    var output: FailoverOutputFormat = .table

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        for (flag, text) in [("--for", holdFor), ("--stable-for", stableFor), ("--per", per)] {
            _ = try FailoverSwitchOptions.seconds(text, flag: flag)
        }
        if let scaleDownOldAfter {
            _ = try FailoverSwitchOptions.seconds(scaleDownOldAfter, flag: "--scale-down-old-after")
            if failback { throw ValidationError("--scale-down-old-after and --failback contradict each other: fail-back needs the old colour running") }
        }
        if maxFailovers < 1 { throw ValidationError("--max-failovers \(maxFailovers) must be at least 1") }
        if output == .yaml { throw ValidationError("watch prints a stream: use -o table or -o json (one JSON document per line)") }
        if let metricsAddr { try MetricsAddressFlag.check(metricsAddr) }
    }

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let session = try FailoverSession(
            environment: environment, cluster: cluster.overrides, service: target.service, label: target.label, logLevel: verbosity.logLevel)
        let json = output == .json
        let stdout = environment.standardOutput
        let now = environment.now
        let policy = FailoverTrigger.Policy(
            condition: trigger, holdForSeconds: try FailoverSwitchOptions.seconds(holdFor, flag: "--for"), failback: failback,
            stableForSeconds: try FailoverSwitchOptions.seconds(stableFor, flag: "--stable-for"), maxSwitches: maxFailovers,
            windowSeconds: try FailoverSwitchOptions.seconds(per, flag: "--per"))
        let settings = FailoverWatcher.Settings(
            policy: policy, apply: apply, replicas: timing.replicas, timeoutSeconds: timing.timeoutSeconds,
            scaleDownOldAfter: try scaleDownOldAfter.map { try FailoverSwitchOptions.seconds($0, flag: "--scale-down-old-after") },
            leaseName: leaderElect ? (leaseName ?? "kubectl-heal-failover-\(target.service)") : nil)
        let summary = try await FailoverWatchJob(session: session, environment: environment).run(settings, force: timing.force, metricsAddress: metricsAddr) { step in
            if let line = try? FailoverRenderer.stepLine(step, json: json) { stdout.write(line) }
        } report: { report in
            if let text = try? FailoverWatchRenderer.line(report, json: json, at: Timestamp(now())) { stdout.write(text) }
        }
        stdout.write(try FailoverWatchRenderer.summary(summary, json: json))
        return ExitStatus.success
    }
}

extension FailoverTrigger.Condition: ExpressibleByArgument {}

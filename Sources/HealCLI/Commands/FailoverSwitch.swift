import ArgumentParser
import HealApp
import HealActions
import HealAnalysis

/// `kubectl heal failover SERVICE`: plan a switch; carry it out with `--apply`.
struct FailoverSwitch: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "switch",
        abstract: "Plan a switch to the standby colour; with --apply, scale it, wait Ready, switch, verify, roll back on failure.",
        discussion: """
            Without --apply this prints the plan and changes nothing. With --apply (and --yes, or a "y" on a \
            terminal): scale the standby to --replicas (default: the active colour's replicas, at least 1), \
            wait until that many pods are Ready (--timeout), switch the Service selector with a resourceVersion \
            precondition, verify the Service has ready endpoints on the new colour (--timeout), switch back if \
            it has not, then scale the old colour to 0 after --scale-down-old-after unless --keep-old. Every \
            write is dry-run on the server first. A standby that is failing, or does not get Ready in time, is \
            refused (exit 1) and the Service is left as it was. Events FailoverStarted/Succeeded/Failed/RolledBack \
            are recorded on the Service, and the annotation heal.kubectl.io/last-failover holds the last switch.

            Examples:
              kubectl heal failover web --to green -n shop                     # the plan
              kubectl heal failover web --to green -n shop --apply --yes
              kubectl heal failover web --apply --yes --keep-old -o json

            \(ExitStatus.table)
            """)

    @OptionGroup var target: FailoverTargetOptions

    @Option(help: ArgumentHelp("The colour to switch to (default: the only other colour).", valueName: "colour"))
    var to: String?

    @OptionGroup var timing: FailoverSwitchOptions

    @Option(help: ArgumentHelp("Scale the old colour to 0 this long after a verified switch.", valueName: "duration"))
    var scaleDownOldAfter = FailoverSwitch.defaultScaleDownOldAfter

    @Flag(help: "Leave the old colour's replicas as they are.")
    var keepOld = false

    @Option(help: ArgumentHelp("Why, for the Service's annotation and Events.", valueName: "text"))
    var reason = FailoverSwitch.defaultReason

    static let defaultReason = "manual failover"
    static let defaultScaleDownOldAfter = "30s"

    @Flag(help: "Carry the plan out (default: print it and change nothing).")
    var apply = false

    @Flag(help: "Print the plan and change nothing (the default; conflicts with --apply).")
    var dryRun = false

    @Flag(help: "Do not ask for confirmation (for scripts).")
    var yes = false

    @Option(help: ArgumentHelp("With --apply: refuse when this healing policy denies scale on either colour's Deployment.", valueName: "file"), completion: .file())
    var policy: String?

    @OptionGroup(title: "Cluster access") var cluster: ClusterOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: FailoverOutputFormat = .table

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        if apply && dryRun { throw ValidationError("--apply and --dry-run contradict each other; drop one") }
        if policy != nil && !apply { throw ValidationError("--policy decides whether --apply may scale the Deployments; add --apply or drop --policy") }
        _ = try FailoverSwitchOptions.seconds(scaleDownOldAfter, flag: "--scale-down-old-after")
    }

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let session = try FailoverSession(
            environment: environment, cluster: cluster.overrides, service: target.service, label: target.label, logLevel: verbosity.logLevel)
        let request = FailoverRequest(
            to: to, replicas: timing.replicas, timeoutSeconds: timing.timeoutSeconds,
            oldColour: keepOld ? .keep : .scaleDown(afterSeconds: try FailoverSwitchOptions.seconds(scaleDownOldAfter, flag: "--scale-down-old-after")),
            reason: reason)
        let job = FailoverSwitchJob(session: session, environment: environment)
        let plan = try await job.plan(request, readOnly: !apply)
        guard apply, !plan.alreadyActive else {
            environment.standardOutput.write(try FailoverRenderer.plan(plan, as: output))
            if !plan.alreadyActive, output == .table { environment.standardError.write("Nothing changed: pass --apply to carry the plan out.\n") }
            return ExitStatus.success
        }
        let stderr = environment.standardError
        let checked = try await job.check(plan, force: timing.force, policy: try HealPolicy.load(ifGiven: policy)) { step in
            if let line = try? FailoverRenderer.stepLine(step, json: false) { stderr.write(line) }
        }
        if !yes {
            guard let confirmed = environment.confirm(try FailoverRenderer.plan(plan, as: .table) + "Apply this plan? [y/N] ") else {
                throw CLIError.confirmationNeeded(flag: "--apply")
            }
            guard confirmed else {
                stderr.write("Not applied.\n")
                return ExitStatus.success
            }
        }
        let result = try await checked.run()
        environment.standardOutput.write(try FailoverRenderer.result(result, as: output))
        let verdict = result.verdict(timeout: timing.timeout)
        if let problem = verdict.problem { stderr.write(problem.text) }
        return verdict.exitCode
    }
}

import ArgumentParser
import HealApp
import HealModel

/// What every failover subcommand needs: the Service, its colour label, and the cluster.
struct FailoverTargetOptions: ParsableArguments, Sendable {
    @Argument(help: ArgumentHelp("The Service whose selector picks the active colour.", valueName: "service"))
    var service: String

    @Option(help: ArgumentHelp("The selector key that names the colour (default: discovered from the selector and the Deployments it could match).", valueName: "key"))
    var label: String?
}

/// The timing and sizing flags shared by `failover` and `failover watch`.
struct FailoverSwitchOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("Ready pods wanted on the new colour before the switch (default: the active colour's replicas, at least 1).", valueName: "n"))
    var replicas: Int?

    @Option(help: ArgumentHelp("How long to wait for the standby to get Ready, and again for the switch to verify.", valueName: "duration"))
    var timeout = FailoverSwitchOptions.defaultTimeout

    @Flag(help: "Act on a Service or Deployments managed by Argo CD or Flux (their auto-sync may revert the switch).")
    var force = false

    func validate() throws {
        if let replicas, replicas < 1 {
            throw ValidationError("--replicas \(replicas) must be at least 1: a colour with no pods cannot serve")
        }
        _ = try Self.seconds(timeout, flag: "--timeout")
    }

    static let defaultTimeout = "2m"

    var timeoutSeconds: Double { DurationText.seconds(timeout) ?? 120 }

    static func seconds(_ text: String, flag: String) throws -> Double {
        try parseFlag(flag) { () throws(InvalidInput) in try DurationInput.seconds(text) }
    }
}

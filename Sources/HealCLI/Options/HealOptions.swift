import ArgumentParser
import Foundation
import HealActions
import HealAnalysis
import HealApp
import HealModel

/// The flags of `diagnose --fix/--watch` that bound what healing may do and how it verifies.
struct HealOptions: ParsableArguments {
    @Option(
        name: .customLong("env"),
        help: ArgumentHelp("A value for a missing environment variable: NAME=VALUE, NAME=secret:SECRET/KEY or NAME=configmap:CONFIGMAP/KEY (repeatable). The only values set-env uses.", valueName: "name=value"))
    var env: [String] = []

    @Option(help: ArgumentHelp("Which actions may run without confirmation, per namespace and label (YAML; see the README).", valueName: "file"), completion: .file())
    var policy: String?

    @Option(help: "How far each memory step goes after an OOM kill: bump = max(+100Mi, ×1.2), double = ×2.")
    var memoryStep: HealPlannerSettings.MemoryStep = .bump

    @Option(help: ArgumentHelp("No memory limit is raised above this.", valueName: "quantity"))
    var maxMemory = "4Gi"

    @Option(help: ArgumentHelp("How long the new pods must stay Ready without a restart before a fix counts as verified.", valueName: "duration"))
    var verifyFor = "60s"

    @Option(help: ArgumentHelp("How long a fix's rollout may take before it counts as failed and is rolled back.", valueName: "duration"))
    var rolloutTimeout = "5m"

    @Option(help: ArgumentHelp("After acting on a workload, leave its next incident alone for this long.", valueName: "duration"))
    var cooldown = "5m"

    @Option(help: ArgumentHelp("At most this many actions per --window.", valueName: "n"))
    var maxActions = 10

    @Option(help: ArgumentHelp("The window --max-actions counts over.", valueName: "duration"))
    var window = "1h"

    @Flag(help: "Also act on objects managed by Argo CD or Flux (their sync will revert the change unless Git is fixed too).")
    var force = false

    func validate() throws {
        _ = try envValues()
        guard let memory = Quantity(maxMemory), memory.value > 0 else {
            throw ValidationError("--max-memory \"\(maxMemory)\" is not a memory quantity; use e.g. 2Gi or 1536Mi")
        }
        for (flag, text) in [("--verify-for", verifyFor), ("--rollout-timeout", rolloutTimeout), ("--cooldown", cooldown), ("--window", window)] {
            try parseFlag(flag) { () throws(InvalidInput) in try DurationInput.seconds(text) }
        }
        guard maxActions > 0 else { throw ValidationError("--max-actions must be at least 1") }
    }

    func envValues() throws -> [String: EnvValueSource] {
        var values: [String: EnvValueSource] = [:]
        for entry in env {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw ValidationError("--env \"\(Self.nameOnly(entry))\" is not NAME=VALUE; write e.g. --env DB_HOST=mysql or --env DB_PASSWORD=secret:mysql/password")
            }
            let name = String(entry[..<equals])
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }), !(name.first?.isNumber ?? true) else {
                throw ValidationError("--env: \"\(name)\" is not an environment variable name")
            }
            values[name] = EnvValueSource(flagValue: String(entry[entry.index(after: equals)...]))
        }
        return values
    }

    /// The settings the flags describe; `namedNamespace` (from -n) alone opens kube-system.
    func settings(namedNamespace: String?) throws -> HealSettings {
        var planner = HealPlannerSettings()
        planner.env = try envValues()
        planner.memoryStep = memoryStep
        planner.maxMemoryBytes = Quantity(maxMemory)?.value ?? planner.maxMemoryBytes
        var limits = HealLimits()
        limits.force = force
        limits.namedNamespaces = Set([namedNamespace].compactMap { $0 })
        limits.cooldown = DurationText.seconds(cooldown) ?? limits.cooldown
        limits.maxActions = maxActions
        limits.window = DurationText.seconds(window) ?? limits.window
        return HealSettings(
            policyFile: policy, planner: planner, executor: HealExecutor.Settings(verifyFor: verifyFor, rolloutTimeout: rolloutTimeout), limits: limits)
    }

    /// Error messages show the name only: the value may be a password.
    private static func nameOnly(_ entry: String) -> String {
        entry.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
    }
}

extension HealPlannerSettings.MemoryStep: ExpressibleByArgument {}

import HealModel

/// Checks a proposed plan against what healing may do, strictly: only the allowed actions,
/// each with exactly its typed parameters, only on the incident's own workload, containers,
/// pods and revisions, only values inside the user's bounds (`--max-memory`, `--env`). A plan
/// with one bad step is rejected whole: a partial plan is not the plan that was reasoned about.
package struct PlanValidator: Sendable {
    package enum ParameterType: String, Sendable {
        case string
        case integer
        case quantity
        case strings = "array of strings"
    }

    package struct Parameter: Sendable {
        package var name: String
        package var type: ParameterType
        package var meaning: String
    }

    /// The actions a plan may use and their parameters, in the order a prompt lists them.
    package static let allowedActions: [(action: Remediation.Action, meaning: String, parameters: [Parameter])] = [
        (.raiseMemoryLimit, "raise a container's memory limit (it must already have one) when it runs out of memory",
         [Parameter(name: "container", type: .string, meaning: "a container of the workload's pod template"),
          Parameter(name: "memory", type: .quantity, meaning: "the new limit, above the current one, such as 512Mi")]),
        (.setImage, "change a container's image tag or digest (the registry and repository stay the same)",
         [Parameter(name: "container", type: .string, meaning: "a container of the workload's pod template"),
          Parameter(name: "image", type: .string, meaning: "the full new image reference")]),
        (.setEnv, "set environment variables, only those whose values the user supplied",
         [Parameter(name: "container", type: .string, meaning: "a container of the workload's pod template"),
          Parameter(name: "names", type: .strings, meaning: "variable names from the supplied list")]),
        (.rollback, "roll the Deployment back to an earlier revision",
         [Parameter(name: "revision", type: .integer, meaning: "one of the earlier revisions listed")]),
        (.restartPod, "delete one pod so its controller starts a fresh one (for transient failures)",
         [Parameter(name: "pod", type: .string, meaning: "one of the workload's pods listed")]),
    ]

    /// At most this many steps: each runs only after the one before failed verification.
    package static let maxSteps = 3

    package var settings: HealPlannerSettings

    package init(settings: HealPlannerSettings) {
        self.settings = settings
    }

    /// The steps of a proposal, checked; `source` and the reason prefix say who proposed it.
    package func steps(for proposal: PlanProposal, incident: HealIncident, source: Finding.Source) -> Result<[HealStep], PlanRejection> {
        let workload = incident.finding.workload
        let expected = "\(workload.kind.lowercased())/\(workload.name)"
        guard Self.sameWorkload(proposal.workload, expected) else {
            return .failure(PlanRejection("it targets \(proposal.workload.isEmpty ? "no workload" : proposal.workload), not the incident's \(expected)"))
        }
        if let namespace = proposal.namespace, !namespace.isEmpty, namespace != (workload.namespace ?? "default") {
            return .failure(PlanRejection("it targets namespace \(namespace), not \(workload.namespace ?? "default")"))
        }
        guard !proposal.steps.isEmpty else { return .failure(PlanRejection("it has no steps")) }
        guard proposal.steps.count <= Self.maxSteps else {
            return .failure(PlanRejection("it has \(proposal.steps.count) steps; at most \(Self.maxSteps) are tried"))
        }
        var steps: [HealStep] = []
        for (index, proposed) in proposal.steps.enumerated() {
            switch step(proposed, incident: incident, source: source) {
            case .success(let step): steps.append(step)
            case .failure(let rejection): return .failure(PlanRejection("step \(index + 1) (\(proposed.action)): \(rejection.reason)"))
            }
        }
        return .success(steps)
    }

    /// One step, checked.
    package func step(_ proposed: ProposedStep, incident: HealIncident, source: Finding.Source) -> Result<HealStep, PlanRejection> {
        guard let action = Remediation.Action(rawValue: proposed.action),
            let allowed = Self.allowedActions.first(where: { $0.action == action })
        else {
            return .failure(PlanRejection("\"\(proposed.action)\" is not an allowed action; allowed: \(Self.allowedActions.map(\.action.rawValue).joined(separator: ", "))"))
        }
        let known = Set(allowed.parameters.map(\.name))
        if let unknown = proposed.parameters.keys.sorted().first(where: { !known.contains($0) }) {
            return .failure(PlanRejection("unknown parameter \"\(unknown)\"; \(action.rawValue) takes \(allowed.parameters.map(\.name).joined(separator: ", "))"))
        }
        let values: Values
        do {
            values = try Values(proposed.parameters, expected: allowed.parameters)
        } catch {
            return .failure(error)
        }
        let reason = "\(source.rawValue): \(proposed.reason.isEmpty ? "proposed \(action.rawValue)" : proposed.reason)"
        switch action {
        case .raiseMemoryLimit: return memory(values, incident: incident, source: source, reason: reason)
        case .setImage: return image(values, incident: incident, source: source, reason: reason)
        case .setEnv: return env(values, incident: incident, source: source, reason: reason)
        case .rollback: return rollback(values, incident: incident, source: source, reason: reason)
        case .restartPod: return restart(values, incident: incident, source: source, reason: reason)
        case .scale, .setResources, .manual: return .failure(PlanRejection("\(action.rawValue) is not an allowed action"))
        }
    }

    // MARK: Actions

    private func memory(_ values: Values, incident: HealIncident, source: Finding.Source, reason: String) -> Result<HealStep, PlanRejection> {
        let target: ResourceRef, container: Container
        switch templateContainer(values.string("container"), incident: incident) {
        case .success(let found): (target, container) = found
        case .failure(let rejection): return .failure(rejection)
        }
        guard let current = container.resources?.limits["memory"] else {
            return .failure(PlanRejection("container \(container.name) has no memory limit to raise"))
        }
        let requested = values.string("memory")
        guard let size = Quantity(requested), size.value > 0 else {
            return .failure(PlanRejection("memory \"\(requested)\" is not a quantity such as 512Mi"))
        }
        guard size.value > current.value else {
            return .failure(PlanRejection("memory \(requested) is not above the current limit \(current.text)"))
        }
        guard size.value <= settings.maxMemoryBytes else {
            return .failure(PlanRejection("memory \(requested) is above the --max-memory cap (\(Quantity.formatBytes(settings.maxMemoryBytes)))"))
        }
        return .success(HealStepFactory.memory(
            container, target: target, from: current, to: Quantity.formatBytes(size.value), source: source, reason: reason,
            memoryStep: settings.memoryStep))
    }

    private func image(_ values: Values, incident: HealIncident, source: Finding.Source, reason: String) -> Result<HealStep, PlanRejection> {
        let target: ResourceRef, container: Container
        switch templateContainer(values.string("container"), incident: incident) {
        case .success(let found): (target, container) = found
        case .failure(let rejection): return .failure(rejection)
        }
        let image = values.string("image")
        guard let current = container.image else { return .failure(PlanRejection("container \(container.name) has no image")) }
        guard !image.isEmpty, !image.contains(where: \.isWhitespace), image != current else {
            return .failure(PlanRejection("image \"\(image)\" is not a new image reference for container \(container.name)"))
        }
        let proposed = ImageReference(image), existing = ImageReference(current)
        // A tag may change; where the image comes from may not (a made-up repository is a supply-chain risk).
        guard proposed.registry == existing.registry, proposed.repository == existing.repository else {
            return .failure(PlanRejection("image \(image) is not from \(current)'s registry and repository; only the tag or digest may change"))
        }
        return .success(HealStepFactory.image(container, target: target, from: current, to: image, source: source, reason: reason))
    }

    private func env(_ values: Values, incident: HealIncident, source: Finding.Source, reason: String) -> Result<HealStep, PlanRejection> {
        let target: ResourceRef, container: Container
        switch templateContainer(values.string("container"), incident: incident) {
        case .success(let found): (target, container) = found
        case .failure(let rejection): return .failure(rejection)
        }
        let names = values.strings("names")
        guard !names.isEmpty else { return .failure(PlanRejection("names is empty")) }
        guard Set(names).count == names.count else { return .failure(PlanRejection("names repeats a variable")) }
        let unsupplied = names.filter { settings.env[$0] == nil }
        guard unsupplied.isEmpty else {
            return .failure(PlanRejection("no value was supplied with --env for \(Wording.list(unsupplied)); values never come from a plan"))
        }
        return .success(HealStepFactory.env(container, target: target, names: names, values: settings.env, source: source, reason: reason))
    }

    private func rollback(_ values: Values, incident: HealIncident, source: Finding.Source, reason: String) -> Result<HealStep, PlanRejection> {
        let workload = incident.finding.workload
        guard workload.kind == "Deployment" else { return .failure(PlanRejection("only a Deployment can be rolled back, not a \(workload.kind)")) }
        let revision = values.integer("revision")
        guard incident.earlierRevisions.contains(revision) else {
            let known = incident.earlierRevisions.map(String.init)
            return .failure(PlanRejection("revision \(revision) is not an earlier revision of deployment \(workload.name) (\(known.isEmpty ? "it has none" : "earlier: \(known.joined(separator: ", "))"))"))
        }
        return .success(HealStepFactory.rollback(workload, revision: String(revision), container: incident.finding.container, source: source, reason: reason))
    }

    private func restart(_ values: Values, incident: HealIncident, source: Finding.Source, reason: String) -> Result<HealStep, PlanRejection> {
        let pod = values.string("pod")
        guard incident.podNames.contains(pod) else {
            return .failure(PlanRejection("pod \(pod) is not one of the incident's pods (\(incident.podNames.joined(separator: ", ")))"))
        }
        return .success(HealStepFactory.restart(
            ResourceRef(kind: "Pod", namespace: incident.finding.resource.namespace, name: pod), source: source, reason: reason))
    }

    private func templateContainer(_ name: String, incident: HealIncident) -> Result<(ResourceRef, Container), PlanRejection> {
        guard let target = incident.templateTarget else {
            return .failure(PlanRejection("\(incident.finding.workload.typeAndName) has no pod template healing may change"))
        }
        guard let container = incident.templateContainers.first(where: { $0.name == name }) else {
            return .failure(PlanRejection("container \"\(name)\" is not in the pod template (\(incident.templateContainers.map(\.name).joined(separator: ", ")))"))
        }
        return .success((target, container))
    }

    private static func sameWorkload(_ proposed: String, _ expected: String) -> Bool {
        let parts = proposed.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = ResourceKind(userInput: parts[0]) else { return false }
        return "\(kind.kind.lowercased())/\(parts[1])" == expected
    }

    /// A step's parameters with their types checked.
    private struct Values {
        private var members: [String: JSONValue]

        init(_ parameters: [String: JSONValue], expected: [Parameter]) throws(PlanRejection) {
            for parameter in expected {
                guard let value = parameters[parameter.name] else { throw PlanRejection("parameter \(parameter.name) is missing") }
                guard Self.matches(value, parameter.type) else {
                    throw PlanRejection("parameter \(parameter.name) must be \(parameter.type == .integer ? "an integer" : parameter.type == .strings ? "an array of strings" : "a string")")
                }
            }
            members = parameters
        }

        private static func matches(_ value: JSONValue, _ type: ParameterType) -> Bool {
            switch (type, value) {
            case (.string, .string), (.quantity, .string), (.integer, .int): true
            case (.strings, .array(let items)): items.allSatisfy { if case .string = $0 { true } else { false } }
            default: false
            }
        }

        func string(_ name: String) -> String {
            if case .string(let text)? = members[name] { text } else { "" }
        }

        func integer(_ name: String) -> Int {
            if case .int(let number)? = members[name] { number } else { 0 }
        }

        func strings(_ name: String) -> [String] {
            guard case .array(let items)? = members[name] else { return [] }
            return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
        }
    }
}

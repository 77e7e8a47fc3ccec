import HealModel

/// Turns an incident into an ordered plan: a learned fix for its fingerprint first, then the
/// analyzers' rule remediation. Only the allowed actions, only values the user gave, never a
/// step that already failed on this fingerprint and workload. Pure: the loop brings the
/// learned fixes and failed attempts.
package struct HealPlanner: Sendable {
    package var settings: HealPlannerSettings

    package init(settings: HealPlannerSettings) {
        self.settings = settings
    }

    /// `failedBefore`: `HealStep.identity` of the steps that did not verify before.
    package func plan(_ incident: HealIncident, learned: [LearnedFix], failedBefore: Set<String>) -> HealPlan {
        guard let remediation = incident.finding.remediation else {
            return .none("no remediation is known for \(incident.finding.code)")
        }
        let proposed: Result<[HealStep], Refusal>
        switch remediation.action {
        case .raiseMemoryLimit: proposed = memorySteps(incident, learned: learned)
        case .setImage: proposed = imageSteps(incident, remediation, learned: learned)
        case .setEnv: proposed = envSteps(incident, remediation, learned: learned).map { [$0] }
        case .rollback: proposed = rollbackSteps(incident, remediation, learned: learned)
        case .restartPod: proposed = restartSteps(incident, remediation, learned: learned)
        case .scale, .manual: proposed = .failure(Refusal("it needs a person: \(remediation.summary)"))
        case .setResources: proposed = .failure(Refusal("right-sizing is recommend-limits' job, not a repair"))
        }
        switch proposed {
        case .failure(let refusal):
            return .none(refusal.reason)
        case .success(let steps):
            let fresh = steps.filter { !failedBefore.contains($0.identity) }
            guard !fresh.isEmpty else {
                return .none("\(Wording.list(steps.map(\.summary))) did not verify before on this incident, so it is not repeated")
            }
            return HealPlan(steps: fresh)
        }
    }

    struct Refusal: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    // MARK: Actions

    private func memorySteps(_ incident: HealIncident, learned: [LearnedFix]) -> Result<[HealStep], Refusal> {
        guard let container = incident.container, let target = incident.templateTarget else {
            return .failure(Refusal("only a workload's pod template can take a new memory limit"))
        }
        guard let current = container.resources?.limits["memory"] else {
            return .failure(Refusal("container \(container.name) has no memory limit, so the kill came from node memory pressure: set requests and limits"))
        }
        let cap = settings.maxMemoryBytes
        guard current.value < cap else {
            return .failure(Refusal("container \(container.name) is already at \(current.text), the --max-memory cap (\(Quantity.formatBytes(cap)))"))
        }
        var sizes: [(bytes: Double, learned: LearnedFix?)] = []
        let memory = learned.first { $0.action == .raiseMemoryLimit }
        if let memory, let text = memory.valueForWorkload?["to"], let size = Quantity(text), size.value > current.value, size.value <= cap {
            sizes.append((size.value, memory))
        }
        var last = sizes.last?.bytes ?? current.value
        while sizes.count < settings.memoryAttempts && last < cap {
            last = min(cap, settings.memoryStep == .double ? last * 2 : MemoryBump.next(after: last))
            sizes.append((last, nil))
        }
        let stepRule = settings.memoryStep == .double ? "×2" : "max(+100Mi, ×1.2)"
        return .success(sizes.map { size in
            let to = Quantity.formatBytes(size.bytes)
            let resources: JSONValue = .object(["limits": .object(["memory": .string(to)])])
            let reason = size.learned.map { "learned: \(incident.workloadName) verified with \(to) before (pattern \($0.patternID), \(Self.count($0.successes, "success", "successes")))" }
                ?? "rule: OOMKilled at a \(current.text) limit; the next size is \(stepRule), capped at \(Quantity.formatBytes(cap))"
            return HealStep(
                action: .raiseMemoryLimit, source: size.learned == nil ? .rule : .learned, target: target, container: container.name,
                summary: "raise the memory limit of container \(container.name) from \(current.text) to \(to)",
                reason: reason, parameters: ["container": container.name, "from": current.text, "to": to],
                patch: ContainerPatch.patch(target, container: container.name, fields: ["resources": resources]),
                template: ["container": container.name, "memoryStep": settings.memoryStep.rawValue], learnedValue: ["to": to])
        })
    }

    private func imageSteps(_ incident: HealIncident, _ remediation: Remediation, learned: [LearnedFix]) -> Result<[HealStep], Refusal> {
        guard let container = incident.container, let target = incident.templateTarget, let current = container.image else {
            return .failure(Refusal("only a workload's pod template can take a new image"))
        }
        var candidates: [(image: String, learned: LearnedFix?)] = []
        if let fix = learned.first(where: { $0.action == .setImage }), let value = fix.valueForWorkload, value["from"] == current, let image = value["image"] {
            candidates.append((image, fix))
        }
        if let suggested = remediation.parameters["image"], remediation.safeToAutoApply, !candidates.contains(where: { $0.image == suggested }) {
            candidates.append((suggested, nil))
        }
        guard !candidates.isEmpty else { return .failure(Refusal("no corrected image is known for \(current): \(remediation.summary)")) }
        return .success(candidates.map { candidate in
            HealStep(
                action: .setImage, source: candidate.learned == nil ? .rule : .learned, target: target, container: container.name,
                summary: "change the image of container \(container.name) from \(current) to \(candidate.image)",
                reason: candidate.learned.map { "learned: \(candidate.image) replaced \(current) on this workload before (pattern \($0.patternID))" }
                    ?? "rule: \(incident.ruleReason)",
                parameters: ["container": container.name, "from": current, "image": candidate.image],
                patch: ContainerPatch.patch(target, container: container.name, fields: ["image": .string(candidate.image)]),
                template: ["container": container.name], learnedValue: ["from": current, "image": candidate.image])
        })
    }

    private func envSteps(_ incident: HealIncident, _ remediation: Remediation, learned: [LearnedFix]) -> Result<HealStep, Refusal> {
        let names = (remediation.parameters["names"] ?? "").split(separator: ",").map(String.init)
        guard let container = incident.container, let target = incident.templateTarget, !names.isEmpty else {
            return .failure(Refusal("only a workload's pod template can take environment variables"))
        }
        let missing = names.filter { settings.env[$0] == nil }
        guard missing.isEmpty else {
            let example = missing.map { "--env \($0)=VALUE" }.joined(separator: " ")
            return .failure(Refusal("\(Wording.list(missing)) must come from you (kubectl-heal never invents a value): run again with \(example), or NAME=secret:SECRET/KEY"))
        }
        let entries: [JSONValue] = names.map { name in
            .object(settings.env[name]!.envEntry.merging(["name": .string(name)]) { _, new in new })
        }
        let described = names.map { "\($0) from \(settings.env[$0]!.description)" }
        let fix = learned.first { $0.action == .setEnv }
        return .success(HealStep(
            action: .setEnv, source: fix == nil ? .rule : .learned, target: target, container: container.name,
            summary: "set \(Wording.list(described)) on container \(container.name)",
            reason: fix.map { "learned: setting these variables fixed this incident before (pattern \($0.patternID))" } ?? "rule: \(incident.ruleReason)",
            parameters: ["container": container.name, "env": names.map { "\($0)=\(settings.env[$0]!.description)" }.joined(separator: ",")],
            patch: ContainerPatch.patch(target, container: container.name, fields: ["env": .array(entries)]),
            template: ["container": container.name, "names": names.joined(separator: ",")], learnedValue: nil))
    }

    private func rollbackSteps(_ incident: HealIncident, _ remediation: Remediation, learned: [LearnedFix]) -> Result<[HealStep], Refusal> {
        var steps: [HealStep] = []
        // Values the user gave for the missing variables fix the new revision instead of undoing it.
        if incident.finding.code == "missing-env-vars", case .success(let env) = envSteps(incident, remediation, learned: learned) {
            steps.append(env)
        }
        guard remediation.safeToAutoApply, let revision = remediation.parameters["revision"], let workload = incident.finding.owner, workload.kind == "Deployment" else {
            return steps.isEmpty ? .failure(Refusal("it needs a person: \(remediation.summary)")) : .success(steps)
        }
        let fix = learned.first { $0.action == .rollback }
        steps.append(HealStep(
            action: .rollback, source: fix == nil ? .rule : .learned, target: workload, container: incident.finding.container,
            summary: "roll deployment \(workload.name) back to revision \(revision)",
            reason: fix.map { "learned: a rollback fixed this incident before (pattern \($0.patternID))" } ?? "rule: the newest rollout introduced the failure; revision \(revision) still served",
            parameters: ["revision": revision], patch: nil, template: [:], learnedValue: nil))
        return .success(steps)
    }

    private func restartSteps(_ incident: HealIncident, _ remediation: Remediation, learned: [LearnedFix]) -> Result<[HealStep], Refusal> {
        let pod = incident.finding.resource
        guard pod.kind == "Pod", incident.finding.owner != nil else {
            return .failure(Refusal("a pod without a controller would not come back after a restart"))
        }
        let fix = learned.first { $0.action == .restartPod }
        return .success([HealStep(
            action: .restartPod, source: fix == nil ? .rule : .learned, target: pod, container: nil,
            summary: "delete pod \(pod.name) so its controller starts a fresh one",
            reason: fix.map { "learned: a restart fixed this incident before (pattern \($0.patternID))" } ?? "rule: \(incident.ruleReason)",
            parameters: ["pod": pod.name], patch: nil, template: [:], learnedValue: nil)])
    }

    private static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) \(value == 1 ? singular : plural)"
    }
}

/// An incident as the planner sees it: the finding, its fingerprint, and the workload's pod
/// template as it is now (the template, not a pod, is what a fix changes).
package struct HealIncident: Sendable {
    package var finding: Finding
    package var fingerprint: IncidentFingerprint
    package var templateContainers: [Container]

    package init(finding: Finding, fingerprint: IncidentFingerprint, templateContainers: [Container]) {
        self.finding = finding
        self.fingerprint = fingerprint
        self.templateContainers = templateContainers
    }

    var container: Container? {
        finding.container.flatMap { name in templateContainers.first { $0.name == name } }
    }

    /// The workload whose template a container fix patches.
    var templateTarget: ResourceRef? {
        finding.owner.flatMap { ContainerPatch.templatedKinds.contains($0.kind) ? $0 : nil }
    }

    var workloadName: String { finding.workload.name }

    /// The root cause as a clause inside a longer sentence.
    var ruleReason: String {
        finding.rootCause.hasSuffix(".") ? String(finding.rootCause.dropLast()) : finding.rootCause
    }
}

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
            return uncovered(incident, learned: learned, failedBefore: failedBefore, why: "no remediation is known for \(incident.finding.code)")
        }
        let proposed: Result<[HealStep], Refusal>
        switch remediation.action {
        case .raiseMemoryLimit: proposed = memorySteps(incident, learned: learned)
        case .setImage: proposed = imageSteps(incident, remediation, learned: learned)
        case .setEnv: proposed = envSteps(incident, remediation, learned: learned).map { [$0] }
        case .rollback: proposed = rollbackSteps(incident, remediation, learned: learned)
        case .restartPod: proposed = restartSteps(incident, remediation, learned: learned)
        case .scale, .manual:
            return uncovered(incident, learned: learned, failedBefore: failedBefore, why: "it needs a person: \(remediation.summary)")
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

    /// No rule covers the incident; a fix that verified on this workload (an LLM plan) still may.
    private func uncovered(_ incident: HealIncident, learned: [LearnedFix], failedBefore: Set<String>, why: String) -> HealPlan {
        let replay = learnedReplay(incident, learned: learned).filter { !failedBefore.contains($0.identity) }
        return replay.isEmpty ? HealPlan(steps: [], leftAlone: why, uncovered: true) : HealPlan(steps: replay)
    }

    /// Learned fixes replayed for an incident no rule covers, through the same checks as any
    /// proposed step (the cap, the template, the registry may have changed since).
    private func learnedReplay(_ incident: HealIncident, learned: [LearnedFix]) -> [HealStep] {
        let validator = PlanValidator(settings: settings)
        return learned.compactMap { fix in
            let container = fix.template["container"].map(JSONValue.string)
            var parameters: [String: JSONValue]
            switch fix.action {
            case .raiseMemoryLimit:
                guard let to = fix.valueForWorkload?["to"] else { return nil }
                parameters = ["memory": .string(to)]
            case .setImage:
                guard let value = fix.valueForWorkload, let image = value["image"],
                    incident.templateContainers.contains(where: { $0.name == fix.template["container"] && $0.image == value["from"] })
                else { return nil }
                parameters = ["image": .string(image)]
            case .setEnv:
                let names = (fix.template["names"] ?? "").split(separator: ",").map { JSONValue.string(String($0)) }
                parameters = ["names": .array(names)]
            case .restartPod:
                parameters = ["pod": .string(incident.finding.resource.name)]
            case .rollback, .scale, .setResources, .manual:
                return nil
            }
            if fix.action != .restartPod {
                guard let container else { return nil }
                parameters["container"] = container
            }
            let reason = "\(incident.workloadName) was fixed this way before (pattern \(fix.patternID), \(Self.count(fix.successes, "success", "successes")))"
            guard case .success(let step) = validator.step(
                ProposedStep(action: fix.action.rawValue, parameters: parameters, reason: reason), incident: incident, source: .learned)
            else { return nil }
            return step
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
            let reason = size.learned.map { "learned: \(incident.workloadName) verified with \(to) before (pattern \($0.patternID), \(Self.count($0.successes, "success", "successes")))" }
                ?? "rule: \(incident.finding.code == "oom-predicted" ? "an OOM kill predicted" : "OOMKilled") at a \(current.text) limit; the next size is \(stepRule), capped at \(Quantity.formatBytes(cap))"
            return HealStepFactory.memory(
                container, target: target, from: current, to: to, source: size.learned == nil ? .rule : .learned, reason: reason,
                memoryStep: settings.memoryStep)
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
            HealStepFactory.image(
                container, target: target, from: current, to: candidate.image, source: candidate.learned == nil ? .rule : .learned,
                reason: candidate.learned.map { "learned: \(candidate.image) replaced \(current) on this workload before (pattern \($0.patternID))" }
                    ?? "rule: \(incident.ruleReason)")
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
        let fix = learned.first { $0.action == .setEnv }
        return .success(HealStepFactory.env(
            container, target: target, names: names, values: settings.env, source: fix == nil ? .rule : .learned,
            reason: fix.map { "learned: setting these variables fixed this incident before (pattern \($0.patternID))" } ?? "rule: \(incident.ruleReason)"))
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
        steps.append(HealStepFactory.rollback(
            workload, revision: revision, container: incident.finding.container, source: fix == nil ? .rule : .learned,
            reason: fix.map { "learned: a rollback fixed this incident before (pattern \($0.patternID))" } ?? "rule: the newest rollout introduced the failure; revision \(revision) still served"))
        return .success(steps)
    }

    private func restartSteps(_ incident: HealIncident, _ remediation: Remediation, learned: [LearnedFix]) -> Result<[HealStep], Refusal> {
        let pod = incident.finding.resource
        guard pod.kind == "Pod", incident.finding.owner != nil else {
            return .failure(Refusal("a pod without a controller would not come back after a restart"))
        }
        let fix = learned.first { $0.action == .restartPod }
        return .success([HealStepFactory.restart(
            pod, source: fix == nil ? .rule : .learned,
            reason: fix.map { "learned: a restart fixed this incident before (pattern \($0.patternID))" } ?? "rule: \(incident.ruleReason)")])
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
    /// The Deployment's revisions before the current one (what a rollback may go to).
    package var earlierRevisions: [Int]
    /// The pods showing the incident (what a restart may delete).
    package var podNames: [String]

    package init(finding: Finding, fingerprint: IncidentFingerprint, templateContainers: [Container], earlierRevisions: [Int] = [], podNames: [String]? = nil) {
        self.finding = finding
        self.fingerprint = fingerprint
        self.templateContainers = templateContainers
        self.earlierRevisions = earlierRevisions
        let pods = finding.resource.kind == "Pod" ? [finding.resource.name] + (finding.pods?.sample ?? []) : []
        self.podNames = podNames ?? pods.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    package var container: Container? {
        finding.container.flatMap { name in templateContainers.first { $0.name == name } }
    }

    /// The workload whose template a container fix patches.
    package var templateTarget: ResourceRef? {
        finding.owner.flatMap { ContainerPatch.templatedKinds.contains($0.kind) ? $0 : nil }
    }

    package var workloadName: String { finding.workload.name }

    /// The root cause as a clause inside a longer sentence.
    var ruleReason: String {
        finding.rootCause.hasSuffix(".") ? String(finding.rootCause.dropLast()) : finding.rootCause
    }
}

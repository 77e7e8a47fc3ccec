import HealModel

/// Builds the concrete step for each allowed action from values already checked: the rule,
/// a learned pattern and an LLM plan produce the same step (same parameters, patch, template
/// and learned value) for the same change, so attempts and patterns line up whoever planned it.
enum HealStepFactory {
    static func memory(_ container: Container, target: ResourceRef, from current: Quantity, to: String, source: Finding.Source, reason: String, memoryStep: HealPlannerSettings.MemoryStep) -> HealStep {
        let resources: JSONValue = .object(["limits": .object(["memory": .string(to)])])
        return HealStep(
            action: .raiseMemoryLimit, source: source, target: target, container: container.name,
            summary: "raise the memory limit of container \(container.name) from \(current.text) to \(to)",
            reason: reason, parameters: ["container": container.name, "from": current.text, "to": to],
            patch: ContainerPatch.patch(target, container: container.name, fields: ["resources": resources]),
            template: ["container": container.name, "memoryStep": memoryStep.rawValue], learnedValue: ["to": to])
    }

    static func image(_ container: Container, target: ResourceRef, from current: String, to image: String, source: Finding.Source, reason: String) -> HealStep {
        HealStep(
            action: .setImage, source: source, target: target, container: container.name,
            summary: "change the image of container \(container.name) from \(current) to \(image)",
            reason: reason, parameters: ["container": container.name, "from": current, "image": image],
            patch: ContainerPatch.patch(target, container: container.name, fields: ["image": .string(image)]),
            template: ["container": container.name], learnedValue: ["from": current, "image": image])
    }

    /// Every name must have a value from `--env` (checked by the caller).
    static func env(_ container: Container, target: ResourceRef, names: [String], values: [String: EnvValueSource], source: Finding.Source, reason: String) -> HealStep {
        let entries: [JSONValue] = names.map { name in
            .object(values[name]!.envEntry.merging(["name": .string(name)]) { _, new in new })
        }
        let described = names.map { "\($0) from \(values[$0]!.description)" }
        return HealStep(
            action: .setEnv, source: source, target: target, container: container.name,
            summary: "set \(Wording.list(described)) on container \(container.name)",
            reason: reason,
            parameters: ["container": container.name, "env": names.map { "\($0)=\(values[$0]!.description)" }.joined(separator: ",")],
            patch: ContainerPatch.patch(target, container: container.name, fields: ["env": .array(entries)]),
            template: ["container": container.name, "names": names.joined(separator: ",")], learnedValue: nil)
    }

    static func rollback(_ workload: ResourceRef, revision: String, container: String?, source: Finding.Source, reason: String) -> HealStep {
        HealStep(
            action: .rollback, source: source, target: workload, container: container,
            summary: "roll deployment \(workload.name) back to revision \(revision)",
            reason: reason, parameters: ["revision": revision], patch: nil, template: [:], learnedValue: nil)
    }

    static func restart(_ pod: ResourceRef, source: Finding.Source, reason: String) -> HealStep {
        HealStep(
            action: .restartPod, source: source, target: pod, container: nil,
            summary: "delete pod \(pod.name) so its controller starts a fresh one",
            reason: reason, parameters: ["pod": pod.name], patch: nil, template: [:], learnedValue: nil)
    }
}

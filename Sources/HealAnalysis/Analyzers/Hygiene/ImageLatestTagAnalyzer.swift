import HealModel

/// Containers whose image is `:latest` or untagged (which means latest). Digest-pinned images
/// are exact whatever their tag says.
struct ImageLatestTagAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "hygiene-image-tag", group: .hygiene,
        summary: "Workloads with containers on an image tagged :latest or untagged (digest-pinned images are fine).",
        codes: ["image-latest-tag"],
        reads: [],
        triggeringScenarios: ["hygiene-issues"],
        nonTriggeringScenarios: ["hygiene-clean", "shop", "failover-clean"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        HygieneFinding.perContainer("image-latest-tag", analyzer: descriptor.id, context: context) { container in
            guard let image = container.image else { return nil }
            let reference = ImageReference(image)
            guard reference.digest == nil else { return nil }
            switch reference.tag {
            case nil: return "\(image) (no tag, so :latest)"
            case "latest": return image
            default: return nil
            }
        } explain: { workload, problems in
            let first = workload.containers.first { $0.name == problems[0].container }?.image.map(ImageReference.init)
            return (
                symptom: "\(HygieneFinding.containerNames(problems)) on :latest",
                rootCause: "\(workload.ref.kind) \(workload.ref.name) runs \(problems.map { "container \($0.container) from \($0.problem)" }.joined(separator: "; ")): a restart or a new node may pull a different image than the one running, and a rollback cannot return to a known version.",
                remediation: Remediation(
                    action: .manual,
                    summary: "Pin \(HygieneFinding.containerNames(problems)) to a version tag or a digest (the one running now is in the pods' status.containerStatuses[].imageID).",
                    command: workload.templateEditable
                        ? first.map { KubectlCommand.setImage(workload.ref, container: problems[0].container, image: $0.with(tag: "<version>")) } : nil,
                    safeToAutoApply: false))
        }
    }
}

import HealModel

/// Containers (init containers included) that cannot get their image: a tag that does not
/// exist, a misspelled repository, missing credentials, an invalid reference. Suggests the
/// image that was probably meant.
struct ImagePullAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "image-pull", group: .pods,
        summary: "ImagePullBackOff, ErrImagePull, InvalidImageName and ErrImageNeverPull: tag not found, repository typo, missing credentials, invalid reference or an image never pulled, with the intended image suggested.",
        codes: ["image-tag-not-found", "image-not-found", "image-pull-unauthorized", "invalid-image-name", "image-never-pulled", "image-pull-failed"],
        reads: [.pods],
        triggeringScenarios: ["agentic-demo", "image-pull-auth", "invalid-image-name", "pod-start-problems"],
        nonTriggeringScenarios: ["shop", "failover-clean", "crashloop-unknown", "config-missing-configmap"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        for pod in context.snapshot.pods {
            for status in pod.status.initContainerStatuses + pod.status.containerStatuses {
                guard let waiting = status.state?.waiting, let reason = waiting.reason, ContainerStates.imagePullReasons.contains(reason) else { continue }
                findings.append(finding(pod: pod, status: status, waiting: waiting, factory: factory))
            }
        }
        return findings
    }

    private func finding(pod: Pod, status: ContainerStatus, waiting: ContainerState.Waiting, factory: PodFindingFactory) -> Finding {
        let image = pod.container(named: status.name)?.image ?? status.image ?? "(no image)"
        let events = factory.events(for: pod, container: status.name)
        let failures = events.filter { $0.reason == "Failed" && $0.message.hasPrefix("Failed to pull image") || $0.reason == "InspectFailed" }
        let verdict = ImagePullClassifier.classify(
            image: image, reason: waiting.reason ?? "", messages: [waiting.message ?? ""] + failures.map(\.message),
            hasPullSecrets: !pod.spec.imagePullSecrets.isEmpty, runningImages: factory.context.index.runningImages)
        var evidence = [Evidence(.status, "\(waiting.reason ?? "Waiting"): \(Wording.clip(waiting.message ?? "", 300))", object: pod.ref)]
        evidence += failures.suffix(2).map { Evidence.event($0, object: pod.ref) }
        return factory.finding(
            verdict.code, pod: pod, container: status.name,
            symptom: "\(waiting.reason ?? "Waiting") for image \(image)",
            rootCause: verdict.rootCause, evidence: evidence, since: pod.notReadySince,
            remediation: remediation(verdict, pod: pod, container: status.name, image: image, factory: factory),
            confidence: verdict.confidence)
    }

    private func remediation(_ verdict: ImagePullClassifier.Verdict, pod: Pod, container: String, image: String, factory: PodFindingFactory) -> Remediation {
        let target = factory.patchTarget(for: pod)
        if let suggestion = verdict.suggestion {
            let patch = ContainerPatch.patch(target, container: container, fields: ["image": .string(suggestion.image)])
            return Remediation(
                action: .setImage,
                summary: "Change the image of container \(container) from \(image) to \(suggestion.image).",
                parameters: ["container": container, "image": suggestion.image, "basis": suggestion.basis.rawValue],
                patch: patch,
                command: KubectlCommand.setImage(target, container: container, image: suggestion.image),
                safeToAutoApply: suggestion.isSafeToApply && patch != nil)
        }
        switch verdict.code {
        case "image-pull-unauthorized":
            let registry = ImageReference(image).registry ?? "docker.io"
            return CrashRemedy.manual(
                "Create a pull secret for \(registry) (kubectl create secret docker-registry regcred --docker-server=\(registry) …) and reference it in the pod's imagePullSecrets or its ServiceAccount.")
        case "image-tag-not-found", "image-not-found":
            return CrashRemedy.manual("Point container \(container) at an image that exists (list the repository's tags on its registry).")
        case "image-never-pulled":
            let node = pod.spec.nodeName.map { "node \($0)" } ?? "the nodes"
            return CrashRemedy.manual(
                "Preload \(image) onto \(node) (and every node the pod may run on), or set container \(container)'s imagePullPolicy to IfNotPresent so the kubelet pulls it.")
        default:
            return CrashRemedy.manual("Fix access from the nodes to the registry, then delete the pod to retry the pull at once.")
        }
    }
}

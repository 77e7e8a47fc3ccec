import HealModel

/// Pod templates (of any owner, bare pods included) naming an imagePullSecret that does not
/// exist in their namespace. The kubelet then pulls without those credentials: a private image
/// fails to pull as soon as a node does not have it cached. Told from the Secrets' names when
/// they were read (as metadata only), else from the kubelet's FailedToRetrieveImagePullSecret
/// events. Secrets a ServiceAccount adds to its pods are not in the template and not judged.
struct PullSecretAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "image-pull-secret", group: .workloads,
        summary: "Pod templates of any owner (and bare pods) naming an imagePullSecret that does not exist: from the Secrets' names when they were read, else from the kubelet's FailedToRetrieveImagePullSecret events.",
        codes: ["image-pull-secret-missing"],
        reads: [.pods, .events],
        alsoReads: [.secrets],
        triggeringScenarios: ["image-pull-secret-missing"],
        nonTriggeringScenarios: ["shop", "image-pull-auth", "config-missing-secret-key", "hygiene-clean"])

    static let kubeletReason = "FailedToRetrieveImagePullSecret"

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let snapshot = context.snapshot
        let secretsByNamespace = SecretNames.byNamespace(snapshot)
        return PodOwner.all(in: snapshot).compactMap { owner -> Finding? in
            let named = Self.pullSecrets(of: owner)
            guard !named.isEmpty else { return nil }
            let namespace = owner.ref.namespace ?? "default"
            let events = kubeletEvents(for: owner, context: context)
            let missing: [String]
            let existing: Set<String>?
            if let secretsByNamespace, snapshot.covers(namespace: namespace) {
                existing = secretsByNamespace[namespace] ?? []
                missing = named.filter { !(existing?.contains($0) ?? true) }
            } else {
                // Without the Secrets, the kubelet's word is the evidence.
                existing = nil
                let reported = Set(events.flatMap { Self.secretNames(in: $0.message) })
                missing = named.filter(reported.contains)
            }
            guard !missing.isEmpty else { return nil }
            return finding(owner, missing: missing, existing: existing, events: events)
        }
    }

    /// The kubelet's warnings on the owner's pods (on the pod itself, for a bare one).
    private func kubeletEvents(for owner: PodOwner, context: AnalysisContext) -> [Event] {
        let events = owner.ref.kind == "Pod" ? context.index.events(for: owner.ref) : context.index.pods(of: owner.ref).flatMap { context.index.events(for: $0) }
        return events.filter { $0.reason == Self.kubeletReason }
            .sorted { ($0.lastSeen ?? Timestamp(secondsSince1970: 0)) < ($1.lastSeen ?? Timestamp(secondsSince1970: 0)) }
    }

    /// "Unable to retrieve some image pull secrets (a, b); attempting to pull the image may not succeed."
    static func secretNames(in message: String) -> [String] {
        guard let open = message.firstIndex(of: "("), let close = message[open...].firstIndex(of: ")") else { return [] }
        return message[message.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private func finding(_ owner: PodOwner, missing: [String], existing: Set<String>?, events: [Event]) -> Finding {
        let ref = owner.ref
        let namespace = ref.namespace ?? "default"
        // A Job's template cannot be patched, but it is still where the name is.
        let field = owner.podSpecPointer.map { Self.fieldPath($0) } ?? (owner.ref.kind == "Pod" ? "spec.imagePullSecrets" : "spec.template.spec.imagePullSecrets")
        let candidates = (existing ?? []).sorted()
        let renames = missing.compactMap { name in
            EditDistance.nearest(to: name, among: candidates, within: max(2, name.count / 3), count: 1).first.map { (name, $0) }
        }
        var rootCause = "\(field) names \(Wording.list(missing.map { "Secret \($0)" })), which \(missing.count == 1 ? "does" : "do") not exist in namespace \(namespace)"
        rootCause += ", so the kubelet pulls \(owner.containers.count == 1 ? "the image" : "the images") without those credentials"
        rootCause += "; a private image fails to pull (401/403) on the first node that does not have it cached, and every new tag fails everywhere."
        if !renames.isEmpty {
            rootCause += " " + renames.map { "Secret \($1) exists and may be the one meant for \($0)." }.joined(separator: " ")
        }
        // Worded without "…Secret: name", which the secret scrubber would take for a credential.
        var evidence = [Evidence(.spec, "\(field) names \(Wording.list(Self.pullSecrets(of: owner)))", object: ref)]
        if let existing {
            evidence.append(SecretNames.evidence(existing, namespace: namespace, object: ref))
        }
        if let last = events.last, let podName = last.regarding.name {
            evidence.append(Evidence(
                .event, "the kubelet (\(Self.kubeletReason)) says \(last.message)",
                object: ResourceRef(kind: "Pod", namespace: ref.namespace, name: podName), time: last.lastSeen, count: last.count))
        }
        return Finding(
            code: "image-pull-secret-missing", severity: .warning, analyzer: descriptor.id, resource: ref,
            symptom: "imagePullSecret \(Wording.list(missing)) not found",
            rootCause: rootCause,
            evidence: evidence,
            remediation: remediation(owner, missing: missing, renames: renames),
            confidence: existing == nil ? 0.85 : 0.95)
    }

    /// A JSON patch renaming each missing Secret to the existing one it resembles, when every
    /// missing name has one and the owner's template can be patched; otherwise create the Secret.
    private func remediation(_ owner: PodOwner, missing: [String], renames: [(String, String)]) -> Remediation {
        let ref = owner.ref
        let named = Self.pullSecrets(of: owner)
        if let pointer = owner.podSpecPointer, renames.count == missing.count {
            let operations: [JSONValue] = renames.compactMap { missingName, existing in
                named.firstIndex(of: missingName).map { index in
                    .object(["op": .string("replace"), "path": .string("\(pointer)/imagePullSecrets/\(index)/name"), "value": .string(existing)])
                }
            }
            let patch = Patch(target: ref, type: .json, body: .array(operations))
            return Remediation(
                action: .manual,
                summary: "Point the template at the Secret that exists (\(Wording.list(renames.map { "\($0) → \($1)" }))) if it holds the registry's credentials, or create the missing one.",
                patch: patch, command: KubectlCommand.patch(patch), safeToAutoApply: false)
        }
        let registry = owner.containers.first.flatMap { $0.image.flatMap { ImageReference($0).registry } } ?? "<registry>"
        return Remediation(
            action: .manual,
            summary: "Create the pull Secret in namespace \(ref.namespace ?? "default") (type kubernetes.io/dockerconfigjson), or name an existing one in the pod template.",
            command: "kubectl create secret docker-registry \(missing[0])\(KubectlCommand.namespaceFlag(ref)) --docker-server=\(registry) --docker-username=<user> --docker-password=<token>",
            safeToAutoApply: false)
    }

    private static func pullSecrets(of owner: PodOwner) -> [String] {
        (owner.podSpec?.imagePullSecrets ?? []).compactMap(\.name)
    }

    /// "/spec/template/spec" → "spec.template.spec.imagePullSecrets".
    private static func fieldPath(_ pointer: String) -> String {
        pointer.split(separator: "/").joined(separator: ".") + ".imagePullSecrets"
    }
}

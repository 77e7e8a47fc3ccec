import HealModel

/// Why a controller could not create pods, read from the API server's refusal that its
/// FailedCreate event or ReplicaFailure condition quotes: an exhausted ResourceQuota, Pod
/// Security admission, an admission webhook, or the refusal as written.
struct PodCreationFailure {
    /// One clause: "ResourceQuota demo-quota is used up (requested: requests.cpu=2, used: …)".
    var cause: String
    var remediation: Remediation

    init(message: String, namespace: String?) {
        let refusal = Self.refusal(in: message)
        if let quota = refusal.firstMatch(of: Self.quotaExceeded) {
            let name = String(quota.output.name)
            cause = "ResourceQuota \(name) is used up (requested: \(quota.output.requested), used: \(quota.output.used), limited: \(quota.output.limited))"
            remediation = Remediation(
                action: .manual,
                summary: "Lower the pods' requests or raise ResourceQuota \(name) (or free quota by scaling down other workloads in the namespace).",
                command: KubectlCommand.describe(ResourceRef(kind: "ResourceQuota", namespace: namespace, name: name)),
                safeToAutoApply: false)
        } else if let security = refusal.firstMatch(of: Self.podSecurityViolation) {
            let level = String(security.output.level)
            let profile = level.split(separator: ":").first.map(String.init) ?? level
            cause = "Pod Security admission (\(level)) rejects the pod template: \(security.output.detail)"
            remediation = Remediation(
                action: .manual,
                summary: "Change the pod template to meet the \"\(profile)\" Pod Security level, or — only if the workload really needs \(security.output.detail) — run it in a namespace that enforces a less strict level.",
                command: KubectlCommand.get("namespace", name: namespace).appending(" --show-labels"),
                safeToAutoApply: false)
        } else if let webhook = refusal.firstMatch(of: Self.webhookDenial) {
            cause = "admission webhook \(webhook.output.name) denies the pods: \(Wording.clip(String(webhook.output.detail), 160))"
            remediation = Remediation(
                action: .manual,
                summary: "Change the pod template to satisfy webhook \(webhook.output.name), or fix the webhook's policy.",
                command: KubectlCommand.get("validatingwebhookconfigurations,mutatingwebhookconfigurations"),
                safeToAutoApply: false)
        } else {
            cause = "the API server refuses them: \(Wording.clip(refusal, 160))"
            remediation = Remediation(
                action: .manual, summary: "Fix what the API server refuses in the pod template, or the object it names.",
                safeToAutoApply: false)
        }
    }

    /// The API server's words without the controller's prefix ("(combined from similar
    /// events): Error creating: pods \"x\" is forbidden: …" → "exceeded quota: …").
    private static func refusal(in message: String) -> String {
        if let forbidden = message.range(of: "is forbidden: ") {
            return String(message[forbidden.upperBound...])
        }
        if let creating = message.range(of: "Error creating: ") {
            return String(message[creating.upperBound...])
        }
        return message
    }

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let quotaExceeded = #/exceeded quota: (?<name>[^,]+), requested: (?<requested>.+?), used: (?<used>.+?), limited: (?<limited>.+)/#
    nonisolated(unsafe) private static let podSecurityViolation = #/violates PodSecurity "(?<level>[^"]+)": (?<detail>.+)/#
    nonisolated(unsafe) private static let webhookDenial = #/admission webhook "(?<name>[^"]+)" denied the request:?\s*(?<detail>.*)/#
}

import HealModel

/// Why a controller could not create pods, read from the API server's refusal that its
/// FailedCreate event or ReplicaFailure condition quotes: an exhausted ResourceQuota, Pod
/// Security admission, an admission webhook that denies them or that cannot be called, or the
/// refusal as written.
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
        } else if let call = refusal.firstMatch(of: Self.webhookCallFailed) {
            let name = String(call.output.name)
            let why = Self.unreachableReason(String(call.output.detail))
            cause = "admission webhook \(name) cannot be called (\(why)), so the API server refuses every object it intercepts — with failurePolicy Fail, in every namespace it matches"
            remediation = Remediation(
                action: .manual,
                summary: "Bring back the webhook's backend (\(why)); in an emergency set its failurePolicy to Ignore or delete the webhook configuration, knowing its checks stop until it is restored.",
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

    /// The API server's reason for not reaching a webhook, as one clause.
    private static func unreachableReason(_ detail: String) -> String {
        if let missing = detail.firstMatch(of: Self.serviceNotFound) {
            return "its Service \(missing.output.service) does not exist"
        }
        if let empty = detail.firstMatch(of: Self.noEndpoints) {
            return "its Service \(empty.output.service) has no ready endpoints"
        }
        if detail.contains("connection refused") { return "its backend refuses connections" }
        if detail.contains("context deadline exceeded") || detail.contains("Client.Timeout") { return "it does not answer in time" }
        if let tls = detail.range(of: "x509:") ?? detail.range(of: "tls:") {
            return "its TLS certificate is not trusted (\(Wording.clip(String(detail[tls.lowerBound...]), 120))): check the webhook's caBundle and serving certificate"
        }
        return Wording.clip(detail, 120)
    }

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let quotaExceeded = #/exceeded quota: (?<name>[^,]+), requested: (?<requested>.+?), used: (?<used>.+?), limited: (?<limited>.+)/#
    nonisolated(unsafe) private static let podSecurityViolation = #/violates PodSecurity "(?<level>[^"]+)": (?<detail>.+)/#
    nonisolated(unsafe) private static let serviceNotFound = #/service "(?<service>[^"]+)" not found/#
    nonisolated(unsafe) private static let noEndpoints = #/no endpoints available for service "(?<service>[^"]+)"/#
    nonisolated(unsafe) private static let webhookCallFailed = #/failed calling webhook "(?<name>[^"]+)": (?<detail>.+)/#
    nonisolated(unsafe) private static let webhookDenial = #/admission webhook "(?<name>[^"]+)" denied the request:?\s*(?<detail>.*)/#
}

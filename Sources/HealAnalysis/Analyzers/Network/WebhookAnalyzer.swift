import HealModel

/// Admission webhooks the API server cannot call: their Service does not exist, or has no ready
/// endpoint. A broken webhook with failurePolicy Fail refuses every request it intercepts, in
/// every namespace it matches — deployments, rollbacks and this tool's own fixes included — so
/// it is critical; with Ignore its checks silently stop, a warning. Only Services in namespaces
/// the snapshot covers are judged.
struct WebhookAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "webhook", group: .network,
        summary: "Validating and mutating admission webhooks whose Service does not exist or has no ready endpoint (critical with failurePolicy Fail: writes they intercept are refused cluster-wide).",
        codes: ["webhook-service-missing", "webhook-no-endpoints"],
        reads: [.services, .endpointSlices],
        alsoReads: [.validatingWebhookConfigurations, .mutatingWebhookConfigurations],
        triggeringScenarios: ["webhook-broken"],
        nonTriggeringScenarios: ["shop", "hygiene-clean", "service-manual-endpoints"])

    private struct Broken {
        var webhook: AdmissionWebhook
        var service: AdmissionWebhook.ClientConfig.ServiceReference
        var problem: String
    }

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let services = Dictionary(context.snapshot.services.map { ("\($0.metadata.namespace ?? "")/\($0.metadata.name)", $0) }, uniquingKeysWith: { first, _ in first })
        let slices = Dictionary(grouping: context.snapshot.endpointSlices) { "\($0.metadata.namespace ?? "")/\($0.serviceName ?? "")" }
        let configurations = context.snapshot.validatingWebhookConfigurations.map { ($0.metadata.ref(kind: "ValidatingWebhookConfiguration"), $0.webhooks) }
            + context.snapshot.mutatingWebhookConfigurations.map { ($0.metadata.ref(kind: "MutatingWebhookConfiguration"), $0.webhooks) }
        return configurations.flatMap { ref, webhooks -> [Finding] in
            var missing: [Broken] = []
            var unready: [Broken] = []
            for webhook in webhooks {
                guard let service = webhook.clientConfig?.service, context.snapshot.covers(namespace: service.namespace) else { continue }
                let key = "\(service.namespace)/\(service.name)"
                guard let found = services[key] else {
                    missing.append(Broken(webhook: webhook, service: service, problem: "Service \(key) does not exist"))
                    continue
                }
                // An ExternalName Service has no endpoints: the call goes to its DNS name.
                guard found.spec.type != "ExternalName" else { continue }
                let endpoints = (slices[key] ?? []).flatMap(\.endpoints)
                guard !endpoints.contains(where: \.isReady),
                    (context.age(since: found.metadata.creationTimestamp) ?? .infinity) >= ReplicaShortfall.startupGraceSeconds
                else { continue }
                unready.append(Broken(
                    webhook: webhook, service: service,
                    problem: "Service \(key) has \(endpoints.isEmpty ? "no endpoints" : "0 of \(endpoints.count) endpoints ready")"))
            }
            return [
                finding("webhook-service-missing", ref, missing),
                finding("webhook-no-endpoints", ref, unready),
            ].compactMap { $0 }
        }
    }

    private func finding(_ code: String, _ ref: ResourceRef, _ broken: [Broken]) -> Finding? {
        guard !broken.isEmpty else { return nil }
        // failurePolicy defaults to Fail in admissionregistration/v1.
        let failing = broken.filter { ($0.webhook.failurePolicy ?? "Fail") == "Fail" }
        let consequence = failing.isEmpty
            ? "with failurePolicy Ignore its checks are silently skipped"
            : "with failurePolicy Fail the API server refuses every request \(failing.count == 1 ? "it intercepts" : "they intercept") — creating or updating the objects its rules name, in every namespace it matches, rollbacks included"
        return Finding(
            code: code, severity: failing.isEmpty ? .warning : .critical, analyzer: descriptor.id, resource: ref,
            symptom: Wording.list(broken.map(\.problem)),
            rootCause: "\(ref.kind) \(ref.name) cannot call \(Wording.list(broken.map { "webhook \($0.webhook.name) (\($0.problem))" })); \(consequence).",
            evidence: broken.map { item in
                Evidence(
                    .spec,
                    "webhook \(item.webhook.name): service \(item.service.namespace)/\(item.service.name):\(item.service.port ?? 443)\(item.service.path ?? ""), failurePolicy \(item.webhook.failurePolicy ?? "Fail")",
                    object: ref)
            },
            remediation: Remediation(
                action: .manual,
                summary: "Bring the webhook's Service and pods back (its operator's installation); if that software was removed, delete the leftover configuration so writes stop failing.",
                command: "kubectl get \(ref.kind.lowercased()) \(ref.name) -o yaml", safeToAutoApply: false),
            confidence: 0.95)
    }
}

import HealModel

/// Services that route nowhere: a selector no pod matches (with the label it probably meant),
/// matching pods none of which is Ready (and why), a targetPort the pods do not expose, or —
/// for a Service without a selector — hand-made endpoints none of which is ready.
struct ServiceAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "service", group: .network,
        summary: "Services whose selector matches no pod, whose pods are none Ready, or whose targetPort the selected containers do not declare; Services without a selector whose hand-made endpoints are none ready.",
        codes: ["service-no-matching-pods", "service-no-ready-endpoints", "service-target-port-mismatch"],
        reads: [.services, .pods],
        triggeringScenarios: ["service-no-matching-pods", "readiness-probe-failing", "service-target-port-mismatch", "service-manual-endpoints"],
        nonTriggeringScenarios: ["shop", "failover-clean", "hpa-at-min", "hygiene-clean", "statefulset-not-ready", "ingress-backend-missing"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let podsByNamespace = NamespacePods.byNamespace(context.snapshot.pods)
        let slicesByService = Dictionary(grouping: context.snapshot.endpointSlices) {
            ResourceRef(kind: "Service", namespace: $0.metadata.namespace, name: $0.serviceName ?? "")
        }
        var findings: [Finding] = []
        // ExternalName Services are DNS aliases, with no endpoints.
        for service in context.snapshot.services where service.spec.type != "ExternalName" {
            guard !service.spec.selector.isEmpty else {
                let slices = slicesByService[service.metadata.ref(kind: "Service")] ?? []
                if let finding = noReadyManualEndpoints(service, slices: slices, context: context) { findings.append(finding) }
                continue
            }
            let namespacePods = podsByNamespace[service.metadata.namespace ?? ""] ?? NamespacePods([], positions: [])
            let slices = slicesByService[service.metadata.ref(kind: "Service")] ?? []
            let selected = namespacePods.selected(by: service.spec.selector)
            if selected.isEmpty {
                if let finding = noMatchingPods(service, namespacePods: namespacePods.all, slices: slices, context: context) { findings.append(finding) }
                continue
            }
            if let finding = noReadyEndpoints(service, selected: selected, slices: slices, context: context) { findings.append(finding) }
            if let finding = ServicePortCheck(service: service, pods: selected).finding(analyzer: descriptor.id) { findings.append(finding) }
        }
        return findings
    }

    /// The selector matches a workload's pod template but no pod: the workload has none, or is
    /// a standby scaled to 0 on purpose (blue/green), which is not a problem. Otherwise the
    /// selector matches nothing at all.
    private func noMatchingPods(_ service: Service, namespacePods: [Pod], slices: [EndpointSlice], context: AnalysisContext) -> Finding? {
        let ref = service.metadata.ref(kind: "Service")
        let templates = TemplatedWorkload.all(in: context.snapshot).filter {
            $0.ref.namespace == ref.namespace && service.spec.selector.selects($0.templateLabels)
        }
        if let workload = templates.first(where: { $0.desiredReplicas > 0 }) {
            let selector = service.spec.selector.selectorText
            return Finding(
                code: "service-no-matching-pods", severity: .critical, analyzer: descriptor.id, resource: ref,
                symptom: "selector \(selector) matches no pod",
                rootCause: "Service \(ref.name) selects the pods of \(workload.ref.kind) \(workload.ref.name), which wants \(Wording.count(workload.desiredReplicas, "replica")) but has no pods.",
                evidence: [Evidence(.spec, "selector \(selector)", object: ref)],
                remediation: Remediation(
                    action: .manual, summary: "Find out why \(workload.ref.typeAndName) has no pods (its events and its ReplicaSet's).",
                    command: KubectlCommand.describe(workload.ref), safeToAutoApply: false),
                confidence: 0.8)
        }
        return templates.isEmpty ? unmatchedSelector(service, namespacePods: namespacePods, slices: slices, context: context) : nil
    }

    /// A selector no pod or template carries: most often a typo, answered with the label meant.
    private func unmatchedSelector(_ service: Service, namespacePods: [Pod], slices: [EndpointSlice], context: AnalysisContext) -> Finding {
        let ref = service.metadata.ref(kind: "Service")
        let selector = service.spec.selector
        var evidence = [Evidence(.spec, "selector \(selector.selectorText)", object: ref)]
        let suggestion = SelectorSuggestion(selector: selector, pods: namespacePods)
        var rootCause = "Service \(ref.name) selects \(selector.selectorText), which no pod in namespace \(ref.namespace ?? "default") carries, so it has no endpoints"
        var remediation = Remediation(
            action: .manual, summary: "Make the selector match the labels of the pods that should serve, or label those pods.",
            command: KubectlCommand.get("pods", namespace: ref.namespace).appending(" --show-labels"), safeToAutoApply: false)
        if let suggestion {
            let intended = "\(suggestion.intended.key)=\(suggestion.intended.value)"
            rootCause += "; " + suggestion.question(context.index)
            evidence.append(Evidence(
                .status, "pods labelled \(intended): \(suggestion.pods.prefix(3).map(\.metadata.name).joined(separator: ", "))", object: ref))
            let patch = suggestion.patch(for: ref)
            remediation = Remediation(
                action: .manual, summary: "Change the selector's \(suggestion.wrong.key)=\(suggestion.wrong.value) to \(intended).",
                parameters: ["selector": suggestion.corrected.selectorText], patch: patch, command: KubectlCommand.patch(patch),
                safeToAutoApply: false)
        }
        return Finding(
            code: "service-no-matching-pods", severity: .critical, analyzer: descriptor.id, resource: ref,
            symptom: "selector \(selector.selectorText) matches no pod",
            rootCause: suggestion == nil ? rootCause + "." : rootCause,
            evidence: evidence + endpointEvidence(slices),
            remediation: remediation,
            confidence: suggestion == nil ? 0.8 : 0.9)
    }

    private func noReadyEndpoints(_ service: Service, selected: [Pod], slices: [EndpointSlice], context: AnalysisContext) -> Finding? {
        let ref = service.metadata.ref(kind: "Service")
        let live = selected.filter(\.isLive)
        let endpoints = slices.flatMap(\.endpoints)
        let ready = endpoints.isEmpty ? live.count(where: \.isReady) : endpoints.count(where: \.isReady)
        guard ready == 0 else { return nil }
        // Only finished pods selected: they explain the empty Service too.
        let notReady = live.isEmpty ? selected : live
        let total = endpoints.isEmpty ? notReady.count : endpoints.count
        // While every selected pod is this young it is still starting; not yet a verdict.
        let oldest = notReady.compactMap { context.age(since: $0.metadata.creationTimestamp) }.max()
        guard (oldest ?? .infinity) >= ReplicaShortfall.startupGraceSeconds else { return nil }
        let reasons = notReady.map { PodNotReadyReason($0, context: context) }
        let owners = context.index.workloadNames(of: notReady)
        return Finding(
            code: "service-no-ready-endpoints", severity: .critical, analyzer: descriptor.id, resource: ref,
            pods: Finding.Pods(count: notReady.count, sample: notReady.prefix(FindingGrouper.sampleSize).map(\.metadata.name)),
            symptom: "0 of \(total) endpoints ready",
            rootCause: "Service \(ref.name) has 0 of \(total) endpoints ready: \(PodNotReadyReason.summary(reasons)) (\(ReplicaShortfall.podNames(notReady))\(owners.isEmpty ? "" : " of \(Wording.list(owners))")).",
            evidence: endpointEvidence(slices) + reasons.compactMap(\.evidence).prefix(3),
            since: notReady.compactMap(\.notReadySince).max(),
            remediation: Remediation(
                action: .manual, summary: "Fix why the selected pods are not Ready; the Service sends them traffic as soon as they are.",
                command: notReady.first.map { KubectlCommand.describe($0.ref) }, safeToAutoApply: false),
            confidence: 0.9)
    }

    /// A Service without a selector gets its endpoints from whoever made its EndpointSlices (or
    /// Endpoints, mirrored into slices). None at all may be on purpose (a placeholder); endpoints
    /// that exist and are all marked not ready send traffic nowhere.
    private func noReadyManualEndpoints(_ service: Service, slices: [EndpointSlice], context: AnalysisContext) -> Finding? {
        let endpoints = slices.flatMap(\.endpoints)
        guard !endpoints.isEmpty, !endpoints.contains(where: \.isReady),
            (context.age(since: service.metadata.creationTimestamp) ?? .infinity) >= ReplicaShortfall.startupGraceSeconds
        else { return nil }
        let ref = service.metadata.ref(kind: "Service")
        let addresses = endpoints.flatMap(\.addresses)
        let shown = Wording.list(Array(addresses.prefix(3))) + (addresses.count > 3 ? " …" : "")
        return Finding(
            code: "service-no-ready-endpoints", severity: .critical, analyzer: descriptor.id, resource: ref,
            symptom: "no selector; 0 of \(endpoints.count) hand-made endpoints ready",
            rootCause: "Service \(ref.name) has no selector, so its endpoints are made by hand, and none of its \(Wording.count(endpoints.count, "endpoint")) (\(shown)) is ready: it sends traffic nowhere.",
            evidence: [Evidence(.spec, "no selector", object: ref)] + endpointEvidence(slices),
            remediation: Remediation(
                action: .manual,
                summary: "Mark the endpoints ready once their backends serve (conditions.ready in the EndpointSlice, or addresses instead of notReadyAddresses in the Endpoints), or point them at backends that do.",
                command: KubectlCommand.get("endpointslices", namespace: ref.namespace) + " -l kubernetes.io/service-name=\(ref.name) -o yaml",
                safeToAutoApply: false),
            confidence: 0.85)
    }

    private func endpointEvidence(_ slices: [EndpointSlice]) -> [Evidence] {
        slices.map { slice in
            Evidence(
                .status,
                "EndpointSlice \(slice.metadata.name): \(Wording.count(slice.endpoints.count, "endpoint")), \(slice.endpoints.count(where: \.isReady)) ready",
                object: slice.metadata.ref(kind: "EndpointSlice"))
        }
    }
}

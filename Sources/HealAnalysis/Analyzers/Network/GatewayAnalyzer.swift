import HealModel

/// Gateway API, where its CRDs are installed: Gateways naming a GatewayClass that does not exist
/// (no controller programs them), and HTTPRoutes sending requests to a Service that does not
/// exist. Backends of other kinds (an implementation's own) and of namespaces the run does not
/// cover are not judged.
struct GatewayAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "gateway", group: .network,
        summary: "Gateway API, when its CRDs are served: Gateways naming a GatewayClass that does not exist (when classes were read), and HTTPRoutes whose backendRefs name a Service that does not exist.",
        codes: ["gateway-class-missing", "httproute-backend-missing"],
        reads: [.gateways, .httpRoutes, .services],
        alsoReads: [.gatewayClasses],
        triggeringScenarios: ["gateway-api-broken"],
        nonTriggeringScenarios: ["shop", "ingress-backend-missing", "gateway-api-healthy"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        missingClasses(context) + missingBackends(context)
    }

    private func missingClasses(_ context: AnalysisContext) -> [Finding] {
        guard context.snapshot.collected.contains(.gatewayClasses) else { return [] }
        let classes = context.snapshot.gatewayClasses.map(\.metadata.name).sorted()
        return context.snapshot.gateways.compactMap { gateway -> Finding? in
            let name = gateway.spec.gatewayClassName
            guard !classes.contains(name) else { return nil }
            let ref = gateway.metadata.ref(kind: "Gateway")
            let routes = context.snapshot.httpRoutes.filter { route in
                route.metadata.namespace == gateway.metadata.namespace && route.parentNames.contains(gateway.metadata.name)
            }.map(\.metadata.name).sorted()
            let closest = EditDistance.nearest(to: name, among: classes, within: max(2, name.count / 3), count: 1).first
            var rootCause = "Gateway \(ref.name) names GatewayClass \(name), which does not exist, so no controller programs it: it gets no address and listens nowhere"
            rootCause += routes.isEmpty ? "" : routes.count == 1
                ? ", and HTTPRoute \(routes[0]), attached to it, serves nothing"
                : ", and the \(routes.count) HTTPRoutes attached to it (\(Wording.list(routes))) serve nothing"
            rootCause += "; \(Wording.clusterHas(classes, "GatewayClass"))."
            var evidence = [Evidence(.spec, "spec.gatewayClassName: \(name)", object: ref)]
            if let accepted = gateway.status?.conditions["Accepted"], !accepted.isTrue {
                evidence.append(Evidence(.status, "Accepted=\(accepted.status) (\(accepted.reason ?? "")): \(accepted.message ?? "")", object: ref))
            }
            return Finding(
                code: "gateway-class-missing", severity: .critical, analyzer: descriptor.id, resource: ref,
                symptom: "GatewayClass \(name) not found",
                rootCause: rootCause,
                evidence: evidence,
                remediation: Remediation(
                    action: .manual,
                    summary: closest.map { "Name GatewayClass \($0), the class that exists, or install the controller that provides \(name)." }
                        ?? "Install a Gateway API implementation that provides GatewayClass \(name), or name an existing class.",
                    command: KubectlCommand.get("gatewayclasses"), safeToAutoApply: false),
                confidence: 0.95)
        }
    }

    /// One place a route sends requests, with its JSON pointer for a patch.
    private struct Backend {
        var rule: Int
        var ref: HTTPRoute.BackendRef
        var namespace: String
        var pointer: String { "/spec/rules/\(rule)/backendRefs" }
    }

    private func missingBackends(_ context: AnalysisContext) -> [Finding] {
        let servicesByNamespace = Dictionary(grouping: context.snapshot.services) { $0.metadata.namespace ?? "" }
        return context.snapshot.httpRoutes.compactMap { route -> Finding? in
            let routeNamespace = route.metadata.namespace ?? "default"
            let backends = route.spec.rules.enumerated().flatMap { index, rule in
                rule.backendRefs.filter(\.isService).map { Backend(rule: index, ref: $0, namespace: $0.namespace ?? routeNamespace) }
            }
            let judged = backends.filter { context.snapshot.covers(namespace: $0.namespace) }
            let missing = judged.filter { backend in
                !(servicesByNamespace[backend.namespace] ?? []).contains { $0.metadata.name == backend.ref.name }
            }
            guard !missing.isEmpty else { return nil }
            return backendFinding(route, backends: backends, missing: missing, services: servicesByNamespace)
        }
    }

    /// "/api" — or "every path" for a rule without a path match.
    private static func paths(of rule: HTTPRoute.Rule) -> String {
        let paths = rule.matches.compactMap { $0.path?.value }
        return paths.isEmpty ? "every path" : Wording.list(paths)
    }

    /// Rules with at least one backend that exists (or is not judged): they still serve.
    private static func servingRules(_ route: HTTPRoute, missing: [Backend]) -> Int {
        route.spec.rules.indices.filter { index in
            let services = route.spec.rules[index].backendRefs.filter(\.isService).count
            return missing.filter { $0.rule == index }.count < max(services, 1)
        }.count
    }

    /// What the missing backends do to the requests, rule by rule: a rule with no backend left
    /// answers all its requests with 500; one with others left, the share weighted to them.
    private static func impact(_ route: HTTPRoute, missing: [Backend]) -> String {
        var down: [String] = []
        var shares: [String] = []
        for (index, rule) in route.spec.rules.enumerated() {
            let gone = missing.filter { $0.rule == index }
            guard !gone.isEmpty else { continue }
            if gone.count >= rule.backendRefs.filter(\.isService).count {
                down.append(paths(of: rule))
            } else {
                shares.append("the share of \(paths(of: rule)) weighted to \(Wording.list(gone.map(\.ref.name))) gets a 500")
            }
        }
        let clauses = (down.isEmpty ? [] : ["every request to \(Wording.list(down)) gets a 500 from the gateway"]) + shares
        let serving = route.spec.rules.indices.filter { index in !missing.contains { $0.rule == index } }.map { paths(of: route.spec.rules[$0]) }
        return Wording.list(clauses) + (serving.isEmpty ? "" : "; \(Wording.list(serving)) still \(serving.count == 1 ? "works" : "work")")
    }

    private func backendFinding(_ route: HTTPRoute, backends: [Backend], missing: [Backend], services: [String: [Service]]) -> Finding {
        let ref = route.metadata.ref(kind: "HTTPRoute")
        let names = Array(Set(missing.map { $0.namespace == ref.namespace ? $0.ref.name : "\($0.namespace)/\($0.ref.name)" })).sorted()
        let guesses = missing.compactMap { backend in
            ClosestService.to(backend.ref.name, port: backend.ref.port, portName: nil, among: services[backend.namespace] ?? []).map { (backend, $0) }
        }
        var rootCause = "HTTPRoute \(ref.name)\(route.spec.hostnames.isEmpty ? "" : " (\(Wording.list(route.spec.hostnames)))") sends requests to Service \(Wording.list(names)), which \(names.count == 1 ? "does" : "do") not exist"
        for (backend, service) in guesses {
            rootCause += "; Service \(service.metadata.name) exposes \(backend.ref.port.map { "port \($0)" } ?? "a similar name") and may be the one meant for \(backend.ref.name)"
        }
        rootCause += "; " + Self.impact(route, missing: missing) + "."
        var evidence = missing.map { Evidence(.spec, "rules[\($0.rule)].backendRefs: \($0.ref.name)\($0.ref.port.map { ":\($0)" } ?? "")", object: ref) }
        if let resolved = route.status?.parents.lazy.compactMap({ $0.conditions["ResolvedRefs"] }).first(where: \.isFalse) {
            evidence.append(Evidence(.status, "ResolvedRefs=False (\(resolved.reason ?? "")): \(resolved.message ?? "")", object: ref, time: resolved.lastTransitionTime))
        }
        var remediation = Remediation(
            action: .manual, summary: "Create Service \(Wording.list(names)), or point the backendRefs at a Service that exists.",
            command: KubectlCommand.get("services", namespace: ref.namespace), safeToAutoApply: false)
        if guesses.count == missing.count {
            let operations: [JSONValue] = guesses.compactMap { backend, service in
                let rule = route.spec.rules[backend.rule]
                return rule.backendRefs.firstIndex { $0.name == backend.ref.name && ($0.namespace ?? ref.namespace) == backend.ref.namespace ?? ref.namespace }.map { index in
                    .object(["op": .string("replace"), "path": .string("\(backend.pointer)/\(index)/name"), "value": .string(service.metadata.name)])
                }
            }
            let patch = Patch(target: ref, type: .json, body: .array(operations))
            remediation = Remediation(
                action: .manual,
                summary: "Point the backendRefs at the Service that exists (\(Wording.list(guesses.map { "\($0.0.ref.name) → \($0.1.metadata.name)" }))), or create the missing one.",
                patch: patch, command: KubectlCommand.patch(patch), safeToAutoApply: false)
        }
        return Finding(
            code: "httproute-backend-missing", severity: Self.servingRules(route, missing: missing) == 0 ? .critical : .warning, analyzer: descriptor.id, resource: ref,
            symptom: "\(Wording.count(missing.count, "backend")) of \(backends.count) to missing Service \(Wording.list(names))",
            rootCause: rootCause,
            evidence: evidence,
            remediation: remediation,
            confidence: 0.95)
    }
}

extension HTTPRoute {
    /// The Gateways (in the route's namespace) this route attaches to.
    fileprivate var parentNames: [String] {
        spec.parentRefs.filter { ($0.kind ?? "Gateway") == "Gateway" && ($0.namespace ?? metadata.namespace) == metadata.namespace }.map(\.name)
    }
}

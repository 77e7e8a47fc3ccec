import HealModel

/// Ingresses that name an IngressClass that does not exist (no controller serves them), that
/// route a path (or their default backend) to a Service that does not exist, or to a port the
/// Service does not have, or that terminate TLS with a Secret that does not exist.
struct IngressAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "ingress", group: .network,
        summary: "Ingresses naming an IngressClass that does not exist (when classes were read), whose rules or default backend name a Service that does not exist in their namespace or a port that Service does not expose, or whose TLS Secret does not exist (when Secrets were read, as metadata only).",
        codes: ["ingress-class-missing", "ingress-backend-missing", "ingress-backend-port-mismatch", "ingress-tls-secret-missing"],
        reads: [.ingresses, .services],
        alsoReads: [.ingressClasses, .secrets],
        triggeringScenarios: ["ingress-backend-missing", "ingress-port-mismatch", "ingress-class-missing", "ingress-tls-secret-missing"],
        nonTriggeringScenarios: ["shop", "failover-clean", "hpa-at-min", "hygiene-clean", "service-no-matching-pods"])

    /// One place an Ingress sends traffic, with the JSON pointer of its service backend for a patch.
    private struct Route {
        var label: String
        var service: Ingress.Backend.ServiceBackend
        var pointer: String
    }

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let servicesByNamespace = Dictionary(grouping: context.snapshot.services) { $0.metadata.namespace ?? "" }
        // Without the classes read (RBAC, a snapshot without them) a missing one cannot be told.
        let classes = context.snapshot.collected.contains(.ingressClasses) ? Set(context.snapshot.ingressClasses.map(\.metadata.name)) : nil
        let secrets = SecretNames.byNamespace(context.snapshot)
        return context.snapshot.ingresses.flatMap { ingress -> [Finding] in
            if let classes, let name = ingress.spec.ingressClassName, !classes.contains(name) {
                return [classMissing(ingress, name: name, classes: classes.sorted())]
            }
            let tls = secrets.flatMap { tlsFinding(ingress, secrets: $0[ingress.metadata.namespace ?? ""] ?? []) }.map { [$0] } ?? []
            let services = servicesByNamespace[ingress.metadata.namespace ?? ""] ?? []
            let routes = routes(of: ingress)
            let missing = routes.filter { route in !services.contains { $0.metadata.name == route.service.name } }
            let wrongPort = routes.compactMap { route in
                services.first { $0.metadata.name == route.service.name }.flatMap { Self.lacksPort($0, route) ? (route, $0) : nil }
            }
            return (missing.isEmpty ? [] : [finding(ingress, routes: routes, missing: missing, services: services, context: context)])
                + (wrongPort.isEmpty ? [] : [portFinding(ingress, routes: routes, wrongPort: wrongPort, broken: missing.count)]) + tls
        }
    }

    /// Nothing serves an Ingress of a class no IngressClass defines: it gets no address, and its
    /// routes matter only once that is fixed.
    private func classMissing(_ ingress: Ingress, name: String, classes: [String]) -> Finding {
        let ref = ingress.metadata.ref(kind: "Ingress")
        let closest = EditDistance.nearest(to: name, among: classes, within: max(2, name.count / 3), count: 1).first ?? (classes.count == 1 ? classes.first : nil)
        let patch = closest.map { Patch(target: ref, type: .merge, body: .object(["spec": .object(["ingressClassName": .string($0)])])) }
        return Finding(
            code: "ingress-class-missing", severity: .critical, analyzer: descriptor.id, resource: ref,
            symptom: "IngressClass \(name) not found",
            rootCause: "Ingress \(ref.name) names IngressClass \(name), which does not exist, so no ingress controller serves it and none of its routes is reachable"
                + (classes.isEmpty ? "; the cluster has no IngressClass at all." : "; the cluster's IngressClasses are \(Wording.list(classes))."),
            evidence: [Evidence(.spec, "spec.ingressClassName: \(name)", object: ref)],
            remediation: Remediation(
                action: .manual,
                summary: closest.map { "Set spec.ingressClassName to \($0), the class that exists, or install the controller for \(name)." }
                    ?? "Install an ingress controller with an IngressClass named \(name), or name an existing class.",
                patch: patch, command: patch.map(KubectlCommand.patch) ?? KubectlCommand.get("ingressclasses"), safeToAutoApply: false),
            confidence: 0.95)
    }

    /// TLS entries whose Secret does not exist: the controller serves those hosts with its default
    /// (self-signed) certificate. An entry without a secretName asks for that default on purpose.
    private func tlsFinding(_ ingress: Ingress, secrets: Set<String>) -> Finding? {
        let missing = ingress.spec.tls.filter { entry in entry.secretName.map { !$0.isEmpty && !secrets.contains($0) } ?? false }
        guard !missing.isEmpty else { return nil }
        let ref = ingress.metadata.ref(kind: "Ingress")
        let names = Array(Set(missing.compactMap(\.secretName))).sorted()
        let hosts = missing.flatMap(\.hosts)
        let issuer = ["cert-manager.io/cluster-issuer", "cert-manager.io/issuer"].lazy.compactMap { key in
            ingress.metadata.annotations[key].map { (key, $0) }
        }.first
        var rootCause = "Ingress \(ref.name) terminates TLS\(hosts.isEmpty ? "" : " for \(Wording.list(hosts))") with \(Wording.list(names.map { "Secret \($0)" })), which \(names.count == 1 ? "does" : "do") not exist in namespace \(ref.namespace ?? "default"), so the controller serves \(hosts.isEmpty ? "the Ingress" : hosts.count == 1 ? "that host" : "those hosts") with its default self-signed certificate and clients reject the connection"
        let summary: String
        let command: String
        if let (key, issuerName) = issuer {
            rootCause += "; the \(key) annotation (\(issuerName)) asks cert-manager to issue it, and it has not: the Certificate of the same name says why."
            summary = "Find why cert-manager has not issued the certificate (its Certificate, CertificateRequest and Order), and fix the issuer or the DNS/HTTP challenge."
            command = "kubectl describe certificate \(names[0])\(KubectlCommand.namespaceFlag(ref))"
        } else {
            rootCause += "."
            summary = "Create the TLS Secret (kubectl create secret tls) in namespace \(ref.namespace ?? "default"), or name the Secret that holds the certificate."
            command = "kubectl create secret tls \(names[0])\(KubectlCommand.namespaceFlag(ref)) --cert=<cert.pem> --key=<key.pem>"
        }
        return Finding(
            code: "ingress-tls-secret-missing", severity: .warning, analyzer: descriptor.id, resource: ref,
            symptom: "TLS Secret \(Wording.list(names)) not found",
            rootCause: rootCause,
            evidence: missing.map { Evidence(.spec, "spec.tls: hosts \($0.hosts.isEmpty ? "(all)" : Wording.list($0.hosts)), secretName \($0.secretName ?? "")", object: ref) }
                + [SecretNames.evidence(secrets, namespace: ref.namespace ?? "default", object: ref)],
            remediation: Remediation(action: .manual, summary: summary, command: command, safeToAutoApply: false),
            confidence: 0.9)
    }

    /// A port the Service does not expose, by number or by name (ExternalName Services have none to check).
    private static func lacksPort(_ service: Service, _ route: Route) -> Bool {
        guard service.spec.type != "ExternalName", let port = route.service.port else { return false }
        if let number = port.number { return !service.spec.ports.contains { $0.port == number } }
        if let name = port.name { return !service.spec.ports.contains { $0.name == name } }
        return false
    }

    private func portFinding(_ ingress: Ingress, routes: [Route], wrongPort: [(Route, Service)], broken: Int) -> Finding {
        let ref = ingress.metadata.ref(kind: "Ingress")
        let working = routes.count - wrongPort.count - broken
        let descriptions = wrongPort.map { route, service in
            "\(route.label) to \(service.metadata.name):\(Self.portText(route.service.port) ?? "?"), which exposes \(Self.exposed(service))"
        }
        var rootCause = "Ingress \(ref.name) routes \(Wording.list(descriptions)), so the controller has no port to send those requests to"
        rootCause += working <= 0 ? "; no route reaches a Service." : working == 1 ? "; the other route still works." : "; the other \(working) routes still work."
        // With one port on each Service there is only one thing the route can mean.
        let single = wrongPort.compactMap { route, service in service.spec.ports.count == 1 ? (route, service.spec.ports[0]) : nil }
        var remediation = Remediation(
            action: .manual, summary: "Point each route at a port its Service exposes, or add the port to the Service.",
            command: KubectlCommand.get("services", namespace: ref.namespace), safeToAutoApply: false)
        if single.count == wrongPort.count {
            let operations: [JSONValue] = single.map { route, port in
                let value: JSONValue = port.name.map { .object(["name": .string($0)]) } ?? .object(["number": .int(port.port)])
                return .object(["op": .string("replace"), "path": .string(route.pointer + "/port"), "value": value])
            }
            let patch = Patch(target: ref, type: .json, body: .array(operations))
            remediation = Remediation(
                action: .manual,
                summary: "Point \(Wording.list(single.map { "\($0.0.label) at port \($0.1.name ?? String($0.1.port))" })), the only port\(single.count == 1 ? "" : "s") of \(single.count == 1 ? "its Service" : "their Services").",
                patch: patch, command: KubectlCommand.patch(patch), safeToAutoApply: false)
        }
        return Finding(
            code: "ingress-backend-port-mismatch", severity: working > 0 ? .warning : .critical, analyzer: descriptor.id, resource: ref,
            symptom: "\(Wording.count(wrongPort.count, "route")) of \(routes.count) to a port its Service does not expose",
            rootCause: rootCause,
            evidence: wrongPort.flatMap { route, service in
                [Evidence(.spec, "\(route.label) → \(service.metadata.name):\(Self.portText(route.service.port) ?? "?")", object: ref),
                 Evidence(.spec, "Service \(service.metadata.name) ports: \(Self.exposed(service))", object: service.metadata.ref(kind: "Service"))]
            },
            remediation: remediation,
            confidence: 0.95)
    }

    /// "8080 (http)" for each of a Service's ports.
    private static func exposed(_ service: Service) -> String {
        service.spec.ports.isEmpty ? "no port" : Wording.list(service.spec.ports.map { "\($0.port)\($0.name.map { " (\($0))" } ?? "")" })
    }

    private func finding(_ ingress: Ingress, routes: [Route], missing: [Route], services: [Service], context: AnalysisContext) -> Finding {
        let ref = ingress.metadata.ref(kind: "Ingress")
        let working = routes.count - missing.count
        let names = Array(Set(missing.map(\.service.name))).sorted()
        let descriptions = missing.map { "\($0.label) to Service \($0.service.name)\(Self.portText($0.service.port).map { ":\($0)" } ?? "")" }
        let suggestions = missing.compactMap { route in ClosestService.to(route.service.name, port: route.service.port?.number, portName: route.service.port?.name, among: services).map { (route, $0) } }
        var rootCause = "Ingress \(ref.name) routes \(Wording.list(descriptions)), which \(names.count == 1 ? "does" : "do") not exist in namespace \(ref.namespace ?? "default")"
        for (route, candidate) in suggestions {
            rootCause += "; Service \(candidate.metadata.name) exposes \(Self.portText(route.service.port).map { "port \($0)" } ?? "a similar name") and may be the intended backend for \(route.service.name)"
        }
        rootCause += working == 0 ? "; no route reaches a Service." : working == 1 ? "; the other route still works." : "; the other \(working) routes still work."
        var evidence = missing.map { Evidence(.spec, "\($0.label) → \($0.service.name)\(Self.portText($0.service.port).map { ":\($0)" } ?? "")", object: ref) }
        evidence += context.index.events(for: ref).filter(\.isWarning).suffix(1).map { Evidence.event($0, object: ref) }
        return Finding(
            code: "ingress-backend-missing", severity: working > 0 ? .warning : .critical, analyzer: descriptor.id, resource: ref,
            symptom: "\(Wording.count(missing.count, "route")) of \(routes.count) to missing Service \(Wording.list(names))",
            rootCause: rootCause,
            evidence: evidence,
            remediation: remediation(ref, names: names, suggestions: suggestions),
            confidence: 0.95)
    }

    private func routes(of ingress: Ingress) -> [Route] {
        var routes: [Route] = []
        if let service = ingress.spec.defaultBackend?.service {
            routes.append(Route(label: "the default backend", service: service, pointer: "/spec/defaultBackend/service"))
        }
        for (ruleIndex, rule) in ingress.spec.rules.enumerated() {
            for (pathIndex, path) in (rule.http?.paths ?? []).enumerated() {
                guard let service = path.backend.service else { continue }
                routes.append(Route(
                    label: "\(rule.host ?? "*")\(path.path ?? "/")", service: service,
                    pointer: "/spec/rules/\(ruleIndex)/http/paths/\(pathIndex)/backend/service"))
            }
        }
        return routes
    }

    /// A JSON patch renaming each backend to its likely intended Service, when every missing
    /// one has a candidate; otherwise a person decides.
    private func remediation(_ ref: ResourceRef, names: [String], suggestions: [(Route, Service)]) -> Remediation {
        let patchable = Set(suggestions.map(\.0.service.name)) == Set(names)
        guard patchable else {
            return Remediation(
                action: .manual, summary: "Create Service \(Wording.list(names)) or point the routes at an existing Service.",
                command: KubectlCommand.get("services", namespace: ref.namespace), safeToAutoApply: false)
        }
        let operations: [JSONValue] = suggestions.map { route, service in
            .object(["op": .string("replace"), "path": .string(route.pointer + "/name"), "value": .string(service.metadata.name)])
        }
        let patch = Patch(target: ref, type: .json, body: .array(operations))
        let renames = suggestions.map { "\($0.0.service.name) → \($0.1.metadata.name)" }
        return Remediation(
            action: .manual, summary: "Point the routes at the existing Service (\(Wording.list(renames))), or create the missing one.",
            patch: patch, command: KubectlCommand.patch(patch), safeToAutoApply: false)
    }

    private static func portText(_ port: Ingress.Backend.ServiceBackend.Port?) -> String? {
        port?.number.map(String.init) ?? port?.name
    }
}

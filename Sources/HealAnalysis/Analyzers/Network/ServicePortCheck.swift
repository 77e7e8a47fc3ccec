import HealModel

/// Whether the pods a Service selects declare the ports it sends traffic to. A named targetPort
/// resolves only through a declared port name. A numeric one may reach a process that listens
/// without declaring its port, so it is judged only when every selected container lists its
/// ports; a port counts as served if any selected container declares it.
struct ServicePortCheck {
    let service: Service
    let pods: [Pod]

    /// Each container port the selected pods declare, once, with a pod that declares it.
    private var declared: [(pod: ResourceRef, container: String, port: ContainerPort)] {
        var seen = Set<String>()
        return pods.flatMap { pod in pod.spec.containers.flatMap { container in container.ports.map { (pod.ref, container.name, $0) } } }
            .filter { seen.insert("\($0.container)/\($0.port.name ?? "")/\($0.port.containerPort)").inserted }
    }

    func finding(analyzer: String) -> Finding? {
        let declared = declared
        guard !declared.isEmpty else { return nil }
        let everyContainerDeclares = pods.allSatisfy { $0.spec.containers.allSatisfy { !$0.ports.isEmpty } }
        let mismatched = service.spec.ports.filter { port in
            switch port.targetPort ?? .int(port.port) {
            case .int(let number): everyContainerDeclares && !declared.contains { $0.port.containerPort == number }
            case .string(let name): !declared.contains { $0.port.name == name }
            }
        }
        guard !mismatched.isEmpty else { return nil }
        let ref = service.metadata.ref(kind: "Service")
        let offered = declared.map { (pod: $0.pod, text: "\($0.container): \($0.port.name.map { "\($0) " } ?? "")\($0.port.containerPort)/\($0.port.protocol ?? "TCP")") }
        let routes = mismatched.map { "port \($0.port) to targetPort \($0.targetPort ?? .int($0.port))" }
        let allBroken = mismatched.count == service.spec.ports.count
        return Finding(
            code: "service-target-port-mismatch", severity: allBroken ? .critical : .warning, analyzer: analyzer, resource: ref,
            symptom: "\(Wording.list(routes)) not declared by the selected pods",
            rootCause: "Service \(ref.name) sends \(Wording.list(routes)), but the selected containers declare only \(Wording.list(offered.map(\.text))), so connections through \(mismatched.count == 1 ? "that port" : "those ports") reach nothing that listens\(allBroken ? "" : "; its other ports work").",
            evidence: mismatched.map { Evidence(.spec, "port \($0.name.map { "\($0) " } ?? "")\($0.port) → targetPort \($0.targetPort ?? .int($0.port))", object: ref) }
                + offered.prefix(4).map { Evidence(.spec, "container \($0.text)", object: $0.pod) },
            remediation: remediation(ref: ref, mismatched: mismatched, declared: declared.map(\.port)),
            confidence: 0.8)
    }

    /// With one declared port, point every mismatched port at it; otherwise a person chooses.
    private func remediation(ref: ResourceRef, mismatched: [Service.Port], declared: [ContainerPort]) -> Remediation {
        let numbers = Set(declared.map(\.containerPort))
        guard numbers.count == 1, let only = numbers.first else {
            return Remediation(
                action: .manual, summary: "Point each targetPort at a port the containers declare (by number or name), or declare the port in the pod template.",
                safeToAutoApply: false)
        }
        let ports: [JSONValue] = mismatched.map { .object(["port": .int($0.port), "targetPort": .int(only)]) }
        let patch = Patch(target: ref, type: .strategic, body: .object(["spec": .object(["ports": .array(ports)])]))
        return Remediation(
            action: .manual, summary: "Set targetPort to \(only), the only port the selected containers declare.",
            parameters: ["targetPort": String(only)], patch: patch, command: KubectlCommand.patch(patch), safeToAutoApply: false)
    }
}

import HealAnalysis
import HealModel

extension KnownIdentifiers {
    /// Every name and address the snapshot holds: namespaces; each object's name under its kind;
    /// the names objects refer to (owners, nodes, claims, Secrets and ConfigMaps a pod spec
    /// references, service accounts, Services behind Ingresses and slices, HPA targets, event
    /// subjects, Ingress TLS Secrets, HTTPRoute parents and backends); containers; Service cluster
    /// IPs and endpoint addresses; Ingress and HTTPRoute hosts and external names; image registries. Never a value: the snapshot holds no Secret or
    /// ConfigMap data and env values are not read. Names every cluster has (`kube-system`,
    /// `default`) are left out (see `BuiltInNames`).
    package static func from(_ snapshot: ClusterSnapshot) -> KnownIdentifiers {
        var known = KnownIdentifiers()
        // Every object's name, namespace and owners, under its kind. An Event's name is its
        // subject's plus a suffix; the subject is noted below instead.
        for kind in ResourceKind.allCases where kind != .events {
            let identifierKind = IdentifierKind.forObjectKind(kind.kind)
            for metadata in snapshot.metadata(of: kind) { known.note(metadata, as: identifierKind) }
        }
        // What objects refer to, by kind.
        for pod in snapshot.pods {
            known.note(pod.spec)
            for status in pod.status.containerStatuses + pod.status.initContainerStatuses {
                known.note(status.name, as: .container)
                if let image = status.image { known.noteRegistry(ofImage: image) }
            }
        }
        for template in snapshot.deployments.map(\.spec.template) + snapshot.replicaSets.map(\.spec.template)
            + snapshot.daemonSets.map(\.spec.template) + snapshot.jobs.map(\.spec.template)
        {
            known.note(template)
        }
        for statefulSet in snapshot.statefulSets {
            known.note(statefulSet.spec.template)
            if let serviceName = statefulSet.spec.serviceName { known.note(serviceName, as: .service) }
            for claim in statefulSet.spec.volumeClaimTemplates { known.note(claim.metadata.name, as: .pvc) }
        }
        for service in snapshot.services {
            if let clusterIP = service.spec.clusterIP, clusterIP != "None" { known.note(clusterIP, as: .ip) }
            if let externalName = service.spec.externalName { known.note(externalName, as: .host) }
        }
        for slice in snapshot.endpointSlices {
            if let serviceName = slice.serviceName { known.note(serviceName, as: .service) }
            for endpoint in slice.endpoints {
                for address in endpoint.addresses { known.note(address, as: .ip) }
                if let nodeName = endpoint.nodeName { known.note(nodeName, as: .node) }
                if let target = endpoint.targetRef { known.note(target) }
            }
        }
        for claim in snapshot.persistentVolumeClaims {
            if let volumeName = claim.spec?.volumeName { known.note(volumeName, as: .pv) }
        }
        for autoscaler in snapshot.horizontalPodAutoscalers {
            let target = autoscaler.spec.scaleTargetRef
            known.note(target.name, as: IdentifierKind.forObjectKind(target.kind))
        }
        for ingress in snapshot.ingresses {
            if let service = ingress.spec.defaultBackend?.service { known.note(service.name, as: .service) }
            for rule in ingress.spec.rules {
                if let http = rule.http {
                    for path in http.paths {
                        if let service = path.backend.service { known.note(service.name, as: .service) }
                    }
                }
                if let host = rule.host { known.note(host: host) }
            }
            for tls in ingress.spec.tls {
                if let secretName = tls.secretName { known.note(secretName, as: .secret) }
                for host in tls.hosts { known.note(host: host) }
            }
        }
        for gateway in snapshot.gateways { known.note(gateway.spec.gatewayClassName, as: .object) }
        for route in snapshot.httpRoutes {
            for parent in route.spec.parentRefs { known.note(parent.name, as: .object) }
            for host in route.spec.hostnames { known.note(host: host) }
            for backend in route.spec.rules.flatMap(\.backendRefs) { known.note(backend.name, as: backend.isService ? .service : .object) }
        }
        for event in snapshot.events {
            if let namespace = event.metadata.namespace { known.note(namespace, as: .namespace) }
            known.note(event.regarding)
        }
        for key in snapshot.logs.keys {
            known.note(key.namespace, as: .namespace)
            known.note(key.pod, as: .pod)
            known.note(key.container, as: .container)
        }
        return known
    }

    private mutating func note(_ value: String, as kind: IdentifierKind) {
        guard !BuiltInNames.all.contains(value) else { return }
        add(value, as: kind)
    }

    /// `*.shop.example.com`: the `*` is no name character, the domain is the name.
    private mutating func note(host: String) {
        note(host.hasPrefix("*.") ? String(host.dropFirst(2)) : host, as: .host)
    }

    private mutating func note(_ metadata: ObjectMeta, as kind: IdentifierKind) {
        note(metadata.name, as: kind)
        if let namespace = metadata.namespace { note(namespace, as: .namespace) }
        for owner in metadata.ownerReferences {
            note(owner.name, as: IdentifierKind.forObjectKind(owner.kind))
        }
    }

    private mutating func note(_ reference: ObjectReference) {
        if let namespace = reference.namespace { note(namespace, as: .namespace) }
        guard let name = reference.name else { return }
        if let kind = reference.kind {
            note(name, as: IdentifierKind.forObjectKind(kind))
        } else {
            note(name, as: .object)
        }
    }

    private mutating func note(_ template: PodTemplate?) {
        if let template { note(template.spec) }
    }

    private mutating func note(_ spec: PodSpec) {
        if let nodeName = spec.nodeName { note(nodeName, as: .node) }
        if let serviceAccount = spec.serviceAccountName { note(serviceAccount, as: .serviceaccount) }
        for pullSecret in spec.imagePullSecrets {
            if let name = pullSecret.name { note(name, as: .secret) }
        }
        for volume in spec.volumes {
            if let claim = volume.persistentVolumeClaim { note(claim.claimName, as: .pvc) }
        }
        for container in spec.containers + spec.initContainers {
            note(container.name, as: .container)
            if let image = container.image { noteRegistry(ofImage: image) }
            for source in container.envFrom {
                if let name = source.secretRef?.name { note(name, as: .secret) }
                if let name = source.configMapRef?.name { note(name, as: .configmap) }
            }
            // The names of what env vars read from; their values are never read.
            for variable in container.env {
                if let name = variable.valueFrom?.secretKeyRef?.name { note(name, as: .secret) }
                if let name = variable.valueFrom?.configMapKeyRef?.name { note(name, as: .configmap) }
            }
        }
    }

    /// The registry host of `image`, unless the image is on Docker Hub or another public registry,
    /// or on the node's own `localhost` registry (both are what they say, and identify no one).
    /// A registry given by address is an address.
    private mutating func noteRegistry(ofImage image: String) {
        let reference = ImageReference(image)
        guard let registry = reference.registry, !reference.isDockerHub else { return }
        let host = String(registry.prefix { $0 != ":" })
        guard host != "localhost", !HostnameRules.isPublic(host) else { return }
        note(host, as: AddressRules.isIPv4(host.utf8) ? .ip : .registry)
    }
}

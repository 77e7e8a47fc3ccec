/// Every kind diagnose reads. Adding a kind is its model file (the struct, its `ResourceKind`
/// constant, its `KubeResource` conformance and the snapshot's accessor) plus one line here.
package enum KindRegistry {
    package static let types: [any KubeResource.Type] = [
        Pod.self,
        Event.self,
        Deployment.self,
        ReplicaSet.self,
        StatefulSet.self,
        DaemonSet.self,
        Job.self,
        CronJob.self,
        Service.self,
        EndpointSlice.self,
        Node.self,
        PersistentVolumeClaim.self,
        PersistentVolume.self,
        StorageClass.self,
        HorizontalPodAutoscaler.self,
        Ingress.self,
        IngressClass.self,
        NetworkPolicy.self,
        GatewayClass.self,
        Gateway.self,
        HTTPRoute.self,
        PodDisruptionBudget.self,
        SecretMetadata.self,
        ConfigMapMetadata.self,
        ValidatingWebhookConfiguration.self,
        MutatingWebhookConfiguration.self,
    ]

    package static let kinds: [ResourceKind] = types.map { $0.resource }

    private static let byKind: [ResourceKind: any KubeResource.Type] =
        Dictionary(uniqueKeysWithValues: types.map { ($0.resource, $0) })

    /// The model type of a registered kind.
    package static func type(of kind: ResourceKind) -> any KubeResource.Type {
        guard let type = byKind[kind] else { preconditionFailure("\(kind) is not in KindRegistry.types") }
        return type
    }

    /// Whether `type` is the registered model of `kind`: what the narrow protobuf schema was
    /// written for (other decoders of the kind may read fields the schema leaves out).
    package static func isModel(_ type: Any.Type, of kind: ResourceKind) -> Bool {
        byKind[kind].map { ObjectIdentifier($0) == ObjectIdentifier(type) } ?? false
    }
}

/// One webhook of a Validating- or MutatingWebhookConfiguration: where the API server calls it
/// and what it does when the call fails.
package struct AdmissionWebhook: Decodable, Sendable {
    package struct ClientConfig: Decodable, Sendable {
        package struct ServiceReference: Decodable, Sendable {
            package var namespace: String
            package var name: String
            package var path: String?
            /// 443 when absent.
            package var port: Int?
        }

        package var service: ServiceReference?
        package var url: String?
    }

    package var name: String
    package var clientConfig: ClientConfig?
    /// Fail (the default) refuses every request the webhook intercepts while it cannot be called.
    package var failurePolicy: String?
}

/// admissionregistration.k8s.io/v1, cluster-scoped.
package struct ValidatingWebhookConfiguration: Decodable, Sendable {
    package var metadata: ObjectMeta
    @DefaultEmpty package var webhooks: [AdmissionWebhook]
}

/// admissionregistration.k8s.io/v1, cluster-scoped.
package struct MutatingWebhookConfiguration: Decodable, Sendable {
    package var metadata: ObjectMeta
    @DefaultEmpty package var webhooks: [AdmissionWebhook]
}

extension ResourceKind {
    package static let validatingWebhookConfigurations = ResourceKind(
        group: "admissionregistration.k8s.io", version: "v1", plural: "validatingwebhookconfigurations", kind: "ValidatingWebhookConfiguration",
        namespaced: false, statusSubresource: false)
    package static let mutatingWebhookConfigurations = ResourceKind(
        group: "admissionregistration.k8s.io", version: "v1", plural: "mutatingwebhookconfigurations", kind: "MutatingWebhookConfiguration",
        namespaced: false, statusSubresource: false)
}

extension ValidatingWebhookConfiguration: KubeResource {
    package static var resource: ResourceKind { .validatingWebhookConfigurations }
}

extension MutatingWebhookConfiguration: KubeResource {
    package static var resource: ResourceKind { .mutatingWebhookConfigurations }
}

extension ClusterSnapshot {
    package var validatingWebhookConfigurations: [ValidatingWebhookConfiguration] {
        get { self[ValidatingWebhookConfiguration.self] }
        _modify { yield &self[ValidatingWebhookConfiguration.self] }
    }

    package var mutatingWebhookConfigurations: [MutatingWebhookConfiguration] {
        get { self[MutatingWebhookConfiguration.self] }
        _modify { yield &self[MutatingWebhookConfiguration.self] }
    }
}

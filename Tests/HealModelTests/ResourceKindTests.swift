import HealModel
import Testing

@Suite("ResourceKind accepts what kubectl accepts and addresses the API like it")
struct ResourceKindTests {
    @Test(
        "user input: plurals, singulars, kinds, short names and group-qualified names",
        arguments: [
            ("po", ResourceKind.pods), ("pod", .pods), ("pods", .pods), ("Pod", .pods),
            ("deploy", .deployments), ("deployment", .deployments), ("deployments", .deployments),
            ("deployment.apps", .deployments), ("deployments.apps", .deployments), ("DEPLOY", .deployments),
            ("svc", .services), ("service", .services), ("hpa", .horizontalPodAutoscalers),
            ("horizontalpodautoscalers.autoscaling", .horizontalPodAutoscalers), ("rs", .replicaSets),
            ("sts", .statefulSets), ("ds", .daemonSets), ("ev", .events), ("events.events.k8s.io", .events),
            ("ing", .ingresses), ("pdb", .podDisruptionBudgets), ("pvc", .persistentVolumeClaims),
            ("no", .nodes), ("nodes", .nodes), ("jobs.batch", .jobs), ("cj", .cronJobs), ("cronjobs", .cronJobs), ("netpol", .networkPolicies), ("ingressclasses", .ingressClasses), ("sc", .storageClasses), ("pv", .persistentVolumes), ("secret", .secrets), ("cm", .configMaps), ("gtw", .gateways), ("httproutes.gateway.networking.k8s.io", .httpRoutes), ("gc", .gatewayClasses), ("endpointslices.discovery.k8s.io", .endpointSlices),
        ])
    func userInput(text: String, kind: ResourceKind) {
        #expect(ResourceKind(userInput: text) == kind)
    }

    @Test(
        "names kubectl would not resolve to a kind diagnose reads are refused",
        arguments: ["", "foo", "configmaps.apps", "secrets.apps", "ep", "gateways.apps", "pods.apps", "deployments.batch"])
    func refusesUnknown(text: String) {
        #expect(ResourceKind(userInput: text) == nil)
    }

    @Test("every kind round-trips through its Kind name and addresses its API group")
    func addressing() {
        for kind in ResourceKind.allCases {
            #expect(ResourceKind(kind: kind.kind) == kind)
            #expect(ResourceKind(userInput: kind.plural) == kind)
            #expect(ResourceKind(userInput: kind.groupResource) == kind, "\(kind.groupResource)")
            #expect(kind.apiVersion == (kind.group.isEmpty ? kind.version : "\(kind.group)/\(kind.version)"))
        }
        #expect(ResourceKind.deployments.groupResource == "deployments.apps")
        #expect(ResourceKind.pods.groupResource == "pods")
        #expect(ResourceKind.horizontalPodAutoscalers.apiVersion == "autoscaling/v2")
        #expect(ResourceKind.podDisruptionBudgets.apiVersion == "policy/v1")
        #expect(ResourceKind.endpointSlices.apiVersion == "discovery.k8s.io/v1")
        #expect(ResourceKind.allCases.filter { !$0.isNamespaced } == [.nodes, .persistentVolumes, .storageClasses, .ingressClasses, .gatewayClasses, .validatingWebhookConfigurations, .mutatingWebhookConfigurations])
        #expect(ResourceKind(kind: "Endpoints") == nil)
    }
}

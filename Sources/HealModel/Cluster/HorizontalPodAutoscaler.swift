/// autoscaling/v2.
package struct HorizontalPodAutoscaler: Decodable, Sendable {
    package struct Target: Decodable, Sendable {
        package var kind: String
        package var name: String
        package var apiVersion: String?
    }

    package struct Spec: Decodable, Sendable {
        package var scaleTargetRef: Target
        /// Absent means 1.
        package var minReplicas: Int?
        package var maxReplicas: Int
        /// What it scales on; a Resource metric on cpu with a Utilization target is the one
        /// forecasting reads.
        @DefaultEmpty package var metrics: [Metric]

        /// The average CPU utilization (% of requests) it keeps, when it scales on that.
        package var cpuUtilizationTarget: Int? {
            metrics.first { $0.type == "Resource" && $0.resource?.name == "cpu" && $0.resource?.target?.type == "Utilization" }?
                .resource?.target?.averageUtilization
        }
    }

    /// One entry of `spec.metrics`: only Resource metrics are decoded.
    package struct Metric: Decodable, Sendable {
        package struct Source: Decodable, Sendable {
            package var name: String?
            package var target: Target?
        }

        package struct Target: Decodable, Sendable {
            package var type: String?
            package var averageUtilization: Int?
        }

        package var type: String?
        package var resource: Source?
    }

    package struct Status: Decodable, Sendable {
        /// When the HPA last changed its target's replicas.
        package var lastScaleTime: Timestamp?
        package var currentReplicas: Int?
        package var desiredReplicas: Int?
        @DefaultEmpty package var conditions: [Condition]
    }

    package var metadata: ObjectMeta
    package var spec: Spec
    package var status: Status?
}

extension ResourceKind {
    package static let horizontalPodAutoscalers = ResourceKind(group: "autoscaling", version: "v2", plural: "horizontalpodautoscalers", kind: "HorizontalPodAutoscaler", shortNames: ["hpa"])
}

extension HorizontalPodAutoscaler: KubeResource {
    package static var resource: ResourceKind { .horizontalPodAutoscalers }}

extension ClusterSnapshot {
    package var horizontalPodAutoscalers: [HorizontalPodAutoscaler] {
        get { self[HorizontalPodAutoscaler.self] }
        _modify { yield &self[HorizontalPodAutoscaler.self] }
    }
}

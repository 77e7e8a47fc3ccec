import HealAnalysis
import HealModel

/// `forecast -o patch` for a cluster with KEDA: each pre-scaling schedule as a ScaledObject named
/// after its workload, with one cron trigger per peak window (at least that many replicas from
/// the raise to the lowering, UTC) and a CPU trigger at the target the forecast used, within the
/// HPA's bounds. It takes the existing HPA over (KEDA's `transfer-hpa-ownership` with the HPA's
/// name) rather than creating a second autoscaler that would fight it.
enum ForecastScaledObject {
    static func manifest(_ forecast: WorkloadForecast, schedule: PreScalingSchedule, scaling: PredictiveScaling) -> String {
        let workload = forecast.workload
        let namespace = workload.namespace ?? "default"
        let bounds = scaling.bounds
        let windows = stride(from: 0, to: schedule.steps.count - 1, by: 2).map { (up: schedule.steps[$0], down: schedule.steps[$0 + 1]) }
        let cron = windows.map { window in
            """
                - type: cron
                  metadata:
                    timezone: Etc/UTC
                    start: "\(window.up.cron)"
                    end: "\(window.down.cron)"
                    desiredReplicas: "\(window.up.minReplicas)"

            """
        }.joined()
        let spans = windows.map { "\($0.up.minReplicas) replicas from \(TimelineText.clock($0.up.time)) to \(TimelineText.clock($0.down.time))" }.joined(separator: ", ")
        return """
            # \(namespace)/\(workload.typeAndName): at least \(spans) UTC every day, CPU at \(scaling.targetUtilization) % of the request otherwise; takes HPA \(schedule.autoscaler) over
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: "\(workload.name)"
              namespace: "\(namespace)"
              labels:
                app.kubernetes.io/managed-by: kubectl-heal
              annotations:
                scaledobject.keda.sh/transfer-hpa-ownership: "true"
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: \(workload.kind)
                name: "\(workload.name)"
              minReplicaCount: \(bounds?.min ?? 1)
              maxReplicaCount: \(bounds?.max ?? windows.map(\.up.minReplicas).max() ?? 1)
              advanced:
                horizontalPodAutoscalerConfig:
                  name: "\(schedule.autoscaler)"
              triggers:
                - type: cpu
                  metricType: Utilization
                  metadata:
                    value: "\(scaling.targetUtilization)"
            \(cron)
            """
    }
}

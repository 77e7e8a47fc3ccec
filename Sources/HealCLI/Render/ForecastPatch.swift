import HealAnalysis
import HealApp
import HealModel

/// `forecast -o patch`: each pre-scaling schedule as CronJobs that patch the HPA's
/// minReplicas, with a ServiceAccount and a Role per namespace allowed to patch those HPAs and
/// nothing else. Times are UTC (`timeZone: Etc/UTC`).
enum ForecastPatch {
    /// Any image with kubectl as its entrypoint will do; replace with your registry's copy.
    static let image = "bitnami/kubectl:1.31"
    static let account = "kubectl-heal-prescaler"

    static func manifests(_ report: ForecastReport) -> String {
        let scheduled = report.workloads.compactMap { forecast in forecast.scaling?.schedule.map { (forecast.workload, $0) } }
        guard !scheduled.isEmpty else { return "# Nothing to schedule: no workload with an HPA has a peak in the horizon.\n" }
        var documents: [String] = []
        for (namespace, schedules) in Dictionary(grouping: scheduled, by: { $0.0.namespace ?? "default" }).sorted(by: { $0.key < $1.key }) {
            documents += rbac(namespace: namespace, autoscalers: schedules.map(\.1.autoscaler).sorted())
            for (workload, schedule) in schedules {
                for step in schedule.steps {
                    documents.append(cronJob(step, autoscaler: schedule.autoscaler, workload: workload, namespace: namespace))
                }
            }
        }
        return documents.joined(separator: "---\n")
    }

    private static func rbac(namespace: String, autoscalers: [String]) -> [String] {
        let metadata = "metadata:\n  name: \(account)\n  namespace: \(namespace)\n  labels:\n    app.kubernetes.io/managed-by: kubectl-heal\n"
        return [
            "apiVersion: v1\nkind: ServiceAccount\n" + metadata,
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n" + metadata
                + "rules:\n  - apiGroups: [autoscaling]\n    resources: [horizontalpodautoscalers]\n    resourceNames: [\(autoscalers.joined(separator: ", "))]\n    verbs: [get, patch]\n",
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n" + metadata
                + "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: \(account)\nsubjects:\n  - kind: ServiceAccount\n    name: \(account)\n    namespace: \(namespace)\n",
        ]
    }

    private static func cronJob(_ step: PreScalingSchedule.Step, autoscaler: String, workload: ResourceRef, namespace: String) -> String {
        """
        # \(namespace)/\(workload.typeAndName): minReplicas \(step.minReplicas) at \(TimelineText.clock(step.time)) UTC every day
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: \(autoscaler)-\(step.name)
          namespace: \(namespace)
          labels:
            app.kubernetes.io/managed-by: kubectl-heal
        spec:
          schedule: "\(step.cron)"
          timeZone: Etc/UTC
          concurrencyPolicy: Forbid
          jobTemplate:
            spec:
              backoffLimit: 3
              template:
                spec:
                  serviceAccountName: \(account)
                  restartPolicy: OnFailure
                  containers:
                    - name: patch
                      image: \(image)
                      args: [patch, horizontalpodautoscaler, \(autoscaler), --namespace, \(namespace), --type, merge, --patch, '{"spec":{"minReplicas":\(step.minReplicas)}}']

        """
    }
}

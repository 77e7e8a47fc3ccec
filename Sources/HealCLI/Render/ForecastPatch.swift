import Foundation
import HealAnalysis
import HealApp
import HealModel

/// `forecast -o patch`: each pre-scaling schedule as a KEDA ScaledObject when the report says
/// so (`ForecastScaledObject`), else as CronJobs that patch the HPA's minReplicas, with a ServiceAccount, Role and RoleBinding per HPA allowed to patch that HPA
/// and nothing else (so applying one workload's schedule never narrows another's). Times are
/// UTC (`timeZone: Etc/UTC`). Names are quoted: a name such as `on` or `123` is YAML's boolean
/// or number otherwise.
enum ForecastPatch {
    /// Kubernetes' own kubectl image (its entrypoint is kubectl); replace with your registry's copy.
    static let image = "registry.k8s.io/kubectl:v1.31.0"

    static func manifests(_ report: ForecastReport) -> String {
        let scheduled = report.workloads.compactMap { forecast in
            forecast.scaling.flatMap { scaling in scaling.schedule.map { (forecast, scaling, $0) } }
        }
        guard !scheduled.isEmpty else { return "# Nothing to schedule: no workload with an HPA has a peak in the horizon.\n" }
        if report.metadata.preScaling == .keda {
            return scheduled.map { ForecastScaledObject.manifest($0, schedule: $2, scaling: $1) }.joined(separator: "---\n")
        }
        var documents: [String] = []
        for (forecast, _, schedule) in scheduled {
            let workload = forecast.workload
            let namespace = workload.namespace ?? "default"
            documents += rbac(namespace: namespace, autoscaler: schedule.autoscaler)
            for step in schedule.steps {
                documents.append(cronJob(step, autoscaler: schedule.autoscaler, workload: workload, namespace: namespace))
            }
        }
        return documents.joined(separator: "---\n")
    }

    /// "kubectl-heal-prescale-NAME", shortened with a hash of the whole when longer than a
    /// CronJob name may be with its suffix (52 characters in all).
    static func name(_ autoscaler: String, suffix: String = "") -> String {
        let room = 52 - suffix.count
        let full = "kubectl-heal-prescale-\(autoscaler)"
        guard full.count > room else { return full + suffix }
        let hash = SHA256.hex(full, length: 8)
        return String(full.prefix(room - 9)).trimmingCharacters(in: CharacterSet(charactersIn: "-.")) + "-" + hash + suffix
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text + "\""
    }

    private static func rbac(namespace: String, autoscaler: String) -> [String] {
        let account = quoted(name(autoscaler))
        let metadata = "metadata:\n  name: \(account)\n  namespace: \(quoted(namespace))\n  labels:\n    app.kubernetes.io/managed-by: kubectl-heal\n"
        return [
            "apiVersion: v1\nkind: ServiceAccount\n" + metadata,
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n" + metadata
                + "rules:\n  - apiGroups: [autoscaling]\n    resources: [horizontalpodautoscalers]\n    resourceNames: [\(quoted(autoscaler))]\n    verbs: [get, patch]\n",
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n" + metadata
                + "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: \(account)\nsubjects:\n  - kind: ServiceAccount\n    name: \(account)\n    namespace: \(quoted(namespace))\n",
        ]
    }

    private static func cronJob(_ step: PreScalingSchedule.Step, autoscaler: String, workload: ResourceRef, namespace: String) -> String {
        """
        # \(namespace)/\(workload.typeAndName): minReplicas \(step.minReplicas) at \(TimelineText.clock(step.time)) UTC every day
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: \(quoted(name(autoscaler, suffix: "-" + step.name)))
          namespace: \(quoted(namespace))
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
                  serviceAccountName: \(quoted(name(autoscaler)))
                  restartPolicy: OnFailure
                  containers:
                    - name: patch
                      image: \(image)
                      args: [patch, horizontalpodautoscaler, \(quoted(autoscaler)), --namespace, \(quoted(namespace)), --type, merge, --patch, '{"spec":{"minReplicas":\(step.minReplicas)}}']

        """
    }
}

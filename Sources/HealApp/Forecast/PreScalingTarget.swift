import HealKube
import Logging

/// What `forecast -o patch` writes a pre-scaling schedule as: CronJobs that patch the HPA's
/// minReplicas, or a KEDA ScaledObject with cron triggers that takes the HPA over.
package enum PreScalingTarget: String, Sendable, Encodable, CaseIterable {
    case cronJob = "cronjob"
    case keda

    /// `--schedule-as auto`: KEDA when the cluster serves its ScaledObjects, else CronJobs (and
    /// CronJobs for snapshot files, which have no API to ask). A discovery that fails is said
    /// and taken as no KEDA.
    static func detect(client: KubeClient?, logger: Logger, describe: (any Error) -> String) async -> PreScalingTarget {
        guard let client else { return .cronJob }
        do {
            return try await client.serves(group: "keda.sh", version: "v1alpha1", resource: "scaledobjects") ? .keda : .cronJob
        } catch {
            logger.warning("could not ask whether KEDA is installed (\(describe(error))); the schedule is written as CronJobs")
            return .cronJob
        }
    }
}

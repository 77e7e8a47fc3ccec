import ArgumentParser
import HealApp

/// `forecast --schedule-as`: what `-o patch` writes a pre-scaling schedule as.
enum PreScalingChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// KEDA when the cluster serves ScaledObjects, else CronJobs.
    case auto
    case cronjob
    case keda

    /// nil: let the job ask the cluster.
    var target: PreScalingTarget? {
        switch self {
        case .auto: nil
        case .cronjob: .cronJob
        case .keda: .keda
        }
    }
}

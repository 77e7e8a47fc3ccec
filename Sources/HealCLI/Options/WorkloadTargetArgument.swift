import HealAnalysis
import HealApp

/// The TYPE/NAME argument of recommend-limits and cost, as a usage error when it is wrong.
enum WorkloadTargetArgument {
    static func parse(_ text: String) throws -> ResourceTarget {
        try parseFlag(nil) { () throws(InvalidInput) in try TargetInput.workload(text) }
    }
}

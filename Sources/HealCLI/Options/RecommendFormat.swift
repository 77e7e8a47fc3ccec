import ArgumentParser

/// `-o` for recommend-limits.
enum RecommendFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, wide, json, yaml, csv
    /// `kubectl patch` commands, one per workload that changes.
    case patch
}

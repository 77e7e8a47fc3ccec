import ArgumentParser

/// `-o` for `anomalies`.
enum AnomalyFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, wide, json, yaml, markdown
}

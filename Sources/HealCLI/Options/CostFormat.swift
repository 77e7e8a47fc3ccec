import ArgumentParser

/// `-o` for `cost`.
enum CostFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, yaml, csv
}

/// `-o` for `cost scenarios`.
enum ScenarioFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, yaml
}

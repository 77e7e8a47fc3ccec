import ArgumentParser

/// `-o` for `forecast`.
enum ForecastFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, yaml, markdown, patch
}

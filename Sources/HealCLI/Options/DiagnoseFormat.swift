import ArgumentParser

/// `-o` for diagnose.
enum DiagnoseFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, wide, json, yaml, junit, markdown
}

/// `--fail-on`: the lowest severity that makes the run exit 1.
enum FailThreshold: String, ExpressibleByArgument, CaseIterable, Sendable {
    case info, warning, critical
}

import ArgumentParser
import HealAnalysis

/// `-o` for diagnose.
enum DiagnoseFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, wide, json, yaml, junit, markdown, html
}

/// `--fail-on` takes a severity: the lowest that makes the run exit 1.
extension Severity: ExpressibleByArgument {}

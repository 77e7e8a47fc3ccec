import ArgumentParser

/// `-o` for timeline.
enum TimelineFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, wide, json, yaml, markdown
    /// One self-contained page (no script, no fetch).
    case html
}

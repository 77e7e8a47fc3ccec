/// One recognisable cause of a crash, found in a container's log. Self-describing like the
/// analyzers: lines that must match and lines that must not, checked by a shared test.
package struct LogPattern: Sendable {
    package var code: String
    package var summary: String
    package var examples: [String]
    package var counterExamples: [String]
    /// What one line says, or nil if it does not match.
    let match: @Sendable (String) -> LogMatch?

    package func matches(_ line: String) -> LogMatch? {
        match(line)
    }
}

/// The part of a line that matters (a variable name, a host:port, a path).
package struct LogMatch: Sendable, Equatable {
    package var line: String
    package var subjects: [String]
}

/// What the logs say about a crash.
package struct LogDiagnosis: Sendable, Equatable {
    package var code: String
    /// Distinct subjects across matching lines, in order of appearance.
    package var subjects: [String]
    package var lines: [String]
}

/// Why a `--policy` file cannot be used. Every problem names the file and, where the YAML
/// gives one, the line; the CLI presenter maps it to bad input (exit 65).
package struct HealPolicyError: Error, Sendable, Equatable {
    package enum Problem: Sendable, Equatable {
        case unreadable(reason: String)
        /// A YAML syntax error, as line, column and problem (never the text around it).
        case notYAML(detail: String)
        case empty
        /// A mapping, list or value where the format has another, a missing field, a typo'd key.
        case shape(YAMLShapeProblem)
        case wrongAPIVersion(found: String)
        case wrongKind(found: String)
        case unknownAction(name: String, place: String)
        case badMode(found: String)
        /// The same action in two lists of one rule (or twice in one), so the rule contradicts itself.
        case actionNamedTwice(action: String, rule: Int)
        case ruleNamesNoAction(rule: Int)
    }

    package var file: String
    /// 1-based, when the YAML node carries a position.
    package var line: Int?
    package var problem: Problem

    package init(file: String, line: Int? = nil, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }
}

import HealAnalysis
import HealActions

/// Why a config file (`--config`, `.kubectl-heal.yaml`) cannot be used. Every problem names
/// the file and, where the YAML gives one, the line; the CLI maps it to bad input (exit 65).
package struct ReportConfigError: Error, Sendable, Equatable {
    package enum Problem: Sendable, Equatable {
        case unreadable(reason: String)
        case notUTF8
        /// A YAML syntax error, as line, column and problem (never the text around it).
        case notYAML(detail: String)
        case shape(YAMLShapeProblem)
        case wrongAPIVersion(found: String)
        case wrongKind(found: String)
        case unknownCode(code: String, rule: String)
        case noCodes(rule: String)
        case noReason(rule: String)
        case badSeverity(found: String, rule: String)
    }

    package var file: String
    package var line: Int?
    package var problem: Problem

    /// ".kubectl-heal.yaml:7: suppress rule 1 names an unknown code "oom-kiled" (did you mean oom-killed?)".
    package var message: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(problemText)"
    }

    private var problemText: String {
        switch problem {
        case .unreadable(let reason): "cannot read the config file: \(reason)"
        case .notUTF8: "the config file is not UTF-8 text"
        case .notYAML(let detail): "not a YAML config file: \(detail)"
        case .shape(let problem): problem.text
        case .wrongAPIVersion(let found): "apiVersion is \"\(found)\", expected \(ReportConfig.apiVersion)"
        case .wrongKind(let found): "kind is \"\(found)\", expected \(ReportConfig.kind)"
        case .unknownCode(let code, let rule):
            "\(rule) names an unknown finding code \"\(code)\"\(Wording.suggestion(for: code, among: SuppressionRules.knownCodes()))"
        case .noCodes(let rule): "\(rule) names no codes"
        case .noReason(let rule): "\(rule) gives no reason"
        case .badSeverity(let found, let rule): "\(rule) has severity \"\(found)\", expected info, warning or critical"
        }
    }

    /// What to change next.
    package var hint: String {
        switch problem {
        case .unreadable:
            "check that the file is readable (--config's path, else ./\(ReportConfig.workingDirectoryFile) or $XDG_CONFIG_HOME/kubectl-heal/config.yaml); --config /dev/null reads none"
        case .notUTF8:
            "save it as UTF-8"
        case .notYAML, .wrongAPIVersion, .wrongKind, .shape(.notAMapping(place: ReportConfig.rootPlace)), .shape(.missingField(_, place: ReportConfig.rootPlace)):
            "a config file starts with apiVersion: \(ReportConfig.apiVersion) and kind: \(ReportConfig.kind); see the README's \"Suppressing findings\""
        case .shape(.notAMapping):
            "each rule is a mapping with codes and a reason, e.g. - {codes: [missing-probes], reason: \"why\"}"
        case .shape(.missingField(let key, _)):
            "add \(key): to the rule; see the README's \"Suppressing findings\" for an example"
        case .shape(.notAList), .shape(.notAString):
            "suppress, severity, codes and namespaces are lists; selector, severity (in a rule) and reason are single values"
        case .shape(let problem):
            problem.hint ?? ""
        case .unknownCode:
            "the codes are listed in the README's finding codes table, or use \"*\" for every code"
        case .noCodes:
            "list the codes the rule is about, e.g. codes: [missing-probes], or codes: [\"*\"]"
        case .noReason:
            "say why, e.g. reason: \"batch jobs have no probes; tracked in OPS-142\"; it is printed with every finding the rule hides"
        case .badSeverity:
            "severity re-grades the findings the rule matches: info, warning or critical"
        }
    }
}

import ArgumentParser
import HealAnalysis
import HealApp

/// `--ignore` and `--config`: what a report leaves out, and the rules that re-grade findings.
struct SuppressionOptions: ParsableArguments {
    /// Shared with `mcp`, whose tools read the same file.
    static let configHelp = ArgumentHelp(
        "Suppression and severity rules (YAML). Default: ./\(ReportConfig.workingDirectoryFile), else $XDG_CONFIG_HOME/kubectl-heal/config.yaml.",
        valueName: "path")

    @Option(
        help: ArgumentHelp("Leave findings with these codes out of the report (comma-separated, repeatable; * for all); the summary counts them and -o wide, json, yaml, markdown, junit and html list them.", valueName: "codes"),
        completion: .list(SuppressionRules.knownCodes()))
    var ignore: [String] = []

    @Option(help: SuppressionOptions.configHelp, completion: .file())
    var config: String?

    func validate() throws {
        _ = try ignoreRule()
        try Self.check(config: config)
    }

    /// Shared with `mcp`: an empty path is a slip, not "no file".
    static func check(config: String?) throws {
        if config?.isEmpty == true { throw ValidationError("--config names no file; give a path, or /dev/null to read none") }
    }

    /// The config file's rules, with `--ignore` first: the flag is the most specific ask.
    func rules(in environment: AppEnvironment) throws -> SuppressionRules {
        var rules = try ReportConfig.load(named: config, in: environment)
        if let rule = try ignoreRule() { rules.ignore.insert(rule, at: 0) }
        return rules
    }

    private func ignoreRule() throws -> FindingRule? {
        try parseFlag("--ignore") { () throws(InvalidInput) in try DiagnosisInput.ignoredCodes(ignore) }
    }
}

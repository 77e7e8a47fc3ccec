import Foundation
import HealActions
import HealAnalysis
import HealKube
import HealModel
import Yams

/// The config file: what a team chose to leave out of its reports or grade differently,
/// each rule with the reason. Read from `--config`, else `.kubectl-heal.yaml` in the working
/// directory, else `$XDG_CONFIG_HOME/kubectl-heal/config.yaml` (`~/.config` by default).
package enum ReportConfig {
    package static let apiVersion = "heal.kubectl.io/v1alpha1"
    package static let kind = "HealConfig"
    package static let workingDirectoryFile = ".kubectl-heal.yaml"
    /// How errors name the file's top level.
    static let rootPlace = "the config file"

    /// The file this run reads: the one named, or the first default that exists; nil when none does.
    package static func path(named: String?, in environment: AppEnvironment) -> String? {
        if let named { return named }
        // The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored.
        let xdg = environment.variables["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? environment.homeDirectory + "/.config"
        let defaults = [environment.workingDirectory.map { $0 + "/" + workingDirectoryFile }, xdg + "/kubectl-heal/config.yaml"]
        return defaults.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The rules of the file this run reads; none without a file.
    package static func load(named: String?, in environment: AppEnvironment) throws(ReportConfigError) -> SuppressionRules {
        guard let path = path(named: named, in: environment) else { return SuppressionRules() }
        let data: Data
        do {
            // A file handle, because Foundation's whole-file reads refuse /dev/null, which is how
            // a CI step says "no config file".
            data = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)).readToEnd() ?? Data()
        } catch {
            throw ReportConfigError(file: path, problem: .unreadable(reason: FileErrorReason.describe(error)))
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ReportConfigError(file: path, problem: .notUTF8) }
        return try parse(text, file: path)
    }

    /// Strict, as the policy is: a typo'd key or code is an error with its line, never a rule
    /// that silently matches nothing. An empty file has no rules.
    package static func parse(_ yaml: String, file: String) throws(ReportConfigError) -> SuppressionRules {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ReportConfigError(file: file, problem: .notYAML(detail: DecodingErrorDescription.describe(error)))
        }
        guard let root, root.null == nil else { return SuppressionRules() }
        return try ReportConfigReader(file: file).rules(root)
    }
}

/// The node walking behind `ReportConfig.parse`.
private struct ReportConfigReader {
    let file: String
    private let yaml: StrictYAMLReader<ReportConfigError>
    private let knownCodes = Set(SuppressionRules.knownCodes())

    init(file: String) {
        self.file = file
        yaml = StrictYAMLReader { ReportConfigError(file: file, line: $0.line, problem: .shape($0.problem)) }
    }

    func rules(_ root: Yams.Node) throws(ReportConfigError) -> SuppressionRules {
        let fields = try yaml.fields(of: root, place: ReportConfig.rootPlace, keys: ["apiVersion", "kind", "suppress", "severity"])
        let apiVersion = try yaml.requiredString(fields, "apiVersion", in: root, place: ReportConfig.rootPlace)
        guard apiVersion.value == ReportConfig.apiVersion else { throw error(at: apiVersion.node, .wrongAPIVersion(found: apiVersion.value)) }
        let kind = try yaml.requiredString(fields, "kind", in: root, place: ReportConfig.rootPlace)
        guard kind.value == ReportConfig.kind else { throw error(at: kind.node, .wrongKind(found: kind.value)) }

        var rules = SuppressionRules()
        for (index, node) in try list(fields["suppress"], place: "suppress").enumerated() {
            rules.ignore.append(try rule(node, place: "suppress rule \(index + 1)", extraKeys: []).rule)
        }
        for (index, node) in try list(fields["severity"], place: "severity").enumerated() {
            let place = "severity rule \(index + 1)"
            let (rule, fields) = try rule(node, place: place, extraKeys: ["severity"])
            guard let severityNode = fields["severity"] else {
                throw error(at: node, .shape(.missingField(key: "severity", place: place)))
            }
            let text = try yaml.string(severityNode, place: "\(place) severity")
            guard let severity = Severity(rawValue: text) else { throw error(at: severityNode, .badSeverity(found: text, rule: place)) }
            rules.severity.append(SeverityRule(rule: rule, severity: severity))
        }
        return rules
    }

    /// The matching part every rule has: codes, namespaces, selector and reason.
    private func rule(_ node: Yams.Node, place: String, extraKeys: [String]) throws(ReportConfigError) -> (rule: FindingRule, fields: [String: Yams.Node]) {
        let fields = try yaml.fields(of: node, place: place, keys: ["codes", "namespaces", "selector"] + extraKeys + ["reason"])
        var codes = Set<String>()
        for item in try list(fields["codes"], place: "\(place) codes") {
            let code = try string(item, place: "\(place) codes")
            guard code == FindingRule.anyCode || knownCodes.contains(code) else { throw error(at: item, .unknownCode(code: code, rule: place)) }
            codes.insert(code)
        }
        guard !codes.isEmpty else { throw error(at: node, .noCodes(rule: place)) }

        let namespaces = try yaml.namespacePatterns(fields["namespaces"], place: place)
        let selector = try yaml.selector(fields["selector"], place: place)?.expression

        let reason = try fields["reason"].map { node throws(ReportConfigError) in try string(node, place: "\(place) reason") } ?? ""
        guard !reason.allSatisfy(\.isWhitespace) else { throw error(at: node, .noReason(rule: place)) }

        let rule = FindingRule(
            codes: codes, namespaces: namespaces, selector: selector, reason: reason,
            origin: .configFile(path: file, line: node.mark?.line))
        return (rule, fields)
    }

    private func list(_ node: Yams.Node?, place: String) throws(ReportConfigError) -> [Yams.Node] {
        guard let node else { return [] }
        return try yaml.list(node, place: place)
    }

    private func string(_ node: Yams.Node, place: String) throws(ReportConfigError) -> String {
        try yaml.string(node, place: place)
    }

    private func error(at node: Yams.Node, _ problem: ReportConfigError.Problem) -> ReportConfigError {
        ReportConfigError(file: file, line: node.mark?.line, problem: problem)
    }
}

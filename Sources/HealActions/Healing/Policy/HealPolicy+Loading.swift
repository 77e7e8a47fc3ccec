import Foundation
import HealAnalysis
import HealKube
import HealModel
import Yams

// HealModel has a Node too (the Kubernetes kind).
private typealias YAMLNode = Yams.Node

extension HealPolicy {
    package static let apiVersion = "heal.kubectl.io/v1alpha1"
    package static let kind = "HealPolicy"

    /// The action names a policy may use.
    package static let actionNames = Remediation.Action.governed.map(\.rawValue)

    /// The policy a `--policy` flag names, or nil without one.
    package static func load(ifGiven path: String?) throws(HealPolicyError) -> HealPolicy? {
        guard let path else { return nil }
        return try load(contentsOf: path)
    }

    package static func load(contentsOf path: String) throws(HealPolicyError) -> HealPolicy {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw HealPolicyError(file: path, problem: .unreadable(reason: FileErrorReason.describe(error)))
        }
        return try parse(text, file: path)
    }

    /// Strict: a typo'd key is an error with its line (see `StrictYAMLReader`).
    package static func parse(_ yaml: String, file: String) throws(HealPolicyError) -> HealPolicy {
        let root: YAMLNode?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw HealPolicyError(file: file, problem: .notYAML(detail: DecodingErrorDescription.describe(error)))
        }
        guard let root, root.null == nil else { throw HealPolicyError(file: file, problem: .empty) }
        let reader = HealPolicyReader(file: file)
        let fields = try reader.yaml.fields(of: root, place: "the policy", keys: ["apiVersion", "kind", "default", "rules"])

        let apiVersion = try reader.yaml.requiredString(fields, "apiVersion", in: root, place: "the policy")
        guard apiVersion.value == Self.apiVersion else {
            throw reader.error(at: apiVersion.node, .wrongAPIVersion(found: apiVersion.value))
        }
        let kind = try reader.yaml.requiredString(fields, "kind", in: root, place: "the policy")
        guard kind.value == Self.kind else { throw reader.error(at: kind.node, .wrongKind(found: kind.value)) }

        var defaultDecision = PolicyDecision.confirm
        if let node = fields["default"] {
            let text = try reader.yaml.string(node, place: "default")
            guard let decision = PolicyDecision(rawValue: text) else { throw reader.error(at: node, .badMode(found: text)) }
            defaultDecision = decision
        }
        var rules: [HealPolicyRule] = []
        if let node = fields["rules"] {
            for (index, ruleNode) in try reader.yaml.list(node, place: "rules").enumerated() {
                rules.append(try reader.rule(ruleNode, number: index + 1))
            }
        }
        return HealPolicy(defaultDecision: defaultDecision, rules: rules, file: file)
    }
}

/// The policy's own checks on top of `StrictYAMLReader`'s: every error names the file and line.
private struct HealPolicyReader {
    let file: String
    let yaml: StrictYAMLReader<HealPolicyError>

    init(file: String) {
        self.file = file
        yaml = StrictYAMLReader { HealPolicyError(file: file, line: $0.line, problem: .shape($0.problem)) }
    }

    func error(at node: YAMLNode?, _ problem: HealPolicyError.Problem) -> HealPolicyError {
        HealPolicyError(file: file, line: node?.mark?.line, problem: problem)
    }

    func rule(_ node: YAMLNode, number: Int) throws(HealPolicyError) -> HealPolicyRule {
        let place = "rule \(number)"
        let fields = try yaml.fields(of: node, place: place, keys: ["namespaces", "selector", "allow", "confirm", "deny"])

        let namespaces = try yaml.namespacePatterns(fields["namespaces"], place: place)
        let selector = try yaml.selector(fields["selector"], place: place)

        var decisions: [Remediation.Action: PolicyDecision] = [:]
        var otherActions: PolicyDecision?
        for decision in PolicyDecision.allCases {
            guard let list = fields[decision.rawValue] else { continue }
            for item in try yaml.list(list, place: "\(place) \(decision.rawValue)") {
                let name = try yaml.string(item, place: "\(place) \(decision.rawValue)")
                if name == "*" {
                    guard otherActions == nil else { throw error(at: item, .actionNamedTwice(action: "*", rule: number)) }
                    otherActions = decision
                    continue
                }
                guard let action = Remediation.Action(rawValue: name), Remediation.Action.governed.contains(action) else {
                    throw error(at: item, .unknownAction(name: name, place: place))
                }
                guard decisions[action] == nil else { throw error(at: item, .actionNamedTwice(action: name, rule: number)) }
                decisions[action] = decision
            }
        }
        guard !decisions.isEmpty || otherActions != nil else { throw error(at: node, .ruleNamesNoAction(rule: number)) }

        return HealPolicyRule(
            namespaces: namespaces, selector: selector, decisions: decisions, otherActions: otherActions, line: node.mark?.line)
    }
}

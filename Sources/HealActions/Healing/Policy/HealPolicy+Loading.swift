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

    /// Reads the YAML node by node rather than through Codable, so that a typo'd key is an
    /// error with its line instead of being ignored, and every message can point at the line.
    package static func parse(_ yaml: String, file: String) throws(HealPolicyError) -> HealPolicy {
        let root: YAMLNode?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw HealPolicyError(file: file, problem: .notYAML(detail: DecodingErrorDescription.describe(error)))
        }
        guard let root, !root.isNull else { throw HealPolicyError(file: file, problem: .empty) }
        let reader = HealPolicyReader(file: file)
        let fields = try reader.fields(of: root, place: "the policy", keys: ["apiVersion", "kind", "default", "rules"])

        let apiVersion = try reader.requiredString(fields, "apiVersion", in: root)
        guard apiVersion.value == Self.apiVersion else {
            throw reader.error(at: apiVersion.node, .wrongAPIVersion(found: apiVersion.value))
        }
        let kind = try reader.requiredString(fields, "kind", in: root)
        guard kind.value == Self.kind else { throw reader.error(at: kind.node, .wrongKind(found: kind.value)) }

        var defaultDecision = PolicyDecision.confirm
        if let node = fields["default"] {
            let text = try reader.string(node, place: "default")
            guard let decision = PolicyDecision(rawValue: text) else { throw reader.error(at: node, .badMode(found: text)) }
            defaultDecision = decision
        }
        var rules: [HealPolicyRule] = []
        if let node = fields["rules"] {
            for (index, ruleNode) in try reader.list(node, place: "rules").enumerated() {
                rules.append(try reader.rule(ruleNode, number: index + 1))
            }
        }
        return HealPolicy(defaultDecision: defaultDecision, rules: rules, file: file)
    }
}

/// The node walking behind `HealPolicy.parse`: type checks that name the place and line.
private struct HealPolicyReader {
    let file: String

    func error(at node: YAMLNode?, _ problem: HealPolicyError.Problem) -> HealPolicyError {
        HealPolicyError(file: file, line: node?.mark?.line, problem: problem)
    }

    /// The mapping's values by key, rejecting keys not in `keys`. Null values count as absent,
    /// so `selector:` with nothing after it means the same as leaving the line out.
    func fields(of node: YAMLNode, place: String, keys: [String]) throws(HealPolicyError) -> [String: YAMLNode] {
        guard let mapping = node.mapping else { throw error(at: node, .notAMapping(place: place)) }
        var fields: [String: YAMLNode] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            guard keys.contains(name) else { throw error(at: key, .unknownKey(key: name, place: place, valid: keys)) }
            if !value.isNull { fields[name] = value }
        }
        return fields
    }

    func string(_ node: YAMLNode, place: String) throws(HealPolicyError) -> String {
        guard let scalar = node.scalar else { throw error(at: node, .notAString(place: place)) }
        return scalar.string
    }

    func requiredString(_ fields: [String: YAMLNode], _ key: String, in parent: YAMLNode) throws(HealPolicyError) -> (value: String, node: YAMLNode) {
        guard let node = fields[key] else { throw error(at: parent, .missingField(key)) }
        return (try string(node, place: key), node)
    }

    func list(_ node: YAMLNode, place: String) throws(HealPolicyError) -> [YAMLNode] {
        guard let sequence = node.sequence else { throw error(at: node, .notAList(place: place)) }
        return Array(sequence)
    }

    func rule(_ node: YAMLNode, number: Int) throws(HealPolicyError) -> HealPolicyRule {
        let place = "rule \(number)"
        let fields = try fields(of: node, place: place, keys: ["namespaces", "selector", "allow", "confirm", "deny"])

        var namespaces: [NamespacePattern] = []
        if let list = fields["namespaces"] {
            for item in try self.list(list, place: "\(place) namespaces") {
                let text = try string(item, place: "\(place) namespaces")
                guard let pattern = NamespacePattern(text) else {
                    throw error(at: item, .badNamespacePattern(pattern: text, rule: number))
                }
                namespaces.append(pattern)
            }
        }

        var selector: (text: String, expression: LabelSelectorExpression)?
        if let node = fields["selector"] {
            let text = try string(node, place: "\(place) selector")
            guard let expression = LabelSelectorExpression(text) else {
                throw error(at: node, .badSelector(selector: text, rule: number))
            }
            selector = (text, expression)
        }

        var decisions: [Remediation.Action: PolicyDecision] = [:]
        var otherActions: PolicyDecision?
        for decision in PolicyDecision.allCases {
            guard let list = fields[decision.rawValue] else { continue }
            for item in try self.list(list, place: "\(place) \(decision.rawValue)") {
                let name = try string(item, place: "\(place) \(decision.rawValue)")
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

extension YAMLNode {
    fileprivate var isNull: Bool { null != nil }
}

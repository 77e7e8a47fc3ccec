import Foundation

/// The scheduler's explanation of why a pod fits no node, parsed:
/// "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: },
/// 2 node(s) didn't match Pod's node affinity/selector. preemption: …".
package struct SchedulerMessage: Sendable, Equatable {
    package enum Cause: Sendable, Equatable {
        /// "Insufficient cpu" — the resource name.
        case insufficient(String)
        /// "had untolerated taint {key: value}" — the taint.
        case untoleratedTaint(String)
        case nodeSelectorMismatch
        case podAffinity
        case podAntiAffinity
        case unboundClaims
        case volumeNodeAffinityConflict
        case nodesUnschedulable
        case tooManyPods
        case portsInUse
        case other
    }

    package struct Reason: Sendable, Equatable {
        /// How many nodes gave this reason, when the scheduler says.
        package var nodes: Int?
        package var text: String
        package var cause: Cause
    }

    package var availableNodes: Int?
    package var totalNodes: Int?
    package var reasons: [Reason]

    package init?(_ message: String) {
        guard let header = message.firstMatch(of: Self.header) else { return nil }
        availableNodes = Int(header.output.available)
        totalNodes = Int(header.output.total)
        var body = message[header.range.upperBound...]
        if let preemption = body.range(of: "preemption:") {
            body = body[..<preemption.lowerBound]
        }
        let trimmed = body.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        reasons = Self.splitOutsideBraces(trimmed).map(Self.reason)
    }

    /// Splits on ", " except inside `{…}` (taints print as `{key: value}`).
    private static func splitOutsideBraces(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var iterator = Array(text).makeIterator()
        while let character = iterator.next() {
            if character == "{" { depth += 1 }
            if character == "}" { depth = max(0, depth - 1) }
            if character == ",", depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(character)
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { parts.append(current.trimmingCharacters(in: .whitespaces)) }
        return parts.filter { !$0.isEmpty }
    }

    private static func reason(_ text: String) -> Reason {
        var nodes: Int?
        var rest = Substring(text)
        if let count = text.firstMatch(of: Self.nodeCount) {
            nodes = Int(count.output.count)
            rest = text[count.range.upperBound...]
        }
        let body = String(rest)
        let cause: Cause
        if let resource = body.firstMatch(of: Self.insufficient) {
            cause = .insufficient(String(resource.output.resource))
        } else if let taint = body.firstMatch(of: Self.untoleratedTaint) {
            cause = .untoleratedTaint(String(taint.output.taint))
        } else if body.contains("node affinity/selector") {
            cause = .nodeSelectorMismatch
        } else if body.contains("pod anti-affinity") {
            cause = .podAntiAffinity
        } else if body.contains("pod affinity") {
            cause = .podAffinity
        } else if body.contains("unbound immediate PersistentVolumeClaims") || body.contains("unbound PersistentVolumeClaims") {
            cause = .unboundClaims
        } else if body.contains("volume node affinity conflict") {
            cause = .volumeNodeAffinityConflict
        } else if body.contains("were unschedulable") {
            cause = .nodesUnschedulable
        } else if body.contains("Too many pods") {
            cause = .tooManyPods
        } else if body.contains("free ports") {
            cause = .portsInUse
        } else {
            cause = .other
        }
        return Reason(nodes: nodes, text: body, cause: cause)
    }

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let header = #/(?<available>\d+)\/(?<total>\d+) nodes are available:?\s*/#
    nonisolated(unsafe) private static let nodeCount = #/^(?<count>\d+) /#
    nonisolated(unsafe) private static let insufficient = #/Insufficient (?<resource>\S+)/#
    nonisolated(unsafe) private static let untoleratedTaint = #/untolerated taint (?<taint>\{[^}]*\})/#
}

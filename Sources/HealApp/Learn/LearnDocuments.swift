import Foundation
import HealStore

// The documents of the learn use cases; the CLI prints them with -o json|yaml, the MCP learn
// tools return them.

/// `learn show`: a pattern and the attempts kept for it, newest first.
package struct PatternDetail: Encodable, Sendable {
    package var pattern: LearnedPattern
    package var attempts: [AttemptRecord]
}

/// `learn list -o json`: `items`, as Kubernetes lists.
package struct PatternList: Encodable {
    package var store: String
    package var items: [LearnedPattern]
}

package struct StatsReport: Encodable {
    package var store: String
    package var stats: LearnStats

    package func encode(to encoder: any Encoder) throws {
        try stats.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(store, forKey: .store)
    }

    private enum CodingKeys: String, CodingKey { case store }
}

package struct CountsResult: Encodable {
    package var store: String
    package var deleted: StoreCounts
    /// `prune`: the cutoff.
    package var olderThan: Date?
    /// `forget`: the pattern.
    package var patternID: String?
}

package struct ImportResult: Encodable {
    package var store: String
    package var file: String
    package var counts: ImportCounts
}

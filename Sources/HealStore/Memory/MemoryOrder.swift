import Foundation

/// The orders and the id lookup every store applies, so both answer alike.
package enum MemoryOrder {
    /// Most recently used first; ties by id, so listings are stable.
    package static func recentlyUsedFirst(_ lhs: LearnedPattern, _ rhs: LearnedPattern) -> Bool {
        lhs.lastUsedAt != rhs.lastUsedAt ? lhs.lastUsedAt > rhs.lastUsedAt : lhs.id < rhs.id
    }

    /// Best first: most successes, then the best success rate, then the most recently used.
    package static func bestFirst(_ lhs: LearnedPattern, _ rhs: LearnedPattern) -> Bool {
        if lhs.successes != rhs.successes { return lhs.successes > rhs.successes }
        if lhs.successRate != rhs.successRate { return lhs.successRate > rhs.successRate }
        return recentlyUsedFirst(lhs, rhs)
    }

    /// Newest first by when they finished; ties by id descending.
    package static func newestFirst(_ lhs: AttemptRecord, _ rhs: AttemptRecord) -> Bool {
        lhs.finishedAt != rhs.finishedAt ? lhs.finishedAt > rhs.finishedAt : lhs.id > rhs.id
    }

    /// Shorter prefixes than this only match a whole id: 3 hex digits would collide too soon.
    package static let minimumPrefix = 4

    /// The id among `candidates` that `text` names: itself, or as a unique prefix of at least
    /// `minimumPrefix` characters. `candidates` may hold more than the matches.
    package static func resolve(_ text: String, among candidates: some Sequence<String>) throws(StoreError) -> String? {
        let matches = candidates.filter { $0 == text || (text.count >= minimumPrefix && $0.hasPrefix(text)) }
        if matches.contains(text) { return text }
        guard matches.count <= 1 else { throw StoreError.ambiguousID(text, matches: matches.sorted()) }
        return matches.first
    }
}

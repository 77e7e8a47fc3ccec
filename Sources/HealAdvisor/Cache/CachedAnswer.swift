/// One entry of the answer cache, as stored on disk (small, versioned JSON).
package struct CachedAnswer: Sendable, Equatable, Codable {
    /// Entries of another version are misses (and get overwritten).
    package static let currentVersion = 1

    package var version: Int
    /// The model that answered, for whoever looks into the directory.
    package var model: String
    package var content: String
    /// What the answer cost when it was first asked.
    package var usage: TokenUsage

    package init(model: String, content: String, usage: TokenUsage) {
        version = Self.currentVersion
        self.model = model
        self.content = content
        self.usage = usage
    }
}

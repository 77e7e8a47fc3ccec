import HealApp
import HealStore
import MCP

/// learn_list and learn_stats: the memory of fixes, read-only.
enum LearnTools {
    static let all = [list, stats]

    static let list = ToolDefinition(
        name: "learn_list", title: "Learned fixes",
        description: """
            The learned patterns in the server's store: fingerprint, action, successes, failures, success rate, last used. \
            The same document as `kubectl heal learn list -o json`. Read-only.
            """,
        properties: [:]
    ) { _, call in
        let store = try open(call)
        let patterns = try await store.patterns()
        return try ToolAnswer(json: try LearnRenderer.render(.patternList, PatternList(store: store.location, items: patterns), as: .json, at: call.environment.now()) { "" })
    }

    static let stats = ToolDefinition(
        name: "learn_stats", title: "Healing statistics",
        description: """
            Incidents handled, fixed and unresolved, attempt outcomes, mean time to detect and to repair, and LLM calls \
            avoided by learned fixes. The same document as `kubectl heal learn stats -o json`. Read-only.
            """,
        properties: [:]
    ) { _, call in
        let store = try open(call)
        let memory = try await store.export()
        let stats = LearnStats(patterns: memory.patterns, attempts: memory.attempts)
        return try ToolAnswer(json: try LearnRenderer.render(.stats, StatsReport(store: store.location, stats: stats), as: .json, at: call.environment.now()) { "" })
    }

    private static func open(_ call: ToolCall) throws -> any FixStore {
        try FixStoreFactory.open(call.settings.store, cluster: call.settings.cluster, environment: call.environment, logLevel: call.logLevel)
    }
}

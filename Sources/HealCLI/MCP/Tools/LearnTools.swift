import HealApp
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
        try ToolAnswer(json: try LearnRenderer.render(.patternList, try await open(call).list(), as: .json, at: call.environment.now()) { "" })
    }

    static let stats = ToolDefinition(
        name: "learn_stats", title: "Healing statistics",
        description: """
            Incidents handled, fixed and unresolved, attempt outcomes, mean time to detect and to repair, and LLM calls \
            avoided by learned fixes. The same document as `kubectl heal learn stats -o json`. Read-only.
            """,
        properties: [:]
    ) { _, call in
        try ToolAnswer(json: try LearnRenderer.render(.stats, try await open(call).stats(), as: .json, at: call.environment.now()) { "" })
    }

    private static func open(_ call: ToolCall) throws -> LearnJob {
        try LearnJob(store: call.settings.store, cluster: call.settings.cluster, environment: call.environment, logLevel: call.logLevel)
    }
}

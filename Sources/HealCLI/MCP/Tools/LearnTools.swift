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
    ) { _, settings in
        ["learn", "list", "-o", "json"] + settings.store + settings.cluster
    }

    static let stats = ToolDefinition(
        name: "learn_stats", title: "Healing statistics",
        description: """
            Incidents handled, fixed and unresolved, attempt outcomes, mean time to detect and to repair, and LLM calls \
            avoided by learned fixes. The same document as `kubectl heal learn stats -o json`. Read-only.
            """,
        properties: [:]
    ) { _, settings in
        ["learn", "stats", "-o", "json"] + settings.store + settings.cluster
    }
}

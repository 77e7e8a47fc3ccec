/// Every tool the server knows, and which of them a given server offers.
enum ToolCatalog {
    static let all: [ToolDefinition] = DiagnoseTools.all + TimelineTools.all + FailoverTools.all + SizingTools.all + HistoryTools.all + LearnTools.all

    /// What `tools/list` shows: mutating tools only with `--allow-mutations`, explain_finding
    /// only with an LLM.
    static func offered(_ settings: MCPServerSettings) -> [ToolDefinition] {
        all.filter { definition in
            (!definition.mutating || settings.allowMutations) && (definition.tool.name != "explain_finding" || settings.llm != nil)
        }
    }
}

import MCP

/// One MCP tool: what `tools/list` shows, whether it changes the cluster, and the use case a
/// call runs, whose document is the one the CLI prints with `-o json`.
struct ToolDefinition: Sendable {
    var tool: Tool
    var mutating: Bool
    /// Builds the use case's request from the arguments and runs it; throws a tool error for
    /// arguments it cannot accept, and the use case's own errors.
    var run: @Sendable (ToolArguments, ToolCall) async throws -> ToolAnswer

    init(
        name: String, title: String, description: String, properties: [String: Value], required: [String] = [], mutating: Bool = false,
        run: @escaping @Sendable (ToolArguments, ToolCall) async throws -> ToolAnswer
    ) {
        tool = Tool(
            name: name, title: title, description: description,
            inputSchema: .object([
                "type": "object", "properties": .object(properties), "required": .array(required.map(Value.string)),
                "additionalProperties": false,
            ]),
            annotations: Tool.Annotations(
                title: title, readOnlyHint: !mutating, destructiveHint: mutating ? true : nil, idempotentHint: mutating ? false : nil,
                openWorldHint: false))
        self.mutating = mutating
        self.run = run
    }
}

/// JSON Schema fragments for tool inputs.
enum Schema {
    static func string(_ description: String) -> Value {
        .object(["type": "string", "description": .string(description)])
    }

    static func choice(_ description: String, _ values: [String]) -> Value {
        .object(["type": "string", "description": .string(description), "enum": .array(values.map(Value.string))])
    }

    static func boolean(_ description: String) -> Value {
        .object(["type": "boolean", "description": .string(description)])
    }

    static func integer(_ description: String, minimum: Int) -> Value {
        .object(["type": "integer", "description": .string(description), "minimum": .int(minimum)])
    }

    static func number(_ description: String) -> Value {
        .object(["type": "number", "description": .string(description)])
    }

    static func strings(_ description: String) -> Value {
        .object(["type": "array", "items": .object(["type": "string"]), "description": .string(description)])
    }

    static let namespace = string("The namespace (default: the server's -n, or its only allowed namespace). Must be one the server may use.")
    static let allNamespaces = boolean("Every namespace (only when the server was started without a namespace restriction).")
}

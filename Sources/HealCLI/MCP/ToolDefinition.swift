import MCP

/// One MCP tool: what `tools/list` shows, whether it changes the cluster, and the `kubectl heal`
/// command line a call runs in-process, so its document is exactly the CLI's `-o json`.
struct ToolDefinition: Sendable {
    enum Output: Sendable {
        /// One JSON document on stdout.
        case document
        /// JSON Lines (`diagnose --fix -o json`), returned as one `HealEventList` document.
        case eventStream
    }

    var tool: Tool
    var mutating: Bool
    var output: Output
    /// The command line for a call; throws a tool error for arguments it cannot accept.
    var commandLine: @Sendable (ToolArguments, MCPServerSettings) throws(PresentedError) -> [String]

    init(
        name: String, title: String, description: String, properties: [String: Value], required: [String] = [], mutating: Bool = false,
        output: Output = .document, commandLine: @escaping @Sendable (ToolArguments, MCPServerSettings) throws(PresentedError) -> [String]
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
        self.output = output
        self.commandLine = commandLine
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

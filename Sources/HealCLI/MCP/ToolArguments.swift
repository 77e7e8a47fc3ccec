import HealApp
import MCP

/// A tool call's arguments, read strictly: an unknown key or a value of the wrong type is a
/// tool error naming the key, so a model's typo never silently changes what runs.
struct ToolArguments: Sendable {
    let tool: String
    private let values: [String: Value]

    init(tool: String, values: [String: Value]?, schema: Value) throws(PresentedError) {
        self.tool = tool
        self.values = values ?? [:]
        let known = Set(schema.objectValue?["properties"]?.objectValue?.keys.map { $0 } ?? [])
        if let unknown = self.values.keys.sorted().first(where: { !known.contains($0) }) {
            throw PresentedError(
                message: "\(tool) has no argument \"\(unknown)\"", hint: "its arguments are \(known.sorted().joined(separator: ", "))",
                exitCode: ExitStatus.usage)
        }
        for required in schema.objectValue?["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where self.values[required] == nil {
            throw PresentedError(message: "\(tool) needs \"\(required)\"", hint: "add it to the call's arguments", exitCode: ExitStatus.usage)
        }
    }

    func string(_ key: String) throws(PresentedError) -> String? {
        guard let value = values[key], !value.isNull else { return nil }
        guard let text = value.stringValue, !text.isEmpty else { throw wrongType(key, "a non-empty string") }
        try Self.checkNotAFlag(text, key: key, tool: tool)
        return text
    }

    func bool(_ key: String) throws(PresentedError) -> Bool {
        guard let value = values[key], !value.isNull else { return false }
        guard let flag = value.boolValue else { throw wrongType(key, "true or false") }
        return flag
    }

    func integer(_ key: String) throws(PresentedError) -> Int? {
        guard let value = values[key], !value.isNull else { return nil }
        if let number = value.intValue { return number }
        if let number = value.doubleValue, number.rounded() == number { return Int(number) }
        throw wrongType(key, "a whole number")
    }

    func number(_ key: String) throws(PresentedError) -> Double? {
        guard let value = values[key], !value.isNull else { return nil }
        if let number = value.doubleValue { return number }
        if let number = value.intValue { return Double(number) }
        throw wrongType(key, "a number")
    }

    func strings(_ key: String) throws(PresentedError) -> [String] {
        guard let value = values[key], !value.isNull else { return [] }
        guard let items = value.arrayValue?.compactMap(\.stringValue), items.count == value.arrayValue?.count else {
            throw wrongType(key, "an array of strings")
        }
        for item in items { try Self.checkNotAFlag(item, key: key, tool: tool) }
        return items
    }

    /// A string argument read by one of HealApp's parsers; its complaint is a tool error naming
    /// the key.
    func parsed<Parsed>(_ key: String, _ parse: (String) throws(InvalidInput) -> Parsed) throws(PresentedError) -> Parsed? {
        guard let text = try string(key) else { return nil }
        return try parsing(key) { () throws(InvalidInput) in try parse(text) }
    }

    /// A value HealApp's parsers or checks refuse, as a tool error naming the key.
    func parsing<Parsed>(_ key: String, _ parse: () throws(InvalidInput) -> Parsed) throws(PresentedError) -> Parsed {
        do {
            return try parse()
        } catch {
            throw PresentedError(message: "\(tool): \"\(key)\": \(error.message)", hint: "see the tool's inputSchema in tools/list", exitCode: ExitStatus.usage)
        }
    }

    /// Where the call works, from "namespace" (and "all_namespaces" where the tool has it),
    /// within the server's scope.
    func namespace(in scope: NamespaceScope, mutating: Bool = false) throws(PresentedError) -> NamespaceScope.Choice {
        try scope.choose(tool: tool, namespace: try string("namespace"), allNamespaces: try bool("all_namespaces"), mutating: mutating)
    }

    /// Values are names, never flags: one starting with "-" is refused as it always was, so a
    /// model cannot pass what looks like `--as` or `--kubeconfig`.
    private static func checkNotAFlag(_ text: String, key: String, tool: String) throws(PresentedError) {
        guard text.hasPrefix("-") else { return }
        throw PresentedError(
            message: "\(tool): \"\(key)\" may not start with \"-\"", hint: "give the name or value itself", exitCode: ExitStatus.usage)
    }

    private func wrongType(_ key: String, _ expected: String) -> PresentedError {
        PresentedError(message: "\(tool): \"\(key)\" must be \(expected)", hint: "see the tool's inputSchema in tools/list", exitCode: ExitStatus.usage)
    }
}

import HealApp
import MCP

/// A tool call's arguments, read strictly: an unknown key, a value of the wrong type, outside
/// the schema's `enum` or below its `minimum` is a tool error naming the key, so a model's typo
/// never silently changes what runs.
struct ToolArguments: Sendable {
    let tool: String
    private let values: [String: Value]
    private let properties: [String: Value]

    init(tool: String, values: [String: Value]?, schema: Value) throws(PresentedError) {
        self.tool = tool
        self.values = values ?? [:]
        properties = schema.objectValue?["properties"]?.objectValue ?? [:]
        let known = Set(properties.keys)
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
        try checkNotAFlag(text, key: key)
        if let allowed = properties[key]?.objectValue?["enum"]?.arrayValue?.compactMap(\.stringValue), !allowed.contains(text) {
            throw misuse("\"\(key)\" must be one of \(allowed.joined(separator: ", "))")
        }
        return text
    }

    func bool(_ key: String) throws(PresentedError) -> Bool {
        guard let value = values[key], !value.isNull else { return false }
        guard let flag = value.boolValue else { throw wrongType(key, "true or false") }
        return flag
    }

    func integer(_ key: String) throws(PresentedError) -> Int? {
        guard let value = values[key], !value.isNull else { return nil }
        let whole: Int
        if let number = value.intValue {
            whole = number
        } else if let number = value.doubleValue, number.rounded() == number {
            whole = Int(number)
        } else {
            throw wrongType(key, "a whole number")
        }
        if let minimum = properties[key]?.objectValue?["minimum"]?.intValue, whole < minimum {
            throw misuse("\"\(key)\" must be at least \(minimum)")
        }
        return whole
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
        for item in items { try checkNotAFlag(item, key: key) }
        return items
    }

    /// A string argument read by one of HealApp's parsers; its complaint is a tool error naming
    /// the key.
    func parsed<Parsed>(_ key: String, _ parse: (String) throws(InvalidInput) -> Parsed) throws(PresentedError) -> Parsed? {
        guard let text = try string(key) else { return nil }
        return try parsing(key) { () throws(InvalidInput) in try parse(text) }
    }

    /// A number argument checked by one of HealApp's checks; its complaint is a tool error
    /// naming the key.
    func number(_ key: String, _ check: (Double) throws(InvalidInput) -> Double) throws(PresentedError) -> Double? {
        guard let value = try number(key) else { return nil }
        return try parsing(key) { () throws(InvalidInput) in try check(value) }
    }

    /// A value HealApp's parsers or checks refuse, as a tool error naming the key.
    func parsing<Parsed>(_ key: String, _ parse: () throws(InvalidInput) -> Parsed) throws(PresentedError) -> Parsed {
        do {
            return try parse()
        } catch {
            throw misuse("\"\(key)\": \(error.message)")
        }
    }

    /// Where the call works, from "namespace" (and "all_namespaces" where the tool has it),
    /// within the server's scope.
    func namespace(in scope: NamespaceScope, mutating: Bool = false) throws(PresentedError) -> NamespaceScope.Choice {
        try scope.choose(tool: tool, namespace: try string("namespace"), allNamespaces: try bool("all_namespaces"), mutating: mutating)
    }

    /// An argument this call cannot take, as a tool error.
    func misuse(_ message: String) -> PresentedError {
        PresentedError(message: "\(tool): \(message)", hint: "see the tool's inputSchema in tools/list", exitCode: ExitStatus.usage)
    }

    /// No name or value an argument takes starts with "-"; one that does is an option typed
    /// where a value belongs (`--as=…`), refused rather than taken as a name.
    private func checkNotAFlag(_ text: String, key: String) throws(PresentedError) {
        guard text.hasPrefix("-") else { return }
        throw PresentedError(
            message: "\(tool): \"\(key)\" may not start with \"-\"", hint: "give the name or value itself", exitCode: ExitStatus.usage)
    }

    private func wrongType(_ key: String, _ expected: String) -> PresentedError {
        misuse("\"\(key)\" must be \(expected)")
    }
}

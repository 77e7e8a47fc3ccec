import Foundation
import HealApp
import HealKube
import MCP

/// Runs a tool's command line in-process, exactly as the CLI would, with its output captured,
/// and turns the outcome into a tool result: the command's JSON document as structured
/// content (and as text), or its error — the same message and hint the CLI prints — as a tool
/// error.
struct ToolRunner: Sendable {
    /// The server's environment: variables, home and clock; output is replaced per call.
    let environment: AppEnvironment

    func run(_ commandLine: [String], output: ToolDefinition.Output, progress: (@Sendable (CollectionProgress) -> Void)?) async -> CallTool.Result {
        let stdout = BufferSink()
        let stderr = BufferSink()
        var callEnvironment = environment
        callEnvironment.standardOutput = stdout
        callEnvironment.standardError = stderr
        callEnvironment.standardOutputIsTerminal = false
        callEnvironment.standardErrorIsTerminal = false
        callEnvironment.askUser = nil
        callEnvironment.collectionProgress = progress
        callEnvironment.stopRequested = AppEnvironment.noSignal
        let code = await HealCommandLine.run(commandLine, environment: callEnvironment)
        let messages = stderr.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let document = Self.document(stdout.text, output: output) else {
            let text = messages.isEmpty ? "error: kubectl heal \(commandLine.prefix(2).joined(separator: " ")) exited \(code) without output\nhint: re-run it from a shell with -v" : messages
            return CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)], isError: true)
        }
        var content: [Tool.Content] = [.text(text: stdout.text, annotations: nil, _meta: nil)]
        // Warnings (a kind that could not be read), or why a change did not verify.
        if !messages.isEmpty { content.append(.text(text: messages, annotations: nil, _meta: nil)) }
        return CallTool.Result(content: content, structuredContent: document as Value?, isError: code != ExitStatus.success)
    }

    /// The document on stdout; JSON Lines become one `HealEventList` with the summary apart.
    static func document(_ text: String, output: ToolDefinition.Output) -> Value? {
        switch output {
        case .document:
            return decode(text)
        case .eventStream:
            let lines = text.split(separator: "\n").compactMap { decode(String($0)) }
            guard let summary = lines.last, summary.objectValue?["kind"] == "HealSummary" else { return nil }
            return .object([
                "apiVersion": "heal.kubectl.io/v1alpha1", "kind": "HealEventList",
                "items": .array(Array(lines.dropLast())), "summary": summary,
            ])
        }
    }

    private static func decode(_ text: String) -> Value? {
        guard let value = try? JSONDecoder().decode(Value.self, from: Data(text.utf8)), value.objectValue != nil else { return nil }
        return value
    }
}

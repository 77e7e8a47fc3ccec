import Foundation
import HealApp
import HealKube
import MCP

/// Runs a tool's use case in-process with its own stderr and turns the outcome into a tool
/// result: the document as structured content (and as text), or its error (the same message and
/// hint the CLI prints) as a tool error.
struct ToolRunner: Sendable {
    /// The server's environment: variables, home and clock; stderr and signals are per call.
    let environment: AppEnvironment
    let settings: MCPServerSettings

    func run(_ definition: ToolDefinition, arguments: ToolArguments, progress: (@Sendable (CollectionProgress) -> Void)?) async -> CallTool.Result {
        let stderr = BufferSink()
        var callEnvironment = environment
        // Nothing a use case writes may reach the protocol stream on the server's stdout.
        callEnvironment.standardOutput = BufferSink()
        callEnvironment.standardError = stderr
        callEnvironment.standardOutputIsTerminal = false
        callEnvironment.standardErrorIsTerminal = false
        callEnvironment.askUser = nil
        callEnvironment.collectionProgress = progress
        callEnvironment.stopRequested = AppEnvironment.noSignal
        let answer: ToolAnswer
        do {
            answer = try await definition.run(arguments, ToolCall(settings: settings, environment: callEnvironment))
        } catch {
            let text = stderr.text + ErrorPresenter.present(error).text
            return CallTool.Result(content: [.text(text: text.trimmingCharacters(in: .whitespacesAndNewlines), annotations: nil, _meta: nil)], isError: true)
        }
        var content: [Tool.Content] = [.text(text: answer.text, annotations: nil, _meta: nil)]
        // Warnings (a kind that could not be read), or why a change did not verify.
        let messages = stderr.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !messages.isEmpty { content.append(.text(text: messages, annotations: nil, _meta: nil)) }
        return CallTool.Result(content: content, structuredContent: answer.document as Value?, isError: answer.exitCode != ExitStatus.success)
    }
}

import Foundation
@testable import HealApp
import HealCLI
import MCP
import Synchronization
import SystemPackage

/// `kubectl heal mcp` running in-process on two pipes, and the MCP SDK's own client talking to
/// it over them — the way an agent platform runs the plugin as a subprocess.
final class MCPSession: Sendable {
    let client = Client(name: "kubectl-heal-tests", version: "1")
    let stderr = BufferSink()
    /// Progress notifications received, in order.
    let progress = Mutex<[ProgressNotification.Parameters]>([])
    private let server: Task<Int32, Never>
    private let terminate = AsyncStream<Void>.makeStream()
    /// The client's ends: it writes requests to `toServer` and reads from `fromServer`.
    private let toServer: FileDescriptor
    private let fromServer: FileDescriptor
    private let serverEnds: (input: FileDescriptor, output: FileDescriptor)

    /// Starts the server with `arguments` (after `mcp`) and connects the client; the
    /// `variables` are the server's environment.
    init(_ arguments: [String], variables: [String: String] = [:], now: @escaping @Sendable () -> Date = { CLIRunner.fixedNow }) async throws {
        let requests = try FileDescriptor.pipe()
        let responses = try FileDescriptor.pipe()
        toServer = requests.writeEnd
        fromServer = responses.readEnd
        serverEnds = (requests.readEnd, responses.writeEnd)
        var environment = AppEnvironment(
            variables: variables, homeDirectory: "/nonexistent-home", standardOutput: BufferSink(), standardError: stderr,
            now: now)
        environment.protocolChannel = (requests.readEnd.rawValue, responses.writeEnd.rawValue)
        let stop = terminate.stream
        environment.stopRequested = { for await _ in stop { return } }
        let finalEnvironment = environment
        server = Task { await HealCommandLine.run(["mcp"] + arguments, environment: finalEnvironment) }
        await client.onNotification(ProgressNotification.self) { [weak self] message in
            self?.progress.withLock { $0.append(message.params) }
        }
        try await client.connect(transport: StdioTransport(input: responses.readEnd, output: requests.writeEnd))
    }

    func tools() async throws -> [Tool] {
        try await client.listTools().tools
    }

    func call(_ name: String, _ arguments: [String: Value] = [:], progressToken: ProgressToken? = nil) async throws -> CallTool.Result {
        try await client.send(CallTool.request(.init(name: name, arguments: arguments, meta: progressToken.map { Metadata(progressToken: $0) }))).value
    }

    /// Closes the client's end of stdin (EOF, as when an agent exits) and returns the server's
    /// exit code.
    func closeInput() async -> Int32 {
        await client.disconnect()
        try? toServer.close()
        return await finish()
    }

    /// Ends the server as SIGTERM does, and returns its exit code.
    func terminateServer() async -> Int32 {
        terminate.continuation.yield()
        let code = await finish()
        await client.disconnect()
        try? toServer.close()
        return code
    }

    private func finish() async -> Int32 {
        let code = await server.value
        try? serverEnds.output.close()
        try? serverEnds.input.close()
        try? fromServer.close()
        return code
    }
}

extension CallTool.Result {
    /// The text blocks, joined: the JSON document and any messages, or the error.
    var text: String {
        content.compactMap { block in
            if case .text(let text, _, _) = block { return text }
            return nil
        }.joined(separator: "\n")
    }
}

extension Value {
    /// The CLI's JSON output as a Value, to compare with a tool's structured content.
    static func parsing(_ json: String) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(json.utf8))
    }

    /// Without the figures a live diagnosis takes from the API server's clock (its Date
    /// header), which moves between two runs.
    var withoutServerClock: Value {
        switch self {
        case .object(let fields):
            .object(fields.filter { !["durationSeconds", "referenceTime"].contains($0.key) }.mapValues(\.withoutServerClock))
        case .array(let items):
            .array(items.map(\.withoutServerClock))
        default:
            self
        }
    }

    subscript(_ key: String) -> Value? {
        objectValue?[key]
    }
}

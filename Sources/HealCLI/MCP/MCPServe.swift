import Foundation
import HealApp
import HealKube
import Logging
import MCP
import SystemPackage

/// The MCP server behind `kubectl heal mcp`: tools over stdio until the client closes the
/// stream (EOF: the calls already received are answered) or the process gets SIGTERM/SIGINT
/// (read-only calls are cancelled, mutating ones finish); then it exits cleanly.
struct MCPServe {
    let settings: MCPServerSettings
    let environment: AppEnvironment
    let logger: Logger

    func run() async throws {
        let offered = ToolCatalog.offered(settings)
        let server = Server(
            name: "kubectl-heal", version: HealVersion.current, title: "kubectl-heal",
            instructions: """
                Deterministic Kubernetes diagnosis with evidence: start with diagnose for a namespace, then \
                failover_status, recommend_limits or cost as needed. Every result is the CLI's JSON document. \
                \(settings.allowMutations ? "Mutating tools dry-run, verify and roll back; the server's policy decides what may run." : "This server is read-only.")
                """,
            capabilities: Server.Capabilities(tools: .init(listChanged: false)))
        let calls = InFlightCalls()
        // One client and one set of informers per cluster for the server's life: a diagnosis
        // after the first reads what the informers hold instead of listing it again.
        var callEnvironment = environment
        let liveClusters = LiveClusters(logger: logger)
        callEnvironment.liveClusters = liveClusters
        defer { liveClusters.stopAll() }
        let runner = ToolRunner(environment: callEnvironment, settings: settings)
        let settings = settings
        let logger = logger
        await server.withMethodHandler(ListTools.self) { _ in
            ListTools.Result(tools: offered.map(\.tool))
        }
        await server.withMethodHandler(CallTool.self) { [weak server] parameters in
            guard let server else { throw MCPError.internalError("the server stopped") }
            return try await Self.call(parameters, settings: settings, runner: runner, calls: calls, server: server, logger: logger)
        }
        let channel = environment.protocolChannel
        let transport = StdioTransport(input: FileDescriptor(rawValue: channel.input), output: FileDescriptor(rawValue: channel.output), logger: logger)
        try await server.start(transport: transport)
        logger.info("serving \(offered.count) tools over stdio: \(offered.map(\.tool.name).joined(separator: ", "))")
        let signalled = await firstOf({ await server.waitUntilCompleted() }, { await environment.stopRequested() })
        let running = calls.count
        if running > 0 {
            logger.info("stopping: \(signalled ? "cancelling read-only calls and " : "")waiting for \(running) call(s) to finish")
        }
        await calls.drain(cancellingReadOnly: signalled)
        await server.stop()
        logger.info("stopped")
    }

    private static func call(
        _ parameters: CallTool.Parameters, settings: MCPServerSettings, runner: ToolRunner, calls: InFlightCalls, server: Server, logger: Logger
    ) async throws -> CallTool.Result {
        guard let definition = ToolCatalog.all.first(where: { $0.tool.name == parameters.name }) else {
            throw MCPError.invalidParams("unknown tool \(parameters.name); tools/list shows the tools this server offers")
        }
        let arguments: ToolArguments
        do throws(PresentedError) {
            if definition.mutating && !settings.allowMutations { throw MCPServerSettings.mutationsRefused(definition.tool.name) }
            arguments = try ToolArguments(tool: definition.tool.name, values: parameters.arguments, schema: definition.tool.inputSchema)
        } catch {
            logger.notice("\(definition.tool.name) refused: \(error.message)")
            return CallTool.Result(content: [.text(text: error.text, annotations: nil, _meta: nil)], isError: true)
        }
        logger.info("\(definition.tool.name) …")
        let relay = parameters._meta?.progressToken.map { ProgressRelay(token: $0, server: server) }
        var progress: (@Sendable (CollectionProgress) -> Void)?
        if let relay { progress = { relay.report($0) } }
        do {
            return try await calls.run(mutating: definition.mutating) { [progress] in
                let result = await runner.run(definition, arguments: arguments, progress: progress)
                await relay?.finish()
                if result.isError == true { logger.notice("\(definition.tool.name): \(Self.failure(result))") }
                return result
            }
        } catch {
            logger.info("\(definition.tool.name): cancelled")
            throw error
        }
    }

    /// The error line of a failed call, for the server's log; a change that did not hold returns
    /// its document instead.
    private static func failure(_ result: CallTool.Result) -> String {
        let lines = result.content.flatMap { content -> [Substring] in
            guard case .text(let text, _, _) = content else { return [] }
            return text.split(separator: "\n")
        }
        return lines.first { $0.hasPrefix("error: ") }.map(String.init) ?? "the change did not hold (see the result)"
    }

    /// Returns when the first of two waits returns: false for `endOfInput`, true for
    /// `signal`. The other is left to end on its own (a signal wait cannot be cancelled).
    private func firstOf(_ endOfInput: @escaping @Sendable () async -> Void, _ signal: @escaping @Sendable () async -> Void) async -> Bool {
        let (stream, continuation) = AsyncStream<Bool>.makeStream()
        let tasks = [Task { await endOfInput(); continuation.yield(false) }, Task { await signal(); continuation.yield(true) }]
        var signalled = false
        for await first in stream {
            signalled = first
            break
        }
        tasks.forEach { $0.cancel() }
        return signalled
    }
}

import Foundation
import MCP
import Synchronization

/// The tool calls running now, so a shutdown can cancel the read-only ones and wait for the
/// mutating ones: a change half made must still be verified, or rolled back.
final class InFlightCalls: Sendable {
    private struct Call {
        var task: Task<CallTool.Result, Never>
        var mutating: Bool
    }

    private let calls = Mutex<[UUID: Call]>([:])

    /// Runs `work` as its own task, so a cancelled request (`notifications/cancelled`) stops a
    /// read-only call at once and leaves a mutating one to finish what it started. Throws
    /// `CancellationError` for a cancelled request: MCP sends no response to it.
    func run(mutating: Bool, _ work: @escaping @Sendable () async -> CallTool.Result) async throws -> CallTool.Result {
        let id = UUID()
        let task = Task { await work() }
        calls.withLock { $0[id] = Call(task: task, mutating: mutating) }
        defer { _ = calls.withLock { $0.removeValue(forKey: id) } }
        let result = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            if !mutating { task.cancel() }
        }
        try Task.checkCancellation()
        return result
    }

    /// Waits until no call has run for two checks in a row (a request read just before EOF
    /// may not have reached its handler yet); with `cancellingReadOnly` (SIGTERM), read-only
    /// calls are cancelled first, and again as they arrive.
    func drain(cancellingReadOnly: Bool) async {
        var idleChecks = 0
        while idleChecks < 2 {
            let running = calls.withLock { Array($0.values) }
            if cancellingReadOnly {
                for call in running where !call.mutating { call.task.cancel() }
            }
            for call in running { _ = await call.task.value }
            idleChecks = running.isEmpty ? idleChecks + 1 : 0
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    var count: Int { calls.withLock { $0.count } }
}

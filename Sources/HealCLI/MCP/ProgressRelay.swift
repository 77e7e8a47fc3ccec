import HealApp
import HealKube
import MCP
import Synchronization

/// Turns a collection's progress into `notifications/progress` for the call that asked for it
/// (with a progress token), in order, only when the count of finished work grows.
final class ProgressRelay: Sendable {
    private let continuation: AsyncStream<ProgressNotification.Parameters>.Continuation
    private let sender: Task<Void, Never>
    private let lastProgress = Mutex(-1.0)
    private let token: ProgressToken

    init(token: ProgressToken, server: Server) {
        self.token = token
        let (stream, continuation) = AsyncStream<ProgressNotification.Parameters>.makeStream()
        self.continuation = continuation
        sender = Task {
            for await parameters in stream {
                try? await server.notify(ProgressNotification.message(parameters))
            }
        }
    }

    func report(_ state: CollectionProgress) {
        let done = Double(state.finishedKinds + state.logsFetched)
        let grew = lastProgress.withLock { last in
            guard done > last else { return false }
            last = done
            return true
        }
        guard grew else { return }
        continuation.yield(.init(progressToken: token, progress: done, total: Double(state.totalKinds + state.logsTotal), message: state.line))
    }

    /// Waits until every notification is sent, so none arrives after the call's result.
    func finish() async {
        continuation.finish()
        await sender.value
    }
}

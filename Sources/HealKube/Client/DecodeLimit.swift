import Foundation

/// How many list pages may be decoded at once in the whole process: one per core. Decoding
/// is CPU-bound, so more at once only adds JSONDecoder working sets to the peak memory.
actor DecodeLimit {
    static let shared = DecodeLimit(slots: max(1, ProcessInfo.processInfo.activeProcessorCount))

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(slots: Int) {
        free = slots
    }

    /// Runs `work` when a slot is free.
    nonisolated func run<Result: Sendable>(_ work: @Sendable () throws -> Result) async rethrows -> Result {
        await acquire()
        defer { Task { await self.release() } }
        return try work()
    }

    private func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

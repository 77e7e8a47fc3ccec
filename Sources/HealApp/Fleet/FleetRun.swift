import HealKube

/// One cluster's part of a run over several: its context and what the command made of it, or
/// the error that stopped it there.
package struct FleetMember<Report: Sendable>: Sendable {
    package var context: String
    package var result: Result<Report, any Error>
}

/// Any command over several clusters: each context worked on as on its own (its own
/// connection, credentials and namespace check), a few at a time, so one slow or unreachable
/// cluster holds up only its own slot. A cluster that fails is a result too, not the end of
/// the run.
package enum FleetRun {
    /// How many clusters are read at once.
    static let concurrency = 4

    /// One member per context, in the order of `contexts`; `body` gets `overrides` with the
    /// member's context set.
    package static func run<Report: Sendable>(
        contexts: [String], overrides: ConfigOverrides, _ body: @escaping @Sendable (ConfigOverrides) async throws -> Report
    ) async -> [FleetMember<Report>] {
        var members: [FleetMember<Report>] = []
        await withTaskGroup(of: FleetMember<Report>.self) { group in
            var next = contexts.makeIterator()
            func start() {
                guard let context = next.next() else { return }
                var overrides = overrides
                overrides.context = context
                group.addTask {
                    do {
                        return FleetMember(context: context, result: .success(try await body(overrides)))
                    } catch {
                        return FleetMember(context: context, result: .failure(error))
                    }
                }
            }
            for _ in 0..<concurrency { start() }
            for await member in group {
                members.append(member)
                start()
            }
        }
        return contexts.compactMap { context in members.first { $0.context == context } }
    }
}

import HealAnalysis
import HealKube
import Logging

/// `diagnose` over several clusters: each context diagnosed as on its own (its own connection,
/// credentials and namespace check), a few at a time, so one slow or unreachable cluster holds
/// up only its own slot. A cluster that fails is a result too, not the end of the run.
package struct FleetDiagnoseJob {
    /// How many clusters are read at once.
    static let concurrency = 4

    package struct Member: Sendable {
        package var context: String
        package var result: Result<DiagnosisReport, any Error>
    }

    let environment: AppEnvironment
    let logLevel: Logger.Level

    package init(environment: AppEnvironment, logLevel: Logger.Level) {
        self.environment = environment
        self.logLevel = logLevel
    }

    /// One member per context, in the order of `contexts`.
    package func run(_ request: DiagnoseRequest, overrides: ConfigOverrides, contexts: [String]) async -> [Member] {
        let job = DiagnoseJob(environment: environment, logLevel: logLevel)
        var members: [Member] = []
        await withTaskGroup(of: Member.self) { group in
            var next = contexts.makeIterator()
            func start() {
                guard let context = next.next() else { return }
                var request = request
                var overrides = overrides
                overrides.context = context
                request.source = .cluster(overrides)
                group.addTask {
                    do {
                        return Member(context: context, result: .success(try await job.run(request).report))
                    } catch {
                        return Member(context: context, result: .failure(error))
                    }
                }
            }
            for _ in 0..<Self.concurrency { start() }
            for await member in group {
                members.append(member)
                start()
            }
        }
        return contexts.compactMap { context in members.first { $0.context == context } }
    }
}

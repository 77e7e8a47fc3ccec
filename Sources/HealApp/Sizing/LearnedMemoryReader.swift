import Foundation
import HealKube
import HealStore
import Logging

/// Reads what healing learned about workloads' memory for `recommend-limits`. Reading never
/// creates a store: a SQLite file that does not exist yet means nothing learned. A store that
/// cannot be read is reported as a warning and the recommendations go on without it.
struct LearnedMemoryReader {
    let environment: AppEnvironment
    let logger: Logger

    /// Container → bytes for each of `workloads` that has learned values; nil when the store
    /// could not be read (the warning says why).
    func read(
        for workloads: [WorkloadKey], store: String?, cluster: ConfigOverrides, client: KubeClient?, logLevel: Logger.Level
    ) async -> [WorkloadKey: [String: Double]]? {
        do {
            let location = try environment.storeLocation(store)
            if case .file(let path) = location, !FileManager.default.fileExists(atPath: path) { return [:] }
            if case .configMap = location, client == nil { return [:] }
            let store = try FixStoreFactory.open(store, cluster: cluster, environment: environment, logLevel: logLevel, client: client)
            let patterns = try await store.patterns().filter { $0.action == LearnedMemory.action }
            var values: [WorkloadKey: [String: Double]] = [:]
            for workload in workloads {
                let learned = LearnedMemory.bytes(in: patterns, for: workload)
                if !learned.isEmpty { values[workload] = learned }
            }
            return values
        } catch {
            logger.warning("learned memory values are not shown: \(environment.describeError(error))")
            return nil
        }
    }
}

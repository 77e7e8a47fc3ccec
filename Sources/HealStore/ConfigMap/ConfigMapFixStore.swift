import Foundation
import HealKube

/// The memory kept in one ConfigMap, so several SREs, CI runners and in-cluster watchers
/// share it. The whole memory is the `LearnedMemory` document (compact JSON) in the data key
/// `memory.json`. Every write reads the ConfigMap, applies the change to that fresh copy and
/// writes it back with the resourceVersion it read; when someone else wrote in between (409
/// Conflict, or 409 AlreadyExists when both created it) it reads again and re-applies the
/// change, up to `maxAttempts` times with a short jittered backoff, then gives up with
/// `StoreError.conflict`. No update is lost: a write lands on the copy it was computed from.
///
/// Size: a ConfigMap holds at most 1 MiB. Before each write the oldest attempts are dropped
/// (counted into their patterns' pruned counters, as `prune` does) until the document fits
/// `byteLimit`; patterns and their counts are always kept.
package struct ConfigMapFixStore: FixStore {
    package static let dataKey = "memory.json"
    /// 1 MiB less room for the object's metadata.
    package static let defaultByteLimit = 1_048_576 - 24_576

    package let namespace: String
    package let name: String
    private let client: KubeClient
    private let maxAttempts: Int
    private let byteLimit: Int
    private let now: @Sendable () -> Date

    package init(
        client: KubeClient, namespace: String, name: String, maxAttempts: Int = 10, byteLimit: Int = Self.defaultByteLimit,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.client = client
        self.namespace = namespace
        self.name = name
        self.maxAttempts = max(1, maxAttempts)
        self.byteLimit = byteLimit
        self.now = now
    }

    package var location: String { StoreLocation.configMap(namespace: namespace, name: name).description }

    // MARK: Reading

    package func patterns() async throws(StoreError) -> [LearnedPattern] { try await fetch().state.patterns() }
    package func pattern(id: String) async throws(StoreError) -> LearnedPattern? { try await fetch().state.pattern(id: id) }
    package func patterns(fingerprint: String) async throws(StoreError) -> [LearnedPattern] {
        try await fetch().state.patterns(fingerprint: fingerprint)
    }
    package func attempts(patternID: String?) async throws(StoreError) -> [AttemptRecord] {
        try await fetch().state.attempts(patternID: patternID)
    }
    package func attempts(finishedSince date: Date) async throws(StoreError) -> [AttemptRecord] {
        try await fetch().state.attempts(finishedSince: date)
    }
    package func attempts(fingerprint: String, workload: WorkloadKey) async throws(StoreError) -> [AttemptRecord] {
        try await fetch().state.attempts(fingerprint: fingerprint, workload: workload)
    }
    package func export() async throws(StoreError) -> MemoryDocument { try await fetch().state.document(exportedAt: now()) }

    // MARK: Writing

    @discardableResult
    package func record(_ attempt: AttemptRecord, pattern draft: PatternDraft) async throws(StoreError) -> LearnedPattern {
        try await update { $0.record(attempt, pattern: draft) }
    }

    package func forget(patternID: String) async throws(StoreError) -> Bool { try await update { $0.forget(patternID: patternID) } }
    package func reset() async throws(StoreError) -> StoreCounts { try await update { $0.reset() } }
    package func prune(before date: Date) async throws(StoreError) -> StoreCounts { try await update { $0.prune(before: date) } }

    package func importing(_ document: MemoryDocument) async throws(StoreError) -> ImportCounts {
        let incoming = try MemoryState.checked(document)
        return try await update { $0.importing(incoming) }
    }

    // MARK: Read-modify-write

    /// The ConfigMap as read (kept whole, so a PUT returns every field it had; nil when there
    /// is none yet) and the memory it holds.
    private struct Snapshot: @unchecked Sendable {
        var object: [String: Any]?
        var state: MemoryState
    }

    private func fetch() async throws(StoreError) -> Snapshot {
        let data: Data
        do {
            data = try await client.object(.configMaps, namespace: namespace, name: name)
        } catch where error.httpStatus == 404 {
            return Snapshot(object: nil, state: MemoryState())
        } catch {
            throw clusterError(error)
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw StoreError.corrupt(location: location, reason: "the API server returned something that is not JSON: \(error.localizedDescription)")
        }
        guard let object = parsed as? [String: Any] else {
            throw StoreError.corrupt(location: location, reason: "the API server returned something that is not a ConfigMap")
        }
        let entries = object["data"] as? [String: Any] ?? [:]
        guard let text = entries[Self.dataKey] as? String else {
            if entries.isEmpty { return Snapshot(object: object, state: MemoryState()) }
            throw StoreError.corrupt(location: location, reason: "the ConfigMap holds other keys and no \(Self.dataKey); it is not a kubectl-heal memory")
        }
        do {
            let document = try MemoryCoding.decoder().decode(MemoryDocument.self, from: Data(text.utf8))
            return Snapshot(object: object, state: try MemoryState(document))
        } catch let error as InvalidMemory {
            throw StoreError.corrupt(location: location, reason: "\(Self.dataKey): \(error.reason)")
        } catch {
            throw StoreError.corrupt(location: location, reason: "\(Self.dataKey): \(MemoryCoding.describe(error))")
        }
    }

    private func update<Value: Sendable>(_ change: (inout MemoryState) -> Value) async throws(StoreError) -> Value {
        for attempt in 1...maxAttempts {
            let snapshot = try await fetch()
            var state = snapshot.state
            let result = change(&state)
            let exportedAt = now()
            let location = location
            let encoded = try state.trim(toFit: byteLimit, location: location) { state throws(StoreError) in
                do {
                    return try MemoryCoding.encoder(pretty: false).encode(state.document(exportedAt: exportedAt))
                } catch {
                    throw StoreError.corrupt(location: location, reason: "cannot encode the memory: \(error)")
                }
            }
            let body = try body(String(decoding: encoded, as: UTF8.self), over: snapshot.object)
            do {
                if snapshot.object == nil {
                    _ = try await client.create(.configMaps, namespace: namespace, body: body)
                } else {
                    _ = try await client.replace(.configMaps, namespace: namespace, name: name, body: body)
                }
                return result
            } catch where error.httpStatus == 409 {
                // Someone else wrote (or created it) since the read: read again, apply again.
                if attempt < maxAttempts { try await pause(before: attempt + 1) }
            } catch where error.httpStatus == 404 && snapshot.object != nil {
                // Deleted since the read: the next round creates it.
                continue
            } catch {
                throw clusterError(error)
            }
        }
        throw StoreError.conflict(location: location, attempts: maxAttempts)
    }

    /// The ConfigMap to send: the one read with the memory replaced (other fields and keys
    /// as they were), or a new one.
    private func body(_ memory: String, over existing: [String: Any]?) throws(StoreError) -> Data {
        var object: [String: Any] = existing ?? [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": name, "namespace": namespace, "labels": ["app.kubernetes.io/managed-by": "kubectl-heal"]],
        ]
        var entries = object["data"] as? [String: Any] ?? [:]
        entries[Self.dataKey] = memory
        object["data"] = entries
        do {
            return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        } catch {
            throw StoreError.corrupt(location: location, reason: "cannot re-encode the ConfigMap: \(error.localizedDescription)")
        }
    }

    /// 20 ms, 40 ms, 80 ms … capped at 640 ms, each between half and all of that, so racing
    /// writers spread out.
    private func pause(before attempt: Int) async throws(StoreError) {
        let ceiling = 20.0 * pow(2, Double(min(attempt - 2, 5)))
        do {
            try await Task.sleep(for: .milliseconds(Int(ceiling * Double.random(in: 0.5...1))))
        } catch {
            throw StoreError.conflict(location: location, attempts: attempt - 1)
        }
    }

    /// API failures keep the server's words; exit codes follow the presenter's table.
    private func clusterError(_ error: KubeError) -> StoreError {
        let exitCode: Int32 =
            switch error {
            case .credential: 77
            case .status(let code, _, _, _) where code == 401 || code == 403: 77
            case .status(let code, _, _, _) where code == 404: 78
            case .status(let code, _, _, _) where code == 429 || code >= 500: 75
            case .gaveUp: 75
            default: 69
            }
        return StoreError.cluster(location: location, message: error.description, exitCode: exitCode)
    }
}

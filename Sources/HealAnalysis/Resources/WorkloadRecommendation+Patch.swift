import Foundation

extension WorkloadRecommendation {
    /// A strategic-merge patch setting the recommended resources of every container that
    /// changes (containers merge by name; others are left alone). Nil when nothing changes.
    package var patch: Patch? {
        let entries = containers.filter(\.hasChanges).compactMap(\.patchEntry)
        guard !entries.isEmpty else { return nil }
        let podSpec: JSONValue = .object(["containers": .array(entries)])
        return Patch(target: ref, type: .strategic, body: .object(["spec": .object(["template": .object(["spec": podSpec])])]))
    }

    /// The patch body as compact JSON with sorted keys, for `-o patch` and `kubectl patch -p`.
    package var patchJSON: String? {
        get throws {
            guard let patch else { return nil }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(patch.body), as: UTF8.self)
        }
    }
}

extension ContainerRecommendation {
    /// `{"name": …, "resources": {…}}` with the recommended quantities. The only null is a CPU
    /// limit being removed: strategic merge deletes a key set to null, and leaves absent keys as they are.
    fileprivate var patchEntry: JSONValue? {
        guard let recommended else { return nil }
        var requests: [String: JSONValue] = [:]
        requests["cpu"] = Self.text(cores: recommended.requests.cpu).map(JSONValue.string)
        requests["memory"] = Self.text(bytes: recommended.requests.memory).map(JSONValue.string)
        var limits: [String: JSONValue] = [:]
        limits["memory"] = Self.text(bytes: recommended.limits.memory).map(JSONValue.string)
        if let cpu = Self.text(cores: recommended.limits.cpu) {
            limits["cpu"] = .string(cpu)
        } else if current.limits.cpu != nil {
            limits["cpu"] = JSONValue.null
        }
        var resources: [String: JSONValue] = [:]
        if !requests.isEmpty { resources["requests"] = .object(requests) }
        if !limits.isEmpty { resources["limits"] = .object(limits) }
        return .object(["name": .string(name), "resources": .object(resources)])
    }
}

/// The two patch formats the fake accepts: JSON merge patch (RFC 7386) and Kubernetes'
/// strategic merge patch, which differs in merging some lists by a key instead of replacing
/// them (`$patch`/`$retainKeys` directives are not supported).
enum JSONMergePatch {
    enum Strategy {
        case merge
        case strategic
    }

    /// Lists a strategic merge patch merges element by element, by field name, with the key
    /// that identifies an element (as the Kubernetes types declare `patchMergeKey`).
    private static let mergeKeys: [String: String] = [
        "containers": "name", "initContainers": "name", "ephemeralContainers": "name", "env": "name",
        "volumes": "name", "volumeMounts": "name", "imagePullSecrets": "name", "conditions": "type",
        "ownerReferences": "uid",
    ]

    static func apply(_ patch: JSONValue, to target: JSONValue, strategy: Strategy) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var result = isObject(target) ? target : JSONValue.object([])
        for member in patchMembers {
            if member.value == .null {
                result = result.setting(member.key, to: nil)
                continue
            }
            let current = result[member.key]
            let merged: JSONValue
            if strategy == .strategic, case .array(let patchItems) = member.value,
                case .array(let currentItems)? = current, let key = mergeKey(member.key, patchItems)
            {
                merged = .array(mergeList(currentItems, patchItems, key: key))
            } else if isObject(member.value) {
                merged = apply(member.value, to: current ?? .object([]), strategy: strategy)
            } else {
                merged = member.value
            }
            result = result.setting(member.key, to: merged)
        }
        return result
    }

    /// Container ports merge on `containerPort`, Service ports on `port`.
    private static func mergeKey(_ field: String, _ items: [JSONValue]) -> String? {
        guard field == "ports" else { return mergeKeys[field] }
        return items.allSatisfy { $0["containerPort"] != nil } ? "containerPort" : "port"
    }

    private static func mergeList(_ current: [JSONValue], _ patch: [JSONValue], key: String) -> [JSONValue] {
        var merged = current
        for item in patch {
            if let index = merged.firstIndex(where: { $0[key] != nil && $0[key] == item[key] }) {
                merged[index] = apply(item, to: merged[index], strategy: .strategic)
            } else {
                merged.append(apply(item, to: .object([]), strategy: .strategic))
            }
        }
        return merged
    }

    private static func isObject(_ value: JSONValue) -> Bool {
        if case .object = value { return true }
        return false
    }
}

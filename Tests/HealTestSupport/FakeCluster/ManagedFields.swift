/// kube-apiserver's `metadata.managedFields`, as far as clients read them: a write through the
/// API (its `fieldManager`) or a test-side helper naming its manager gets an `Update` entry for
/// that manager with the fields the write changed, in FieldsV1 form (`f:NAME` for members,
/// `k:{"name":"…"}` for named list items), merged with what the manager owned before and
/// time-stamped. A status write is an entry of its own (`subresource: status`). Server-side
/// apply's ownership rules are not modelled: nothing is ever taken from another manager.
enum ManagedFields {
    static func record(manager: String, subresource: String?, before: JSONValue?, after: JSONValue, time: String) -> JSONValue {
        let scope: [String] = subresource == "status" ? ["status"] : ["metadata", "spec", "data", "stringData", "type"]
        var changed: [JSONValue.Member] = []
        for field in scope {
            if let fields = difference(before?[field], after[field], topLevel: field) { changed.append(.init(key: "f:\(field)", value: fields)) }
        }
        guard !changed.isEmpty else { return after }
        var entries = after.value(at: ["metadata", "managedFields"])?.arrayValue ?? []
        let index = entries.firstIndex {
            $0["manager"]?.stringValue == manager && $0["operation"]?.stringValue == "Update" && $0["subresource"]?.stringValue == subresource
        }
        let owned = index.map { entries[$0]["fieldsV1"] ?? .object([]) } ?? .object([])
        var entry: JSONValue = [
            "manager": .string(manager), "operation": "Update",
            "apiVersion": after["apiVersion"] ?? "v1", "time": .string(time), "fieldsType": "FieldsV1",
            "fieldsV1": merged(owned, .object(changed)),
        ]
        if let subresource { entry = entry.setting("subresource", to: .string(subresource)) }
        if let index { entries[index] = entry } else { entries.append(entry) }
        return after.setting(path: ["metadata", "managedFields"], to: .array(entries))
    }

    /// The fields that differ, as a FieldsV1 tree; nil when nothing does. Bookkeeping the
    /// server writes itself (resourceVersion, generation, managedFields…) is nobody's change.
    private static func difference(_ old: JSONValue?, _ new: JSONValue?, topLevel: String? = nil) -> JSONValue? {
        if let old, let new, old.sameContent(as: new) { return nil }
        if old == nil && new == nil { return nil }
        guard case .object(let members)? = new else { return .object([]) }
        let oldMembers = old?.members ?? []
        let keys = members.map(\.key) + oldMembers.map(\.key).filter { key in !members.contains { $0.key == key } }
        var fields: [JSONValue.Member] = []
        for key in keys where !(topLevel == "metadata" && serverOwned.contains(key)) {
            let newValue = new?[key]
            let oldValue = old?[key]
            if case .array(let items)? = newValue, items.allSatisfy({ $0["name"]?.stringValue != nil }) {
                let named = items.compactMap { item -> JSONValue.Member? in
                    let name = item["name"]?.stringValue ?? ""
                    let previous = oldValue?.arrayValue?.first { $0["name"]?.stringValue == name }
                    return difference(previous, item).map { .init(key: #"k:{"name":"\#(name)"}"#, value: $0) }
                }
                if !named.isEmpty { fields.append(.init(key: "f:\(key)", value: .object(named))) }
            } else if let changed = difference(oldValue, newValue) {
                fields.append(.init(key: "f:\(key)", value: changed))
            }
        }
        return fields.isEmpty ? nil : .object(fields)
    }

    private static let serverOwned: Set<String> = [
        "resourceVersion", "generation", "managedFields", "uid", "creationTimestamp", "selfLink",
    ]

    private static func merged(_ old: JSONValue, _ new: JSONValue) -> JSONValue {
        guard case .object(var members) = old, case .object(let additions) = new else { return new }
        for addition in additions {
            if let index = members.firstIndex(where: { $0.key == addition.key }) {
                members[index].value = merged(members[index].value, addition.value)
            } else {
                members.append(addition)
            }
        }
        return .object(members)
    }
}

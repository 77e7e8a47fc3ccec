import HealAnalysis
import HealModel

/// The part of an object a strategic merge patch writes: the values at the patch's own paths,
/// lists of named items (containers, env) matched by `name` as the API server merges them.
/// Comparing the footprint before and after a 409 tells the controller's status writes (which
/// leave it alone) from someone else changing the same fields (which must not be overwritten).
package enum PatchFootprint {
    /// The object's values at every path the patch writes (`null` where the object has none).
    /// `metadata.resourceVersion`, the precondition, and `$`-directives are not fields.
    package static func values(of patch: JSONValue, in object: JSONValue) -> JSONValue {
        project(patch, object, top: true)
    }

    /// Whether every value the patch sets is what the object holds (the change is live).
    /// Quantities under `resources` compare by value: the server stores `1024Mi` as `1Gi`.
    package static func holds(_ patch: JSONValue, in object: JSONValue) -> Bool {
        same(values(of: patch, in: object), expected(patch, top: true), inResources: false)
    }

    private static func same(_ live: JSONValue, _ wanted: JSONValue, inResources: Bool) -> Bool {
        switch (live, wanted) {
        case (.object(let left), .object(let right)):
            return left.count == right.count && left.allSatisfy { key, value in
                right[key].map { same(value, $0, inResources: inResources || key == "resources") } ?? false
            }
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { same($0, $1, inResources: inResources) }
        case (.string(let left), .string(let right)) where inResources:
            guard left != right else { return true }
            guard let live = Quantity(left), let wanted = Quantity(right) else { return false }
            return live.value == wanted.value
        default:
            return live == wanted
        }
    }

    private static func project(_ patch: JSONValue, _ object: JSONValue, top: Bool = false) -> JSONValue {
        switch patch {
        case .object(let members):
            var projected: [String: JSONValue] = [:]
            for (key, value) in members where isField(key, top: top) {
                let current = object.member(key)
                if case .object = value {
                    projected[key] = project(value, current ?? .object([:]))
                } else if case .array(let items) = value, items.allSatisfy({ $0.member("name") != nil }) {
                    projected[key] = .array(items.map { item in
                        project(item, current.flatMap { named(item.member("name"), in: $0) } ?? .object([:]))
                    })
                } else {
                    projected[key] = current ?? .null
                }
            }
            return .object(projected)
        default:
            return object
        }
    }

    /// The footprint of an object the patch was applied to, as far as the patch alone says.
    private static func expected(_ patch: JSONValue, top: Bool) -> JSONValue {
        guard case .object(let members) = patch else { return patch }
        var result: [String: JSONValue] = [:]
        for (key, value) in members where isField(key, top: top) {
            if case .array(let items) = value, items.allSatisfy({ $0.member("name") != nil }) {
                result[key] = .array(items.map { expected($0, top: false) })
            } else {
                result[key] = expected(value, top: false)
            }
        }
        return .object(result)
    }

    private static func isField(_ key: String, top: Bool) -> Bool {
        !key.hasPrefix("$") && !(top && key == "metadata")
    }

    private static func named(_ name: JSONValue?, in list: JSONValue) -> JSONValue? {
        guard case .array(let items) = list else { return nil }
        return items.first { $0.member("name") == name }
    }
}

extension JSONValue {
    /// The member `key` of an object; nil for anything else or a missing key.
    func member(_ key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

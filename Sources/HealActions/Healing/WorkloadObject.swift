import Foundation
import HealAnalysis
import HealKube
import HealModel

/// A workload as the API server returned it: typed for reading (metadata, status, containers)
/// and kept whole as JSON for writing back, so a revert restores the template exactly,
/// including fields kubectl-heal's models do not know.
struct WorkloadObject: Sendable {
    let deployment: Deployment
    /// The whole object.
    let value: JSONValue

    init(data: Data, ref: ResourceRef) throws {
        deployment = try JSONDecoder().decode(Deployment.self, from: data)
        value = try JSONDecoder().decode(JSONValue.self, from: data)
        guard case .object = value else {
            throw HealError.unexpectedObject(ref, reason: "the API server did not return a JSON object")
        }
    }

    var metadata: ObjectMeta { deployment.metadata }
    var resourceVersion: String { metadata.resourceVersion ?? "" }
    var generation: Int { metadata.generation ?? 0 }

    /// `spec.template`, whole.
    var template: JSONValue { value.member("spec")?.member("template") ?? .object([:]) }

    /// Whether the pod template is `other`, as the API server would compare it.
    func hasTemplate(_ other: JSONValue) -> Bool { template.pruned == other.pruned }

    /// The same object with another `spec.template`, for a PUT whose resourceVersion is the
    /// precondition. Status is dropped: PUT on the main resource ignores it anyway.
    func replacingTemplate(with template: JSONValue) throws -> Data {
        guard case .object(var object) = value, case .object(var spec)? = object["spec"] else { return Data() }
        spec["template"] = template
        object["spec"] = .object(spec)
        object["status"] = nil
        return try JSONEncoder.sorted.encode(JSONValue.object(object))
    }

    /// Who last wrote the pod template, from `managedFields` (not kubectl-heal, not a status
    /// write): "kubectl-set (Update at 2026-12-06T19:11:03Z)", or nil when the object records none.
    var lastTemplateWriter: String? {
        guard case .array(let entries)? = value.member("metadata")?.member("managedFields") else { return nil }
        let writers = entries.filter { entry in
            entry.member("subresource") == nil && entry.member("manager") != .string(KubeClient.fieldManager)
                && entry.member("fieldsV1")?.member("f:spec")?.member("f:template") != nil
        }
        let latest = writers.max { ($0.member("time")?.text ?? "") < ($1.member("time")?.text ?? "") }
        guard let manager = latest?.member("manager")?.text else { return nil }
        let operation = latest?.member("operation")?.text ?? "write"
        return latest?.member("time")?.text.map { "\(manager) (\(operation) at \($0))" } ?? manager
    }

    /// The template as the audit record keeps it: literal environment values masked.
    static func recordable(_ template: JSONValue) -> String {
        EnvRedaction.redact(template).sortedText
    }
}

extension JSONValue {
    /// Compact JSON with sorted keys, as patches and prior states are printed and recorded.
    package var sortedText: String {
        (try? JSONEncoder.sorted.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A string's value; nil for anything else.
    var text: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

extension JSONEncoder {
    /// Sorted keys and unescaped slashes: what is printed and recorded reads the same every time.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

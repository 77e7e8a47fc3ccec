import Foundation
import HealAnalysis
import HealKube
import HealModel

/// A workload as the API server returned it: typed for reading (metadata, status, containers)
/// and kept whole as JSON for writing back, so a revert restores the template exactly,
/// including fields kubectl-heal's models do not know.
struct WorkloadObject: Sendable {
    let deployment: Deployment
    /// The object's JSON, as a JSONSerialization dictionary.
    nonisolated(unsafe) let json: [String: Any]

    init(data: Data, ref: ResourceRef) throws {
        deployment = try JSONDecoder().decode(Deployment.self, from: data)
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw HealError.unexpectedObject(ref, reason: "the API server did not return a JSON object")
        }
        self.json = json
    }

    var metadata: ObjectMeta { deployment.metadata }
    var resourceVersion: String { metadata.resourceVersion ?? "" }
    var generation: Int { metadata.generation ?? 0 }
    var revision: Int? { metadata.annotations["deployment.kubernetes.io/revision"].flatMap { Int($0) } }
    var containers: [Container] { deployment.spec.template?.spec.containers ?? [] }

    /// `spec.template`, whole.
    var template: [String: Any] {
        (json["spec"] as? [String: Any])?["template"] as? [String: Any] ?? [:]
    }

    /// The same object with another `spec.template`, for a PUT whose resourceVersion is the
    /// precondition. Status is dropped: PUT on the main resource ignores it anyway.
    func replacingTemplate(with template: [String: Any]) -> Data {
        var object = json
        var spec = object["spec"] as? [String: Any] ?? [:]
        spec["template"] = template
        object["spec"] = spec
        object["status"] = nil
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    /// The template as the audit record keeps it: literal environment values masked.
    static func recordable(_ template: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: template, options: [.sortedKeys]),
            let value = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return "{}" }
        return EnvRedaction.redact(value).sortedText
    }
}

extension JSONValue {
    /// Compact JSON with sorted keys, as patches and prior states are printed and recorded.
    package var sortedText: String {
        (try? JSONEncoder.sorted.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
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

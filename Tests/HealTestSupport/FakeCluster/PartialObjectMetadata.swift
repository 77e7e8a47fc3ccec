/// kube-apiserver's metadata-only answers: an Accept of
/// `application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1` turns a list into a
/// `PartialObjectMetadataList`, and `as=PartialObjectMetadata` turns each object of a watch
/// into a `PartialObjectMetadata`: kind, apiVersion and metadata, nothing of spec, status or a
/// Secret's data.
enum PartialObjectMetadata {
    static let apiVersion = "meta.k8s.io/v1"

    /// Whether the request's Accept asks for `as=<target>` in meta.k8s.io/v1.
    static func requested(_ target: String, by request: RecordedRequest) -> Bool {
        (request.header("Accept") ?? "").split(separator: ",").contains { mediaType in
            let parameters = Set(mediaType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
            return parameters.isSuperset(of: ["as=\(target)", "g=meta.k8s.io", "v=v1"])
        }
    }

    /// The media type an answer in that form is labelled with.
    static func contentType(_ target: String) -> String {
        "application/json;as=\(target);g=meta.k8s.io;v=v1"
    }

    /// A list as a `PartialObjectMetadataList` answer, when the request asked for one.
    static func listAnswer(_ list: JSONValue, to request: RecordedRequest) -> WireResponse? {
        guard requested("PartialObjectMetadataList", by: request) else { return nil }
        let answer: JSONValue = [
            "kind": "PartialObjectMetadataList", "apiVersion": .string(apiVersion),
            "metadata": list["metadata"] ?? .object([]), "items": .array((list["items"]?.arrayValue ?? []).map(stripped)),
        ]
        return WireResponse(status: 200, contentType: contentType("PartialObjectMetadataList"), body: answer.serialized)
    }

    static func stripped(_ object: JSONValue) -> JSONValue {
        [
            "kind": "PartialObjectMetadata", "apiVersion": .string(apiVersion),
            "metadata": object["metadata"] ?? .object([]),
        ]
    }
}

/// A parsed `fieldSelector` query parameter: `field=value`, `field==value` or `field!=value`,
/// joined by commas. As in kube-apiserver, only some fields are selectable (every kind has
/// `metadata.name` and `metadata.namespace`; events add the ones below) and any other field is
/// refused with "field label not supported".
struct FieldSelector: Sendable {
    private struct Requirement: Sendable {
        /// Where the field's value sits in the object.
        let path: [String]
        let value: String
        let negated: Bool
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    private static let metadataFields: [String: [String]] = [
        "metadata.name": ["metadata", "name"],
        "metadata.namespace": ["metadata", "namespace"],
    ]

    private static let eventFields: [String: [String]] = [
        "involvedObject.kind": ["involvedObject", "kind"],
        "involvedObject.namespace": ["involvedObject", "namespace"],
        "involvedObject.name": ["involvedObject", "name"],
        "involvedObject.uid": ["involvedObject", "uid"],
        "involvedObject.apiVersion": ["involvedObject", "apiVersion"],
        "involvedObject.resourceVersion": ["involvedObject", "resourceVersion"],
        "involvedObject.fieldPath": ["involvedObject", "fieldPath"],
        "reason": ["reason"],
        "reportingComponent": ["reportingComponent"],
        "source": ["source", "component"],
        "type": ["type"],
    ]

    private let requirements: [Requirement]

    /// Parses `text` for a list of `resource` ("events", "pods").
    init(parsing text: String, resource: String) throws(ParseError) {
        let selectable = resource == "events" ? Self.metadataFields.merging(Self.eventFields) { $1 } : Self.metadataFields
        var requirements: [Requirement] = []
        for term in text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let (operatorText, negated) = term.contains("!=") ? ("!=", true) : (term.contains("==") ? "==" : "=", false)
            guard let range = term.range(of: operatorText) else {
                throw ParseError(description: "invalid selector: '\(text)'; can't understand '\(term)'")
            }
            let field = String(term[..<range.lowerBound])
            guard let path = selectable[field] else {
                throw ParseError(description: "field label not supported: \(field)")
            }
            requirements.append(Requirement(path: path, value: String(term[range.upperBound...]), negated: negated))
        }
        self.requirements = requirements
    }

    func matches(_ item: JSONValue) -> Bool {
        requirements.allSatisfy { requirement in
            let actual = requirement.path.reduce(Optional(item)) { $0?[$1] }?.stringValue ?? ""
            return (actual == requirement.value) != requirement.negated
        }
    }
}

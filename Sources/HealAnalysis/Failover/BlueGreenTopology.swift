import HealModel

/// Which Deployments a blue/green Service switches between: the selector key that names the
/// colour, the colour the Service sends traffic to now, and one Deployment per colour.
package struct BlueGreenTopology: Sendable {
    package struct Member: Sendable {
        package var colour: String
        package var deployment: Deployment
    }

    package var service: Service
    package var colourLabel: String
    /// The colour in the Service's selector (nil only when the selector lost the key).
    package var activeColour: String?
    /// Sorted by colour name.
    package var members: [Member]

    package var namespace: String { service.metadata.namespace ?? "default" }

    /// The Service's selector without its colour key: it picks the pods of every colour.
    package var podSelector: String {
        service.spec.selector.filter { $0.key != colourLabel }.selectorText
    }

    package func member(_ colour: String) -> Member? {
        members.first { $0.colour == colour }
    }

    /// Label keys that usually carry the colour, tried in this order when several keys of the
    /// selector could.
    static let conventionalLabels = ["version", "color", "colour", "slot", "track", "variant", "deployment"]

    /// Finds the colour label: a key of the Service's selector such that the Deployments whose
    /// pod templates match every *other* key of the selector carry two or more values for it.
    /// `label` (from `--label`) skips the search but must be a key of the selector.
    package static func discover(
        service: Service, deployments: [Deployment], label: String? = nil
    ) throws(FailoverError) -> BlueGreenTopology {
        let selector = service.spec.selector
        let serviceName = service.metadata.name
        guard !selector.isEmpty else { throw .serviceHasNoSelector(service: serviceName) }
        let inNamespace = deployments.filter { $0.metadata.namespace == service.metadata.namespace }
        if let label {
            guard selector[label] != nil else {
                throw .colourLabelNotInSelector(service: serviceName, label: label, selector: selector.selectorText)
            }
            return try topology(service, label: label, deployments: inNamespace)
        }
        let candidates = selector.keys.filter { Set(colourDeployments(selector, label: $0, inNamespace).map(\.colour)).count >= 2 }
        guard !candidates.isEmpty else {
            throw .colourLabelNotFound(service: serviceName, selector: selector.selectorText)
        }
        let ranked = candidates.sorted { lhs, rhs in
            let left = conventionalLabels.firstIndex(of: lhs) ?? conventionalLabels.count
            let right = conventionalLabels.firstIndex(of: rhs) ?? conventionalLabels.count
            return left == right ? lhs < rhs : left < right
        }
        if ranked.count > 1, !conventionalLabels.contains(ranked[0]) {
            throw .colourLabelAmbiguous(service: serviceName, candidates: ranked)
        }
        return try topology(service, label: ranked[0], deployments: inNamespace)
    }

    private static func topology(_ service: Service, label: String, deployments: [Deployment]) throws(FailoverError) -> BlueGreenTopology {
        let found = colourDeployments(service.spec.selector, label: label, deployments)
        var members: [Member] = []
        for colour in Set(found.map(\.colour)).sorted() {
            let owners = found.filter { $0.colour == colour }.map(\.deployment)
            guard owners.count == 1 else {
                throw .colourHasSeveralDeployments(colour: colour, label: label, deployments: owners.map(\.metadata.name).sorted())
            }
            members.append(Member(colour: colour, deployment: owners[0]))
        }
        return BlueGreenTopology(service: service, colourLabel: label, activeColour: service.spec.selector[label], members: members)
    }

    /// Deployments whose pod template matches `selector` on every key but `label`, each with
    /// its value for `label`.
    private static func colourDeployments(
        _ selector: [String: String], label: String, _ deployments: [Deployment]
    ) -> [(colour: String, deployment: Deployment)] {
        let others = selector.filter { $0.key != label }
        return deployments.compactMap { deployment in
            let labels = deployment.spec.template?.metadata?.labels ?? [:]
            guard let colour = labels[label], others.allSatisfy({ labels[$0.key] == $0.value }) else { return nil }
            return (colour, deployment)
        }
    }
}

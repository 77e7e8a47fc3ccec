import HealModel

/// What a Service selector that matches no pod probably meant: for one of its pairs, the
/// closest `key=value` (by edit distance) carried by pods that match the rest of the selector —
/// `app=fronted` → `app=frontend`.
struct SelectorSuggestion {
    /// Typos further than this are not typos.
    static let maximumDistance = 2

    var wrong: (key: String, value: String)
    var intended: (key: String, value: String)
    /// The selector with the pair corrected.
    var corrected: [String: String]
    /// The pods the corrected selector selects.
    var pods: [Pod]

    init?(selector: [String: String], pods candidates: [Pod]) {
        var best: (distance: Int, wrong: (key: String, value: String), intended: (key: String, value: String))?
        for (key, value) in selector.sorted(by: { $0.key < $1.key }) {
            let rest = selector.filter { $0.key != key }
            for pod in candidates where rest.allSatisfy({ pod.metadata.labels[$0.key] == $0.value }) {
                for (labelKey, labelValue) in pod.metadata.labels.sorted(by: { $0.key < $1.key }) {
                    let distance = EditDistance.between(key, labelKey) + EditDistance.between(value, labelValue)
                    guard distance > 0, distance <= Self.maximumDistance, distance * 2 < key.count + value.count else { continue }
                    if best.map({ distance < $0.distance }) ?? true {
                        best = (distance, (key, value), (labelKey, labelValue))
                    }
                }
            }
        }
        guard let best else { return nil }
        wrong = best.wrong
        intended = best.intended
        var corrected = selector
        corrected[best.wrong.key] = nil
        corrected[best.intended.key] = best.intended.value
        self.corrected = corrected
        self.pods = candidates.filter { corrected.selects($0.metadata.labels) }
    }

    /// "did you mean app=frontend (2 pods of Deployment frontend)?"
    func question(_ index: SnapshotIndex) -> String {
        let owners = index.workloadNames(of: pods)
        return "did you mean \(intended.key)=\(intended.value) (\(Wording.count(pods.count, "pod"))\(owners.isEmpty ? "" : " of \(Wording.list(owners))"))?"
    }

    /// The merge patch that corrects the selector (a renamed key is removed with null).
    func patch(for service: ResourceRef) -> Patch {
        var selector: [String: JSONValue] = [intended.key: .string(intended.value)]
        if wrong.key != intended.key { selector[wrong.key] = .null }
        return Patch(target: service, type: .merge, body: .object(["spec": .object(["selector": .object(selector)])]))
    }
}

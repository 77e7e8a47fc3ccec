/// Strategic-merge patches that change one container of a workload's pod template (or of a
/// bare pod), leaving every other container untouched: containers merge by name.
enum ContainerPatch {
    /// Kinds whose pod template can be patched in place.
    static let templatedKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]

    static func patch(_ target: ResourceRef, container: String, fields: [String: JSONValue]) -> Patch? {
        var containerFields = fields
        containerFields["name"] = .string(container)
        let containers: JSONValue = .object(["containers": .array([.object(containerFields)])])
        if templatedKinds.contains(target.kind) {
            return Patch(target: target, type: .strategic, body: .object(["spec": .object(["template": .object(["spec": containers])])]))
        }
        if target.kind == "Pod" {
            return Patch(target: target, type: .strategic, body: .object(["spec": containers]))
        }
        return nil
    }
}

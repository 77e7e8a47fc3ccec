/// What `GET …/pods/NAME/log?container=C` answers: the output of a crash-looping container (the
/// fake's containers write the same lines every run, so `previous=true` gets them too), nothing
/// for one that runs quietly, and kube-apiserver's 400s for a container that never started
/// (the captured `400-log-container-waiting` body) or a container the pod does not have.
enum PodLogs {
    static func lines(at path: APIPath, container requested: String?, in state: ClusterState) throws(APIStatusError) -> [String] {
        let key = state.key(path)
        guard let pod = state.store[key] else { throw .notFound(key.type, name: key.name) }
        let containers = pod.value(at: ["spec", "containers"])?.arrayValue ?? []
        let names = containers.compactMap { $0["name"]?.stringValue }
        guard let name = requested ?? (names.count == 1 ? names.first : nil) else {
            throw .badRequest("a container name must be specified for pod \(pod.name), choose one of: [\(names.joined(separator: " "))]")
        }
        guard let index = names.firstIndex(of: name) else {
            throw .badRequest("container \(name) is not valid for pod \(pod.name)")
        }
        let status = (pod.value(at: ["status", "containerStatuses"])?.arrayValue ?? []).first { $0["name"]?.stringValue == name }
        if let reason = status?.value(at: ["state", "waiting", "reason"])?.stringValue, reason != "CrashLoopBackOff" {
            let why = ["ErrImagePull", "ImagePullBackOff"].contains(reason) ? "trying and failing to pull image" : reason
            throw .badRequest("container \"\(name)\" in pod \"\(pod.name)\" is waiting to start: \(why)")
        }
        guard case .exits(_, _, let log)? = Kubelet.outcomes(of: pod, in: state)?[index] else { return [] }
        return log
    }
}

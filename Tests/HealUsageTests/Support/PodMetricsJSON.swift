/// PodMetricsList bodies in metrics-server's shape, for scripted responses.
enum PodMetricsJSON {
    struct Pod {
        var namespace: String
        var name: String
        var timestamp: String
        /// name, cpu, memory as metrics-server writes them ("1423108n", "11896Ki").
        var containers: [(String, String, String)]
    }

    static func list(_ pods: [Pod]) -> String {
        let items = pods.map { pod in
            let containers = pod.containers.map { name, cpu, memory in
                #"{"name":"\#(name)","usage":{"cpu":"\#(cpu)","memory":"\#(memory)"}}"#
            }
            return #"{"metadata":{"name":"\#(pod.name)","namespace":"\#(pod.namespace)","creationTimestamp":"2026-11-22T10:05:00Z","#
                + #""labels":{"app":"web"}},"timestamp":"\#(pod.timestamp)","window":"10.062s","containers":[\#(containers.joined(separator: ","))]}"#
        }
        return #"{"kind":"PodMetricsList","apiVersion":"metrics.k8s.io/v1beta1","metadata":{},"items":[\#(items.joined(separator: ","))]}"#
    }
}

/// Which metrics API an HPA could not read, and why, from the controller's error: the
/// resource metrics API (metrics-server) or a custom/external metrics adapter.
struct MetricsSource {
    var problem: String
    var fix: String
    var command: String?
    var isRecognised: Bool

    init(message: String) {
        let api: (name: String, service: String, install: String, apiService: String)? =
            if message.contains("external.metrics.k8s.io") {
                ("external metrics API (external.metrics.k8s.io)", "the external metrics adapter", "Install or repair the external metrics adapter (KEDA, prometheus-adapter …).",
                 "v1beta1.external.metrics.k8s.io")
            } else if message.contains("custom.metrics.k8s.io") {
                ("custom metrics API (custom.metrics.k8s.io)", "the custom metrics adapter", "Install or repair the custom metrics adapter (prometheus-adapter …).",
                 "v1beta1.custom.metrics.k8s.io")
            } else if message.contains("metrics.k8s.io") || message.contains("resource metrics API") {
                ("resource metrics API (metrics.k8s.io)", "metrics-server",
                 "Install metrics-server: kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml",
                 "v1beta1.metrics.k8s.io")
            } else {
                nil
            }
        guard let api else {
            problem = message
            fix = "Make the metric the HPA names available, or change the HPA to a metric that exists."
            command = nil
            isRecognised = false
            return
        }
        if message.contains("could not find the requested resource") {
            problem = "the \(api.name) is not served — \(api.service) is not installed"
            fix = api.install
        } else if message.contains("unable to handle the request") || message.contains("service unavailable") {
            problem = "the \(api.name) is registered but \(api.service) does not answer"
            fix = "Get \(api.service) running again (its pods, its Service and the APIService's Available condition)."
        } else {
            problem = "the \(api.name) returned no usable value: \(Wording.clip(message, 160))"
            fix = "Check that \(api.service) reports metrics for the target's pods."
        }
        command = KubectlCommand.get("apiservice", name: api.apiService)
        isRecognised = true
    }
}

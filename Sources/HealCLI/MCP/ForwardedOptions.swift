import Foundation

// The flags `kubectl heal mcp` was started with, spelled again for the in-process command each
// tool call runs, so a tool reaches the same cluster, store, Prometheus, prices and LLM as the
// server. The namespace is not here: `NamespaceScope` decides it per call.

extension ClusterOptions {
    var forwardedArguments: [String] {
        var arguments: [String] = []
        for (flag, value) in [("--kubeconfig", kubeconfig), ("--context", context), ("--cluster", cluster), ("--user", user), ("--as", impersonateUser)] {
            if let value { arguments += [flag, value] }
        }
        for group in impersonateGroups { arguments += ["--as-group", group] }
        if requestTimeout != ClusterOptions.defaultRequestTimeout { arguments += ["--request-timeout", requestTimeout] }
        if insecureSkipTLSVerify { arguments.append("--insecure-skip-tls-verify") }
        return arguments
    }
}

extension StoreOptions {
    var forwardedArguments: [String] {
        store.map { ["--store", $0] } ?? []
    }
}

extension PricingOptions {
    var forwardedArguments: [String] {
        var arguments: [String] = []
        for (flag, value) in [("--cpu-price", cpuPrice), ("--memory-price", memoryPrice), ("--hours-per-month", hoursPerMonth)] {
            if let value { arguments += [flag, String(value)] }
        }
        if let pricing { arguments += ["--pricing", pricing] }
        return arguments
    }
}

extension PrometheusOptions {
    var forwardedArguments: [String] {
        var arguments: [String] = []
        let values = [
            ("--prometheus-url", prometheusURL), ("--prometheus-token-file", prometheusTokenFile), ("--prometheus-user", prometheusUser),
            ("--prometheus-ca-file", prometheusCAFile), ("--prometheus-client-certificate", prometheusClientCertificate),
            ("--prometheus-client-key", prometheusClientKey),
        ]
        for (flag, value) in values {
            if let value { arguments += [flag, value] }
        }
        for header in prometheusHeader { arguments += ["--prometheus-header", header] }
        if prometheusInsecureSkipTLSVerify { arguments.append("--prometheus-insecure-skip-tls-verify") }
        return arguments
    }
}

extension LLMOptions {
    /// The endpoint flags; the key and any other setting come from the environment, which the
    /// in-process command shares with the server.
    var forwardedArguments: [String] {
        var arguments: [String] = []
        if let baseURL { arguments += ["--llm-base-url", baseURL] }
        if let model { arguments += ["--llm-model", model] }
        for header in headers { arguments += ["--llm-header", header] }
        arguments += ["--llm-timeout", timeout, "--llm-concurrency", String(concurrency)]
        if !anonymize { arguments.append("--no-anonymize") }
        if noCache { arguments.append("--no-cache") }
        return arguments
    }
}

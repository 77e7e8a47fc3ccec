enum NetworkAnalyzers {
    static let all: [any Analyzer] = [
        ServiceAnalyzer(),
        IngressAnalyzer(),
        NetworkPolicyAnalyzer(),
        WebhookAnalyzer(),
        GatewayAnalyzer(),
    ]
}

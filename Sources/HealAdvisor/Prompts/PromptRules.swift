/// What every prompt tells the model about the text it gets and the answer it must give.
enum PromptRules {
    static let placeholders = """
        Names, namespaces, addresses, hosts and registries in the text are replaced by placeholders \
        such as namespace-1, deployment-1, pod-1, container-1, 192.0.2.1 or registry-1.example: use \
        them exactly as written. Values shown as <redacted> are secret: never ask for them or guess them.
        """

    static let jsonOnly = "Answer with one JSON object and nothing else (no prose, no code fences)."
}

import HealKube

/// Which kubeconfig contexts a run covers: `--context a,b,c`, `--all-contexts`, narrowed by
/// `--contexts-matching REGEX`. One context (or none: the current one) is an ordinary run.
package struct FleetSelection: Sendable {
    package var contexts: [String]
    package var all: Bool
    package var matching: String?

    package init(contexts: [String], all: Bool, matching: String?) {
        self.contexts = contexts
        self.all = all
        self.matching = matching
    }

    /// More than one cluster may be asked for.
    package var isFleet: Bool { contexts.count > 1 || all || matching != nil }

    /// The contexts, in the order given (kubeconfig order, sorted, for `--all-contexts`). A
    /// named context the kubeconfig lacks is a configuration error before anything is read: a
    /// typo must not pass as a cluster that could not be reached.
    package func resolve(_ overrides: ConfigOverrides, environment: AppEnvironment) throws -> [String] {
        let loader = KubeconfigLoader(environment: environment.configEnvironment)
        let available = loader.contextNames(overrides)
        if let missing = contexts.first(where: { !available.contains($0) }) {
            throw KubeConfigError.contextNotFound(name: missing, available: available, files: overrides.kubeconfig.map { [$0] } ?? [])
        }
        var chosen = contexts.isEmpty || all ? available : contexts
        if let matching {
            let pattern = try Regex(matching)
            chosen = chosen.filter { $0.contains(pattern) }
        }
        guard !chosen.isEmpty else { throw AppError.noContextSelected(pattern: matching, available: available) }
        return chosen
    }
}

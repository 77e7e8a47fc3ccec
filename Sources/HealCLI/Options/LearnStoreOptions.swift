import ArgumentParser
import HealApp

/// What every learn subcommand takes: the store and, for a configmap:// store, the cluster
/// flags that reach it.
struct LearnStoreOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @OptionGroup(title: "Cluster access (only for a configmap:// store)") var cluster: ClusterOptions

    @OptionGroup var verbosity: VerbosityOptions

    func open(in environment: AppEnvironment) throws -> LearnJob {
        try LearnJob(store: store.store, cluster: cluster.overrides, environment: environment, logLevel: verbosity.logLevel)
    }
}

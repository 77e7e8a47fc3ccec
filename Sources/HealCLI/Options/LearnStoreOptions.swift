import ArgumentParser
import HealApp
import HealStore

/// What every learn subcommand takes: the store and, for a configmap:// store, the cluster
/// flags that reach it.
struct LearnStoreOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @OptionGroup(title: "Cluster access (only for a configmap:// store)") var cluster: ClusterOptions

    @OptionGroup var verbosity: VerbosityOptions

    func open(in environment: AppEnvironment) throws -> any FixStore {
        try FixStoreFactory.open(store.store, cluster: cluster.overrides, environment: environment, logLevel: verbosity.logLevel)
    }
}

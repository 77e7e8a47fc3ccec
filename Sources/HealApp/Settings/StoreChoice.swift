import HealStore

extension AppEnvironment {
    /// Where the memory of fixes lives: `store` (a SQLite path or configmap://NAMESPACE/NAME)
    /// when given, else $KUBECTL_HEAL_STORE, else the default file under $XDG_STATE_HOME.
    func storeLocation(_ store: String?) throws(StoreError) -> StoreLocation {
        try StoreLocation.resolve(flag: store, variables: variables, homeDirectory: homeDirectory)
    }
}

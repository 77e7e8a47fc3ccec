import ArgumentParser

/// `-A` and `-l`, for the read-only subcommands that report on many objects.
struct ScopeOptions: ParsableArguments, Sendable {
    @Flag(name: [.customShort("A"), .long], help: "Work on every namespace (-n is ignored).")
    var allNamespaces = false

    @Option(name: [.customShort("l"), .long], help: ArgumentHelp("Report only on objects (or their owners) with these labels, e.g. app=web,tier!=cache.", valueName: "selector"))
    var selector: String?
}

import ArgumentParser

/// `-o` for the learn subcommands: a table for people, versioned JSON/YAML for scripts.
enum LearnOutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, yaml
}

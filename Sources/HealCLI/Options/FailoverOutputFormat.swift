import ArgumentParser

/// `-o` for the failover subcommands: tables for people, versioned JSON/YAML for scripts
/// (`watch -o json` writes one JSON document per line).
enum FailoverOutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, yaml
}

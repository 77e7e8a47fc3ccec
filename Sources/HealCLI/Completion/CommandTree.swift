/// The command tree as ArgumentParser describes it (the JSON behind --experimental-dump-help),
/// read narrowly: names, flags, their value lists and one-line help.
struct CommandTree: Decodable {
    struct Command: Decodable {
        var commandName: String
        var shouldDisplay: Bool?
        var abstract: String?
        var subcommands: [Command]?
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: String
        var shouldDisplay: Bool?
        var names: [Name]?
        var allValues: [String]?
        var abstract: String?

        var takesValue: Bool { kind == "option" }

        /// "--namespace", "-n" …
        var spellings: [String] {
            (names ?? []).map { $0.kind == "short" ? "-\($0.name)" : "--\($0.name)" }
        }

        var longName: String? {
            names?.first { $0.kind == "long" }?.name
        }
    }

    var command: Command
}

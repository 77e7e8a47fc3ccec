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
        var abstract: String?
        var completionKind: CompletionKind?

        var takesValue: Bool { kind == "option" }

        /// "--namespace", "-n" …
        var spellings: [String] {
            (names ?? []).map { $0.kind == "short" ? "-\($0.name)" : "--\($0.name)" }
        }

        var longName: String? {
            names?.first { $0.kind == "long" }?.name
        }
    }

    /// How an option's value completes, as declared with `completion:` (CaseIterable values
    /// arrive as a list).
    enum CompletionKind: Decodable {
        case list([String])
        case files
        /// A shell command or a custom closure, which only the generated scripts can run.
        case other

        private enum CodingKeys: String, CodingKey {
            case list, file, directory
        }

        private struct Values: Decodable {
            var values: [String]
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let list = try container.decodeIfPresent(Values.self, forKey: .list) {
                self = .list(list.values)
            } else if container.contains(.file) || container.contains(.directory) {
                self = .files
            } else {
                self = .other
            }
        }
    }

    var command: Command
}

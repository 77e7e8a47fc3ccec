import HealModel

/// Answers shell completion in Cobra's `__complete` format, which kubectl's plugin completion
/// (kubectl 1.26+, via `kubectl_complete-heal`) and our own scripts speak: one candidate per
/// line, optionally followed by a tab and a description, then `:DIRECTIVE`.
struct CompletionEngine {
    /// Cobra's ShellCompDirective bits.
    enum Directive {
        static let `default` = 0
        static let noSpace = 2
        static let noFileCompletion = 4
    }

    struct Result {
        var candidates: [(value: String, description: String?)]
        var directive: Int

        var rendered: String {
            candidates.map { candidate in
                candidate.description.map { "\(candidate.value)\t\($0)" } ?? candidate.value
            }.joined(separator: "\n") + (candidates.isEmpty ? "" : "\n") + ":\(directive)\n"
        }
    }

    let root: CommandTree.Command
    /// Context names from the kubeconfig, read only when a context is being completed.
    let contexts: () -> [String]

    /// `words`: the arguments after `kubectl heal`, the last one being the (possibly empty)
    /// word under the cursor.
    func complete(_ words: [String]) -> Result {
        let partial = words.last ?? ""
        var command = root
        var pendingOption: CommandTree.Argument?
        for word in words.dropLast() {
            if pendingOption != nil {
                pendingOption = nil
                continue
            }
            if word.hasPrefix("-") {
                if !word.contains("="), let argument = argument(named: word, in: command), argument.takesValue {
                    pendingOption = argument
                }
            } else if let subcommand = visibleSubcommands(of: command).first(where: { $0.commandName == word }) {
                command = subcommand
            }
        }
        if let option = pendingOption {
            return values(for: option, prefix: partial)
        }
        if partial.hasPrefix("-") {
            return flags(of: command, prefix: partial)
        }
        let subcommands = visibleSubcommands(of: command).filter { $0.commandName.hasPrefix(partial) }
        if !subcommands.isEmpty {
            return Result(candidates: subcommands.map { ($0.commandName, $0.abstract) }, directive: Directive.noFileCompletion)
        }
        if command.commandName == "diagnose" {
            return resourceTypes(prefix: partial)
        }
        return Result(candidates: [], directive: Directive.noFileCompletion)
    }

    private func visibleSubcommands(of command: CommandTree.Command) -> [CommandTree.Command] {
        (command.subcommands ?? []).filter { $0.shouldDisplay ?? true }
    }

    private func argument(named spelling: String, in command: CommandTree.Command) -> CommandTree.Argument? {
        (command.arguments ?? []).first { $0.spellings.contains(spelling) }
    }

    private func flags(of command: CommandTree.Command, prefix: String) -> Result {
        var candidates: [(String, String?)] = []
        for argument in command.arguments ?? [] where argument.kind != "positional" && (argument.shouldDisplay ?? true) {
            for spelling in argument.spellings where spelling.hasPrefix(prefix) {
                candidates.append((spelling, argument.abstract))
            }
        }
        return Result(candidates: candidates, directive: Directive.noFileCompletion)
    }

    /// Values as the option declares them; kubeconfig contexts are the one dynamic answer.
    private func values(for option: CommandTree.Argument, prefix: String) -> Result {
        let values: [String]
        switch option.completionKind {
        case .files:
            return Result(candidates: [], directive: Directive.default)
        case .list(let declared):
            values = declared
        case .other, nil:
            values = option.longName == "context" ? contexts() : []
        }
        return Result(candidates: values.filter { $0.hasPrefix(prefix) }.map { ($0, nil) }, directive: Directive.noFileCompletion)
    }

    /// TYPE/ for the diagnose targets; the name after the slash is typed by hand.
    private func resourceTypes(prefix: String) -> Result {
        let types = ResourceKind.allCases.filter { $0 != .events && $0 != .endpointSlices }.map { "\($0.kind.lowercased())/" }
        return Result(candidates: types.filter { $0.hasPrefix(prefix) }.map { ($0, nil) }, directive: Directive.noSpace | Directive.noFileCompletion)
    }
}

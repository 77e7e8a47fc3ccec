import ArgumentParser
import Foundation
import HealApp
import HealKube

/// `kubectl-heal __complete WORDS…`: the completion backend behind `kubectl_complete-heal`
/// (kubectl's plugin completion) — hidden from help.
struct Complete: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "__complete",
        abstract: "Shell completion backend (kubectl's plugin completion protocol).",
        shouldDisplay: false)

    @Argument(parsing: .captureForPassthrough, help: "The words after `kubectl heal`, the last being completed.")
    var words: [String] = []

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let tree = try JSONDecoder().decode(CommandTree.self, from: Data(Heal._dumpHelp().utf8))
        let loader = KubeconfigLoader(environment: environment.configEnvironment)
        let overrides = ConfigOverrides(kubeconfig: Self.value(of: "--kubeconfig", in: words))
        let engine = CompletionEngine(root: tree.command, contexts: { loader.contextNames(overrides) })
        environment.standardOutput.write(engine.complete(words.isEmpty ? [""] : words).rendered)
        return ExitStatus.success
    }

    /// The value of a flag already typed (`--kubeconfig FILE` or `--kubeconfig=FILE`).
    static func value(of flag: String, in words: [String]) -> String? {
        for (index, word) in words.dropLast().enumerated() {
            if word == flag, index + 1 < words.count - 1 { return words[index + 1] }
            if word.hasPrefix(flag + "=") { return String(word.dropFirst(flag.count + 1)) }
        }
        return nil
    }
}

import ArgumentParser
import Foundation
import HealApp

/// Parses the arguments, runs the chosen subcommand against the environment and turns every
/// outcome into output and an exit code. The executable and the CLI tests both call this.
package enum HealCommandLine {
    package static func run(_ arguments: [String], environment: AppEnvironment) async -> Int32 {
        var environment = environment
        environment.describeError = { error in
            let presented = ErrorPresenter.present(error)
            return "\(presented.message) (\(presented.hint))"
        }
        let command: any ParsableCommand
        do {
            command = try Heal.parseAsRoot(arguments)
        } catch {
            return reportParseOutcome(error, environment: environment)
        }
        guard let healCommand = command as? any HealCommand else {
            // ArgumentParser's own commands (`help`, `--help` on a subcommand, the bare root)
            // answer by throwing the help request for the right command.
            var builtIn = command
            do {
                try builtIn.run()
            } catch {
                return reportParseOutcome(error, environment: environment)
            }
            return ExitStatus.success
        }
        do {
            return try await healCommand.execute(in: environment)
        } catch {
            let presented = ErrorPresenter.present(error)
            environment.standardError.write(presented.text)
            return presented.exitCode
        }
    }

    /// --help, --version and completion scripts arrive as "errors" with exit code 0 and go to
    /// stdout; real usage errors go to stderr in the house format, ending with a hint.
    private static func reportParseOutcome(_ error: any Error, environment: AppEnvironment) -> Int32 {
        let code = Heal.exitCode(for: error).rawValue
        let text = Heal.fullMessage(for: error)
        if code == 0 {
            environment.standardOutput.write(text.hasSuffix("\n") ? text : text + "\n")
            return ExitStatus.success
        }
        environment.standardError.write(usageText(from: text))
        return ExitStatus.usage
    }

    /// ArgumentParser's "Error: …\nUsage: …\n  See '…' for more information." in our format.
    private static func usageText(from text: String) -> String {
        var message = ""
        var usage = ""
        var hint = "see `kubectl heal --help`"
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("Error: ") {
                message = String(trimmed.dropFirst("Error: ".count))
            } else if trimmed.hasPrefix("Usage: ") {
                usage = String(trimmed.dropFirst("Usage: ".count))
            } else if trimmed.hasPrefix("See '"), let end = trimmed.dropFirst(5).firstIndex(of: "'") {
                hint = "see `\(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 5)..<end].replacingOccurrences(of: "kubectl-heal", with: "kubectl heal"))`"
            } else if message.isEmpty {
                message = trimmed
            } else if usage.isEmpty {
                message += " " + trimmed
            }
        }
        var result = "error: \(message)\n"
        if !usage.isEmpty { result += "usage: \(usage)\n" }
        return result + "hint: \(hint)\n"
    }
}

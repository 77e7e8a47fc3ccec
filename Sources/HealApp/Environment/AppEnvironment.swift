import Foundation
import HealKube
import Logging

/// Everything a use case reads from or writes to the outside world, injected so that tests run
/// it in-process against buffers, a fake environment and a fixed clock.
package struct AppEnvironment: Sendable {
    package var variables: [String: String]
    package var homeDirectory: String
    package var standardOutput: any OutputSink
    package var standardError: any OutputSink
    package var standardOutputIsTerminal: Bool
    package var standardErrorIsTerminal: Bool
    package var now: @Sendable () -> Date
    /// Reads the answer to a confirmation question; nil when stdin is not a terminal, so
    /// mutating commands then need `--yes`.
    package var askUser: (@Sendable () -> String?)?
    /// Returns when a long-running command should stop: SIGINT/SIGTERM for the process, a
    /// test's own condition in tests.
    package var stopRequested: @Sendable () async -> Void
    /// Where `kubectl heal mcp` reads and writes protocol messages: stdin and stdout for the
    /// process, pipes in tests.
    package var protocolChannel: (input: Int32, output: Int32) = (0, 1)
    /// Told how a live collection is going, besides the terminal's status line (the MCP server
    /// turns it into progress notifications).
    package var collectionProgress: (@Sendable (CollectionProgress) -> Void)?
    /// How the front end words an error that a use case reports as a warning and then goes on
    /// without (the CLI's message and hint).
    package var describeError: @Sendable (any Error) -> String = { "\($0)" }
    /// Clients and informers kept between calls by a long-running front end (the MCP server);
    /// nil: every job connects and lists afresh.
    package var liveClusters: LiveClusters?
    /// Where `.kubectl-heal.yaml` is looked for; nil: nowhere (in-process runs such as tests).
    package var workingDirectory: String?
    /// Where a pod's service account is mounted (token, ca.crt, namespace), for the in-cluster
    /// configuration; a test's own folder when it runs the healer as a pod would.
    package var serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    package init(
        variables: [String: String], homeDirectory: String, standardOutput: any OutputSink, standardError: any OutputSink,
        standardOutputIsTerminal: Bool = false, standardErrorIsTerminal: Bool = false,
        now: @escaping @Sendable () -> Date = Date.init, askUser: (@Sendable () -> String?)? = nil,
        stopRequested: @escaping @Sendable () async -> Void = { await TerminationSignal.wait() }
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardOutputIsTerminal = standardOutputIsTerminal
        self.standardErrorIsTerminal = standardErrorIsTerminal
        self.now = now
        self.askUser = askUser
        self.stopRequested = stopRequested
    }

    /// For in-process runs no signal reaches (an MCP tool call, whose cancellation is the
    /// interruption): returns only once the waiting task is cancelled.
    package static let noSignal: @Sendable () async -> Void = {
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
    }

    /// The real process: its environment, home, stdout/stderr and clock.
    package static var process: AppEnvironment {
        let variables = ProcessInfo.processInfo.environment
        let readAnswer: @Sendable () -> String? = { readLine() }
        var environment = AppEnvironment(
            variables: variables,
            homeDirectory: variables["HOME"] ?? NSHomeDirectory(),
            standardOutput: FileDescriptorSink(descriptor: 1),
            standardError: FileDescriptorSink(descriptor: 2),
            standardOutputIsTerminal: isatty(1) == 1,
            standardErrorIsTerminal: isatty(2) == 1,
            askUser: isatty(0) == 1 ? readAnswer : nil)
        environment.workingDirectory = FileManager.default.currentDirectoryPath
        return environment
    }

    /// Asks `question` (it ends with "? [y/N] ") on stderr and reads the answer: true for y or
    /// yes; nil when stdin is not a terminal to ask on.
    package func confirm(_ question: String) -> Bool? {
        guard let askUser else { return nil }
        standardError.write(question)
        return ["y", "yes"].contains(askUser()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "")
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    package var colorsStandardOutput: Bool {
        standardOutputIsTerminal && (variables["NO_COLOR"] ?? "").isEmpty && variables["TERM"] != "dumb"
    }

    /// The logger every job writes its warnings and `-v` detail with: stderr, at `level`.
    package func logger(_ label: String = "heal", level: Logger.Level) -> Logger {
        StandardErrorLogHandler.logger(label, sink: standardError, level: level)
    }

    package var configEnvironment: ConfigEnvironment {
        ConfigEnvironment(variables: variables, homeDirectory: homeDirectory, serviceAccountDirectory: serviceAccountDirectory)
    }
}

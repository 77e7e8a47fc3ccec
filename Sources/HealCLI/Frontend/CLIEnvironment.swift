import Foundation
import HealKube

/// Everything a command reads from or writes to the outside world, injected so that tests run
/// commands in-process against buffers, a fake environment and a fixed clock.
package struct CLIEnvironment: Sendable {
    package var variables: [String: String]
    package var homeDirectory: String
    package var standardOutput: any OutputSink
    package var standardError: any OutputSink
    package var standardOutputIsTerminal: Bool
    package var standardErrorIsTerminal: Bool
    package var now: @Sendable () -> Date

    package init(
        variables: [String: String], homeDirectory: String, standardOutput: any OutputSink, standardError: any OutputSink,
        standardOutputIsTerminal: Bool = false, standardErrorIsTerminal: Bool = false,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardOutputIsTerminal = standardOutputIsTerminal
        self.standardErrorIsTerminal = standardErrorIsTerminal
        self.now = now
    }

    /// The real process: its environment, home, stdout/stderr and clock.
    package static var process: CLIEnvironment {
        let variables = ProcessInfo.processInfo.environment
        return CLIEnvironment(
            variables: variables,
            homeDirectory: variables["HOME"] ?? NSHomeDirectory(),
            standardOutput: FileDescriptorSink(descriptor: 1),
            standardError: FileDescriptorSink(descriptor: 2),
            standardOutputIsTerminal: isatty(1) == 1,
            standardErrorIsTerminal: isatty(2) == 1)
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    package var colorsStandardOutput: Bool {
        standardOutputIsTerminal && (variables["NO_COLOR"] ?? "").isEmpty && variables["TERM"] != "dumb"
    }

    package var configEnvironment: ConfigEnvironment {
        ConfigEnvironment(variables: variables, homeDirectory: homeDirectory)
    }
}

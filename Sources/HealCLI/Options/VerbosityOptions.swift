import ArgumentParser
import Logging

/// -v / -vv: how much goes to stderr besides the result.
package struct VerbosityOptions: ParsableArguments, Sendable {
    @Flag(name: .shortAndLong, help: "More detail on stderr: -v explains what is read and skipped, -vv shows every API request.")
    package var verbose: Int

    package init() {}

    package var logLevel: Logger.Level {
        switch verbose {
        case 0: .warning
        case 1: .info
        case 2: .debug
        default: .trace
        }
    }
}

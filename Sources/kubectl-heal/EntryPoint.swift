import Foundation
import HealCLI

/// The executable: hands the arguments to the CLI library and exits with its code.
@main
struct EntryPoint {
    static func main() async {
        let code = await HealCommandLine.run(Array(CommandLine.arguments.dropFirst()), environment: .process)
        exit(code)
    }
}

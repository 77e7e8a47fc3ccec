import Foundation
import HealApp
import HealCLI
#if canImport(Glibc)
import Glibc
#endif

/// The executable: hands the arguments to the CLI library and exits with its code.
@main
struct EntryPoint {
    static func main() async {
        #if canImport(Glibc)
        // glibc raises its mmap threshold each time a large block is freed, after which list
        // pages and their decoding buffers (hundreds of KB, short-lived) are carved from the heap
        // between long-lived objects, whose pages they then keep resident. A fixed threshold
        // keeps them in mappings of their own, returned when freed; one arena instead of one per
        // decoding thread keeps freed memory reusable by all. Together 30 MB less peak memory on
        // 20,000 pods (scripts/bench-diagnose.sh --mass-failure), at no measurable cost in time.
        // The M_ constants are macros and mallopt is not in Swift's Glibc module: look it up.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3, arenaMax: Int32 = -8
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            _ = mallopt(mmapThreshold, 128 * 1024)
            _ = mallopt(arenaMax, 1)
        }
        #endif
        let code = await HealCommandLine.run(Array(CommandLine.arguments.dropFirst()), environment: .process)
        exit(code)
    }
}

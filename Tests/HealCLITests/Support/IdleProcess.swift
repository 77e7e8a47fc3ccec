import Foundation

/// A kubectl-heal process left running with nothing to do: its CPU share and memory over a
/// window, read from /proc (the idle figures of the healing and live-view benchmarks).
struct IdleFigures {
    var seconds: Double
    var cpuSeconds: Double
    var rssMB: Double
    var peakRSSMB: Double

    var cpuPercent: Double { cpuSeconds / seconds * 100 }

    /// "CPU 0.25% of one core (0.76 s), RSS 80.0 MB now, 83.8 MB peak".
    var text: String {
        String(format: "CPU %.2f%% of one core (%.2f s), RSS %.1f MB now, %.1f MB peak", cpuPercent, cpuSeconds, rssMB, peakRSSMB)
    }

    /// Samples `process` every second for `seconds`.
    static func measure(_ process: Process, for seconds: Double) async throws -> IdleFigures {
        let (cpuBefore, _) = try usage(process.processIdentifier)
        let started = ContinuousClock.now
        var peakRSS = 0.0
        while started.duration(to: .now) < .seconds(seconds) {
            try await Task.sleep(for: .seconds(1))
            peakRSS = max(peakRSS, try usage(process.processIdentifier).rssMB)
        }
        let (cpuAfter, rss) = try usage(process.processIdentifier)
        return IdleFigures(seconds: started.duration(to: .now).seconds, cpuSeconds: cpuAfter - cpuBefore, rssMB: rss, peakRSSMB: peakRSS)
    }

    /// CPU seconds (user + system) and resident memory of a process, from /proc.
    static func usage(_ pid: Int32) throws -> (cpuSeconds: Double, rssMB: Double) {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let rssKB = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Double($0) } ?? 0
        return (ticks / Double(sysconf(Int32(_SC_CLK_TCK))), rssKB / 1024)
    }
}

import Foundation

/// Reassembles newline-delimited JSON from arbitrary chunks: a watch event may arrive split
/// across chunks, and one chunk may hold several events.
struct LineSplitter {
    private var pending = Data()

    /// Complete lines in `chunk` (plus what was pending), without their newline; empty lines dropped.
    mutating func lines(in chunk: Data) -> [Data] {
        pending.append(chunk)
        var lines: [Data] = []
        var start = pending.startIndex
        while let newline = pending[start...].firstIndex(of: 0x0A) {
            let line = pending[start..<newline]
            if !line.allSatisfy({ $0 == 0x0D || $0 == 0x20 }) { lines.append(Data(line)) }
            start = pending.index(after: newline)
        }
        pending = Data(pending[start...])
        return lines
    }

    /// Whatever followed the last newline when the stream ended (a final event without one).
    mutating func remainder() -> Data? {
        defer { pending = Data() }
        return pending.allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }) ? nil : pending
    }
}

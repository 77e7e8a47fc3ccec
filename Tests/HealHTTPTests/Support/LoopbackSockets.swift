import Foundation

/// TCP sockets of this machine as the kernel lists them in `/proc/net/tcp` (IPv4), so a test
/// can see whether a server still holds a connection open without asking the server.
enum LoopbackSockets {
    /// Sockets whose local port is `port` and that are connected (ESTABLISHED, or CLOSE_WAIT:
    /// the peer has gone but the server has not closed its end yet). The listening socket and
    /// connections already closed by the server are not counted.
    static func serverConnections(port: UInt16) throws -> Int {
        // /proc files report a size of 0, so read to EOF rather than by size.
        guard let file = FileHandle(forReadingAtPath: "/proc/net/tcp") else { throw CocoaError(.fileReadNoPermission) }
        defer { try? file.close() }
        let table = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
        let established = "01"
        let closeWait = "08"
        return table.split(separator: "\n").dropFirst().count { line in
            let fields = line.split(separator: " ")
            guard fields.count > 3, let localPort = fields[1].split(separator: ":").last else { return false }
            return UInt16(localPort, radix: 16) == port && [established, closeWait].contains(String(fields[3]))
        }
    }

    /// Polls until `condition` holds or `limit` passes; returns whether it held.
    static func eventually(within limit: Duration, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try condition()
    }
}

import HealModel

/// Container logs stored next to a snapshot, in the two layouts this tool reads:
/// `logs/<namespace>_<pod>_<container>[.previous].log` (our own layout; names never contain
/// `_`), and `kubectl cluster-info dump`'s `<namespace>/<pod>/logs.txt` blocks.
enum SnapshotLogFiles {
    /// For a file in a `logs/` folder: the container it belongs to and whether it is the previous instance.
    static func key(forLogFileNamed name: String) -> (key: ContainerLogKey, previous: Bool)? {
        guard name.hasSuffix(".log") else { return nil }
        var stem = String(name.dropLast(".log".count))
        let previous = stem.hasSuffix(".previous")
        if previous { stem = String(stem.dropLast(".previous".count)) }
        let parts = stem.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        return (ContainerLogKey(namespace: String(parts[0]), pod: String(parts[1]), container: String(parts[2])), previous)
    }

    /// Splits a cluster-info dump `logs.txt` into per-container logs. Blocks where kubectl could
    /// not fetch the log ("Request log error: …") count as no log at all.
    static func parseClusterInfoDump(_ text: String) -> [ContainerLogKey: [String]] {
        var result: [ContainerLogKey: [String]] = [:]
        var current: (key: ContainerLogKey, lines: [String])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let key = blockKey(line, marker: "==== START logs for container ") {
                current = (key, [])
            } else if line.hasPrefix("==== END logs for container "), let block = current {
                let failed = block.lines.count == 1 && block.lines[0].hasPrefix("Request log error:")
                if !failed { result[block.key] = block.lines }
                current = nil
            } else {
                current?.lines.append(line)
            }
        }
        return result
    }

    /// "==== START logs for container web of pod shop/web-1 ====" → shop, web-1, web.
    private static func blockKey(_ line: String, marker: String) -> ContainerLogKey? {
        guard line.hasPrefix(marker), line.hasSuffix(" ====") else { return nil }
        let body = line.dropFirst(marker.count).dropLast(" ====".count)
        guard let range = body.range(of: " of pod ") else { return nil }
        let container = String(body[..<range.lowerBound])
        let podPath = body[range.upperBound...].split(separator: "/", maxSplits: 1)
        guard podPath.count == 2 else { return nil }
        return ContainerLogKey(namespace: String(podPath[0]), pod: String(podPath[1]), container: container)
    }
}

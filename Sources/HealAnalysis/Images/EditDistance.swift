/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
/// neighbouring characters each cost 1, so "ngnix" is one edit from "nginx".
package enum EditDistance {
    package static func between(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// The candidates within `limit` edits of `word`, nearest first (ties in the candidates'
    /// order), at most `count` of them: the spellings a typo most likely meant.
    package static func nearest(to word: String, among candidates: [String], within limit: Int, count: Int) -> [String] {
        candidates.enumerated()
            .map { (name: $0.element, distance: between($0.element, word), position: $0.offset) }
            .filter { $0.distance <= limit }
            .sorted { ($0.distance, $0.position) < ($1.distance, $1.position) }
            .prefix(count)
            .map(\.name)
    }
}

/// kubectl's table look: UPPERCASE headers, no borders, columns separated by three spaces,
/// padded to the widest cell; colour codes do not count towards the width.
struct TextTable {
    struct Cell {
        var text: String
        var paint: (String) -> String = { $0 }
    }

    var headers: [String]
    var rows: [[Cell]] = []

    func render() -> String {
        let widths = headers.indices.map { column in
            rows.reduce(headers[column].count) { max($0, $1[column].text.count) }
        }
        func line(_ cells: [Cell]) -> String {
            cells.enumerated().map { column, cell in
                let isLast = column == cells.count - 1
                let padding = isLast ? "" : String(repeating: " ", count: widths[column] - cell.text.count)
                return cell.paint(cell.text) + padding
            }.joined(separator: "   ") + "\n"
        }
        return line(headers.map { Cell(text: $0.uppercased()) }) + rows.map(line).joined()
    }
}

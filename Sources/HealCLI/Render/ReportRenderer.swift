import Foundation
import HealAnalysis
import Yams

/// Renders a diagnosis report in the format `-o` asked for.
enum ReportRenderer {
    static func render(_ report: DiagnosisReport, as format: DiagnoseFormat, colors: Bool) throws -> String {
        switch format {
        case .table: TableReport.render(report, wide: false, palette: Palette(enabled: colors))
        case .wide: TableReport.render(report, wide: true, palette: Palette(enabled: colors))
        case .json: try json(report)
        case .yaml: try yaml(report)
        case .junit: JUnitReport.render(report)
        case .markdown: try MarkdownReport.render(report)
        case .html: try HTMLReport.render(report)
        }
    }

    /// Stable JSON: sorted keys, two-space indentation, `/` unescaped (URLs and TYPE/NAME).
    static func json<Value: Encodable>(_ value: Value) throws -> String {
        try encode(value, formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// One line (JSON Lines), keys sorted, for streams of documents.
    static func compactJSON<Value: Encodable>(_ value: Value) throws -> String {
        try encode(value, formatting: [.sortedKeys, .withoutEscapingSlashes])
    }

    private static func encode<Value: Encodable>(_ value: Value, formatting: JSONEncoder.OutputFormatting) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static func yaml<Value: Encodable>(_ value: Value) throws -> String {
        var options = YAMLEncoder.Options()
        options.sortKeys = true
        options.width = -1
        let encoder = YAMLEncoder()
        encoder.options = options
        return try encoder.encode(value)
    }
}

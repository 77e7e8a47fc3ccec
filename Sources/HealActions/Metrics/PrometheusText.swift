/// The pieces of the Prometheus text exposition format 0.0.4 that every metric family shares:
/// HELP/TYPE headers, label sets and sample values.
/// https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
enum PrometheusText {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    static func header(_ name: String, type: String, help: String) -> String {
        // HELP text escapes only backslash and newline; quotes are literal there.
        let escaped = help.replacing("\\", with: "\\\\").replacing("\n", with: "\\n")
        return "# HELP \(name) \(escaped)\n# TYPE \(name) \(type)\n"
    }

    /// `name{a="x",b="y"} value` — or `name value` without labels.
    static func sample(_ name: String, _ value: Double, labels: [(String, String)] = []) -> String {
        guard !labels.isEmpty else { return "\(name) \(number(value))\n" }
        let pairs = labels.map { "\($0.0)=\"\(escapeLabelValue($0.1))\"" }.joined(separator: ",")
        return "\(name){\(pairs)} \(number(value))\n"
    }

    static func escapeLabelValue(_ value: String) -> String {
        value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n")
    }

    /// Whole numbers without a fraction ("3", "600"), others in Swift's shortest round-trip
    /// form ("0.05"), infinities as "+Inf"/"-Inf": all of which Prometheus parses (Go's ParseFloat).
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

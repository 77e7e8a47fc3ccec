/// A metric family with a fixed list of label names: one value per distinct label set, rendered
/// in a stable (sorted) order so scrapes and tests are reproducible. A counter only goes up; a
/// gauge is replaced whole with what is true now (a finding gone is a series gone).
struct LabelledFamily {
    enum Kind: String {
        case counter
        case gauge
    }

    let name: String
    let help: String
    let kind: Kind
    let labelNames: [String]
    private var values: [[String]: Double] = [:]

    init(name: String, help: String, kind: Kind = .counter, labelNames: [String]) {
        self.name = name
        self.help = help
        self.kind = kind
        self.labelNames = labelNames
    }

    mutating func increment(_ labelValues: [String]) {
        precondition(kind == .counter && labelValues.count == labelNames.count, "\(name) is a counter of the labels \(labelNames)")
        values[labelValues, default: 0] += 1
    }

    /// A gauge's every series, replacing those it had.
    mutating func set(_ series: [[String]: Double]) {
        precondition(kind == .gauge && series.keys.allSatisfy { $0.count == labelNames.count }, "\(name) is a gauge of the labels \(labelNames)")
        values = series
    }

    func render() -> String {
        var text = PrometheusText.header(name, type: kind.rawValue, help: help)
        for labelValues in values.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            text += PrometheusText.sample(name, values[labelValues] ?? 0, labels: Array(zip(labelNames, labelValues)))
        }
        return text
    }
}

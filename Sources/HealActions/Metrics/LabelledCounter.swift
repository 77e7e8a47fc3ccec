/// A counter family with a fixed list of label names: one count per distinct label set,
/// rendered in a stable (sorted) order so scrapes and tests are reproducible.
struct LabelledCounter {
    let name: String
    let help: String
    let labelNames: [String]
    private var counts: [[String]: Int] = [:]

    init(name: String, help: String, labelNames: [String]) {
        self.name = name
        self.help = help
        self.labelNames = labelNames
    }

    mutating func increment(_ labelValues: [String]) {
        precondition(labelValues.count == labelNames.count, "\(name) takes the labels \(labelNames)")
        counts[labelValues, default: 0] += 1
    }

    func render() -> String {
        var text = PrometheusText.header(name, type: "counter", help: help)
        for labelValues in counts.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            text += PrometheusText.sample(name, Double(counts[labelValues] ?? 0), labels: Array(zip(labelNames, labelValues)))
        }
        return text
    }
}

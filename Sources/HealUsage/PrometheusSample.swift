/// One element of an instant vector: a series' labels and its value at the evaluation time.
/// Values can be NaN or ±Inf (Prometheus sends "NaN", "+Inf", "-Inf").
package struct PrometheusSample: Sendable, Equatable {
    package var labels: [String: String]
    package var value: Double

    package init(labels: [String: String], value: Double) {
        self.labels = labels
        self.value = value
    }
}

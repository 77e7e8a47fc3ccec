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

/// One series of a range query: its labels and its (time, value) points, oldest first.
package struct PrometheusSeries: Sendable {
    package var labels: [String: String]
    package var points: [(time: Double, value: Double)]

    package init(labels: [String: String], points: [(time: Double, value: Double)]) {
        self.labels = labels
        self.points = points
    }
}

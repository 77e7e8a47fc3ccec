/// The usage a recommendation rests on: how long a history and how many samples.
package struct UsageWindow: Sendable, Equatable, Codable {
    package var seconds: Double
    package var samples: Int

    package init(seconds: Double, samples: Int) {
        self.seconds = seconds
        self.samples = samples
    }
}

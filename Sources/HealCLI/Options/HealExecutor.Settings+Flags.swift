import HealActions
import HealModel

extension HealExecutor.Settings {
    /// From `--verify-for` and `--rollout-timeout` (validated before: both are durations).
    init(verifyFor: String, rolloutTimeout: String) {
        self.init()
        self.verifyFor = .seconds(DurationText.seconds(verifyFor) ?? 60)
        self.rolloutTimeout = .seconds(DurationText.seconds(rolloutTimeout) ?? 300)
    }
}

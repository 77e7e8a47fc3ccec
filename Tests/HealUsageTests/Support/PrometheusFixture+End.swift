import HealModel
import HealTestSupport

extension PrometheusFixture {
    /// The data's last sample, as the usage queries take it.
    static var end: Timestamp { Timestamp(secondsSince1970: endSeconds) }
}

/// How a watch keeps its Events bounded over days: only recent ones explain a state.
extension Event {
    /// The most Events one watch keeps, newest by last sighting.
    package static let liveCap = 2000

    /// Drops the oldest once the watch holds a tenth more than `liveCap`, so that the sort runs
    /// once per two hundred new Events, not on each.
    package static func trimLive(_ events: inout [String: Event]) {
        guard events.count > liveCap + liveCap / 10 else { return }
        let newest = events.sorted { $0.value.seen > $1.value.seen }.prefix(liveCap)
        events = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
    }
}

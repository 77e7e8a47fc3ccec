import HealModel

extension Duration {
    /// "300ms", "15s", "2m30s": how messages and records say a window or a wait.
    var spoken: String {
        let seconds = self.seconds
        return seconds < 1 ? "\(Int(seconds * 1000))ms" : DurationText.format(seconds: seconds)
    }
}

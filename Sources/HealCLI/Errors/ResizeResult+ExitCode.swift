import HealApp

extension [ResizeResult] {
    /// 75 when a change was refused because someone else changed the object, 1 when a change
    /// was made and did not hold, else 0.
    var exitCode: Int32 {
        if contains(where: \.refusedForConflict) { return ExitStatus.temporaryFailure }
        return contains(where: \.didNotHold) ? ExitStatus.findings : ExitStatus.success
    }
}

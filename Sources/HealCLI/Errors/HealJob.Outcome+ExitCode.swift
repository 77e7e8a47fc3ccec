import HealApp

extension HealJob.Outcome {
    /// 69 when the LLM was required and could not answer, 75 when a step was refused because
    /// someone else changed the object, 1 when an incident was acted on but not fixed (its last
    /// step did not verify), else 0.
    func exitCode(requireLLM: Bool) -> Int32 {
        if requireLLM, llmFailed { return ExitStatus.unavailable }
        if refusedForConflict { return ExitStatus.temporaryFailure }
        return incidentsNotFixed > 0 ? ExitStatus.findings : ExitStatus.success
    }
}

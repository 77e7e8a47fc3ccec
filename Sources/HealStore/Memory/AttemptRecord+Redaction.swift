import HealAnalysis

extension AttemptRecord {
    /// The record with anything secret-looking masked. The healing loop redacts before it
    /// records; the stores do it again on every write and import, so a secret in a shared
    /// export file or a careless caller still never reaches the store.
    package func redacted() -> AttemptRecord {
        var copy = self
        copy.patch = SecretScrubber.scrub(patch)
        copy.priorState = SecretScrubber.scrub(priorState)
        copy.verification = SecretScrubber.scrub(verification)
        copy.parameters = Self.redacted(parameters)
        return copy
    }

    /// Parameters whose name or value looks secret (`password`, `token` …) are masked.
    static func redacted(_ parameters: [String: String]) -> [String: String] {
        parameters.reduce(into: [:]) { result, entry in
            let pair = "\(entry.key)=\(entry.value)"
            result[entry.key] = SecretScrubber.scrub(pair) == pair ? entry.value : SecretScrubber.mask
        }
    }
}

extension PatternDraft {
    package func redacted() -> PatternDraft {
        var copy = self
        copy.template = AttemptRecord.redacted(template)
        copy.learnedValue = learnedValue.map(AttemptRecord.redacted)
        return copy
    }
}

extension PatternState {
    func redacted() -> PatternState {
        var copy = self
        copy.template = AttemptRecord.redacted(template)
        copy.learnedValues = learnedValues.mapValues(AttemptRecord.redacted)
        return copy
    }
}

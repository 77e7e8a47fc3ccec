/// Names controllers generate from a known workload's name, for objects the snapshot does not
/// hold (replaced by a rollout, deleted, or named in a log line from earlier):
/// Deployment `web` → ReplicaSet `web-7d4b9c8f5` → pod `web-7d4b9c8f5-x2x9z`; ReplicaSet,
/// DaemonSet and Job pods `<name>-x2x9z`; StatefulSet pods `<name>-0`; CronJob `backup` → Job
/// `backup-28391234` → pod `backup-28391234-x2x9z`; Service `web` → EndpointSlice `web-x2x9z`.
enum GeneratedName {
    /// The kind of object `name` is generated for, if it is one of the shapes above with a
    /// known owner. The longest known prefix wins.
    static func kind(of name: String, known: KnownIdentifiers) -> IdentifierKind? {
        let bytes = Array(name.utf8)
        guard bytes.contains(ASCIIByte.hyphen),
            bytes.allSatisfy({ ASCIIByte.isLowercaseLetter($0) || ASCIIByte.isDigit($0) || $0 == ASCIIByte.hyphen })
        else { return nil }
        for dash in bytes.indices.reversed() where bytes[dash] == ASCIIByte.hyphen && dash > 0 {
            let owner = String(decoding: bytes[..<dash], as: UTF8.self)
            guard known.contains(owner) else { continue }
            let suffix = bytes[(dash + 1)...].split(separator: ASCIIByte.hyphen, omittingEmptySubsequences: false)
            if let kind = generatedKind(suffix: suffix, owner: owner, known: known) { return kind }
        }
        return nil
    }

    private static func generatedKind(suffix: [ArraySlice<UInt8>], owner: String, known: KnownIdentifiers) -> IdentifierKind? {
        if known.isKnown(owner, as: .deployment) {
            if suffix.count == 1, isTemplateHash(suffix[0]) { return .replicaset }
            if suffix.count == 2, isTemplateHash(suffix[0]), isRandomSuffix(suffix[1]) { return .pod }
        }
        if known.isKnown(owner, as: .replicaset) || known.isKnown(owner, as: .daemonset) || known.isKnown(owner, as: .job),
            suffix.count == 1, isRandomSuffix(suffix[0])
        {
            return .pod
        }
        if known.isKnown(owner, as: .statefulset), suffix.count == 1, isOrdinal(suffix[0]) {
            return .pod
        }
        if known.isKnown(owner, as: .cronjob) {
            if suffix.count == 1, isOrdinal(suffix[0]) { return .job }
            if suffix.count == 2, isOrdinal(suffix[0]), isRandomSuffix(suffix[1]) { return .pod }
        }
        if known.isKnown(owner, as: .service), suffix.count == 1, isRandomSuffix(suffix[0]) {
            return .endpointslice
        }
        return nil
    }

    /// The alphabet of generated suffixes (no vowels, no 0, 1 or 3, so that no word is spelled).
    private static let alphabet = Set("bcdfghjklmnpqrstvwxz2456789".utf8)

    /// `pod-template-hash`: a hashed 32-bit number spelled in `alphabet`, 6–10 characters in
    /// practice (requiring 6 keeps `web-db` a name of its own).
    private static func isTemplateHash(_ part: ArraySlice<UInt8>) -> Bool {
        (6...10).contains(part.count) && part.allSatisfy(alphabet.contains)
    }

    /// `generateName`'s five random characters.
    private static func isRandomSuffix(_ part: ArraySlice<UInt8>) -> Bool {
        part.count == 5 && part.allSatisfy(alphabet.contains)
    }

    private static func isOrdinal(_ part: ArraySlice<UInt8>) -> Bool {
        !part.isEmpty && part.allSatisfy(ASCIIByte.isDigit)
    }
}

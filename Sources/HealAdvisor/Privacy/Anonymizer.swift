import HealAnalysis

/// Masks what identifies a cluster in text bound for an LLM (names, namespaces, addresses, host
/// names, registries, e-mail addresses; secret-looking values first of all) and puts the
/// originals back into the answer.
///
/// One anonymizer serves one run: the same original always gets the same placeholder, numbered
/// by first appearance, so the same texts masked in the same order give byte-identical prompts
/// (the answer cache keys on them) and an answer may name anything any prompt named.
///
/// Text is scanned once, token by token: each run of name characters is looked up whole in a
/// dictionary, then part by part (`web.shop.svc.cluster.local` → `service-1.namespace-1.svc.cluster.local`).
/// A name matches only as a whole token or part: `web` is not masked inside `webhook` or `my-web`.
package struct Anonymizer: Sendable {
    private let known: KnownIdentifiers
    /// Placeholder → original: what `restore` puts back.
    package private(set) var mapping: [String: String] = [:]
    /// Original → placeholder.
    private var placeholders: [String: String] = [:]
    private var placeholderKinds: [String: IdentifierKind] = [:]
    private var lastNumbers: [IdentifierKind: Int] = [:]
    /// Tokens of the masked texts that a placeholder could be mistaken for (they end in a digit,
    /// as placeholders' numbered parts do). None is ever handed out as a placeholder: `restore`
    /// could not tell the two apart.
    private var reserved: Set<String> = []

    private static let redactionMask = Array(SecretScrubber.mask.utf8)
    /// IPv4 placeholders have four parts: the longest span `restore` looks up inside a token.
    private static let placeholderPartLimit = 4

    package init(known: KnownIdentifiers) {
        self.known = known
    }

    /// `text` with secret-looking values replaced by `<redacted>` (for good: they are not in
    /// `mapping`) and every identifier by its placeholder.
    package mutating func mask(_ text: String) -> String {
        let text = TextBytes(SecretScrubber.scrub(text))
        reserveLookalikes(in: text)
        var output: [UInt8] = []
        output.reserveCapacity(text.count + text.count / 4)
        var index = 0
        while index < text.count {
            if text.hasPrefix(Self.redactionMask, at: index) {
                output.append(contentsOf: Self.redactionMask)
                index += Self.redactionMask.count
            } else if let address = AddressRules.ipv6(in: text, at: index) {
                let token = text.string(address)
                if AddressRules.isIdentifyingIPv6(token) {
                    append(token, as: .ipv6, to: &output)
                } else {
                    text.copy(address, to: &output)
                }
                index = address.upperBound
            } else if ASCIIByte.isName(text[index]) {
                index = mask(NameRun(in: text, at: index), in: text, into: &output)
            } else {
                output.append(text[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` (an answer) with every placeholder this anonymizer handed out, as a whole token or
    /// part, replaced by its original. `<redacted>` stays.
    package func restore(_ text: String) -> String {
        let text = TextBytes(text)
        var output: [UInt8] = []
        output.reserveCapacity(text.count + text.count / 4)
        var index = 0
        while index < text.count {
            if let address = AddressRules.ipv6(in: text, at: index) {
                if let original = mapping[text.string(address)] {
                    output.append(contentsOf: original.utf8)
                } else {
                    text.copy(address, to: &output)
                }
                index = address.upperBound
            } else if ASCIIByte.isName(text[index]) {
                index = restore(NameRun(in: text, at: index), in: text, into: &output)
            } else {
                output.append(text[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Masking

    /// Masks one run; returns where scanning goes on (past an e-mail address's domain).
    private mutating func mask(_ run: NameRun, in text: TextBytes, into output: inout [UInt8]) -> Int {
        text.copy(run.start..<run.tokenStart, to: &output)
        guard run.hasToken else {
            text.copy(run.tokenStart..<run.end, to: &output)
            return run.end
        }
        let token = text.string(run.token)
        if let domain = Self.emailDomain(after: run, in: text) {
            let address = "\(token)@\(text.string(domain.token))"
            append(address, as: .email, to: &output)
            text.copy(domain.tokenEnd..<domain.end, to: &output)
            return domain.end
        }
        maskToken(token, of: run, in: text, into: &output)
        text.copy(run.tokenEnd..<run.end, to: &output)
        return run.end
    }

    /// Known names first, then what the snapshot cannot name: addresses, host names (a cluster
    /// DNS name label by label), image registries, and parts of the token.
    private mutating func maskToken(_ token: String, of run: NameRun, in text: TextBytes, into output: inout [UInt8]) {
        if let kind = known.kind(of: token) {
            append(token, as: kind, to: &output)
            return
        }
        if AddressRules.isIPv4(token.utf8) {
            if AddressRules.isIdentifyingIPv4(token.utf8) {
                append(token, as: .ip, to: &output)
            } else {
                output.append(contentsOf: token.utf8)
            }
            return
        }
        if token == "localhost" || (token.contains(".") && HostnameRules.isPublic(token)) {
            output.append(contentsOf: token.utf8)
            return
        }
        let isURLHost = run.isTokenAtStart && text.followsSchemeSeparator(run.start)
        guard let labels = HostnameRules.labels(of: token) else {
            if isURLHost {
                append(token, as: .host, to: &output)
            } else {
                maskParts(of: run, in: text, into: &output)
            }
            return
        }
        if let suffixLength = HostnameRules.clusterSuffixLength(labels) {
            output.append(contentsOf: maskClusterName(labels, suffixLength: suffixLength).utf8)
            return
        }
        let endsInSuffix = HostnameRules.endsInHostSuffix(labels)
        if isURLHost {
            // `http://orders.shop:8080`: the short form of `orders.shop.svc.cluster.local`.
            if !endsInSuffix, labels.count >= 2, let last = labels.last, known.isKnown(String(last), as: .namespace) {
                output.append(contentsOf: maskClusterName(labels, suffixLength: 0).utf8)
            } else {
                append(token, as: .host, to: &output)
            }
            return
        }
        // An image reference's registry: a host name, or a name with a port
        // (`myregistry:5000/team/app`). The repository path and tag after it stay.
        let hasPort = run.isTokenAtEnd && text.startsPort(at: run.end) && token.utf8.contains(where: ASCIIByte.isLetter)
        if isImageRegistry(run, in: text), endsInSuffix || hasPort {
            append(token, as: .registry, to: &output)
        } else if endsInSuffix {
            append(token, as: .host, to: &output)
        } else {
            maskParts(of: run, in: text, into: &output)
        }
    }

    /// The token with each span of parts that is a known name, generated from one, or a
    /// placeholder lookalike masked (`web.shop` → `service-1.namespace-1`).
    private mutating func maskParts(of run: NameRun, in text: TextBytes, into output: inout [UInt8]) {
        // At least two parts, so that a `host-1.example` lookalike is seen whole.
        run.replacingParts(in: text, maxParts: max(known.longestPartCount, 2), into: &output) { span, isOnePart in
            guard let kind = kindOfPart(span, isOnePart: isOnePart) else { return nil }
            return placeholder(for: span, as: kind)
        }
    }

    private mutating func append(_ original: String, as kind: IdentifierKind, to output: inout [UInt8]) {
        output.append(contentsOf: placeholder(for: original, as: kind).utf8)
    }

    /// A token followed by `/repository` (possibly after a port) and not itself inside a path.
    private func isImageRegistry(_ run: NameRun, in text: TextBytes) -> Bool {
        run.isTokenAtStart && run.isTokenAtEnd && text.byte(at: run.start - 1) != ASCIIByte.slash
            && text.startsRepositoryPath(at: run.end)
    }

    /// `<service>.<namespace>.svc.cluster.local` (or without the suffix) with each label masked
    /// on its own; a label the snapshot does not name is masked by its position (the namespace
    /// last, the Service before it, a pod's host name before that).
    private mutating func maskClusterName(_ labels: [Substring], suffixLength: Int) -> String {
        let nameCount = labels.count - suffixLength
        var masked: [String] = []
        for (position, label) in labels.enumerated() {
            let label = String(label)
            guard position < nameCount, !BuiltInNames.all.contains(label) else {
                masked.append(label)
                continue
            }
            let kind: IdentifierKind
            if let identified = kindOfPart(label, isOnePart: true) {
                kind = identified
            } else if position == nameCount - 1 {
                kind = .namespace
            } else if position == nameCount - 2 {
                kind = .service
            } else {
                kind = .pod
            }
            masked.append(placeholder(for: label, as: kind))
        }
        return masked.joined(separator: ".")
    }

    /// What a part of a token is: a known name; a name generated from a known workload's; or
    /// text that reads like a placeholder already handed out (then it is masked like any other
    /// name of that kind, so that `restore` never confuses the two).
    private func kindOfPart(_ part: String, isOnePart: Bool) -> IdentifierKind? {
        if let kind = known.kind(of: part) { return kind }
        if isOnePart, let kind = GeneratedName.kind(of: part, known: known) { return kind }
        return placeholderKinds[part]
    }

    /// The domain of an e-mail address whose local part is `run`.
    private static func emailDomain(after run: NameRun, in text: TextBytes) -> NameRun? {
        guard run.isTokenAtEnd, text.byte(at: run.end) == ASCIIByte.at, let next = text.byte(at: run.end + 1),
            ASCIIByte.isName(next)
        else { return nil }
        let domain = NameRun(in: text, at: run.end + 1)
        guard domain.isTokenAtStart, domain.hasToken, let labels = HostnameRules.labels(of: text.string(domain.token)),
            labels.count >= 2, let topLevel = labels.last, topLevel.utf8.count >= 2,
            topLevel.utf8.allSatisfy(ASCIIByte.isLowercaseLetter)
        else { return nil }
        return domain
    }

    // MARK: - Placeholders

    /// The placeholder of `original`, handing out the next free one of `kind` the first time.
    private mutating func placeholder(for original: String, as kind: IdentifierKind) -> String {
        if let placeholder = placeholders[original] { return placeholder }
        var number = lastNumbers[kind, default: 0]
        var candidate: String
        repeat {
            number += 1
            candidate = kind.placeholder(number)
        } while isTaken(candidate, kind: kind)
        lastNumbers[kind] = number
        placeholders[original] = candidate
        mapping[candidate] = original
        placeholderKinds[candidate] = kind
        return candidate
    }

    /// A candidate is skipped when it, or its numbered part (`host-1` of `host-1.example`,
    /// `user-1` of an e-mail address), is a known name or occurs in a masked text.
    private func isTaken(_ candidate: String, kind: IdentifierKind) -> Bool {
        let numberedPart: String
        switch kind {
        case .host, .registry, .email: numberedPart = String(candidate.prefix { $0 != "." && $0 != "@" })
        default: numberedPart = candidate
        }
        return mapping[candidate] != nil || known.contains(candidate) || known.contains(numberedPart)
            || reserved.contains(candidate) || reserved.contains(numberedPart)
    }

    /// Records the tokens and parts of `text` that end in a digit, and its IPv6 addresses: what
    /// a placeholder could be mistaken for. Done before masking, so that a `pod-1` late in the
    /// text keeps an earlier pod from becoming `pod-1`.
    private mutating func reserveLookalikes(in text: TextBytes) {
        var index = 0
        while index < text.count {
            if let address = AddressRules.ipv6(in: text, at: index) {
                reserved.insert(text.string(address))
                index = address.upperBound
            } else if ASCIIByte.isName(text[index]) {
                let run = NameRun(in: text, at: index)
                if run.hasToken {
                    for span in [run.token] + run.parts(in: text) where !span.isEmpty && ASCIIByte.isDigit(text[span.upperBound - 1]) {
                        reserved.insert(text.string(span))
                    }
                }
                index = run.end
            } else {
                index += 1
            }
        }
    }

    // MARK: - Restoring

    private func restore(_ run: NameRun, in text: TextBytes, into output: inout [UInt8]) -> Int {
        text.copy(run.start..<run.tokenStart, to: &output)
        guard run.hasToken else {
            text.copy(run.tokenStart..<run.end, to: &output)
            return run.end
        }
        let token = text.string(run.token)
        if let domain = Self.emailDomain(after: run, in: text), let original = mapping["\(token)@\(text.string(domain.token))"] {
            output.append(contentsOf: original.utf8)
            text.copy(domain.tokenEnd..<domain.end, to: &output)
            return domain.end
        }
        if let original = mapping[token] {
            output.append(contentsOf: original.utf8)
        } else {
            run.replacingParts(in: text, maxParts: Self.placeholderPartLimit, into: &output) { span, _ in mapping[span] }
        }
        text.copy(run.tokenEnd..<run.end, to: &output)
        return run.end
    }
}

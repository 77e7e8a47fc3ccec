/// When a dotted token is a host name. Text from pods is full of dotted code identifiers
/// (`java.lang.OutOfMemoryError`, `org.postgresql.Driver`, `main.go`, `app.py`), versions
/// (`1.25.3`) and quantities (`1.5Gi`), so a token is a host name only when all its labels are
/// lower-case DNS labels and the last one is a suffix hosts end in: common public ones,
/// internal ones and country codes that are no file extension.
enum HostnameRules {
    /// How the cluster's DNS names end: `<service>.<namespace>.svc[.cluster.local]`. Their
    /// labels are masked one by one so that the model still sees which is the namespace.
    static let clusterSuffixes: [[Substring]] = [["svc", "cluster", "local"], ["svc"]]

    /// Public services every cluster talks to; naming them identifies no one, and the model needs
    /// them ("toomanyrequests" from docker.io, a moved registry.k8s.io image, label keys such as
    /// `app.kubernetes.io/name`).
    static let publicDomains = [
        "kubernetes.io", "k8s.io", "docker.io", "docker.com", "quay.io", "ghcr.io", "gcr.io", "mcr.microsoft.com",
        "public.ecr.aws",
    ]

    private static let suffixes: Set<Substring> = [
        // Generic.
        "com", "net", "org", "io", "dev", "cloud", "ai", "co", "me", "info", "biz", "xyz", "tech", "online", "site",
        "gov", "edu", "mil",
        // Internal.
        "internal", "local", "lan", "corp", "intranet", "localdomain", "svc",
        // Country codes, without those that are also file extensions (.py .sh .md .pl .rs .so
        // .cc .tf .in .ps .mk .ml .am).
        "uk", "de", "fr", "nl", "eu", "us", "ca", "au", "nz", "jp", "cn", "kr", "tw", "hk", "sg", "br", "mx", "ar",
        "cl", "za", "ch", "at", "be", "se", "no", "fi", "dk", "es", "pt", "it", "ie", "cz", "sk", "hu", "ro",
        "gr", "tr", "il", "ru", "ua",
    ]

    /// The labels of `token` if it is written as a host name: lower-case letters, digits and
    /// inner hyphens, 1–63 characters each.
    static func labels(of token: String) -> [Substring]? {
        let labels = token.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            let bytes = label.utf8
            guard (1...63).contains(bytes.count), bytes.first != ASCIIByte.hyphen, bytes.last != ASCIIByte.hyphen,
                bytes.allSatisfy({ ASCIIByte.isLowercaseLetter($0) || ASCIIByte.isDigit($0) || $0 == ASCIIByte.hyphen })
            else { return nil }
        }
        return labels
    }

    /// Two labels or more, the last a suffix hosts end in.
    static func endsInHostSuffix(_ labels: [Substring]) -> Bool {
        guard labels.count >= 2, let last = labels.last else { return false }
        return suffixes.contains(last)
    }

    /// How many trailing labels are a cluster suffix, when at least one label precedes it.
    static func clusterSuffixLength(_ labels: [Substring]) -> Int? {
        for suffix in clusterSuffixes where labels.count > suffix.count && labels.suffix(suffix.count).elementsEqual(suffix) {
            return suffix.count
        }
        return nil
    }

    /// One of `publicDomains` or a host under one.
    static func isPublic(_ host: String) -> Bool {
        publicDomains.contains { domain in
            host.hasSuffix(domain) && (host.utf8.count == domain.utf8.count || host.utf8.dropLast(domain.utf8.count).last == ASCIIByte.dot)
        }
    }
}

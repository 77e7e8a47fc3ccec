import HealAnalysis
import Testing

@testable import HealAdvisor

@Suite("The anonymizer masks what identifies a cluster before it reaches an LLM and restores the answer")
struct AnonymizerTests {
    /// A few names of each sort the tests need.
    private static var known: KnownIdentifiers {
        var known = KnownIdentifiers()
        known.add("shop", as: .namespace)
        known.add("web", as: .deployment)
        known.add("web", as: .service)
        known.add("web", as: .container)
        known.add("web-7d4b9c8f5", as: .replicaset)
        known.add("web-7d4b9c8f5-kq2xz", as: .pod)
        known.add("db", as: .statefulset)
        known.add("orders", as: .service)
        known.add("report", as: .cronjob)
        known.add("log-agent", as: .daemonset)
        known.add("ip-10-0-1-5.ec2.internal", as: .node)
        return known
    }

    private static func anonymizer() -> Anonymizer {
        Anonymizer(known: known)
    }

    /// A value of `kind` and a text naming it.
    private static func sample(of kind: IdentifierKind) -> (value: String, text: String) {
        switch kind {
        case .registry: ("registry.acme.io", "pulling registry.acme.io:5000/team/app:v2 failed")
        case .host: ("api.acme.com", "GET https://api.acme.com/v1/orders timed out")
        case .ip: ("10.1.2.3", "dial tcp 10.1.2.3:443: i/o timeout")
        case .ipv6: ("fd00:10:244::5", "connect to [fd00:10:244::5]:8080 refused")
        case .email: ("alice@acme.com", "notify alice@acme.com.")
        default: ("checkout-\(kind.rawValue)", "\(kind.rawValue) checkout-\(kind.rawValue) is not ready")
        }
    }

    @Test("every kind is masked with its placeholder and restored", arguments: IdentifierKind.allCases)
    func everyKind(kind: IdentifierKind) {
        let (value, text) = Self.sample(of: kind)
        var known = KnownIdentifiers()
        known.add(value, as: kind)
        var anonymizer = Anonymizer(known: known)
        let masked = anonymizer.mask(text)
        #expect(masked == text.replacing(value, with: kind.placeholder(1)))
        #expect(!masked.contains(value))
        #expect(anonymizer.mapping == [kind.placeholder(1): value])
        #expect(anonymizer.restore(masked) == text)
    }

    @Test("placeholders look like what they replace: names, documentation addresses, example hosts and mailboxes")
    func placeholderForms() {
        #expect(IdentifierKind.namespace.placeholder(1) == "namespace-1")
        #expect(IdentifierKind.pod.placeholder(3) == "pod-3")
        #expect(IdentifierKind.host.placeholder(2) == "host-2.example")
        #expect(IdentifierKind.registry.placeholder(1) == "registry-1.example")
        #expect(IdentifierKind.email.placeholder(4) == "user-4@example.com")
        #expect(IdentifierKind.ip.placeholder(1) == "192.0.2.1")
        #expect(IdentifierKind.ip.placeholder(254) == "192.0.2.254")
        #expect(IdentifierKind.ip.placeholder(255) == "198.51.100.1")
        #expect(IdentifierKind.ip.placeholder(509) == "203.0.113.1")
        #expect(IdentifierKind.ip.placeholder(763) == "198.18.0.0")
        #expect(IdentifierKind.ipv6.placeholder(1) == "2001:db8::1")
        #expect(IdentifierKind.ipv6.placeholder(26) == "2001:db8::1a")
    }

    @Test("placeholders are numbered by first appearance, so the same texts give byte-identical prompts")
    func stableNumbering() {
        let texts = [
            "pod web-7d4b9c8f5-kq2xz in shop was evicted from ip-10-0-1-5.ec2.internal",
            "deployment web in shop has 0/2 replicas; 10.0.0.9 and 10.0.0.8 unreachable",
        ]
        var first = Self.anonymizer()
        var second = Self.anonymizer()
        let masked = texts.map { first.mask($0) }
        #expect(
            masked == [
                "pod pod-1 in namespace-1 was evicted from node-1",
                "deployment deployment-1 in namespace-1 has 0/2 replicas; 192.0.2.1 and 192.0.2.2 unreachable",
            ])
        #expect(texts.map { second.mask($0) } == masked)
        #expect(first.mask(texts[0]) == masked[0])
    }

    @Test("the same value in two texts gets the same placeholder, a new value the next one")
    func sameValueSamePlaceholder() {
        var anonymizer = Self.anonymizer()
        #expect(anonymizer.mask("10.1.2.3 refused the connection") == "192.0.2.1 refused the connection")
        #expect(anonymizer.mask("retrying 10.1.2.3, then 10.1.2.4") == "retrying 192.0.2.1, then 192.0.2.2")
        #expect(anonymizer.restore("192.0.2.2 answered, 192.0.2.1 did not") == "10.1.2.4 answered, 10.1.2.3 did not")
    }

    @Test(
        "a known name is masked only as a whole token or a dotted part, never inside another word",
        arguments: [
            ("the webhook failed", "the webhook failed"),
            ("my-web is up", "my-web is up"),
            ("web2 and mywebsite and web-frontend", "web2 and mywebsite and web-frontend"),
            ("WEB is not web", "WEB is not deployment-1"),
            ("(web), `web`, \"web\", web.", "(deployment-1), `deployment-1`, \"deployment-1\", deployment-1."),
            ("--namespace=shop -l app=web", "--namespace=namespace-1 -l app=deployment-1"),
            ("container web in pod web-7d4b9c8f5-kq2xz", "container deployment-1 in pod pod-1"),
        ])
    func wholeTokens(text: String, expected: String) {
        var anonymizer = Self.anonymizer()
        let masked = anonymizer.mask(text)
        #expect(masked == expected)
        #expect(anonymizer.restore(masked) == text)
    }

    @Test(
        "cluster DNS names are masked label by label, other host names as a whole, public ones not at all",
        arguments: [
            ("orders.shop.svc.cluster.local:5432", "service-1.namespace-1.svc.cluster.local:5432"),
            ("lookup orders.shop.svc on 10.96.0.10:53", "lookup service-1.namespace-1.svc on 192.0.2.1:53"),
            ("http://orders.shop:8080/api", "http://service-1.namespace-1:8080/api"),
            ("cache.legacy.svc.cluster.local", "service-1.namespace-1.svc.cluster.local"),
            ("db-0.db.shop.svc.cluster.local", "pod-1.statefulset-1.namespace-1.svc.cluster.local"),
            ("_grpc._tcp.orders.shop.svc.cluster.local", "_grpc._tcp.service-1.namespace-1.svc.cluster.local"),
            ("kube-dns.kube-system.svc.cluster.local", "kube-dns.kube-system.svc.cluster.local"),
            ("connect to api.acme.com:443", "connect to host-1.example:443"),
            ("https://api.acme.com/v1/charges?id=7", "https://host-1.example/v1/charges?id=7"),
            ("http://orders-old.shop/api", "http://service-1.namespace-1/api"),
            ("http://payments:8080/charge", "http://host-1.example:8080/charge"),
            ("ldap.corp.internal and nas.lan and build.acme.co.uk", "host-1.example and host-2.example and host-3.example"),
            ("evicted from ip-10-0-1-5.ec2.internal", "evicted from node-1"),
            ("label app.kubernetes.io/name is missing", "label app.kubernetes.io/name is missing"),
            ("http://localhost:8080/healthz", "http://localhost:8080/healthz"),
        ])
    func hostNames(text: String, expected: String) {
        var anonymizer = Self.anonymizer()
        let masked = anonymizer.mask(text)
        #expect(masked == expected)
        #expect(anonymizer.restore(masked) == text)
    }

    @Test(
        "IPv4 and IPv6 addresses become documentation addresses and e-mail addresses example.com ones",
        arguments: [
            ("dial tcp 10.0.3.7:443: i/o timeout", "dial tcp 192.0.2.1:443: i/o timeout"),
            ("podCIDR 10.244.0.0/16 on 10.244.0.1", "podCIDR 192.0.2.1/16 on 192.0.2.2"),
            ("connect [fd00:10:244::5]:8080 refused", "connect [2001:db8::1]:8080 refused"),
            ("from fe80::1ff:fe23:4567:890a.", "from 2001:db8::1."),
            ("peer 2001:4860:4860::8888: reset", "peer 2001:db8::1: reset"),
            ("mail alice@acme.com, bob.smith@mail.acme.io", "mail user-1@example.com, user-2@example.com"),
        ])
    func addresses(text: String, expected: String) {
        var anonymizer = Self.anonymizer()
        let masked = anonymizer.mask(text)
        #expect(masked == expected)
        #expect(anonymizer.restore(masked) == text)
    }

    @Test(
        "addresses that identify no one and address-like text stay as they are",
        arguments: [
            "connection refused 127.0.0.1:5432", "listening on 0.0.0.0:8080", "listening on [::]:80 and ::1",
            "netmask 255.255.255.0", "metadata at 169.254.169.254", "started at 10:30:45", "mac aa:bb:cc:dd:ee:ff",
            "std::vector<int> and a::b",
        ])
    func unmaskedAddresses(text: String) {
        var anonymizer = Self.anonymizer()
        #expect(anonymizer.mask(text) == text)
        #expect(anonymizer.mapping.isEmpty)
    }

    @Test(
        "an image's registry is masked and its repository path, tag and port are kept; public registries are kept",
        arguments: [
            (#"Failed to pull image "registry.acme.io:5000/team/app:v2""#, #"Failed to pull image "registry-1.example:5000/team/app:v2""#),
            ("harbor.corp/platform/api@sha256:0d3c", "registry-1.example/platform/api@sha256:0d3c"),
            ("myregistry:5000/app:1", "registry-1.example:5000/app:1"),
            ("123456789012.dkr.ecr.us-east-1.amazonaws.com/billing/api:v3", "registry-1.example/billing/api:v3"),
            ("10.0.0.5:5000/app:v1", "192.0.2.1:5000/app:v1"),
            ("docker.io/library/nginx:1.25 and registry.k8s.io/pause:3.9", "docker.io/library/nginx:1.25 and registry.k8s.io/pause:3.9"),
            ("localhost:5000/exporter:7 and nginx:latest", "localhost:5000/exporter:7 and nginx:latest"),
        ])
    func registries(text: String, expected: String) {
        var anonymizer = Anonymizer(known: KnownIdentifiers())
        let masked = anonymizer.mask(text)
        #expect(masked == expected)
        #expect(anonymizer.restore(masked) == text)
    }

    @Test("a registry the snapshot names is masked wherever its host appears, with or without a port")
    func knownRegistry() {
        var known = KnownIdentifiers()
        known.add("registry.acme.io:5000", as: .registry)
        var anonymizer = Anonymizer(known: known)
        let text = "pull registry.acme.io:5000/team/app:v2: lookup registry.acme.io: no such host"
        let masked = anonymizer.mask(text)
        #expect(masked == "pull registry-1.example:5000/team/app:v2: lookup registry-1.example: no such host")
        #expect(anonymizer.restore(masked) == text)
    }

    @Test(
        "code identifiers, file names, versions and quantities are not host names",
        arguments: [
            "java.lang.OutOfMemoryError: Java heap space", "Caused by: org.postgresql.Driver", "panic at main.go:42",
            #"File "app.py", line 7"#, "Server: nginx/1.25.3", "upgrade to 1.25.3", "limit 1.5Gi, request 250m",
            "node v20.11.1", "com.acme.payments.PaymentService.charge", "requests.exceptions.ConnectionError",
            "System.IO.IOException", "see README.md and setup.sh", "loading libssl.so.3", "config.h.in and values.yaml",
            "user.home is /root", "spring.datasource.url is unset", "exit code 137 (OOMKilled)",
        ])
    func codeIdentifiers(text: String) {
        var anonymizer = Self.anonymizer()
        #expect(anonymizer.mask(text) == text)
        #expect(anonymizer.mapping.isEmpty)
    }

    @Test(
        "secret-looking values are redacted for good: restore does not bring them back",
        arguments: [
            ("password=hunter2 for web", "password=<redacted> for deployment-1", "hunter2"),
            ("Authorization: Bearer abc.def.ghi0123456789", "Authorization: Bearer <redacted>", "abc.def.ghi0123456789"),
            (
                "session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c from 10.0.0.7",
                "session <redacted> from 192.0.2.1", "sflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
            ),
            (
                "dsn postgres://app:s3cr3t@orders.shop.svc:5432/orders", "dsn postgres://host-1.example:<redacted>@service-1.namespace-1.svc:5432/service-1",
                "s3cr3t"
            ),
        ])
    func secrets(text: String, expected: String, secret: String) {
        var anonymizer = Self.anonymizer()
        let masked = anonymizer.mask(text)
        #expect(masked == expected)
        let restored = anonymizer.restore(masked)
        #expect(!restored.contains(secret))
        #expect(restored == SecretScrubber.scrub(text))
        #expect(!anonymizer.mapping.values.contains { $0.contains(secret) })
    }

    @Test("a placeholder that is a known name is skipped: a real pod called pod-1 is not confused with the placeholder")
    func knownNameCollision() {
        var known = Self.known
        known.add("pod-1", as: .pod)
        var anonymizer = Anonymizer(known: known)
        let text = "web-7d4b9c8f5-kq2xz replaced pod-1"
        let masked = anonymizer.mask(text)
        #expect(masked == "pod-2 replaced pod-3")
        #expect(anonymizer.restore(masked) == text)
        #expect(anonymizer.restore("pod-1 is not a placeholder") == "pod-1 is not a placeholder")
    }

    @Test("a placeholder that occurs in the text is skipped, and one that occurs in a later text is masked itself")
    func textCollision() {
        var anonymizer = Self.anonymizer()
        let first = "pod-1 and 192.0.2.1 and host-1.example were mentioned before web-7d4b9c8f5-kq2xz, 10.0.0.1 and api.acme.com"
        let maskedFirst = anonymizer.mask(first)
        #expect(maskedFirst == "pod-1 and 192.0.2.2 and host-1.example were mentioned before pod-2, 192.0.2.3 and host-2.example")
        let second = "now pod-2 (an unknown name) and host-2.example appear"
        let maskedSecond = anonymizer.mask(second)
        #expect(maskedSecond == "now pod-3 (an unknown name) and host-3.example appear")
        #expect(anonymizer.restore(maskedFirst) == first)
        #expect(anonymizer.restore(maskedSecond) == second)
    }

    @Test(
        "names generated from a known workload's are masked even when the snapshot does not hold them",
        arguments: [
            ("web-5f6c8d9b7-x2x9z", "pod-1"), ("web-5f6c8d9b7", "replicaset-1"), ("web-7d4b9c8f5-lm4vw", "pod-1"),
            ("db-3", "pod-1"), ("report-28391240", "job-1"), ("report-28391240-hj7mn", "pod-1"), ("log-agent-q8v4t", "pod-1"),
            ("orders-zx9kq", "endpointslice-1"),
            ("web-5f6c8d9b7-x2x9z_shop(0b1c)", "pod-1_namespace-1(0b1c)"),
        ])
    func generatedNames(name: String, expected: String) {
        var anonymizer = Self.anonymizer()
        let masked = anonymizer.mask("restarting \(name).")
        #expect(masked == "restarting \(expected).")
        #expect(anonymizer.restore(masked) == "restarting \(name).")
    }

    @Test(
        "names that only start like a known workload's are not generated ones",
        arguments: ["web-frontend", "web-db", "db-primary", "report-weekly", "web-7d4b9c8f5-kq2xz-extra", "log-agent-config"])
    func notGeneratedNames(name: String) {
        var anonymizer = Self.anonymizer()
        #expect(anonymizer.mask(name) == name)
    }

    @Test("a realistic finding keeps no original name, address, host, registry or secret, and restores but the secrets")
    func realisticFinding() throws {
        let known = KnownIdentifiers.from(try ShopCluster.snapshot())
        var anonymizer = Anonymizer(known: known)
        let texts = [
            #"Failed to pull image "registry.acme.io/shop/storefront:v2": rpc error: code = Unknown desc = failed to pull and unpack image "registry.acme.io/shop/storefront:v2": failed to resolve reference: dial tcp 10.0.3.7:443: i/o timeout"#,
            "Back-off restarting failed container storefront in pod storefront-6c9f7d8b4-p2x7m_shop(5b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e)",
            "2024-05-01T10:00:00Z ERROR cannot reach orders-db-0.orders-db-headless.shop.svc.cluster.local:5432 from 10.244.1.17 as billing@acme.com with password=hunter2 (node ip-10-0-1-5.ec2.internal)",
            "POST https://payments.partner-bank.net/v2/charge: 401 Unauthorized, Authorization: Bearer sk_live_0123456789abcdef",
            "0/3 nodes are available: persistentvolumeclaim \"storefront-data\" not found; service storefront-svc has no endpoints on fd00:10:244::17",
        ]
        let masked = texts.map { anonymizer.mask($0) }
        let prompt = masked.joined(separator: "\n")
        let originals = [
            "registry.acme.io", "acme", "shop", "storefront", "orders-db", "kq2xz", "6c9f7d8b4", "p2x7m", "10.0.3.7",
            "10.244.1.17", "ip-10-0-1-5", "ec2.internal", "billing", "partner-bank", "hunter2", "sk_live", "fd00",
        ]
        for original in originals {
            #expect(!prompt.contains(original), "\(original) is in \(prompt)")
        }
        #expect(masked[0].contains("registry-1.example/namespace-1/deployment-1:v2"))
        #expect(masked[0].contains("dial tcp 192.0.2.1:443: i/o timeout"))
        #expect(masked[1] == "Back-off restarting failed container deployment-1 in pod pod-1_namespace-1(5b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e)")
        for (text, maskedText) in zip(texts, masked) {
            #expect(anonymizer.restore(maskedText) == SecretScrubber.scrub(text))
        }
    }

    @Test(
        "restore replaces whole placeholders only, wherever the answer puts them",
        arguments: [
            ("`pod-1`. (pod-1) pod-1's", "`web-7d4b9c8f5-kq2xz`. (web-7d4b9c8f5-kq2xz) web-7d4b9c8f5-kq2xz's"),
            ("pod-10 and pod-1x and xpod-1 are not pod-1", "pod-10 and pod-1x and xpod-1 are not web-7d4b9c8f5-kq2xz"),
            ("pod-1_namespace-1 and pod-1.namespace-1", "web-7d4b9c8f5-kq2xz_shop and web-7d4b9c8f5-kq2xz.shop"),
            ("kubectl -n namespace-1 rollout restart deployment/deployment-1", "kubectl -n shop rollout restart deployment/web"),
            ("curl http://host-1.example:8080/x from 192.0.2.1:443", "curl http://api.acme.com:8080/x from 10.1.2.3:443"),
            ("[2001:db8::1]:80 and user-1@example.com.", "[fd00::5]:80 and alice@acme.com."),
            ("<redacted> stays, pod-99 too", "<redacted> stays, pod-99 too"),
        ])
    func restoreWholePlaceholders(answer: String, expected: String) {
        var anonymizer = Self.anonymizer()
        _ = anonymizer.mask("web-7d4b9c8f5-kq2xz in shop runs web; api.acme.com at 10.1.2.3, fd00::5, alice@acme.com")
        #expect(anonymizer.restore(answer) == expected)
    }

    @Test("text without secrets comes back exactly as it was")
    func roundTrip() throws {
        var anonymizer = Anonymizer(known: KnownIdentifiers.from(try ShopCluster.snapshot()))
        let texts = [
            "Readiness probe failed: Get \"http://10.244.1.17:8080/ready\": dial tcp 10.244.1.17:8080: connect: connection refused",
            "pod storefront-7d4b9c8f5-kq2xz (shop) on ip-10-0-1-5.ec2.internal: container cache-sidecar OOMKilled, limit 256Mi",
            "Job nightly-export-28391234 in batch: pod nightly-export-28391234-w7k9p exited 1; see https://shop.acme.com/status.",
            "Unable to attach volume pvc-0f3a9c2e-1b7d-4e1a-9c3b-2f1e8d7c6b5a for claim storefront-data to node ip-10-0-1-5.ec2.internal",
            "ünïcödé 名前 storefront — ok … 10.0.0.1\ttab\nnew line",
            "",
        ]
        for text in texts {
            let masked = anonymizer.mask(text)
            #expect(anonymizer.restore(masked) == text)
        }
    }
}

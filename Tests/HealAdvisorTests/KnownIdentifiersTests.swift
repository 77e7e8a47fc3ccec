import HealModel
import Testing

@testable import HealAdvisor

@Suite("Known identifiers are every name and address a snapshot holds, each under its kind")
struct KnownIdentifiersTests {
    @Test(
        "each object, the names it refers to and its addresses are collected under the most telling kind",
        arguments: [
            ("shop", IdentifierKind.namespace), ("observability", .namespace), ("batch", .namespace),
            ("payments-prod", .namespace),
            ("storefront", .deployment),  // also the container's name: the Deployment is more telling
            ("storefront-7d4b9c8f5", .replicaset), ("storefront-7d4b9c8f5-kq2xz", .pod), ("nightly-export-x8p2q", .pod),
            ("orders-db", .statefulset), ("log-shipper", .daemonset), ("nightly-export-28391234", .job),
            ("nightly-export", .cronjob), ("checkout", .object),
            ("storefront-svc", .service), ("payments", .service), ("orders-db-headless", .service),
            ("storefront-fallback", .service), ("storefront-svc-x7k2p", .endpointslice),
            ("ip-10-0-1-5.ec2.internal", .node), ("storefront-data", .pvc), ("pgdata", .pvc),
            ("pvc-0f3a9c2e-1b7d-4e1a-9c3b-2f1e8d7c6b5a", .pv), ("storefront-hpa", .hpa), ("storefront-ingress", .ingress),
            ("storefront-pdb", .pdb), ("storefront-secrets", .secret), ("orders-db-credentials", .secret),
            ("acme-pull", .secret), ("storefront-config", .configmap), ("feature-flags", .configmap),
            ("storefront-runner", .serviceaccount), ("migrate", .container), ("cache-sidecar", .container),
            ("postgres", .container), ("fluent-bit", .container), ("exporter", .container),
            ("registry.acme.io", .registry), ("10.20.30.40", .ip), ("10.96.12.34", .ip), ("10.244.1.17", .ip),
            ("fd00:10:244::17", .ipv6), ("shop.acme.com", .host), ("preview.acme.dev", .host),
            ("payments.partner-bank.net", .host), ("shop-acme-tls", .secret), ("storefront-api", .service),
            ("api.shop.acme.com", .host), ("shop-gateway", .object), ("acme-edge", .object), ("storefront-route", .object),
        ])
    func collected(name: String, kind: IdentifierKind) throws {
        let known = KnownIdentifiers.from(try ShopCluster.snapshot())
        #expect(known.kind(of: name) == kind)
    }

    @Test(
        "values, public and local registries, and names every cluster has are not collected",
        arguments: [
            "tok-value-never-collected", "DB_PASSWORD", "password", "ghcr.io", "docker.io", "localhost", "localhost:5000",
            "registry.acme.io:5000", "kubernetes", "default", "None", "gp3", "nginx",
        ])
    func notCollected(value: String) throws {
        let known = KnownIdentifiers.from(try ShopCluster.snapshot())
        #expect(!known.contains(value))
    }

    @Test("a name known as several kinds keeps all of them and takes the most telling one's placeholder")
    func severalKinds() {
        var known = KnownIdentifiers()
        known.add("web", as: .container)
        known.add("web", as: .service)
        known.add("web", as: .deployment)
        #expect(known.kind(of: "web") == .deployment)
        #expect(known.isKnown("web", as: .service))
        #expect(known.isKnown("web", as: .container))
        #expect(!known.isKnown("web", as: .pod))
    }

    @Test("hosts and registries are recorded without port or final dot, IPv6 addresses as IPv6, empty values not at all")
    func normalised() {
        var known = KnownIdentifiers()
        known.add("registry.acme.io:5000", as: .registry)
        known.add("api.acme.com.", as: .host)
        known.add("fd00::17", as: .ip)
        known.add("", as: .pod)
        #expect(known.kind(of: "registry.acme.io") == .registry)
        #expect(known.kind(of: "api.acme.com") == .host)
        #expect(known.kind(of: "fd00::17") == .ipv6)
        #expect(known.count == 3)
    }

    @Test("the longest dotted name sets how many parts are looked up inside a token")
    func longestPartCount() {
        var known = KnownIdentifiers()
        #expect(known.longestPartCount == 1)
        known.add("ip-10-0-1-5.ec2.internal", as: .node)
        #expect(known.longestPartCount == 3)
    }
}

import HealAnalysis
import Testing

@Suite("Image references are read like a container runtime and misspellings are corrected")
struct ImageCorrectorTests {
    struct Parsed: Sendable, CustomStringConvertible {
        var text: String
        var registry: String?
        var repository: String
        var tag: String?
        var digest: String?
        var shortRepository: String
        var isDockerHub: Bool
        var description: String { text }
    }

    @Test(
        "references split into registry, repository, tag and digest",
        arguments: [
            Parsed(text: "nginx", registry: nil, repository: "nginx", tag: nil, digest: nil, shortRepository: "nginx", isDockerHub: true),
            Parsed(text: "nginx:1.27", registry: nil, repository: "nginx", tag: "1.27", digest: nil, shortRepository: "nginx", isDockerHub: true),
            Parsed(
                text: "library/nginx:latest", registry: nil, repository: "library/nginx", tag: "latest", digest: nil,
                shortRepository: "nginx", isDockerHub: true),
            Parsed(
                text: "docker.io/library/nginx:1.27", registry: "docker.io", repository: "library/nginx", tag: "1.27", digest: nil,
                shortRepository: "nginx", isDockerHub: true),
            Parsed(text: "team/api:v2", registry: nil, repository: "team/api", tag: "v2", digest: nil, shortRepository: "team/api", isDockerHub: true),
            Parsed(
                text: "ghcr.io/acme/api:v1", registry: "ghcr.io", repository: "acme/api", tag: "v1", digest: nil,
                shortRepository: "acme/api", isDockerHub: false),
            Parsed(
                text: "quay.io/library/nginx", registry: "quay.io", repository: "library/nginx", tag: nil, digest: nil,
                shortRepository: "library/nginx", isDockerHub: false),
            Parsed(
                text: "registry.example.com:5000/team/api:1.0", registry: "registry.example.com:5000", repository: "team/api",
                tag: "1.0", digest: nil, shortRepository: "team/api", isDockerHub: false),
            Parsed(
                text: "registry:5000/app", registry: "registry:5000", repository: "app", tag: nil, digest: nil,
                shortRepository: "app", isDockerHub: false),
            Parsed(
                text: "localhost:5000/app", registry: "localhost:5000", repository: "app", tag: nil, digest: nil,
                shortRepository: "app", isDockerHub: false),
            Parsed(text: "localhost/app:dev", registry: "localhost", repository: "app", tag: "dev", digest: nil, shortRepository: "app", isDockerHub: false),
            Parsed(
                text: "nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", registry: nil, repository: "nginx",
                tag: nil, digest: "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", shortRepository: "nginx",
                isDockerHub: true),
            Parsed(
                text: "ghcr.io/acme/api:v1@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", registry: "ghcr.io",
                repository: "acme/api", tag: "v1", digest: "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
                shortRepository: "acme/api", isDockerHub: false),
        ])
    func parses(expected: Parsed) {
        let reference = ImageReference(expected.text)
        #expect(reference.original == expected.text)
        #expect(reference.registry == expected.registry)
        #expect(reference.repository == expected.repository)
        #expect(reference.tag == expected.tag)
        #expect(reference.digest == expected.digest)
        #expect(reference.shortRepository == expected.shortRepository)
        #expect(reference.isDockerHub == expected.isDockerHub)
    }

    @Test("rewriting a reference keeps its registry and digest")
    func rewriting() {
        #expect(ImageReference("ghcr.io/acme/api:v1").with(tag: "v2") == "ghcr.io/acme/api:v2")
        #expect(ImageReference("localhost:5000/app").with(tag: "dev") == "localhost:5000/app:dev")
        #expect(ImageReference("ngnix:1.27@sha256:abc").with(repository: "nginx") == "nginx:1.27@sha256:abc")
        #expect(ImageReference("nginx:1.27").with() == "nginx:1.27")
    }

    @Test(
        "misspelled tags from the known-typo table are fixed and safe to apply",
        arguments: [("nginx:latst", "nginx:latest"), ("redis:lastest", "redis:latest"), ("ghcr.io/acme/api:latets", "ghcr.io/acme/api:latest")])
    func knownTagTypo(image: String, intended: String) throws {
        let suggestion = try #require(ImageCorrector.correctTag(of: image, runningImages: []))
        #expect(suggestion.image == intended)
        #expect(suggestion.basis == .knownTypo)
        #expect(suggestion.isSafeToApply)
    }

    @Test(
        "misspelled repositories from the known-typo table are fixed, and their tag too",
        arguments: [("apline:3.18", "alpine:3.18"), ("ngnix", "nginx"), ("ngnix:latst", "nginx:latest"), ("pyhton:3.12-slim", "python:3.12-slim")])
    func knownRepositoryTypo(image: String, intended: String) throws {
        let suggestion = try #require(ImageCorrector.correctRepository(of: image, runningImages: []))
        #expect(suggestion.image == intended)
        #expect(suggestion.basis == .knownTypo)
        #expect(suggestion.isSafeToApply)
    }

    @Test("a repository one edit from a well-known image is suggested but not applied unattended")
    func nearWellKnownImage() throws {
        let suggestion = try #require(ImageCorrector.correctRepository(of: "nginy:1.27", runningImages: []))
        #expect(suggestion.image == "nginx:1.27")
        #expect(suggestion.basis == .wellKnownImage)
        #expect(suggestion.confidence == 0.8)
        #expect(!suggestion.isSafeToApply)
    }

    @Test("a repository close to one already running in the cluster is suggested from it")
    func nearRunningRepository() throws {
        let suggestion = try #require(
            ImageCorrector.correctRepository(of: "acme/billing-apii:v3", runningImages: ["acme/billing-api:v2", "redis:7.2"]))
        #expect(suggestion.image == "acme/billing-api:v3")
        #expect(suggestion.basis == .runningImage)
        #expect(!suggestion.isSafeToApply)
    }

    @Test("a tag one edit from the tag of the same image running in the cluster is suggested")
    func nearRunningTag() throws {
        let running: Set<String> = ["acme/api:v1.2.3", "acme/worker:v1.2.4", "redis:7.2"]
        let suggestion = try #require(ImageCorrector.correctTag(of: "acme/api:v1.2.4", runningImages: running))
        #expect(suggestion.image == "acme/api:v1.2.3")
        #expect(suggestion.basis == .runningImage)
        #expect(!suggestion.isSafeToApply)
    }

    @Test(
        "nothing is suggested for names that look right but are unknown",
        arguments: [
            ("payments-service:2.1.0", [String]()), ("acme/orders:1.0", []), ("ghcr.io/acme/api:v1.2.4", ["acme/api:v1.2.3"]),
            ("nginx:1.27", []), ("nginx:1.27", ["nginx:2.0"]),
        ])
    func noSuggestion(image: String, running: [String]) {
        #expect(ImageCorrector.correctRepository(of: image, runningImages: Set(running)) == nil)
        #expect(ImageCorrector.correctTag(of: image, runningImages: Set(running)) == nil)
    }

    @Test("an upper-case reference the runtime rejects is lower-cased")
    func lowercase() throws {
        let suggestion = try #require(ImageCorrector.correctSyntax(of: "Nginx:1.27"))
        #expect(suggestion.image == "nginx:1.27")
        #expect(suggestion.basis == .lowercase)
        #expect(suggestion.isSafeToApply)
        #expect(ImageCorrector.correctSyntax(of: "nginx:1.27") == nil)
        #expect(ImageCorrector.correctSyntax(of: "my image:1") == nil)
    }

    @Test("lower-casing fixes the repository but keeps the tag, which is case-sensitive")
    func lowercaseKeepsTag() throws {
        let suggestion = try #require(ImageCorrector.correctSyntax(of: "Acme/API:Build-7"))
        #expect(suggestion.image == "acme/api:Build-7")
    }

    @Test(
        "edit distance counts insertions, deletions, substitutions and neighbour swaps as one each",
        arguments: [
            ("ngnix", "nginx", 1), ("nginx", "nginx", 0), ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3),
            ("latst", "latest", 1), ("ab", "ba", 1), ("apline", "alpine", 1), ("ca", "abc", 3), ("redis", "mysql", 5),
        ])
    func editDistance(lhs: String, rhs: String, distance: Int) {
        #expect(EditDistance.between(lhs, rhs) == distance)
        #expect(EditDistance.between(rhs, lhs) == distance)
    }
}

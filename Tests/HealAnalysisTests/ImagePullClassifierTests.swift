@testable import HealAnalysis
import Testing

/// Runtime wordings for pull failures: the missing repository is recognised first, in the
/// words of containerd, Docker and CRI-O, and a missing tag never renames the repository.
@Suite("Image pull classification")
struct ImagePullClassifierTests {
    private func classify(_ image: String, _ message: String, running: Set<String> = []) -> ImagePullClassifier.Verdict {
        ImagePullClassifier.classify(image: image, reason: "ErrImagePull", messages: [message], hasPullSecrets: false, runningImages: running)
    }

    @Test("Docker's \"pull access denied … requested access to the resource is denied\" for a typo is a missing repository")
    func dockerTypo() {
        let verdict = classify("ngnix:1.27", "Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied")
        #expect(verdict.code == "image-not-found")
        #expect(verdict.suggestion?.image == "nginx:1.27")
    }

    @Test("CRI-O's \"requested access to the resource is denied\" for a typo is a missing repository")
    func crioTypo() {
        let verdict = classify("apline:3.18", "initializing source docker://apline:3.18: reading manifest 3.18 in docker.io/library/apline: requested access to the resource is denied")
        #expect(verdict.code == "image-not-found")
        #expect(verdict.suggestion?.image == "alpine:3.18")
    }

    @Test("a missing tag of an existing repository is corrected in the tag, never by renaming the repository")
    func missingTagKeepsRepository() {
        let verdict = classify(
            "ghcr.io/team/api-v2:1.4",
            "failed to resolve reference \"ghcr.io/team/api-v2:1.4\": ghcr.io/team/api-v2:1.4: not found",
            running: ["ghcr.io/team/api-v1:1.4"])
        #expect(verdict.code == "image-tag-not-found")
        #expect(verdict.suggestion == nil)
    }

    @Test("a 401 from a private registry is a credentials problem")
    func unauthorized() {
        let verdict = classify("registry.example.com/payments/api:1.4.2", "pulling from host registry.example.com failed with status code [manifests 1.4.2]: 401 Unauthorized")
        #expect(verdict.code == "image-pull-unauthorized")
    }
}

import Testing
import HealModel
@testable import HealStore

@Suite struct PatternIDTests {
    @Test func sha256MatchesTheStandardTestVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = String(repeating: "a", count: 1000)
        #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func patternIDsDependOnFingerprintAndAction() {
        let id = LearnedPattern.makeID(fingerprint: "f1", action: "raise-memory-limit")
        #expect(id.count == 12)
        #expect(id == LearnedPattern.makeID(fingerprint: "f1", action: "raise-memory-limit"))
        #expect(id != LearnedPattern.makeID(fingerprint: "f1", action: "rollback"))
        #expect(id != LearnedPattern.makeID(fingerprint: "f2", action: "raise-memory-limit"))
    }
}

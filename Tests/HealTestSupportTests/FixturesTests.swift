import Foundation
import HealTestSupport
import Testing

@Suite("Fixtures")
struct FixturesTests {
    @Test("locates the captured tree from the source file")
    func locations() {
        #expect(FileManager.default.fileExists(atPath: Fixtures.root.appending(path: "README.md").path))
        #expect(FileManager.default.fileExists(atPath: Fixtures.capturedAPIPaths.appending(path: "version.json").path))
        #expect(Fixtures.scenario("crashloop-oom").path.hasSuffix("Tests/Fixtures/scenarios/crashloop-oom"))
    }

    @Test("a status body is the file without its trailing HTTP code line")
    func statusBodies() throws {
        let forbidden = try Fixtures.statusBody("403-forbidden-list-deployments")
        #expect(forbidden.httpCode == 403)
        #expect(try JSON(data: forbidden.body)["code"] == .number(403))

        let expired = try Fixtures.statusBody("410-watch-too-old-resourceversion")
        #expect(expired.httpCode == 200)
        #expect(try JSON(data: expired.body)["object"]?["code"] == .number(410))
    }
}

import Foundation
import HealTestSupport
import Testing

@Suite("TemporaryDirectory")
struct TemporaryDirectoryTests {
    @Test("writes nested files and executables, and is removed on deinit")
    func lifecycle() throws {
        var directory: TemporaryDirectory? = try TemporaryDirectory()
        let root = try #require(directory?.url)
        let kubeconfig = try #require(try directory?.write("home/.kube/config", "apiVersion: v1\n"))
        let plugin = try #require(try directory?.writeExecutable("bin/token", "#!/bin/sh\necho ok\n"))

        #expect(try String(contentsOf: kubeconfig, encoding: .utf8) == "apiVersion: v1\n")
        let mode = try FileManager.default.attributesOfItem(atPath: plugin.path)[.posixPermissions] as? Int
        #expect(mode == 0o755)
        let process = try Process.run(plugin, arguments: [])
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        directory = nil
        #expect(!FileManager.default.fileExists(atPath: root.path))
    }
}

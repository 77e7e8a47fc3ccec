import Testing
@testable import HealStore

@Suite("Store location")
struct StoreLocationTests {
    @Test("--store wins over KUBECTL_HEAL_STORE, which wins over the XDG default")
    func precedence() throws {
        let variables = ["KUBECTL_HEAL_STORE": "configmap://team/heal-memory", "XDG_STATE_HOME": "/var/state"]
        #expect(try StoreLocation.resolve(flag: "/tmp/m.sqlite", variables: variables, homeDirectory: "/home/me") == .file(path: "/tmp/m.sqlite"))
        #expect(try StoreLocation.resolve(flag: nil, variables: variables, homeDirectory: "/home/me") == .configMap(namespace: "team", name: "heal-memory"))
        #expect(try StoreLocation.resolve(flag: nil, variables: ["XDG_STATE_HOME": "/var/state"], homeDirectory: "/home/me") == .file(path: "/var/state/kubectl-heal/memory.sqlite"))
        #expect(try StoreLocation.resolve(flag: nil, variables: [:], homeDirectory: "/home/me") == .file(path: "/home/me/.local/state/kubectl-heal/memory.sqlite"))
        #expect(try StoreLocation.resolve(flag: nil, variables: ["XDG_STATE_HOME": "relative"], homeDirectory: "/home/me") == .file(path: "/home/me/.local/state/kubectl-heal/memory.sqlite"), "the XDG spec ignores relative paths")
        #expect(try StoreLocation.resolve(flag: "~/m.sqlite", variables: [:], homeDirectory: "/home/me") == .file(path: "/home/me/m.sqlite"))
    }

    @Test("bad values are refused with the reason", arguments: ["", "configmap://team", "configmap://Team/x", "configmap://team/a/b", "s3://bucket/x", "/var/state/"])
    func bad(value: String) {
        #expect {
            _ = try StoreLocation(parsing: value, homeDirectory: "/home/me")
        } throws: { error in
            if case .badLocation(let text, let reason) = error as? StoreError { return text == value && !reason.isEmpty }
            return false
        }
    }
}

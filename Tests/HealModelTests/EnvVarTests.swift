import HealModel
import Testing

@Suite("EnvVar answers questions about its value without revealing it")
struct EnvVarTests {
    static let secretReference = #"{"secretKeyRef": {"name": "mysql", "key": "root-password"}}"#

    @Test(
        "a variable is empty when its value is blank and nothing supplies it",
        arguments: [
            (#"{"name": "MYSQL_HOST", "value": ""}"#, true),
            (#"{"name": "MYSQL_HOST"}"#, true),
            (#"{"name": "MYSQL_HOST", "value": "db.agentic-demo.svc"}"#, false),
            (#"{"name": "MYSQL_ROOT_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "mysql", "key": "root-password"}}}"#, false),
            (#"{"name": "POD_IP", "valueFrom": {"fieldRef": {"fieldPath": "status.podIP"}}}"#, false),
        ])
    func isEmpty(json: String, empty: Bool) throws {
        #expect(try decode(json, as: EnvVar.self).isEmpty == empty)
    }

    @Test("values compare by literal value and by source")
    func sameValue() throws {
        let password = try decode(#"{"name": "PASSWORD", "value": "s3cret"}"#, as: EnvVar.self)
        let samePassword = EnvVar(name: "DB_PASSWORD", value: "s3cret")
        let otherPassword = EnvVar(name: "PASSWORD", value: "hunter2")
        let fromSecret = try decode(#"{"name": "PASSWORD", "valueFrom": \#(Self.secretReference)}"#, as: EnvVar.self)
        let fromSecretAgain = try decode(#"{"name": "PASSWORD", "valueFrom": \#(Self.secretReference)}"#, as: EnvVar.self)
        #expect(password.hasSameValue(as: samePassword))
        #expect(!password.hasSameValue(as: otherPassword))
        #expect(!password.hasSameValue(as: fromSecret))
        #expect(fromSecret.hasSameValue(as: fromSecretAgain))
        #expect(fromSecret.valueFrom?.secretKeyRef?.key == "root-password")
    }

    @Test("printing, dumping or reflecting a variable never shows its value")
    func neverRevealsValue() throws {
        let password = try decode(#"{"name": "MYSQL_ROOT_PASSWORD", "value": "s3cret"}"#, as: EnvVar.self)
        var dumped = ""
        dump(password, to: &dumped)
        for text in [String(describing: password), String(reflecting: password), "\([password])", dumped] {
            #expect(!text.contains("s3cret"), "\(text)")
        }
        #expect(password.name == "MYSQL_ROOT_PASSWORD")
    }
}

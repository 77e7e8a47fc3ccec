import Foundation

/// Certificates made with the `openssl` CLI once per test process: a CA, a server certificate
/// for 127.0.0.1 / localhost and a client certificate (CN=heal-test, O=system:masters) signed by
/// it, and an unrelated CA for "wrong CA" tests. Keys are ECDSA P-256, as k3s issues them (and
/// fast to make); the client key is SEC 1 ("BEGIN EC PRIVATE KEY"), as in k3s kubeconfigs.
package struct TestPKI: Sendable {
    package struct Credential: Sendable {
        package let certificateFile: URL
        package let keyFile: URL
        package let certificatePEM: Data
        package let keyPEM: Data
    }

    package var directory: URL { storage.url }
    package let ca: Credential
    package let server: Credential
    package let client: Credential
    package let otherCA: Credential
    private let storage: TemporaryDirectory

    // Generated on first use; statics are never deinitialized, so the directory is removed at exit.
    private static let cached: Result<TestPKI, any Error> = Result {
        let pki = try TestPKI(storage: TemporaryDirectory(prefix: "heal-test-pki"))
        atexit {
            if case .success(let pki) = TestPKI.cached { try? FileManager.default.removeItem(at: pki.directory) }
        }
        return pki
    }

    /// The process-wide PKI, generated on first use.
    package static func shared() throws -> TestPKI {
        try cached.get()
    }

    private init(storage: TemporaryDirectory) throws {
        self.storage = storage
        let directory = storage.url
        try Self.makeCA(named: "ca", subject: "/CN=heal-test-ca", in: directory)
        try Self.makeCA(named: "other-ca", subject: "/CN=heal-test-other-ca", in: directory)
        try Self.makeLeaf(
            named: "server", subject: "/CN=127.0.0.1", serial: 2,
            extensions: "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n",
            in: directory)
        try Self.makeLeaf(
            named: "client", subject: "/O=system:masters/CN=heal-test", serial: 3,
            extensions: "extendedKeyUsage=clientAuth\n", in: directory)
        try ToolRunner.run(["openssl", "ec", "-in", "client.key", "-out", "client.key"], in: directory)
        ca = try Credential(named: "ca", in: directory)
        otherCA = try Credential(named: "other-ca", in: directory)
        server = try Credential(named: "server", in: directory)
        client = try Credential(named: "client", in: directory)
    }

    private static func makeCA(named name: String, subject: String, in directory: URL) throws {
        try ToolRunner.run(
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-days", "3650",
                "-keyout", "\(name).key", "-out", "\(name).pem", "-subj", subject,
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ], in: directory)
    }

    private static func makeLeaf(
        named name: String, subject: String, serial: Int, extensions: String, in directory: URL
    ) throws {
        let extensionFile = "\(name).ext"
        try Data(("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n" + extensions).utf8)
            .write(to: directory.appending(path: extensionFile))
        try ToolRunner.run(
            [
                "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject,
            ], in: directory)
        try ToolRunner.run(
            [
                "openssl", "x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-set_serial", String(serial), "-days", "3650", "-extfile", extensionFile, "-out", "\(name).pem",
            ], in: directory)
    }
}

extension TestPKI.Credential {
    fileprivate init(named name: String, in directory: URL) throws {
        certificateFile = directory.appending(path: "\(name).pem")
        keyFile = directory.appending(path: "\(name).key")
        certificatePEM = try Data(contentsOf: certificateFile)
        keyPEM = try Data(contentsOf: keyFile)
    }
}

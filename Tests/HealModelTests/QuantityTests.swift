import Foundation
import HealModel
import Testing

@Suite("Quantity reads Kubernetes resource quantities")
struct QuantityTests {
    @Test(
        "quantities parse to base units and keep their text",
        arguments: [
            ("128Mi", 134_217_728.0),
            ("50m", 0.05),
            ("1.5", 1.5),
            ("1e3", 1000.0),
            ("5E-2", 0.05),
            ("10k", 10_000.0),
            ("1Gi", 1_073_741_824.0),
            ("100Ki", 102_400.0),
            ("0.5Gi", 536_870_912.0),
            ("500M", 500_000_000.0),
            ("2", 2.0),
            ("131813128Ki", 134_976_643_072.0),
            ("250u", 0.000_25),
            ("+1", 1.0),
        ])
    func parses(text: String, value: Double) throws {
        let quantity = try #require(Quantity(text))
        #expect(abs(quantity.value - value) <= abs(value) * 1e-12)
        #expect(quantity.text == text)
        #expect(quantity.description == text)
    }

    @Test(
        "text that is not a quantity is rejected",
        arguments: ["", "abc", "Mi", "12Q", "1.2.3", "1 Mi", "1e", "--1", "1mi", "Gi1", "1KiB", "1e99999999999", "1e31"])
    func rejects(text: String) {
        #expect(Quantity(text) == nil)
    }

    @Test("numbers written bare in YAML or JSON decode like their text")
    func numbersDecode() throws {
        let decoded = try decode(#"{"cpu": 2, "memory": "128Mi", "fraction": 0.5}"#, as: [String: Quantity].self)
        #expect(decoded["cpu"]?.text == "2")
        #expect(decoded["cpu"]?.value == 2)
        #expect(decoded["fraction"]?.text == "0.5")
        #expect(decoded["fraction"]?.value == 0.5)
        #expect(decoded["memory"]?.value == 134_217_728)
    }

    @Test("a bare number too large for a quantity fails decoding instead of crashing")
    func hugeNumber() {
        #expect(throws: DecodingError.self) {
            _ = try JSONDecoder().decode([String: Quantity].self, from: Data(#"{"cpu": 1e30}"#.utf8))
        }
    }

    @Test("a string that is not a quantity fails decoding and names the text")
    func invalidStringFails() {
        let error = #expect(throws: DecodingError.self) {
            try decode(#"{"memory": "lots"}"#, as: [String: Quantity].self)
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription.contains("\"lots\""))
    }

    @Test(
        "bytes format as whole Mi, or Gi when exact",
        arguments: [
            (134_217_728.0, "128Mi"), (1_073_741_824.0, "1Gi"), (1_610_612_736.0, "1536Mi"),
            (2_147_483_648.0, "2Gi"), (100_000_000.0, "96Mi"), (1.0, "1Mi"),
        ])
    func formatsBytes(bytes: Double, text: String) {
        #expect(Quantity.formatBytes(bytes) == text)
    }

    @Test(
        "cores format as millicores, or whole cores when exact",
        arguments: [(0.25, "250m"), (2.0, "2"), (1.5, "1500m"), (0.0001, "1m"), (2007.0 / 1000, "2007m"), (0.0, "0")])
    func formatsCores(cores: Double, text: String) {
        #expect(Quantity.formatCores(cores) == text)
    }
}

import Foundation
import HealAnalysis
import Testing

@Suite("Pricing files are decoded leniently but checked strictly, each problem with its path")
struct PricingFileTests {
    /// A file like deploy/pricing.yaml, as JSON (the same Decodable reads both).
    static let sample = """
        {
          "apiVersion": "heal.kubectl.io/v1alpha1", "kind": "Pricing",
          "currency": "USD", "cpuPerCoreHour": 0.031611, "memoryPerGiBHour": 0.004237, "hoursPerMonth": 730,
          "nodePools": [
            {"name": "spot", "nodeSelector": {"karpenter.sh/capacity-type": "spot"}, "spotDiscountPercent": 70},
            {"name": "gpu", "nodeSelector": {"cloud.google.com/gke-nodepool": "gpu"}, "cpuPerCoreHour": 0.09, "memoryPerGiBHour": 0.012}
          ],
          "namespaces": [
            {"match": "batch-*", "cpuPerCoreHour": 0.02},
            {"match": "sandbox", "cpuPerCoreHour": 0, "memoryPerGiBHour": 0}
          ]
        }
        """

    static func decode(_ json: String) throws -> PricingFile {
        try JSONDecoder().decode(PricingFile.self, from: Data(json.utf8))
    }

    @Test("the sample file becomes the sheet it describes")
    func sample() throws {
        let sheet = try PriceSheet(file: Self.decode(Self.sample))
        #expect(
            sheet
                == PriceSheet(
                    nodePools: [
                        NodePoolPrices(name: "spot", nodeSelector: ["karpenter.sh/capacity-type": "spot"], spotDiscountPercent: 70),
                        NodePoolPrices(
                            name: "gpu", nodeSelector: ["cloud.google.com/gke-nodepool": "gpu"], cpuPerCoreHour: 0.09, memoryPerGiBHour: 0.012),
                    ],
                    namespaces: [
                        NamespacePrices(pattern: try #require(NamespacePattern("batch-*")), cpuPerCoreHour: 0.02),
                        NamespacePrices(pattern: try #require(NamespacePattern("sandbox")), cpuPerCoreHour: 0, memoryPerGiBHour: 0),
                    ]))
    }

    @Test("a file with only apiVersion and kind is the default sheet")
    func minimal() throws {
        #expect(try PriceSheet(file: Self.decode(#"{"apiVersion": "heal.kubectl.io/v1alpha1", "kind": "Pricing"}"#)) == PriceSheet())
    }

    @Test("another currency keeps its code for JSON and a symbol for tables")
    func currency() throws {
        #expect(try PriceSheet(file: PricingFile(currency: "EUR", currencySymbol: "€")).currency == Currency(code: "EUR", symbol: "€"))
        #expect(try PriceSheet(file: PricingFile(currency: "CHF")).currency == Currency(code: "CHF", symbol: "CHF "))
        #expect(try PriceSheet(file: PricingFile(currency: "USD")).currency == .usd)
    }

    @Test(
        "keys the format does not have are kept with their path and rejected",
        arguments: [
            (#"{"apiVersion": "heal.kubectl.io/v1alpha1", "kind": "Pricing", "cpuPrice": 1}"#, "cpuPrice"),
            (
                #"{"apiVersion": "heal.kubectl.io/v1alpha1", "kind": "Pricing", "nodePools": [{"name": "a", "nodeSelector": {"x": "y"}, "cpuPerCoreHour": 1}, {"name": "spot", "nodeSelector": {"x": "z"}, "spotDiscount": 70}]}"#,
                "nodePools[1].spotDiscount"
            ),
            (
                #"{"apiVersion": "heal.kubectl.io/v1alpha1", "kind": "Pricing", "namespaces": [{"match": "a", "cpu": 1}]}"#,
                "namespaces[0].cpu"
            ),
        ])
    func unknownKeys(json: String, path: String) throws {
        let error = #expect(throws: PricingError.self) { try PriceSheet(file: Self.decode(json)) }
        guard case .unknownKey(let found, _, _) = error else {
            Issue.record("expected an unknown key, got \(String(describing: error))")
            return
        }
        #expect(found == path)
    }

    static let pool = PricingFile.NodePool(name: "spot", nodeSelector: ["karpenter.sh/capacity-type": "spot"], spotDiscountPercent: 70)
    static let rule = PricingFile.NamespaceRule(match: "batch-*", cpuPerCoreHour: 0.02)

    static func pools(_ second: PricingFile.NodePool) -> PricingFile { PricingFile(nodePools: [pool, second]) }
    static func rules(_ second: PricingFile.NamespaceRule) -> PricingFile { PricingFile(namespaces: [rule, second]) }

    @Test(
        "every validation error names its field",
        arguments: [
            (PricingFile(apiVersion: "v1"), PricingError.unknownAPIVersion(found: "v1")),
            (PricingFile(kind: "Prices"), .unknownKind(found: "Prices")),
            (PricingFile(unknownKeys: ["cpuPrice"]), .unknownKey(path: "cpuPrice", key: "cpuPrice", valid: PricingFile.keys)),
            (PricingFile(currency: "usd"), .invalidCurrencyCode(path: "currency", found: "usd")),
            (PricingFile(currencySymbol: "€"), .symbolWithoutCurrency(path: "currencySymbol")),
            (PricingFile(currency: "EUR", currencySymbol: ""), .emptyValue(path: "currencySymbol")),
            (PricingFile(cpuPerCoreHour: -1), .negativePrice(path: "cpuPerCoreHour", value: -1)),
            (PricingFile(memoryPerGiBHour: .infinity), .priceNotFinite(path: "memoryPerGiBHour")),
            (PricingFile(hoursPerMonth: 0), .hoursPerMonthOutOfRange(path: "hoursPerMonth", value: 0)),
            (PricingFile(hoursPerMonth: 745), .hoursPerMonthOutOfRange(path: "hoursPerMonth", value: 745)),
            (
                pools(PricingFile.NodePool(name: "b", nodeSelector: ["x": "y"], unknownKeys: ["spotDiscount"])),
                .unknownKey(path: "nodePools[1].spotDiscount", key: "spotDiscount", valid: PricingFile.NodePool.keys)
            ),
            (pools(PricingFile.NodePool(name: "", nodeSelector: ["x": "y"], cpuPerCoreHour: 1)), .emptyValue(path: "nodePools[1].name")),
            (
                pools(PricingFile.NodePool(name: "spot", nodeSelector: ["x": "y"], cpuPerCoreHour: 1)),
                .duplicate(path: "nodePools[1].name", value: "spot", firstPath: "nodePools[0].name")
            ),
            (pools(PricingFile.NodePool(name: "b", nodeSelector: nil, cpuPerCoreHour: 1)), .emptySelector(path: "nodePools[1].nodeSelector")),
            (pools(PricingFile.NodePool(name: "b", nodeSelector: [:], cpuPerCoreHour: 1)), .emptySelector(path: "nodePools[1].nodeSelector")),
            (pools(PricingFile.NodePool(name: "b", nodeSelector: ["x": "y"])), .setsNoPrice(path: "nodePools[1]")),
            (
                pools(PricingFile.NodePool(name: "b", nodeSelector: ["x": "y"], spotDiscountPercent: 120)),
                .discountOutOfRange(path: "nodePools[1].spotDiscountPercent", value: 120)
            ),
            (
                pools(PricingFile.NodePool(name: "b", nodeSelector: ["x": "y"], spotDiscountPercent: -5)),
                .discountOutOfRange(path: "nodePools[1].spotDiscountPercent", value: -5)
            ),
            (
                pools(PricingFile.NodePool(name: "b", nodeSelector: ["x": "y"], cpuPerCoreHour: -0.5)),
                .negativePrice(path: "nodePools[1].cpuPerCoreHour", value: -0.5)
            ),
            (
                pools(PricingFile.NodePool(name: "b", nodeSelector: ["x": "y"], memoryPerGiBHour: .nan)),
                .priceNotFinite(path: "nodePools[1].memoryPerGiBHour")
            ),
            (
                rules(PricingFile.NamespaceRule(match: "b", cpuPerCoreHour: 1, unknownKeys: ["cpu"])),
                .unknownKey(path: "namespaces[1].cpu", key: "cpu", valid: PricingFile.NamespaceRule.keys)
            ),
            (rules(PricingFile.NamespaceRule(match: "Batch", cpuPerCoreHour: 1)), .invalidNamespacePattern(path: "namespaces[1].match", found: "Batch")),
            (
                rules(PricingFile.NamespaceRule(match: "batch-*", cpuPerCoreHour: 1)),
                .duplicate(path: "namespaces[1].match", value: "batch-*", firstPath: "namespaces[0].match")
            ),
            (rules(PricingFile.NamespaceRule(match: "b")), .setsNoPrice(path: "namespaces[1]")),
            (
                rules(PricingFile.NamespaceRule(match: "b", memoryPerGiBHour: -0.1)),
                .negativePrice(path: "namespaces[1].memoryPerGiBHour", value: -0.1)
            ),
        ])
    func validation(file: PricingFile, expected: PricingError) {
        #expect(throws: expected) { try PriceSheet(file: file) }
        #expect(expected.message.hasPrefix(expected.path))
    }

    @Test(
        "messages say what is wrong where, and suggest the key a typo meant",
        arguments: [
            (
                PricingError.unknownKey(path: "nodePools[1].spotDiscountPercnt", key: "spotDiscountPercnt", valid: PricingFile.NodePool.keys),
                "nodePools[1].spotDiscountPercnt is not a pricing field (did you mean spotDiscountPercent?)"
            ),
            (.discountOutOfRange(path: "nodePools[1].spotDiscountPercent", value: 120), "nodePools[1].spotDiscountPercent is 120, outside 0–100"),
            (.negativePrice(path: "cpuPerCoreHour", value: -0.031611), "cpuPerCoreHour is -0.031611: a price cannot be negative"),
            (
                .duplicate(path: "nodePools[1].name", value: "spot", firstPath: "nodePools[0].name"),
                "nodePools[1].name \"spot\" repeats nodePools[0].name"
            ),
            (.unknownAPIVersion(found: "v1"), "apiVersion is \"v1\", expected heal.kubectl.io/v1alpha1"),
        ])
    func messages(error: PricingError, message: String) {
        #expect(error.message == message)
        #expect(!error.hint.isEmpty)
    }

    @Test("a price from a flag is checked by the same rule, under the flag's name")
    func flagPrice() {
        #expect(throws: PricingError.negativePrice(path: "--cpu-price", value: -1)) { try PriceSheet.checkPrice(-1, at: "--cpu-price") }
        #expect(throws: PricingError.hoursPerMonthOutOfRange(path: "--hours-per-month", value: 800)) {
            try PriceSheet.checkHoursPerMonth(800, at: "--hours-per-month")
        }
        #expect(throws: Never.self) { try PriceSheet.checkPrice(0, at: "--memory-price") }
    }
}

/// A `kind: Pricing` file as written (YAML or JSON; see docs/pricing.md). The CLI decodes it
/// and `PriceSheet(file:)` checks it, so that every problem is reported with its path.
package struct PricingFile: Decodable, Sendable, Equatable {
    package static let apiVersion = "heal.kubectl.io/v1alpha1"
    package static let kind = "Pricing"

    package var apiVersion: String
    package var kind: String
    /// An ISO 4217 code; USD when omitted.
    package var currency: String?
    /// How tables show amounts: "$" for USD, else the code and a space unless given.
    package var currencySymbol: String?
    package var cpuPerCoreHour: Double?
    package var memoryPerGiBHour: Double?
    package var hoursPerMonth: Double?
    package var nodePools: [NodePool]
    package var namespaces: [NamespaceRule]
    /// Keys the format does not have (usually typos), rejected by validation.
    package var unknownKeys: [String]

    package init(
        apiVersion: String = Self.apiVersion, kind: String = Self.kind, currency: String? = nil, currencySymbol: String? = nil,
        cpuPerCoreHour: Double? = nil, memoryPerGiBHour: Double? = nil, hoursPerMonth: Double? = nil, nodePools: [NodePool] = [],
        namespaces: [NamespaceRule] = [], unknownKeys: [String] = []
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.currency = currency
        self.currencySymbol = currencySymbol
        self.cpuPerCoreHour = cpuPerCoreHour
        self.memoryPerGiBHour = memoryPerGiBHour
        self.hoursPerMonth = hoursPerMonth
        self.nodePools = nodePools
        self.namespaces = namespaces
        self.unknownKeys = unknownKeys
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case apiVersion, kind, currency, currencySymbol, cpuPerCoreHour, memoryPerGiBHour, hoursPerMonth, nodePools, namespaces
    }

    package static let keys = CodingKeys.allCases.map(\.rawValue)

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try container.decode(String.self, forKey: .apiVersion)
        kind = try container.decode(String.self, forKey: .kind)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        currencySymbol = try container.decodeIfPresent(String.self, forKey: .currencySymbol)
        cpuPerCoreHour = try container.decodeIfPresent(Double.self, forKey: .cpuPerCoreHour)
        memoryPerGiBHour = try container.decodeIfPresent(Double.self, forKey: .memoryPerGiBHour)
        hoursPerMonth = try container.decodeIfPresent(Double.self, forKey: .hoursPerMonth)
        nodePools = try container.decodeIfPresent([NodePool].self, forKey: .nodePools) ?? []
        namespaces = try container.decodeIfPresent([NamespaceRule].self, forKey: .namespaces) ?? []
        unknownKeys = try DecodedKeys.unknown(in: decoder, known: Self.keys)
    }
}

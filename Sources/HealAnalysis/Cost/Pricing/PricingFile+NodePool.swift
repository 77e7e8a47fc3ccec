extension PricingFile {
    /// One entry of `nodePools`.
    package struct NodePool: Decodable, Sendable, Equatable {
        package var name: String
        /// Labels the node must carry, all of them; missing or empty is an error.
        package var nodeSelector: [String: String]?
        package var cpuPerCoreHour: Double?
        package var memoryPerGiBHour: Double?
        package var spotDiscountPercent: Double?
        package var unknownKeys: [String]

        package init(
            name: String, nodeSelector: [String: String]?, cpuPerCoreHour: Double? = nil, memoryPerGiBHour: Double? = nil,
            spotDiscountPercent: Double? = nil, unknownKeys: [String] = []
        ) {
            self.name = name
            self.nodeSelector = nodeSelector
            self.cpuPerCoreHour = cpuPerCoreHour
            self.memoryPerGiBHour = memoryPerGiBHour
            self.spotDiscountPercent = spotDiscountPercent
            self.unknownKeys = unknownKeys
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, nodeSelector, cpuPerCoreHour, memoryPerGiBHour, spotDiscountPercent
        }

        package static let keys = CodingKeys.allCases.map(\.rawValue)

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            nodeSelector = try container.decodeIfPresent([String: String].self, forKey: .nodeSelector)
            cpuPerCoreHour = try container.decodeIfPresent(Double.self, forKey: .cpuPerCoreHour)
            memoryPerGiBHour = try container.decodeIfPresent(Double.self, forKey: .memoryPerGiBHour)
            spotDiscountPercent = try container.decodeIfPresent(Double.self, forKey: .spotDiscountPercent)
            unknownKeys = try DecodedKeys.unknown(in: decoder, known: Self.keys)
        }
    }
}

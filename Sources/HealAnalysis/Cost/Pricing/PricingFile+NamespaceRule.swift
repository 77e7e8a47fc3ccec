extension PricingFile {
    /// One entry of `namespaces`.
    package struct NamespaceRule: Decodable, Sendable, Equatable {
        /// A namespace name or glob (`*`, `?`).
        package var match: String
        package var cpuPerCoreHour: Double?
        package var memoryPerGiBHour: Double?
        package var unknownKeys: [String]

        package init(match: String, cpuPerCoreHour: Double? = nil, memoryPerGiBHour: Double? = nil, unknownKeys: [String] = []) {
            self.match = match
            self.cpuPerCoreHour = cpuPerCoreHour
            self.memoryPerGiBHour = memoryPerGiBHour
            self.unknownKeys = unknownKeys
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case match, cpuPerCoreHour, memoryPerGiBHour
        }

        package static let keys = CodingKeys.allCases.map(\.rawValue)

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            match = try container.decode(String.self, forKey: .match)
            cpuPerCoreHour = try container.decodeIfPresent(Double.self, forKey: .cpuPerCoreHour)
            memoryPerGiBHour = try container.decodeIfPresent(Double.self, forKey: .memoryPerGiBHour)
            unknownKeys = try DecodedKeys.unknown(in: decoder, known: Self.keys)
        }
    }
}

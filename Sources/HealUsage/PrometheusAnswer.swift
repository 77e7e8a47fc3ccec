/// The Prometheus HTTP API's envelope: `{"status":"success","data":…,"warnings":[…]}` or
/// `{"status":"error","errorType":"bad_data","error":"…"}`.
struct PrometheusAnswer: Decodable {
    var status: String
    var data: VectorData?
    var errorType: String?
    var error: String?
    var warnings: [String]?

    /// Only instant vectors: the usage queries evaluate to nothing else.
    struct VectorData: Decodable {
        var result: [Element]

        private enum CodingKeys: String, CodingKey {
            case resultType, result
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let resultType = try container.decode(String.self, forKey: .resultType)
            guard resultType == "vector" else {
                throw DecodingError.dataCorruptedError(
                    forKey: .resultType, in: container, debugDescription: "expected \"vector\", found \"\(resultType.prefix(40))\"")
            }
            result = try container.decode([Element].self, forKey: .result)
        }
    }

    /// An instant-vector element: `{"metric":{…},"value":[1700000000.123,"0.25"]}`.
    struct Element: Decodable {
        var metric: [String: String]
        var value: Value
    }

    /// `[time, "value"]`: the time as a number, the value as a string.
    struct Value: Decodable {
        var number: Double

        init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            _ = try pair.decode(Double.self)
            let text = try pair.decode(String.self)
            guard let number = Double(text) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: pair.codingPath + [Index(intValue: 1)],
                    debugDescription: "expected a sample value such as \"0.25\", \"NaN\" or \"+Inf\", found \"\(text.prefix(40))\""))
            }
            guard pair.isAtEnd else {
                throw DecodingError.dataCorruptedError(in: pair, debugDescription: "expected [time, \"value\"], found more elements")
            }
            self.number = number
        }

        /// A position in the pair, for the coding path of an error.
        private struct Index: CodingKey {
            let index: Int
            var intValue: Int? { index }
            var stringValue: String { "\(index)" }

            init(intValue: Int) {
                index = intValue
            }

            init?(stringValue: String) {
                nil
            }
        }
    }
}

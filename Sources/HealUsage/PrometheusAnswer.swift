/// The Prometheus HTTP API's envelope: `{"status":"success","data":…,"warnings":[…]}` or
/// `{"status":"error","errorType":"bad_data","error":"…"}`; `Result` is an instant vector
/// (`/api/v1/query`) or a range matrix (`/api/v1/query_range`).
struct PrometheusAnswer<Result: PrometheusResult>: Decodable {
    var status: String
    var data: ResultData?
    var errorType: String?
    var error: String?
    var warnings: [String]?

    struct ResultData: Decodable {
        var result: [Result]

        private enum CodingKeys: String, CodingKey {
            case resultType, result
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let resultType = try container.decode(String.self, forKey: .resultType)
            guard resultType == Result.resultType else {
                throw DecodingError.dataCorruptedError(
                    forKey: .resultType, in: container, debugDescription: "expected \"\(Result.resultType)\", found \"\(resultType.prefix(40))\"")
            }
            result = try container.decode([Result].self, forKey: .result)
        }
    }
}

/// What one answer's `data.result` holds, by its `resultType`.
protocol PrometheusResult: Decodable {
    static var resultType: String { get }
}

/// An instant-vector element: `{"metric":{…},"value":[1700000000.123,"0.25"]}`.
struct VectorElement: PrometheusResult {
    static let resultType = "vector"
    var metric: [String: String]
    var value: SampleValue
}

/// A range-matrix element: `{"metric":{…},"values":[[1700000000,"0.25"],…]}`.
struct MatrixElement: PrometheusResult {
    static let resultType = "matrix"
    var metric: [String: String]
    var values: [SampleValue]
}

/// `[time, "value"]`: the time as a number, the value as a string.
struct SampleValue: Decodable {
    var time: Double
    var number: Double

    init(from decoder: any Decoder) throws {
        var pair = try decoder.unkeyedContainer()
        time = try pair.decode(Double.self)
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

/// The keys a decoded mapping has beyond the ones its type reads. Decodable ignores unknown
/// keys, so a typo such as `spotDiscount` would silently price a pool at full price; the
/// pricing file keeps them so that validation can reject them with their path.
enum DecodedKeys {
    static func unknown(in decoder: any Decoder, known: [String]) throws -> [String] {
        try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
    }

    private struct AnyKey: CodingKey {
        let stringValue: String
        let intValue: Int? = nil

        init(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) {
            nil
        }
    }
}

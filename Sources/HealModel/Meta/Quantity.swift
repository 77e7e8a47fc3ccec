import Foundation

/// A Kubernetes resource quantity ("128Mi", "50m", "1.5", "10k", "1e3"), kept as written and as a
/// number in base units: cores for CPU, bytes for memory.
package struct Quantity: Sendable, Hashable, Decodable, CustomStringConvertible {
    package let text: String
    package let value: Double

    package init?(_ text: String) {
        guard let value = Quantity.parse(text) else { return nil }
        self.text = text
        self.value = value
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // YAML snapshots write small quantities as plain numbers ("cpu: 2").
        if let number = try? container.decode(Double.self) {
            guard number.isFinite, abs(number) < 1e18 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "quantity \(number) is out of range")
            }
            text = number == number.rounded() ? String(Int(number)) : String(number)
            value = number
            return
        }
        let text = try container.decode(String.self)
        guard let value = Quantity.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a quantity such as 500m, 128Mi or 2, found \"\(text)\"")
        }
        self.text = text
        self.value = value
    }

    package var description: String { text }

    private static let binarySuffixes: [String: Double] = [
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776,
        "Pi": 1_125_899_906_842_624, "Ei": 1_152_921_504_606_846_976,
    ]
    private static let decimalSuffixes: [String: Double] = [
        "n": 1e-9, "u": 1e-6, "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
    ]

    private static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        var numberEnd = trimmed.startIndex
        for index in trimmed.indices {
            let character = trimmed[index]
            if character.isNumber || character == "." || ((character == "+" || character == "-") && index == trimmed.startIndex) {
                numberEnd = trimmed.index(after: index)
            } else {
                break
            }
        }
        guard let base = Double(trimmed[..<numberEnd]) else { return nil }
        let suffix = String(trimmed[numberEnd...])
        if let multiplier = binarySuffixes[suffix] ?? decimalSuffixes[suffix] {
            return base * multiplier
        }
        // Decimal exponent: "1e3", "5E-2".
        // Kubernetes quantities stay within ±10^18 or so; anything wider is not a quantity.
        if let first = suffix.first, first == "e" || first == "E", let exponent = Int(suffix.dropFirst()), abs(exponent) <= 30 {
            return base * pow10(exponent)
        }
        return nil
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}

extension Quantity {
    /// "512Mi", "1.5Gi", "300m" — for messages and suggested patches.
    package static func formatBytes(_ bytes: Double) -> String {
        let mebibytes = (bytes / 1_048_576).rounded(.up)
        if mebibytes >= 1024, mebibytes.truncatingRemainder(dividingBy: 1024) == 0 {
            return "\(Int(mebibytes / 1024))Gi"
        }
        return "\(Int(mebibytes))Mi"
    }

    package static func formatCores(_ cores: Double) -> String {
        // Less than a billionth of a millicore is representation error, not a part to round up:
        // 2.007 × 1000 is 2007.0000000000002 in binary, and must read "2007m", not "2008m".
        let millicores = (cores * 1000 - 1e-6).rounded(.up)
        if millicores.truncatingRemainder(dividingBy: 1000) == 0 {
            return "\(Int(millicores / 1000))"
        }
        return "\(Int(millicores))m"
    }
}

import Foundation
import HealAnalysis
import HealKube
import Yams

/// The price sheet for `cost`: the pricing file (YAML or JSON) when given, then the prices given
/// one by one over its defaults.
enum PricingLoader {
    static func sheet(_ settings: PricingSettings) throws -> PriceSheet {
        var sheet = PriceSheet()
        if let path = settings.file { sheet = try load(path) }
        if let price = settings.cpuPerCoreHour { sheet.cpuPerCoreHour = price }
        if let price = settings.memoryPerGiBHour { sheet.memoryPerGiBHour = price }
        if let hours = settings.hoursPerMonth { sheet.hoursPerMonth = hours }
        return sheet
    }

    static func load(_ path: String) throws -> PriceSheet {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw AppError.pricingFileInvalid(path: path, problem: "cannot read it: \(FileErrorReason.describe(error))", hint: "check the path and its permissions")
        }
        let file: PricingFile
        do {
            file = try YAMLDecoder().decode(PricingFile.self, from: text)
        } catch {
            throw AppError.pricingFileInvalid(
                path: path, problem: DecodingErrorDescription.describe(error),
                hint: "see docs/pricing.md for the format (apiVersion: \(PricingFile.apiVersion), kind: \(PricingFile.kind))")
        }
        do {
            return try PriceSheet(file: file)
        } catch {
            throw AppError.pricingFileInvalid(path: path, problem: error.message, hint: error.hint)
        }
    }
}

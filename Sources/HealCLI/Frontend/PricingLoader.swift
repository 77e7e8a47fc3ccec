import Foundation
import HealAnalysis
import HealKube
import Yams

/// The price sheet for `cost`: the --pricing file (YAML or JSON) when given, then the
/// --cpu-price/--memory-price/--hours-per-month flags over its defaults.
enum PricingLoader {
    static func sheet(_ options: PricingOptions) throws -> PriceSheet {
        var sheet = PriceSheet()
        if let path = options.pricing { sheet = try load(path) }
        if let price = options.cpuPrice { sheet.cpuPerCoreHour = price }
        if let price = options.memoryPrice { sheet.memoryPerGiBHour = price }
        if let hours = options.hoursPerMonth { sheet.hoursPerMonth = hours }
        return sheet
    }

    static func load(_ path: String) throws -> PriceSheet {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CLIError.pricingFileInvalid(path: path, problem: "cannot read it: \(FileErrorReason.describe(error))", hint: "check the path and its permissions")
        }
        let file: PricingFile
        do {
            file = try YAMLDecoder().decode(PricingFile.self, from: text)
        } catch {
            throw CLIError.pricingFileInvalid(
                path: path, problem: DecodingErrorDescription.describe(error),
                hint: "see docs/pricing.md for the format (apiVersion: \(PricingFile.apiVersion), kind: \(PricingFile.kind))")
        }
        do {
            return try PriceSheet(file: file)
        } catch {
            throw CLIError.pricingFileInvalid(path: path, problem: error.message, hint: error.hint)
        }
    }
}

extension PriceSheet {
    /// The sheet a pricing file describes, checked top to bottom: the first problem is thrown
    /// with its path. Unknown keys are errors, so that a typo cannot silently leave a price
    /// at its default.
    package init(file: PricingFile) throws(PricingError) {
        guard file.apiVersion == PricingFile.apiVersion else { throw .unknownAPIVersion(found: file.apiVersion) }
        guard file.kind == PricingFile.kind else { throw .unknownKind(found: file.kind) }
        try Self.checkKeys(file.unknownKeys, at: "", valid: PricingFile.keys)

        self.init()
        currency = try Self.currency(code: file.currency, symbol: file.currencySymbol)
        if let price = file.cpuPerCoreHour { cpuPerCoreHour = try Self.checkPrice(price, at: "cpuPerCoreHour") }
        if let price = file.memoryPerGiBHour { memoryPerGiBHour = try Self.checkPrice(price, at: "memoryPerGiBHour") }
        if let hours = file.hoursPerMonth { hoursPerMonth = try Self.checkHoursPerMonth(hours, at: "hoursPerMonth") }

        var poolPaths: [String: String] = [:]
        for (index, pool) in file.nodePools.enumerated() {
            let path = "nodePools[\(index)]"
            try Self.checkKeys(pool.unknownKeys, at: path + ".", valid: PricingFile.NodePool.keys)
            guard !pool.name.isEmpty else { throw .emptyValue(path: path + ".name") }
            if let first = poolPaths[pool.name] { throw .duplicate(path: path + ".name", value: pool.name, firstPath: first) }
            poolPaths[pool.name] = path + ".name"
            guard let selector = pool.nodeSelector, !selector.isEmpty else { throw .emptySelector(path: path + ".nodeSelector") }
            guard pool.cpuPerCoreHour != nil || pool.memoryPerGiBHour != nil || pool.spotDiscountPercent != nil else {
                throw .setsNoPrice(path: path)
            }
            if let discount = pool.spotDiscountPercent, !(0...100).contains(discount) {
                throw .discountOutOfRange(path: path + ".spotDiscountPercent", value: discount)
            }
            nodePools.append(
                NodePoolPrices(
                    name: pool.name, nodeSelector: selector,
                    cpuPerCoreHour: try Self.checkPrice(ifPresent: pool.cpuPerCoreHour, at: path + ".cpuPerCoreHour"),
                    memoryPerGiBHour: try Self.checkPrice(ifPresent: pool.memoryPerGiBHour, at: path + ".memoryPerGiBHour"),
                    spotDiscountPercent: pool.spotDiscountPercent))
        }

        var patternPaths: [String: String] = [:]
        for (index, rule) in file.namespaces.enumerated() {
            let path = "namespaces[\(index)]"
            try Self.checkKeys(rule.unknownKeys, at: path + ".", valid: PricingFile.NamespaceRule.keys)
            guard let pattern = NamespacePattern(rule.match) else { throw .invalidNamespacePattern(path: path + ".match", found: rule.match) }
            if let first = patternPaths[rule.match] { throw .duplicate(path: path + ".match", value: rule.match, firstPath: first) }
            patternPaths[rule.match] = path + ".match"
            guard rule.cpuPerCoreHour != nil || rule.memoryPerGiBHour != nil else { throw .setsNoPrice(path: path) }
            namespaces.append(
                NamespacePrices(
                    pattern: pattern,
                    cpuPerCoreHour: try Self.checkPrice(ifPresent: rule.cpuPerCoreHour, at: path + ".cpuPerCoreHour"),
                    memoryPerGiBHour: try Self.checkPrice(ifPresent: rule.memoryPerGiBHour, at: path + ".memoryPerGiBHour")))
        }
    }

    /// A price per vCPU-hour or GiB-hour: finite and not negative (0 leaves the resource
    /// unpriced). Also for prices given as flags, with the flag as `path`.
    package static func checkPrice(_ value: Double, at path: String) throws(PricingError) -> Double {
        guard value.isFinite else { throw .priceNotFinite(path: path) }
        guard value >= 0 else { throw .negativePrice(path: path, value: value) }
        return value
    }

    private static func checkPrice(ifPresent value: Double?, at path: String) throws(PricingError) -> Double? {
        guard let value else { return nil }
        return try checkPrice(value, at: path)
    }

    package static func checkHoursPerMonth(_ value: Double, at path: String) throws(PricingError) -> Double {
        guard hoursPerMonthRange.contains(value) else { throw .hoursPerMonthOutOfRange(path: path, value: value) }
        return value
    }

    private static func checkKeys(_ unknown: [String], at prefix: String, valid: [String]) throws(PricingError) {
        if let key = unknown.first { throw .unknownKey(path: prefix + key, key: key, valid: valid) }
    }

    private static func currency(code: String?, symbol: String?) throws(PricingError) -> Currency {
        guard let code else {
            // A symbol alone would show "€" on amounts the JSON calls USD.
            if symbol != nil { throw .symbolWithoutCurrency(path: "currencySymbol") }
            return .usd
        }
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw .invalidCurrencyCode(path: "currency", found: code)
        }
        if let symbol {
            guard !symbol.isEmpty else { throw .emptyValue(path: "currencySymbol") }
            return Currency(code: code, symbol: symbol)
        }
        return code == Currency.usd.code ? .usd : Currency(code: code, symbol: code + " ")
    }
}

import Foundation

/// `limit`/`continue` pagination with the API server's token and metadata: the token is
/// base64url (no padding) of `{"v":"meta.k8s.io/v1","rv":<rv>,"start":"<last key>\u0000"}`,
/// the etcd key to resume from; `remainingItemCount` is set only when no selector filtered the
/// list; the last page has neither key.
struct ListPager {
    struct InvalidContinue: Error {
        let reason: String
    }

    /// The list's items in order, with each item's storage key (`name`, or `namespace/name`
    /// for a list across namespaces).
    let items: [(key: String, item: JSONValue)]
    let resourceVersion: String
    let countsRemaining: Bool

    /// The page's items and the metadata members to add (`continue`, `remainingItemCount`).
    func page(
        limit: Int?, continueToken: String?
    ) throws(InvalidContinue) -> (items: [JSONValue], metadata: [JSONValue.Member]) {
        let start = if let continueToken { try resumeIndex(continueToken) } else { 0 }
        let remaining = items[start...]
        guard let limit, limit > 0, remaining.count > limit else {
            return (remaining.map(\.item), [])
        }
        let page = remaining.prefix(limit)
        var metadata: [JSONValue.Member] = [
            .init(key: "continue", value: .string(token(after: page.last!.key)))
        ]
        if countsRemaining {
            metadata.append(.init(key: "remainingItemCount", value: .number(String(remaining.count - limit))))
        }
        return (page.map(\.item), metadata)
    }

    private func token(after key: String) -> String {
        let json = "{\"v\":\"meta.k8s.io/v1\",\"rv\":\(Int(resourceVersion) ?? 0),\"start\":"
            + JSONValue.quoted(key + "\u{0}") + "}"
        return Data(json.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The index after the token's key; like etcd, the first key sorting after it when that
    /// object is gone.
    private func resumeIndex(_ token: String) throws(InvalidContinue) -> Int {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else {
            throw InvalidContinue(reason: "continue key is not valid: illegal base64 data")
        }
        let value: JSONValue
        do { value = try JSONValue(parsing: data) } catch {
            throw InvalidContinue(reason: "continue key is not valid: \(error)")
        }
        guard value["v"]?.stringValue == "meta.k8s.io/v1" else {
            throw InvalidContinue(
                reason: "continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
        }
        guard let start = value["start"]?.stringValue, start.hasSuffix("\u{0}") else {
            throw InvalidContinue(reason: "continue key is not valid: encoded start key is invalid")
        }
        let key = String(start.dropLast())
        if let index = items.firstIndex(where: { $0.key == key }) { return index + 1 }
        return items.firstIndex { $0.key > key } ?? items.count
    }
}

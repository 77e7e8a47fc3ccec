/// What a billed amount rests on.
package enum CostBasis: String, Sendable, Equatable, Encodable {
    /// The request (usage unknown, or the mean usage was not above it).
    case request
    /// The mean usage, because it was above the request (or there was no request).
    case usage
    /// Neither a request nor usage: costed at 0.
    case noRequest = "no-request"
}

/// One line for logs and warnings: what was asked and what went wrong. The CLI's presenter
/// words fatal errors more fully, with hints.
extension KubeError: CustomStringConvertible {
    package var description: String {
        switch self {
        case .status(let code, let status, _, let request):
            "\(request): HTTP \(code)\(status?.reason.map { " \($0)" } ?? "")\(status?.message.map { ": \($0)" } ?? "")"
        case .transport(let error, let request):
            "\(request): \(error)"
        case .gaveUp(let attempts, let last):
            "\(last) (gave up after \(attempts) attempts)"
        case .invalidResponse(let detail, let request):
            "\(request): unexpected response: \(detail)"
        case .credential(_, let request):
            "\(request): the credential plugin or token failed"
        }
    }
}

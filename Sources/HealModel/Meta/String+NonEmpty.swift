extension String {
    /// nil for "", so that `?? default` covers empty and absent alike (kubeconfig fields, labels).
    package var nonEmpty: String? { isEmpty ? nil : self }
}

extension Optional where Wrapped == String {
    package var nonEmpty: String? { self?.nonEmpty }
}

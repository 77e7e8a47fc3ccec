package struct ContainerLogKey: Hashable, Sendable {
    package var namespace: String
    package var pod: String
    package var container: String

    package init(namespace: String, pod: String, container: String) {
        self.namespace = namespace
        self.pod = pod
        self.container = container
    }
}

/// The tail of a container's log: the running (or last) instance and the one before it.
/// `nil` means "not fetched or not available", an empty array "fetched, printed nothing".
package struct ContainerLogs: Sendable, Equatable {
    package var current: [String]?
    package var previous: [String]?

    package init(current: [String]? = nil, previous: [String]? = nil) {
        self.current = current
        self.previous = previous
    }
}

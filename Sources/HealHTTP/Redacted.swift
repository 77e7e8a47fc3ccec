/// Wraps a credential (token, password, private key) so that it never shows up in logs, error
/// messages or `print` output: every textual form is `<redacted>`. Read `.value` only where the
/// secret is actually used.
package struct Redacted<Value: Sendable>: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package let value: Value

    package init(_ value: Value) {
        self.value = value
    }

    package var description: String { "<redacted>" }
    package var debugDescription: String { "<redacted>" }
    /// No children, so `dump` and debuggers show "<redacted>" and nothing inside.
    package var customMirror: Mirror { Mirror(self, children: [:]) }
}

extension Redacted: Equatable where Value: Equatable {}

/// The release version, shown in `--version` and the User-Agent.
package enum HealVersion {
    package static let current = "0.1.0"
}

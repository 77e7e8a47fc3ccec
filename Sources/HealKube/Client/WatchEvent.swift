/// What a resumable watch yields. `relisted` comes first and again whenever the watch had to
/// start over (410 Gone): it carries the complete current state, replacing what came before.
package enum WatchEvent<Object: Sendable>: Sendable {
    case added(Object)
    case modified(Object)
    case deleted(Object)
    case bookmark(resourceVersion: String)
    case relisted([Object], resourceVersion: String)
}

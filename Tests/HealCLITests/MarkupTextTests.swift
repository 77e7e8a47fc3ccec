@testable import HealCLI
import Testing

/// JUnit and the HTML report must stay well-formed whatever the cluster's logs contain.
@Suite("Markup escaping")
struct MarkupTextTests {
    @Test("markup is escaped and terminal escapes and control characters are dropped")
    func escaping() {
        let text = "exit <1> & \"quoted\"\u{1B}[31m red\u{1B}[0m\u{07}\u{00}done"
        #expect(MarkupText.escape(text) == "exit &lt;1&gt; &amp; &quot;quoted&quot; red  done")
    }
}

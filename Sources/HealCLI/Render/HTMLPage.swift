/// The shell every `-o html` page shares: one self-contained document, inline CSS, no script, and
/// a content security policy that forbids every fetch, so the page never touches the network.
/// Texts given here are escaped; `body` is already markup.
enum HTMLPage {
    static func document(title: String, heading: String, subtitle: String, body: String, footer: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(MarkupText.escape(title))</title>
        <style>\(HTMLReportStyle.css)</style>
        </head>
        <body>
        <header>
        <h1>\(MarkupText.escape(heading))</h1>
        <p class="source">\(MarkupText.escape(subtitle))</p>
        </header>

        """ + body + "<footer>\(MarkupText.escape(footer))</footer>\n</body>\n</html>\n"
    }
}

/// A standalone, print-ready HTML5 page in UTF-8: semantic headings, paragraphs, lists and
/// emphasis, with a small embedded stylesheet that sets the document on A4, printed with the
/// reference and "Page X of Y" at the foot of every page (CSS page margin boxes). Every text value
/// is escaped, so the user's words are never markup.
public struct HTMLWriter: DocumentWriter {
    public init() {}

    public func write(_ draft: Draft) -> [UInt8] {
        var output = """
            <!doctype html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="pit \(XMLEscaping.escape(pitVersion))">
            <title>Public Interest Test – \(XMLEscaping.escape(draft.reference))</title>
            <style>
            \(Self.pageRule(draft.reference))\(Self.stylesheet)</style>
            </head>
            <body>
            <main>

            """
        for block in draft.document.blocks {
            switch block {
            case .heading(let level, let content):
                let tag = "h\(HeadingStyle.clamp(level))"
                output += "<\(tag)>\(Self.inline(content))</\(tag)>\n"
            case .paragraph(let content):
                output += "<p>\(Self.inline(content))</p>\n"
            case .list(let ordered, let items):
                let tag = ordered ? "ol" : "ul"
                output += "<\(tag)>\n"
                for item in items { output += "<li>\(Self.inline(item))</li>\n" }
                output += "</\(tag)>\n"
            }
        }
        output += "</main>\n</body>\n</html>\n"
        return Array(output.utf8)
    }

    static func inline(_ content: [Document.Inline]) -> String {
        content.map { inline in
            switch inline {
            case .text(let text): return XMLEscaping.escape(text)
            case .strong(let inner): return "<strong>\(Self.inline(inner))</strong>"
            case .emphasis(let inner): return "<em>\(Self.inline(inner))</em>"
            }
        }.joined()
    }

    /// The printed page: A4 with 2.5 cm margins, and in the bottom margin "Public Interest Test –
    /// REF · Page X of Y" (the page counters of CSS Paged Media). It applies to print alone, so
    /// the screen is as without it.
    static func pageRule(_ reference: String) -> String {
        let text = cssString("Public Interest Test – " + reference + " · Page ")
        return """
            @page {
              size: A4; margin: 2.5cm 2.5cm 2.5cm 2.5cm;
              @bottom-center { content: \(text) counter(page) " of " counter(pages); font-family: Georgia, "Times New Roman", Times, serif; font-size: 9pt; color: #444; }
            }

            """
    }

    /// `text` as a CSS string: quotes, backslashes, controls and `<>&` as hexadecimal escapes,
    /// so no text can end the string, or the style element it is in.
    static func cssString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || "\"\\<>&".unicodeScalars.contains(scalar) {
                output += "\\" + String(scalar.value, radix: 16) + " "
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// Readable on screen, and on paper: a serif body, headings kept with the text that follows
    /// them.
    static let stylesheet = """
        html { color: #111; background: #fff; }
        body { font-family: Georgia, "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.45; margin: 0; }
        main { max-width: 42em; margin: 2em auto; padding: 0 1em; }
        h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; page-break-after: avoid; break-after: avoid-page; }
        h1 { font-size: 18pt; margin: 0 0 0.8em; }
        h2 { font-size: 14pt; margin: 1.4em 0 0.5em; }
        h3, h4, h5, h6 { font-size: 12pt; margin: 1.2em 0 0.4em; }
        p, li { orphans: 3; widows: 3; }
        p { margin: 0 0 0.8em; }
        ul, ol { margin: 0 0 0.8em; padding-left: 1.6em; }
        li { margin: 0 0 0.3em; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; margin: 0; padding: 0; }
        }

        """
}

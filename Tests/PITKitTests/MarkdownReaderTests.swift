import Mustache
@testable import PITKit
import Testing

/// The Markdown subset read into the document model, and the escaping that keeps user text literal.
struct MarkdownReaderTests {
    typealias Block = Document.Block

    @Test func readsHeadingsParagraphsAndLists() {
        let document = MarkdownReader.read("""
            # Title

            ## Section one
            First line
            joined to it.


            - one
            - two
              continued
            1. first
            2. second

            Last **bold** and *italic* text.
            """)
        #expect(document.blocks == [
            .heading(level: 1, content: [.text("Title")]),
            .heading(level: 2, content: [.text("Section one")]),
            .paragraph([.text("First line joined to it.")]),
            .list(ordered: false, items: [[.text("one")], [.text("two continued")]]),
            .list(ordered: true, items: [[.text("first")], [.text("second")]]),
            .paragraph([.text("Last "), .strong([.text("bold")]), .text(" and "), .emphasis([.text("italic")]), .text(" text.")]),
        ])
    }

    @Test(arguments: [
        ("#not a heading", [Block.paragraph([.text("#not a heading")])]),
        ("2 * 3 * 4", [Block.paragraph([.text("2 * 3 * 4")])]),
        ("an ** unmatched marker", [Block.paragraph([.text("an ** unmatched marker")])]),
        ("**bold with *italic* inside**", [Block.paragraph([.strong([.text("bold with "), .emphasis([.text("italic")]), .text(" inside")])])]),
        ("1.5 million", [Block.paragraph([.text("1.5 million")])]),
    ])
    func unmatchedMarkupIsText(_ markdown: String, _ blocks: [Block]) {
        #expect(MarkdownReader.read(markdown).blocks == blocks)
    }

    @Test(arguments: [
        "# not a heading", "## also not", "1. not a list", "- not a list", "**not bold**", "*not italic*",
        "back\\slash \\* \\#", "<script>alert(1)</script>", "{\\rtf1 \\par}", "& < > \" '", "\u{200F}right-to-left 🙂",
        "100. hundred", "_under_ `code` [link](x) !",
    ])
    func escapedUserTextReadsBackAsTheSameText(_ text: String) throws {
        var escaped: [UInt8] = []
        MarkdownEscaping.escaper.escape(text, &escaped)
        let document = MarkdownReader.read(String(decoding: escaped, as: UTF8.self))
        #expect(document.blocks == [.paragraph([.text(text)])])
    }

    @Test func escapesAndSpansAmongLongRunsOfText() {
        let markdown = "Plain words \\[A\\] then *one* and \\\\ a backslash, **two \\*kept\\*** and a \\q, at the end\\"
        #expect(MarkdownReader.read(markdown).blocks == [.paragraph([
            .text("Plain words [A] then "), .emphasis([.text("one")]), .text(" and \\ a backslash, "),
            .strong([.text("two *kept*")]), .text(" and a \\q, at the end\\"),
        ])])
    }

    @Test func lineBreaksInUserTextBecomeSpaces() {
        var escaped: [UInt8] = []
        MarkdownEscaping.escaper.escape("one\ntwo\r\n\nthree", &escaped)
        #expect(MarkdownReader.read(String(decoding: escaped, as: UTF8.self)).blocks == [.paragraph([.text("one two   three")])])
    }
}

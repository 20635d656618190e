@testable import PITKit
import Testing

/// Markdown read stretch by stretch through a memo reads as the whole of it does.
struct MarkdownMemoTests {
    static let documents = [
        "# Title\n\n## Section\nFirst line\njoined to it.\n\n\n- one\n- two\n  continued\n1. first\n2. second\n\nLast **bold** and *italic*.\n",
        // Blank lines of spaces, tabs and carriage returns; no line break at the end.
        "  \n\t\nA paragraph\r\n \t \r\n- an item\ncontinued\n   \nA paragraph",
        // The same lines as a list item's continuation and as a paragraph of their own.
        "- item\nA paragraph\n\nA paragraph\n\n**strong\n\nnot closed**",
        "", "\n\n\n", "no break at all",
        "Heading next\n# Title\ntext\n\n\\# escaped \\* \u{200F}🙂",
    ]

    @Test func readsAsTheReaderDoesWhateverItReadBefore() {
        for capacity in [1, 4096] {
            let memo = MarkdownMemo(capacity: capacity)
            for _ in 0..<2 {
                for markdown in Self.documents {
                    #expect(memo.read(Array(markdown.utf8)) == MarkdownReader.read(markdown), "\(markdown)")
                }
            }
        }
    }

    @Test func stretchesLieBetweenBlankLines() {
        let markdown = Array(" \none\ntwo \n\t\nthree\n\n".utf8)
        var stretches: [String] = []
        markdown.withUnsafeBufferPointer { bytes in
            MarkdownReader.forEachStretch(bytes) { stretches.append(String(decoding: bytes[$0], as: UTF8.self)) }
        }
        #expect(stretches == ["one\ntwo ", "three"])
    }
}

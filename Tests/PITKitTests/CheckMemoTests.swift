@testable import PITKit
import Testing

/// The check memo reads each paragraph once, whether a text comes again as the same string or as
/// an equal one stored elsewhere.
struct CheckMemoTests {
    @Test func aParagraphIsFoundByItsStringAndByItsBytes() {
        let memo = CheckMemo()
        let text = "Disclosure would be likely to prejudice the prevention of crime."
        let first = memo.paragraph(text)
        #expect(memo.paragraph(text) === first)
        // The same bytes in another string: found by reading them.
        let copy = String(decoding: Array(text.utf8), as: UTF8.self)
        #expect(memo.paragraph(copy) === first)
        #expect(first.folded.bytes == FoldedText(text).bytes)
        // A short text (held inline in its string) and another text are paragraphs of their own.
        let short = memo.paragraph("Conclusion")
        #expect(memo.paragraph("Conclusion") === short)
        #expect(short !== first)
        #expect(memo.paragraph(text + " It is withheld.") !== first)
    }
}

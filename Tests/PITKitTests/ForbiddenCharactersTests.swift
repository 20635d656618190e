@testable import PITKit
import Testing

/// The one check of the characters a document cannot carry, and where text positions are.
struct ForbiddenCharactersTests {
    @Test(arguments: [
        ("a\u{0}b", UInt32(0), 1), ("a\u{7}", 7, 1), ("\u{7F}", 0x7F, 0), ("é\u{80}", 0x80, 2), ("\u{9F}", 0x9F, 0),
        ("x\u{FEFF}", 0xFEFF, 1), ("\u{FFFE}", 0xFFFE, 0), ("ab\u{FFFF}", 0xFFFF, 2), ("a\tb", 9, 1), ("a\nb", 10, 1),
    ])
    func findsTheFirstForbiddenCharacter(_ text: String, _ scalar: UInt32, _ offset: Int) {
        let found = ForbiddenCharacters.first(in: text, allowingLineBreaks: false)
        #expect(found?.scalar == scalar)
        #expect(found?.offset == offset)
    }

    @Test func allowsTextThatADocumentCarries() {
        for text in ["plain", "é ü ñ 🙂 — “quoted”", "\u{A0}\u{A1}\u{FFFD}\u{E000}", "line\nbreak\tand\r\nCRLF"] {
            #expect(ForbiddenCharacters.first(in: text, allowingLineBreaks: true) == nil, "\(text)")
        }
        #expect(ForbiddenCharacters.contained(in: "a\nb", allowingLineBreaks: false))
    }

    @Test func describesTheCharacter() {
        #expect(ForbiddenCharacters.describe(0) == "a control character (U+0000)")
        #expect(ForbiddenCharacters.describe(0xFEFF) == "a byte-order mark (U+FEFF)")
        #expect(ForbiddenCharacters.describe(0xFFFF) == "a noncharacter (U+FFFF)")
    }

    @Test func positionsCountLinesAndScalars() {
        #expect(TextPosition(offset: 0, in: "abc").description == "1:1")
        #expect(TextPosition(offset: 6, in: "ab\nédx").description == "2:3")
    }

    @Test func aFileWithALeadingByteOrderMarkReadsWithoutIt() throws {
        #expect(try FileSystem.text(of: [0xEF, 0xBB, 0xBF, 0x61], name: "f") == "a")
        #expect(throws: PITError.data("f:2:3: not UTF-8 text")) { try FileSystem.text(of: Array("x\nab".utf8) + [0xFF], name: "f") }
    }
}

@testable import PITKit
import Testing

/// The checks read text eight bytes at a time; what they find is what a byte-by-byte reading finds,
/// wherever a phrase, a capital or a stop falls against the eight-byte words, and at a text's end.
struct CheckScanningTests {
    /// Texts made of pieces that put phrases, capitals, apostrophes, stops and characters that fold
    /// at every offset from a word's boundary.
    static let texts: [String] = {
        let pieces = ["we hold", "Motive", "motives", "{{", "[insert", "the ", "TODO", "don't", "'", ". ", "e.g. ", "x", "é", "‘", "’", "—",
                      "\u{A0}", "Information is held", "in", "2", "!", "embarrass"]
        var texts: [String] = [""]
        for (index, first) in pieces.enumerated() {
            for second in pieces {
                texts.append(first + second)
                texts.append(String(repeating: "a", count: index % 9) + " " + first + " " + second)
                texts.append(second + String(repeating: "B", count: index % 8) + first)
            }
        }
        return texts
    }()

    @Test func aPhraseIsFoundWhereAPlainSearchFindsIt() {
        let words = ["we hold", "motive", "motives", "{{", "[insert", "todo", "don't", "information is held", "in", "embarrass", "' ", "é"]
        let phrases = words.enumerated().map { PhraseMatcher.Phrase(bytes: Array($1.utf8), wholeWord: $0 % 2 == 0, tag: $0) }
        let matcher = PhraseMatcher(phrases)
        for text in Self.texts {
            for folded in [FoldedText(text), FoldedText(bytes: Array(text.utf8))] {
                var found: [String] = []
                matcher.scan(folded) { found.append("\($1) \($0)") }
                var expected: [String] = []
                for index in 0..<max(0, folded.bytes.count - 1) {
                    for phrase in phrases where folded.matches(phrase.bytes, at: index, in: 0..<folded.bytes.count, wholeWord: phrase.wholeWord) {
                        expected.append("\(index..<index + phrase.bytes.count) \(phrase.tag)")
                    }
                }
                #expect(found.sorted() == expected.sorted(), "\(text)")
            }
        }
    }

    @Test func foldingEightAtATimeFoldsEachByte() {
        for text in Self.texts {
            var bytes: [UInt8] = [], capitals: [Int] = []
            for character in text.unicodeScalars {
                switch character {
                case "A"..."Z":
                    capitals.append(bytes.count)
                    bytes.append(UInt8(character.value) | 0x20)
                case "‘": bytes.append(UInt8(ascii: "`"))
                case "’": bytes.append(UInt8(ascii: "'"))
                case "—": bytes.append(UInt8(ascii: "-"))
                case "\u{A0}": bytes.append(UInt8(ascii: " "))
                default: bytes += Array(String(character).utf8)
                }
            }
            let folded = FoldedText(text)
            #expect(folded.bytes == bytes, "\(text)")
            #expect(folded.capitals == capitals, "\(text)")
        }
    }

    @Test func sentencesAndWordsAreTheBytesOwn() {
        for text in Self.texts {
            let folded = FoldedText(text)
            var words: [Range<Int>] = []
            var index = 0
            while index < folded.bytes.count {
                guard FoldedText.isWord(folded.bytes[index]) else { index += 1; continue }
                let start = index
                index += 1
                while index < folded.bytes.count, FoldedText.isWord(folded.bytes[index])
                    || (folded.bytes[index] == UInt8(ascii: "'") && index + 1 < folded.bytes.count && FoldedText.isWord(folded.bytes[index + 1])) {
                    index += 1
                }
                words.append(start..<index)
            }
            #expect(folded.words() == words, "\(text)")
            // Each sentence ends where `sentence(around:)` says the sentence of its first byte ends.
            for sentence in folded.sentences() where sentence.upperBound < folded.bytes.count {
                #expect(folded.sentence(around: sentence.lowerBound).upperBound == sentence.upperBound, "\(text)")
            }
            #expect(folded.sentences().map(\.count).reduce(0, +) == folded.bytes.count, "\(text)")
        }
    }
}

@testable import PITKit
import TestSupport
import Testing

/// XML escaping against its definition, a character at a time: the stretches copied whole and the
/// sixteen-byte blocks passed over must not change a byte.
struct XMLEscapingTests {
    /// What one character becomes: the five references, forbidden characters dropped, and with
    /// `breaks` a tab and a line feed replaced, a carriage return dropped.
    static func escaped(_ scalar: Unicode.Scalar, breaks: XMLEscaping.Breaks?) -> String {
        switch scalar {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"": return "&quot;"
        case "'": return "&#39;"
        case "\t": return breaks.map { $0.tab.description } ?? "\t"
        case "\n": return breaks.map { $0.lineFeed.description } ?? "\n"
        case "\r": return breaks == nil ? "\r" : ""
        case "\u{FFFE}", "\u{FFFF}": return ""
        default: return scalar.value < 0x20 ? "" : String(scalar)
        }
    }

    static func expected(_ text: String, breaks: XMLEscaping.Breaks?) -> String {
        text.unicodeScalars.map { escaped($0, breaks: breaks) }.joined()
    }

    static func escaped(_ text: String, breaks: XMLEscaping.Breaks?) -> String {
        var output: [UInt8] = []
        XMLEscaping.append(text, to: &output, breaks: breaks)
        return String(decoding: output, as: UTF8.self)
    }

    static let breaks = XMLEscaping.Breaks(tab: "[tab]", lineFeed: "[lf]")

    /// Characters that need something done, and their neighbours in UTF-8 (U+FEFF, U+FFFD and
    /// U+F8FF start with 0xEF too, and are kept).
    static let special: [Unicode.Scalar] = ["&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{0B}", "\u{1F}",
                                            "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{FFFD}", "\u{F8FF}", "=", "?", "%", "(", " ", "~", "\u{7F}", "é", "–", "🙂"]

    /// Each special character at every position of a text longer than two blocks, alone and
    /// beside another, with and without breaks.
    @Test func everySpecialCharacterAtEveryPosition() {
        let filler = Array("The public interest in disclosure, weighed.".unicodeScalars)
        for scalar in Self.special {
            for position in 0..<40 {
                for neighbour in [Unicode.Scalar("a"), "'", "\u{FFFF}"] {
                    var scalars = filler
                    scalars.insert(scalar, at: position)
                    scalars.insert(neighbour, at: position + 1)
                    var text = String.UnicodeScalarView()
                    text.append(contentsOf: scalars)
                    let string = String(text)
                    #expect(Self.escaped(string, breaks: nil) == Self.expected(string, breaks: nil), "\(scalar.value) at \(position)")
                    #expect(Self.escaped(string, breaks: Self.breaks) == Self.expected(string, breaks: Self.breaks), "\(scalar.value) at \(position)")
                }
            }
        }
    }

    /// Random texts of every length up to a few blocks, drawn mostly from plain letters.
    @Test func randomTextsAgreeWithTheDefinition() {
        var generator = SeededGenerator(seed: 10)
        let plain = Array("abcdefghij klmnopqrstuvwxyz.,;:".unicodeScalars)
        for length in 0..<120 {
            for _ in 0..<8 {
                var text = String.UnicodeScalarView()
                for _ in 0..<length {
                    let roll = Int.random(in: 0..<10, using: &generator)
                    text.append(roll == 0 ? Self.special.randomElement(using: &generator)! : plain.randomElement(using: &generator)!)
                }
                let string = String(text)
                #expect(Self.escaped(string, breaks: nil) == Self.expected(string, breaks: nil), "\(string.debugDescription)")
                #expect(Self.escaped(string, breaks: Self.breaks) == Self.expected(string, breaks: Self.breaks), "\(string.debugDescription)")
            }
        }
    }

    /// `mayChange` says no only of texts that escaping leaves as they are, whatever their length
    /// (under a block, whole blocks, a last block overlapping the one before) and wherever a
    /// character that needs something done stands.
    @Test func mayChangeOnlyTextsThatEscapingLeaves() {
        let plain = Array("The public interest in disclosure, weighed at length.".unicodeScalars)
        for length in 0...plain.count {
            let clean = String(String.UnicodeScalarView(plain[..<length]))
            #expect(!Self.mayChange(clean), "\(length)")
            for scalar in Self.special where Self.escaped(scalar, breaks: Self.breaks) != String(scalar) {
                for position in 0...length {
                    var scalars = Array(plain[..<length])
                    scalars.insert(scalar, at: position)
                    #expect(Self.mayChange(String(String.UnicodeScalarView(scalars))), "\(scalar.value) at \(position) of \(length)")
                }
            }
        }
    }

    static func mayChange(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { XMLEscaping.mayChange($0) }
    }

    @Test func escapeMakesAString() {
        #expect(XMLEscaping.escape("a < b & 'c'\u{1}") == "a &lt; b &amp; &#39;c&#39;")
        #expect(XMLEscaping.escape("") == "")
    }
}

@testable import PITKit
import Testing

/// pit's own JSON reader: values, and errors with line and column.
struct JSONTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(#"{"a": [1, -2.5e1, true, false, null], "b": "x\"\\\u00e9\ud83d\ude42\n", "c": {}}"#, source: "t.json")
        #expect(value["a"] == .array([.number(1, text: "1"), .number(-25, text: "-2.5e1"), .bool(true), .bool(false), .null]))
        #expect(value["b"] == .string("x\"\\é🙂\n"))
        #expect(value["c"] == .object([]))
        if case .object(let members) = value { #expect(members.map(\.key) == ["a", "b", "c"]) }
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "t.json:1:9: expected a member name in quotes"),
        ("{\n  \"a\": tru\n}", "t.json:2:8: unexpected character: expected a value"),
        ("[1 2]", "t.json:1:4: expected ',' or ']'"),
        ("{\"a\": 1, \"a\": 2}", "t.json:1:10: duplicate member 'a'"),
        ("\"open", "t.json:1:1: unterminated string"),
        ("01", "t.json:1:1: invalid number: leading zero"),
        ("{} x", "t.json:1:4: unexpected text after the JSON value"),
        ("\"\\ud800\"", "t.json:1:8: unpaired surrogate in \\u escape"),
    ])
    func errorsNameTheLineAndColumn(_ text: String, _ message: String) {
        #expect(throws: PITError.data(message)) { try JSONValue.parse(text, source: "t.json") }
    }

    /// The reader looks for a string's end eight bytes at a time: every length and place of an
    /// escape or a control character around a word's edge reads the same.
    @Test func stringsAreReadWholeWhateverTheirLength() throws {
        for length in 0..<20 {
            let plain = String(repeating: "é", count: length % 3) + String(repeating: "a", count: length)
            #expect(try JSONValue.parse("\"\(plain)\"", source: "t.json") == .string(plain))
            #expect(try JSONValue.parse("[\"\(plain)\\n\(plain)\"]", source: "t.json") == .array([.string(plain + "\n" + plain)]))
            #expect(throws: PITError.self) { try JSONValue.parse("\"\(plain)\u{01}\(plain)\"", source: "t.json") }
            #expect(throws: PITError.self) { try JSONValue.parse("\"\(plain)", source: "t.json") }
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: PITError.self) { try JSONValue.parse(deep, source: "deep.json") }
    }
}

extension JSONTests {
    @Test func manyKeysParseAndADuplicateAmongThemIsFound() throws {
        let keys = (0..<20_000).map { "\"k\($0)\": 1" }
        let object = try JSONValue.parse("{" + keys.joined(separator: ", ") + "}", source: "t")
        guard case .object(let members) = object else { Issue.record("not an object"); return }
        #expect(members.count == 20_000)
        #expect(throws: PITError.self) { try JSONValue.parse("{" + keys.joined(separator: ", ") + ", \"k19\": 2}", source: "t") }
        #expect(throws: PITError.self) { try JSONValue.parse("{\"a\": 1, \"a\": 2}", source: "t") }
    }
}

extension JSONTests {
    /// A line of 200,000 keys: linear work, or this test would not finish (no time is measured).
    @Test func twoHundredThousandKeysParse() throws {
        let object = try JSONValue.parse("{" + (0..<200_000).map { "\"k\($0)\": 1" }.joined(separator: ",") + "}", source: "t")
        guard case .object(let members) = object else { Issue.record("not an object"); return }
        #expect(members.count == 200_000)
    }

    @Test(arguments: [
        (#"{"a": "x\u0000\ue000"}"#, "t.json:1:7: the string holds a control character (U+0000), which a document cannot carry"),
        ("{\"a\": \"x\u{7F}\"}", "t.json:1:9: the string holds a control character (U+007F), which a document cannot carry"),
        ("{\"a\": \"x\u{85}\"}", "t.json:1:9: the string holds a control character (U+0085), which a document cannot carry"),
        ("{\"a\": \"x\u{FEFF}\"}", "t.json:1:9: the string holds a byte-order mark (U+FEFF), which a document cannot carry"),
        (#"{"a": "\uffff"}"#, "t.json:1:7: the string holds a noncharacter (U+FFFF), which a document cannot carry"),
        (#"{"\u0007": 1}"#, "t.json:1:2: the string holds a control character (U+0007), which a document cannot carry"),
    ])
    func stringsWithCharactersADocumentCannotCarryAreRefused(_ text: String, _ message: String) {
        #expect(throws: PITError.data(message)) { try JSONValue.parse(text, source: "t.json") }
    }

    @Test func lineBreaksAndTabsMayBeEscapedAndALeadingByteOrderMarkIsSkipped() throws {
        #expect(try JSONValue.parse(#"{"a": "x\n\ty"}"#, source: "t")["a"] == .string("x\n\ty"))
        #expect(try JSONValue.parse(Array("\u{FEFF}{\"a\": 1}".utf8), source: "t")["a"] == .number(1, text: "1"))
        #expect(throws: PITError.self) { try JSONValue.parse(Array("{\"a\": 1}".utf8) + [0xEF, 0xBB, 0xBF], source: "t") }
    }

    @Test func aStringLongerThanAValueMayBeIsRefused() {
        let long = String(repeating: "x", count: InputLimits.valueBytes + 1)
        #expect(throws: PITError.data("t:1:7: a string of more than \(InputLimits.valueBytes) bytes")) {
            try JSONValue.parse("{\"a\": \"\(long)\"}", source: "t")
        }
    }

    @Test func aFieldIsPlacedByItsPath() {
        let text = "{\n  \"a\": 1,\n  \"b\": {\n    \"c\": \"x\"\n  }\n}"
        #expect(JSONValue.place(of: ["b", "c"], in: text, source: "f") == "f:4:10")
        #expect(JSONValue.place(of: ["b", "missing"], in: text, source: "f") == "f:3:8")
        #expect(JSONValue.place(of: ["nothing"], in: text, source: "f") == "f:1:1")
    }
}

extension JSONTests {
    /// A string without escapes is validated straight from the bytes: UTF-8 of any length reads
    /// whole, and bytes that are not UTF-8 are refused at the string's start, escaped or not.
    @Test func plainStringsAreValidatedFromTheBytes() throws {
        for length in 0..<20 {
            let text = String(repeating: "é🙂a", count: length)
            #expect(try JSONValue.parse(Array("{\"k\": \"\(text)\"}".utf8), source: "t")["k"] == .string(text))
        }
        for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0x61, 0xFF, 0x22], [0x22, 0x5C, 0x6E, 0xC3, 0x22]] {
            #expect(throws: PITError.data("t:1:1: string is not valid UTF-8")) { try JSONValue.parse(bytes, source: "t") }
        }
        #expect(throws: PITError.data("t:2:8: string is not valid UTF-8")) {
            try JSONValue.parse(Array("{\n  \"a\": \"x".utf8) + [0xE2, 0x82] + Array("\"}".utf8), source: "t")
        }
    }
}

extension JSONTests {
    /// Printable ASCII skips the look for forbidden characters; DEL, which is ASCII but not
    /// printable, is still found wherever it stands in a plain string.
    @Test func aDeleteInAPlainStringIsFoundAtItsPlace() {
        for offset in 0..<17 {
            let text = String(repeating: "a", count: offset) + "\u{7F}" + String(repeating: "b", count: 16 - offset)
            #expect(throws: PITError.data("t:1:\(8 + offset): the string holds a control character (U+007F), which a document cannot carry")) {
                try JSONValue.parse("{\"a\": \"\(text)\"}", source: "t")
            }
        }
    }
}

extension JSONTests {
    /// UTF-8 is checked by decoding and comparing: ill-formed bytes whose repair is as long as
    /// they are (a four-byte sequence cut to three, which becomes one three-byte U+FFFD) are
    /// refused too, as are surrogates, overlong forms and stray continuation bytes; valid text,
    /// U+FFFD itself included, reads whole, in a plain string or after an escape.
    @Test(arguments: [
        ([0xF0, 0x9F, 0x98], false), ([0xED, 0xA0, 0x80], false), ([0xC0, 0xAF], false), ([0x80], false),
        ([0xF4, 0x90, 0x80, 0x80], false), ([0xEF, 0xBF, 0xBD], true), ([0xF0, 0x9F, 0x98, 0x80], true), ([0xC3, 0xA9], true),
    ] as [([UInt8], Bool)])
    func utf8IsCheckedByDecodingAndComparing(bytes: [UInt8], valid: Bool) throws {
        #expect((String.validatingUTF8(bytes) != nil) == valid)
        for prefix in [[UInt8](), Array("\\n".utf8)] {
            let json = Array("{\"k\": \"".utf8) + prefix + bytes + Array("\"}".utf8)
            if valid {
                #expect(try JSONValue.parse(json, source: "t")["k"] == .string((prefix.isEmpty ? "" : "\n") + String(decoding: bytes, as: UTF8.self)))
            } else {
                #expect(throws: PITError.data("t:1:7: string is not valid UTF-8")) { try JSONValue.parse(json, source: "t") }
            }
        }
    }
}

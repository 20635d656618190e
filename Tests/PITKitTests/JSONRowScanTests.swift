@testable import PITKit
import Testing

/// JSON Lines rows read straight from their bytes (`JSONRowScan`) are the rows `JSONValue` reads,
/// and the lines it does not take are left to `JSONValue`.
struct JSONRowScanTests {
    /// A row's number, every option's values (or that it is not given) and its problem.
    static func contents(_ row: BatchRow) -> [String] {
        ["\(row.number)"] + DraftOption.allCases.map { option in row[option].map { "\(option.rawValue)=\(Array($0))" } ?? "-" }
            + [row.problem ?? "-"]
    }

    func scanned(_ line: [UInt8]) -> BatchRow? {
        var texts = RecentTexts()
        return line.withUnsafeBufferPointer { JSONRowScan.row($0, number: 7, texts: &texts) }
    }

    @Test(arguments: [
        #"{"ref": "R1", "exemption": ["s30", "s31"], "ncnd": true, "alternative": false, "question": [], "fact": ["a fact"], "date": null}"# + "\n",
        "{}",
        " { \"ref\" : \"R2\" ,\"exemption\":\"s31\" , \"ncnd\" : \" Yes \", \"strict\": \"0\" ,\"emissions\":\"\"}\t\r\n",
        "{\"ref\": \"café ☕\", \"exemption\": [\"s31\"], \"authority\": \"Ünïcode\", \"fact\": [\"two\u{2028}words\"]}",
        #"{"ref": "R4", "exemption": [ ], "question": ["q1","q2"], "variant": ["default"], "outcome": "partial", "output": "x.md"}"#,
    ])
    func aLineItTakesGivesTheRowJSONValueGives(_ line: String) throws {
        let bytes = Array(line.utf8)
        let row = try #require(scanned(bytes))
        #expect(Self.contents(row) == Self.contents(try BatchInput.jsonRow(bytes, number: 7, source: "t.jsonl")))
    }

    @Test(arguments: [
        #"{"ref": "a\"b"}"#,                  // an escape
        #"{"ref": "a\u0041"}"#,
        #"{"ref": 1}"#,                       // a number
        #"{"nope": "x"}"#,                    // an unknown key
        #"{"ref": "a", "ref": "b"}"#,         // a key twice
        #"{"ncnd": null, "ncnd": true}"#,
        #"{"ref": true}"#,                    // a value of the wrong type
        #"{"ncnd": "perhaps"}"#,
        #"{"ref": ["a"]}"#,
        #"{"question": [1]}"#,
        #"{"evidence": {"qualified-person": "Jane"}}"#,  // an object
        "{\"ref\": \"a\u{7F}b\"}",            // forbidden characters
        "{\"fact\": [\"a\u{85}b\"]}",
        "{\"fact\": [\"a\u{FEFF}b\"]}",
        "{\"ref\": \"a\u{7}b\"}",
        "{\"ref\": \"a\nb\"}",
        #"{"ref": "a""#,                      // not JSON, or not one object
        #"{"ref": "a"} x"#,
        #"{"ref": "a",}"#,
        #"{"ref" "a"}"#,
        #"{"ncnd": tru}"#,
        "[1]",
        "",
    ])
    func aLineItDoesNotTakeIsLeftToJSONValue(_ line: String) {
        #expect(scanned(Array(line.utf8)) == nil)
    }

    @Test func textThatIsNotUTF8IsLeftToJSONValue() {
        #expect(scanned(Array(#"{"ref": "a"#.utf8) + [0xFF] + Array(#""}"#.utf8)) == nil)
    }

    /// `JSONValue` refuses a string of more than `InputLimits.valueBytes` bytes, its quotes
    /// counted: the longest it takes is taken here too, and the next is left to it.
    @Test func theLongestStringIsTheOneJSONValueTakes() throws {
        func line(_ count: Int) -> [UInt8] { Array(#"{"ref": ""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: count) + Array(#""}"#.utf8) }
        let longest = line(InputLimits.valueBytes - 2)
        let row = try #require(scanned(longest))
        #expect(Self.contents(row) == Self.contents(try BatchInput.jsonRow(longest, number: 7, source: "t.jsonl")))
        #expect(scanned(line(InputLimits.valueBytes - 1)) == nil)
        #expect(try BatchInput.jsonRow(line(InputLimits.valueBytes - 1), number: 7, source: "t.jsonl").problem != nil)
    }

    @Test func optionsAreNamedByTheirBytes() {
        for option in DraftOption.allCases {
            #expect(Array(option.rawValue.utf8).withUnsafeBufferPointer { DraftOption(utf8: $0) } == option)
        }
        for name in ["", "re", "Ref", "refs", "authority-shorter", "separate_parts"] {
            #expect(Array(name.utf8).withUnsafeBufferPointer { DraftOption(utf8: $0) } == nil)
        }
    }
}

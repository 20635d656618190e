@testable import PITKit
import Testing

/// A batch row's texts are checked for the characters no document may hold as they are read, so
/// the request's own checks look only for line breaks where they are not allowed
/// (`DraftRequest.textsRead`): every text column, in CSV and in JSON Lines, is still refused.
struct BatchTextsReadTests {
    static let forbidden = ["\u{0}", "\u{85}", "\u{FFFE}", "\u{FEFF}", "\u{7F}"]

    func failures(_ name: String, _ contents: String) throws -> [String] {
        let (summary, lines) = try dryRunBatch(name, contents)
        #expect(summary.drafted == 0)
        return lines
    }

    @Test(arguments: forbidden)
    func csvTextColumnsAreRefused(_ character: String) throws {
        let cells = ["question", "fact", "set", "evidence"].map { column -> String in
            let value = column == "set" ? "team=a\(character)b" : column == "evidence" ? "third-party=a\(character)b" : "a\(character)b"
            return "R1,s43,\(column == "question" ? value : ""),\(column == "fact" ? value : ""),\(column == "set" ? value : ""),\(column == "evidence" ? value : "")"
        }
        let lines = try failures("rows.csv", "ref,exemption,question,fact,set,evidence\n" + cells.joined(separator: "\n") + "\n")
        #expect(lines.count == 4)
        for (line, column) in zip(lines, ["question", "fact", "set", "evidence"]) {
            #expect(line.contains("column '\(column)' holds"), "\(line)")
        }
    }

    /// A reference and an authority's names may hold no line break or tab, which readers let
    /// through: the request's checks still find them, with the message they always gave.
    @Test func csvOneLineTextsRefuseLineBreaksAndTabs() throws {
        let lines = try failures("rows.csv", "ref,exemption,authority,authority-short\n\"R\n1\",s31,,\nR\t2,s31,,\nR3,s31,\"A\tB\",\nR4,s31,A,\"B\r\nC\"\n")
        #expect(lines == ["row 2: --ref holds a line break or tab (U+000A), which a document cannot carry",
                          "row 4: --ref holds a line break or tab (U+0009), which a document cannot carry",
                          "row 5: --authority holds a line break or tab (U+0009), which a document cannot carry",
                          "row 6: --authority-short holds a line break or tab (U+000D), which a document cannot carry"])
    }

    @Test(arguments: forbidden)
    func jsonLinesTextsAreRefused(_ character: String) throws {
        let escaped = character.unicodeScalars.map { String(format: "\\u%04X", $0.value) }.joined()
        let rows = [#""question": ["a\#(escaped)b"]"#, #""fact": "a\#(escaped)b""#, #""set": {"team": "a\#(escaped)b"}"#,
                    #""evidence": {"third-party": "a\#(escaped)b"}"#]
        let lines = try failures("rows.jsonl", rows.map { #"{"ref": "R1", "exemption": "s43", \#($0)}"# }.joined(separator: "\n") + "\n")
        #expect(lines.count == 4)
        for line in lines { #expect(line.contains("the string holds"), "\(line)") }
    }
}

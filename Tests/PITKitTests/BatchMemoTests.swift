@testable import PITKit
import Testing

/// The batch's small memos give what they stand for: `RecentDates` a date's long form,
/// `SharedTextMemo` the value of a text's bytes, and a name's hash made from its reference the
/// hash of the name its path ends in.
struct BatchMemoTests {
    @Test func recentDatesGiveTheLongForm() {
        var dates = RecentDates()
        // Three years of days, twice, then backwards: dates a year apart share a slot.
        var all: [DocumentDate] = []
        for year in [2025, 2026, 2027] {
            for month in 1...12 {
                for day in 1...DocumentDate.days(inMonth: month, year: year) { all.append(DocumentDate(year: year, month: month, day: day)!) }
            }
        }
        for date in all + all + all.reversed() {
            #expect(dates.longForm(date) == date.longForm)
        }
    }

    @Test func sharedTextMemoGivesEachTextsOwnValue() {
        let memo = SharedTextMemo<Int>()
        var made = 0
        func value(_ text: String) -> Int {
            memo.value(text) { text in
                made += 1
                return text.utf8.count
            }
        }
        let long = String(decoding: Array("The request asks for figures broken down by ward".utf8), as: UTF8.self)
        #expect(value(long) == long.utf8.count)
        #expect(value(long) == long.utf8.count)
        #expect(made == 1)  // the same storage: found again
        // The same bytes in other storage, and texts of other lengths: each its own value.
        let copy = String(decoding: Array(long.utf8), as: UTF8.self)
        #expect(value(copy) == copy.utf8.count)
        for count in [0, 1, 15, 16, 17, 300] {
            let text = String(repeating: "x", count: count)
            #expect(value(text) == count)
            #expect(value(text) == count)
        }
    }

    @Test(arguments: ["658A/22", "658a/22", "FOI-027538", "a:b*c?d\"e<f>g|h\\i", "trailing. ", ".hidden", "CON", "lpt1.final",
                      "café 🙂", "CAFÉ 🙂", "...", "", String(repeating: "Ab", count: 150)])
    func aReferencesNameHashesAsItsPath(_ reference: String) throws {
        for format in [OutputFormat.text, .docx] {
            let path = try OutputNaming.path(in: "out", output: nil, reference: reference, format: format)
            let name = path.utf8.dropFirst(4)
            #expect(OutputNaming.caseFreeHash(reference: reference, format: format)
                        == Array(name).withUnsafeBufferPointer(OutputNaming.caseFreeHash))
        }
    }

    /// A dry run into a folder that does not exist makes no paths, but names the same clashes.
    @Test func aDryRunNamesTheSameClashes() throws {
        let csv = "ref,exemption\n658A/22,s31\n658a/22,s31\nCafé/1,s31\nCAFÉ/1,s31\nother,s31\n"
        let (summary, lines) = try dryRunBatch("rows.csv", csv)
        #expect(summary.drafted == 3 && summary.failed == 2)
        #expect(lines == ["row 3: output '658a-22.txt' is already the output of row 2",
                          "row 5: output 'CAFÉ-1.txt' is already the output of row 4"])
    }
}

@testable import PITKit
import Testing

/// A failed row is reported one line a reason, each line naming the row: a failure of several
/// findings as several lines, a failure of one as that line.
struct BatchFailureLinesTests {
    @Test func eachFindingIsALineNamingItsRow() throws {
        let (summary, lines) = try dryRunBatch("rows.csv", """
        ref,exemption,fact,authority
        A/1,s31,Releasing the rota would embarrass the council. TODO,Northshire Council
        B/2,s31,,Northshire Council

        """, strict: true)
        #expect(summary.failed == 2)
        #expect(lines.count == 3, "\(lines)")
        guard lines.count == 3 else { return }
        #expect(lines[0].hasPrefix("row 2: line 15: PIT005 weighs embarrassment ('embarrass')"))
        #expect(lines[1] == "row 2: line 15: PIT007 a placeholder is left in: 'TODO'")
        #expect(lines[2] == "row 3: line 11: PIT003 nothing specific to the case: no --fact was given, so every argument is the library's own text")
    }
}

@testable import PITKit
import Testing

/// Exemption ids sort by their first number, then by their text; an id without a number last.
struct StatuteOrderTests {
    @Test func idsSortByTheirFirstNumberThenText() {
        let ids = ["s30", "s27-2", "s22a", "annex", "s24", "12-5-a", "s22", "12-4-b", "s100"]
        let sorted = ids.sorted { TemplateLibrary.statuteKey($0) < TemplateLibrary.statuteKey($1) }
        #expect(sorted == ["12-4-b", "12-5-a", "s22", "s22a", "s24", "s27-2", "s30", "s100", "annex"])
    }
}

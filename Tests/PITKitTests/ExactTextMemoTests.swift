@testable import PITKit
import Testing

/// `ExactTextMemo` makes a text's value once while it is remembered, tells texts apart by every
/// byte, and starts again when full.
struct ExactTextMemoTests {
    @Test func aTextIsMadeOnceAndTextsAlikeAreToldApart() {
        let memo = ExactTextMemo<Int>(capacity: 64)
        var made = 0
        // Texts of the same length differing in one byte, a prefix, the empty text, and
        // composed and decomposed "é" (equal as Strings, different bytes).
        let texts = ["abcdefgh-1", "abcdefgh-2", "abcdefgh-", "", "caf\u{E9}", "cafe\u{301}"]
        for (index, text) in texts.enumerated() {
            #expect(memo.value(text) { made += 1; return index } == index)
        }
        for (index, text) in texts.enumerated() {
            #expect(memo.value(text) { made += 1; return -1 } == index)
        }
        #expect(made == texts.count)
    }

    /// The table grows as texts come: a thousand texts are each made once and all remembered.
    @Test func manyTextsAreAllRemembered() {
        let memo = ExactTextMemo<Int>(capacity: 4096)
        var made = 0
        for round in 0..<2 {
            for index in 0..<1000 {
                #expect(memo.value("paragraph \(index)") { made += 1; return index } == index, "round \(round)")
            }
        }
        #expect(made == 1000)
    }

    @Test func aFullMemoStartsAgain() {
        let memo = ExactTextMemo<Int>(capacity: 4)
        var made = 0
        for round in 0..<3 {
            for index in 0..<10 {
                #expect(memo.value("text \(index)") { made += 1; return index } == index, "round \(round)")
            }
        }
        // Ten texts through four places: none is still remembered when it comes round again.
        #expect(made == 30)
        #expect(memo.value("text 9") { -1 } == 9)
    }
}

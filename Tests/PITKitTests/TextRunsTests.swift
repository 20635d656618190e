@testable import PITKit
import Testing

/// A shape's text keeps each run once for all the shapes that share it, and fills as the text would.
struct TextRunsTests {
    func keep(_ text: String, in runs: TextRuns) -> UnsafePointer<UInt8> {
        Array(text.utf8).withUnsafeBufferPointer { runs.keep($0) }
    }

    @Test func aRunIsKeptOnceAndKeepsItsBytes() {
        let runs = TextRuns()
        let first = keep("The exemption applies.", in: runs)
        #expect(keep("The exemption applies.", in: runs) == first)
        let other = keep("The exemption does not apply.", in: runs)
        #expect(other != first)
        #expect(Array(UnsafeBufferPointer(start: first, count: 22)) == Array("The exemption applies.".utf8))
        #expect(runs.size == 22 + 29)
        // A run longer than a block has a block of its own.
        let long = String(repeating: "x", count: 70_000)
        #expect(Array(UnsafeBufferPointer(start: keep(long, in: runs), count: 70_000)) == Array(long.utf8))
        #expect(keep(long, in: runs) == keep(long, in: runs))
    }

    @Test func shapesThatShareRunsFillAsTheirTextsDo() {
        let runs = TextRuns()
        let values = ["6 January 2026", "West Midlands Police", "Which software?"]
        let texts = ["\(Placeholder.text(1)) holds it. \(Placeholder.text(0))\n", "\(Placeholder.text(1)) holds it. \(Placeholder.text(2))",
                     "No placeholder at all.", "", "\(Placeholder.text(1))\(Placeholder.text(7)) stays: no text for it."]
        for text in texts {
            let filled = PlaceholderText(Array(text.utf8), runs: runs).filled(with: values)
            #expect(String(decoding: filled, as: UTF8.self) == Placeholder.fill(text, with: values), "\(text.debugDescription)")
        }
        #expect(Placeholder.fill(texts[0], with: values) == "West Midlands Police holds it. 6 January 2026\n")
        #expect(Placeholder.fill(texts[4], with: values) == "West Midlands Police\(Placeholder.text(7)) stays: no text for it.")
    }

    @Test func aTextMadeLikeAModelFillsAsItsTextDoesAndTakesOnlyTheSameRuns() {
        let runs = TextRuns()
        let values = ["6 January 2026", "Which software?", "Which year?", "Which budget?"]
        let model = "Dear \(Placeholder.text(1)),\n1. \(Placeholder.text(2))\nWe hold it. \(Placeholder.text(0))\n"
        let expanded = "Dear \(Placeholder.text(1)),\n1. \(Placeholder.text(2))\n2. \(Placeholder.text(3))\nWe hold it. \(Placeholder.text(0))\n"
        let made = PlaceholderText(Array(model.utf8), runs: runs)
        let size = runs.size
        let like = PlaceholderText(Array(expanded.utf8), runs: runs, like: made)
        #expect(String(decoding: like.filled(with: values), as: UTF8.self) == Placeholder.fill(expanded, with: values))
        // Only the new run ("\n2. ") was kept: the others were the model's, from its start and from its end.
        #expect(runs.size == size + 4)
        // A model kept in another store is not taken: the text keeps its runs in its own.
        let other = TextRuns()
        let elsewhere = PlaceholderText(Array(expanded.utf8), runs: other, like: made)
        #expect(String(decoding: elsewhere.filled(with: values), as: UTF8.self) == Placeholder.fill(expanded, with: values))
        #expect(other.size == expanded.utf8.count - 4 * 4)
    }

    @Test func placeholderNumbersAreVisitedInOrderUntilTheVisitStops() {
        let content: [Document.Inline] = [.text("a \(Placeholder.text(3)) b"), .strong([.text("\(Placeholder.text(5))\(Placeholder.text(4))")]),
                                          .text("\(Placeholder.text(9))")]
        var seen: [Int] = []
        #expect(Placeholder.forEachNumber(in: content) { seen.append($0); return true })
        #expect(seen == [3, 5, 4, 9])
        seen = []
        #expect(!Placeholder.forEachNumber(in: content) { seen.append($0); return $0 != 5 })
        #expect(seen == [3, 5])
    }
}

/// What the checks worked out from texts seen before, by the texts themselves. The shapes of a
/// batch share most of their paragraphs and balancing tests, so with a memo each is read once: a
/// paragraph's folded form and its text checks' findings (by the part it stands in and what the
/// checks knew of the subject), a heading's reading, a balancing test's reading, and a harm's
/// statement of its test. Each store is bounded: when full it starts again.
final class CheckMemo: Sendable {
    /// One paragraph's text as the checks read it: folded once, and what the text checks found in
    /// it, by the part it stood in and the subject (`subject(_:)`) it was checked for.
    final class Paragraph: Sendable {
        struct Context: Hashable {
            let part: CheckDocument.Part
            let subject: Int

            func hash(into hasher: inout Hasher) {
                hasher.combine(part.number << 32 | subject)
            }
        }

        let folded: FoldedText
        /// Whether the text checks find nothing in it in any part or for any subject.
        let isQuiet: Bool
        private let found = BoundedMemo<Context, Found>(capacity: 1024)

        init(_ text: String) {
            folded = FoldedText(text)
            isQuiet = !TextChecks.mayReport(in: folded)
        }

        /// What the text checks find in the paragraph in `context`, remembered or found by `check`.
        func found(_ context: Context, orCheck check: () -> Found) -> Found {
            found.value(context, orMake: check)
        }
    }

    /// What the checks found in one paragraph: each finding's check, message and offset.
    typealias Found = [(check: Check, message: String, offset: Int)]

    /// The text of some paragraphs in order, by the paragraphs themselves (a paragraph is one
    /// text while it is held: this key holds it), with what else a result depends on.
    struct Paragraphs: Hashable, @unchecked Sendable {
        let paragraphs: [Paragraph]
        let context: String

        func hash(into hasher: inout Hasher) {
            for paragraph in paragraphs { hasher.combine(ObjectIdentifier(paragraph)) }
            hasher.combine(context)
        }

        static func == (left: Paragraphs, right: Paragraphs) -> Bool {
            left.paragraphs.count == right.paragraphs.count && zip(left.paragraphs, right.paragraphs).allSatisfy { $0 === $1 }
                && left.context == right.context
        }
    }

    let paragraphs = ExactTextMemo<Paragraph>(capacity: 8192)
    let readings = BoundedMemo<Paragraphs, BalanceReading>(capacity: 1024)
    /// What each heading says, by its folded text.
    let headings = BoundedMemo<ExactBytes, CheckDocument.HeadingReading>(capacity: 1024)
    /// What is wrong with a harm section, by its text and the test it must state.
    let harms = BoundedMemo<Paragraphs, [String]>(capacity: 1024)
    /// A number for each subject a text check's result depends on (`TextChecks.Facts.signature`),
    /// never given to another, so a paragraph's remembered findings always mean that subject.
    private let subjects = Locked<(numbers: [TextChecks.Facts.Signature: Int], next: Int)>(([:], 0))

    init() {}

    /// The paragraphs of texts seen before, by where each text's bytes are stored
    /// (`SharedTextMemo`): the shapes' documents are read from remembered stretches of Markdown
    /// (`MarkdownMemo`), so most of their texts are the very strings seen before, found without
    /// reading their bytes; any other text is found by its bytes (`paragraphs`).
    private let stored = SharedTextMemo<Paragraph>(slotBits: 11)

    /// The paragraph of `text`, folded.
    func paragraph(_ text: String) -> Paragraph {
        stored.value(text) { text in paragraphs.value(text) { Paragraph(text) } }
    }

    /// The number of a subject, by its signature.
    func subject(_ signature: TextChecks.Facts.Signature) -> Int {
        subjects.withLock { subjects in
            if let known = subjects.numbers[signature] { return known }
            if subjects.numbers.count >= 1024 { subjects.numbers.removeAll() }
            subjects.numbers[signature] = subjects.next
            subjects.next += 1
            return subjects.next - 1
        }
    }
}

/// A document as the quality checks read it: its blocks in order, each with its plain text and its
/// place (the line, or the paragraph number in a Word document), grouped into sections by its
/// headings, each section with the part of a PIT it holds.
public struct CheckDocument: Sendable {
    /// One heading, paragraph or list item.
    public struct Block: Sendable {
        public enum Kind: Sendable, Equatable {
            case heading(level: Int)
            case paragraph
            case listItem
        }

        public let kind: Kind
        /// The text without markup.
        public let text: String
        let folded: FoldedText
        /// The line (or paragraph number) the block starts on.
        public let line: Int
        /// Where later source lines of a wrapped paragraph start in `folded`, with their numbers.
        let continuations: [(offset: Int, line: Int)]
        /// The index of the section it belongs to (its own, for a heading).
        public internal(set) var section = 0

        /// The memo's entry for the text, when the document was read with a memo.
        let paragraph: CheckMemo.Paragraph?

        init(kind: Kind, text: String, line: Int, continuations: [(offset: Int, line: Int)] = [], paragraph: CheckMemo.Paragraph? = nil) {
            self.kind = kind
            self.text = text
            self.paragraph = paragraph
            folded = paragraph?.folded ?? FoldedText(text)
            self.line = line
            self.continuations = continuations
        }

        /// A block whose folded text is made line by line: each line's text, joined with spaces.
        init(kind: Kind, lines: [(text: String, line: Int)]) {
            var folded: [UInt8] = []
            var capitals: [Int] = []
            var continuations: [(offset: Int, line: Int)] = []
            for (index, part) in lines.enumerated() {
                if index > 0 {
                    folded.append(UInt8(ascii: " "))
                    continuations.append((folded.count, part.line))
                }
                FoldedText.append(part.text, to: &folded, capitals: &capitals)
            }
            self.kind = kind
            paragraph = nil
            text = lines.map(\.text).joined(separator: " ")
            self.folded = FoldedText(bytes: folded, capitals: capitals)
            line = lines.first?.line ?? 1
            self.continuations = continuations
        }

        /// The line of the byte at `offset` of the folded text.
        func line(at offset: Int) -> Int {
            var line = self.line
            for continuation in continuations where continuation.offset <= offset { line = continuation.line }
            return line
        }

        var isHeading: Bool { if case .heading = kind { return true } else { return false } }
    }

    /// The blocks under one heading (or before the first heading).
    public struct Section: Sendable {
        /// The heading's text; empty for the blocks before any heading.
        public let heading: String
        public let part: Part
        /// Whether it is the combined balancing test of several exemptions.
        public let isCombined: Bool
        /// The line of its heading (or of its first block).
        public let line: Int
        /// Its blocks, the heading excluded.
        public let blocks: Range<Int>
        /// The index of its heading's block.
        let headingIndex: Int?
        /// The exemption sections its heading cites (`31`, `22a`).
        let citedSections: [String]
    }

    /// What a section of a PIT is for, from its heading.
    public enum Part: String, Sendable {
        case harm, `for`, against, balance
        /// The request's questions, quoted.
        case request
        /// The list of exemptions applied.
        case applied
        case other

        /// The parts that argue.
        var isArgument: Bool { self == .harm || self == .for || self == .against || self == .balance }

        /// A number for each part, from 0: its place in `sectionsOfPart`.
        var number: Int {
            switch self {
            case .harm: return 0
            case .for: return 1
            case .against: return 2
            case .balance: return 3
            case .request: return 4
            case .applied: return 5
            case .other: return 6
            }
        }
    }

    public let blocks: [Block]
    public let sections: [Section]
    /// The sections of each part (by `Part.number`), in order.
    private let sectionsOfPart: [[Int]]

    /// What a heading says: the part it names, whether it is a combined balancing test, the sections it cites.
    struct HeadingReading: Sendable {
        let part: Part
        let isCombined: Bool
        let citedSections: [String]

        init(_ folded: FoldedText) {
            (part, isCombined) = CheckDocument.part(of: folded)
            citedSections = CitationReader.sections(in: folded)
        }
    }

    /// With `memo`, a heading read before is not read again. The blocks are taken, so that
    /// numbering their sections does not copy them.
    init(blocks: consuming [Block], memo: CheckMemo? = nil) {
        var sections: [Section] = []
        sections.reserveCapacity(blocks.reduce(1) { $1.isHeading ? $0 + 1 : $0 })
        var heading: Int?
        var start = 0
        func close(_ end: Int) {
            if let heading {
                let folded = blocks[heading].folded
                let reading = memo?.headings.value(ExactBytes(folded.bytes)) { HeadingReading(folded) } ?? HeadingReading(folded)
                sections.append(Section(heading: blocks[heading].text, part: reading.part, isCombined: reading.isCombined, line: blocks[heading].line,
                                        blocks: start..<end, headingIndex: heading, citedSections: reading.citedSections))
            } else if end > 0 {
                sections.append(Section(heading: "", part: .other, isCombined: false, line: blocks[0].line,
                                        blocks: 0..<end, headingIndex: nil, citedSections: []))
            }
        }
        for index in blocks.indices where blocks[index].isHeading {
            close(index)
            heading = index
            start = index + 1
        }
        close(blocks.count)
        for number in sections.indices {
            for index in sections[number].blocks { blocks[index].section = number }
            if let heading = sections[number].headingIndex { blocks[heading].section = number }
        }
        self.blocks = blocks
        self.sections = sections
        var sectionsOfPart = [[Int]](repeating: [], count: 7)
        for index in sections.indices { sectionsOfPart[sections[index].part.number].append(index) }
        self.sectionsOfPart = sectionsOfPart
    }

    /// The document model of a draft, placed on lines as the text and Markdown writers place it:
    /// one line a heading or paragraph, one a list item, a blank line between blocks. With
    /// `memo`, a text folded before is not folded again.
    init(_ document: Document, memo: CheckMemo? = nil) {
        var blocks: [Block] = []
        blocks.reserveCapacity(document.blocks.reduce(0) { count, block in
            if case .list(_, let items) = block { return count + items.count }
            return count + 1
        })
        var line = 1
        func add(_ kind: Block.Kind, _ content: [Document.Inline]) {
            let text = content.plainText
            blocks.append(Block(kind: kind, text: text, line: line, paragraph: memo?.paragraph(text)))
        }
        for block in document.blocks {
            switch block {
            case .heading(let level, let content):
                add(.heading(level: level), content)
                line += 2
            case .paragraph(let content):
                add(.paragraph, content)
                line += 2
            case .list(_, let items):
                for item in items {
                    add(.listItem, item)
                    line += 1
                }
                line += 1
            }
        }
        self.init(blocks: blocks, memo: memo)
    }

    /// The document model of a draft, as `init(_:memo:)` places it.
    public init(_ document: Document) {
        self.init(document, memo: nil)
    }

    /// The part a heading names, and whether it is a combined balancing test. Headings are read
    /// by their words, so a house style's own headings are understood ("Reasons for disclosure",
    /// "Conclusion").
    static func part(of heading: FoldedText) -> (Part, Bool) {
        let all = 0..<heading.bytes.count
        // The part before a colon names the part; what follows cites the exemption.
        let name = heading.bytes.firstIndex(of: UInt8(ascii: ":")).map { 0..<$0 } ?? all
        func has(_ phrases: String...) -> Bool { phrases.contains { heading.contains($0, in: name) } }
        if has("exemption applied", "exemptions applied", "exception applied", "exceptions applied", "exemptions relied", "exemption relied") {
            return (.applied, false)
        }
        if has("the request", "request made", "questions asked", "your request") { return (.request, false) }
        if has("non-disclosure", "against disclosure", "against confirming", "neither confirm", "maintaining the exemption",
               "maintaining the exception", "withholding", "favouring non", "favour of non") {
            return (.against, false)
        }
        if has("disclos", "confirm", "releas") && has("favour", "for ", "reasons", "arguments", "factors", "in support") {
            return (.for, false)
        }
        if has("balanc", "conclusion", "decision", "outcome") {
            return (.balance, has("combined", "overall", "together", "aggregate", "all the exemptions"))
        }
        if has("harm", "prejudice", "engag", "the test") { return (.harm, false) }
        return (.other, false)
    }

    /// The sections of a part, in order.
    func sections(_ part: Part) -> [Int] { sectionsOfPart[part.number] }

    /// Whether a section has any text under its heading.
    func hasContent(_ section: Int) -> Bool {
        sections[section].blocks.contains { !blocks[$0].folded.bytes.allSatisfy { $0 == 0x20 } }
    }
}

/// Runs the quality checks (`Check`) on a document: the checks of its structure once, and the
/// text checks on each of its blocks. Findings come in document order.
public enum QualityChecks {
    public static func run(_ document: CheckDocument, _ subject: CheckSubject) -> [Finding] {
        run(document, subject, memo: nil)
    }

    /// With `memo`, paragraphs whose text checks were run before are not checked again; `facts`
    /// are the subject's (`TextChecks.Facts(subject)`), when the caller has them already.
    static func run(_ document: CheckDocument, _ subject: CheckSubject, facts: TextChecks.Facts? = nil, memo: CheckMemo?) -> [Finding] {
        var run = CheckRun(document: document, subject: subject, facts: facts, memo: memo)
        run.checkStructure()
        run.checkText()
        return Finding.ordered(run.findings)
    }
}

/// One run of the checks over one document.
struct CheckRun {
    let document: CheckDocument
    let subject: CheckSubject
    /// The subject's qualified exemptions (`CheckSubject.qualified`).
    let qualified: [CheckSubject.Applied]
    /// For each section, whether its heading cites an exemption applied.
    let citesApplied: [Bool]
    /// What the text checks need to know of the subject.
    let facts: TextChecks.Facts
    /// What was worked out from texts seen before (a batch's shapes), if anything.
    let memo: CheckMemo?
    var findings: [Finding] = []
    /// The whole document as one folded text, made when a check needs it.
    lazy var wholeText = Self.joined(document.blocks.indices, of: document)

    init(document: CheckDocument, subject: CheckSubject, facts: TextChecks.Facts? = nil, memo: CheckMemo? = nil) {
        self.document = document
        self.subject = subject
        qualified = subject.qualified
        let appliedSections = Set(subject.exemptions.map(\.section))
        citesApplied = document.sections.map { $0.citedSections.contains(where: appliedSections.contains) }
        self.facts = facts ?? TextChecks.Facts(subject)
        self.memo = memo
    }

    /// The checks of the document as a whole.
    mutating func checkStructure() {
        checkMissingParts()
        checkHarmTests()
        checkCaseSpecificContent()
        checkBalanceConclusions()
        checkEvidence()
        checkExclusivePairs()
        checkNCNDFraming()
        checkAbsoluteExemptions()
        checkPresumption()
    }

    /// The text checks on every block.
    mutating func checkText() {
        let subjectNumber = memo?.subject(facts.signature) ?? 0
        // The blocks and sections are read in place: a copy of each would count every reference it holds.
        let blocks = document.blocks, sections = document.sections
        for index in blocks.indices where blocks[index].paragraph?.isQuiet != true {
            let part = sections[blocks[index].section].part
            func check() -> CheckMemo.Found {
                var found: CheckMemo.Found = []
                TextChecks.scan(blocks[index].folded, original: blocks[index].text, part: part, facts: facts) { found.append(($0, $1, $2)) }
                return found
            }
            let found = blocks[index].paragraph?.found(.init(part: part, subject: subjectNumber), orCheck: check) ?? check()
            for (check, message, offset) in found {
                findings.append(Finding(check, message, line: blocks[index].line(at: offset), section: sections[blocks[index].section].heading))
            }
        }
    }

    mutating func report(_ check: Check, _ message: String, at section: Int?) {
        if let section {
            findings.append(Finding(check, message, line: document.sections[section].line, section: document.sections[section].heading))
        } else {
            findings.append(Finding(check, message, line: 1, section: ""))
        }
    }

    mutating func report(_ check: Check, _ message: String, block: Int, offset: Int = 0) {
        let section = document.sections[document.blocks[block].section]
        findings.append(Finding(check, message, line: document.blocks[block].line(at: offset), section: section.heading))
    }

    // MARK: - Helpers

    /// The sections of `part` that argue `applied`: those whose heading cites it, and those whose
    /// heading cites none of the exemptions applied (a house style's plain "Harm").
    func sections(_ part: CheckDocument.Part, of applied: CheckSubject.Applied) -> [Int] {
        document.sections(part).filter { index in !citesApplied[index] || document.sections[index].citedSections.contains(applied.section) }
    }

    /// The argument sections of `applied`: harm, factors and balance.
    func argumentSections(of applied: CheckSubject.Applied) -> [Int] {
        [CheckDocument.Part.harm, .for, .against, .balance].flatMap { sections($0, of: applied) }.sorted()
    }

    /// The text of `sections` as one folded text, a sentence break between blocks.
    func text(of sections: [Int]) -> FoldedText {
        Self.joined(sections.lazy.flatMap { document.sections[$0].blocks }, of: document)
    }

    /// The folded text of `blocks`, each followed by a sentence break (". ").
    private static func joined(_ blocks: some Sequence<Int>, of document: CheckDocument) -> FoldedText {
        var count = 0
        for index in blocks { count += document.blocks[index].folded.bytes.count + 2 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for index in blocks {
            document.blocks[index].folded.bytes.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: " "))
        }
        return FoldedText(bytes: bytes)
    }


    /// What the balancing test of `section` concludes.
    func balanceReading(_ section: Int) -> BalanceReading {
        remembered(memo?.readings, of: [section]) { BalanceReading(text(of: [section])) }
    }

    /// What `make` works out from the text of `sections` (and `context`): with a memo, as its
    /// `store` remembers it by the sections' paragraphs, without building the text again.
    func remembered<Value>(_ store: BoundedMemo<CheckMemo.Paragraphs, Value>?, of sections: [Int],
                           context: @autoclosure () -> String = "", _ make: () -> Value) -> Value {
        guard let store else { return make() }
        var paragraphs: [CheckMemo.Paragraph] = []
        for section in sections {
            for index in document.sections[section].blocks {
                guard let paragraph = document.blocks[index].paragraph else { return make() }
                paragraphs.append(paragraph)
            }
        }
        return store.value(CheckMemo.Paragraphs(paragraphs: paragraphs, context: context()), orMake: make)
    }

    /// The first section of `parts` for `applied`, to point a finding at.
    func firstSection(_ parts: [CheckDocument.Part], of applied: CheckSubject.Applied?) -> Int? {
        for part in parts {
            let found = applied.map { sections(part, of: $0) } ?? document.sections(part)
            if let first = found.first { return first }
        }
        return nil
    }
}

/// The quality checks of a draft's shape (`CachedDrafter`): the findings in its library text, found
/// once from the shape's document (each user text a placeholder), and where each user text
/// stands, so that a request of that shape needs only its own texts checked. A class: every
/// request of the shape reads it, and a class is passed about by one count.
final class ShapeChecks: Sendable {
    /// Where one user text stands in the document: each line it is on.
    struct Placement: Sendable {
        let index: Int
        let line: Int
        let section: String
        let part: CheckDocument.Part
    }

    private let findings: [Finding]
    /// The shape's findings as a batch reports them, made once.
    private let lines: String
    /// Every place of every text, by text, in document order.
    private let placements: [[Placement]]
    /// For each text of `placements`, its index and whether it stands only in the request's
    /// quoted questions.
    private let texts: [(index: Int, quotedOnly: Bool)]
    private let facts: TextChecks.Facts

    private init(findings: [Finding], placements: [[Placement]], facts: TextChecks.Facts) {
        self.findings = findings
        lines = ChecksFailed.lines(findings)
        self.placements = placements
        texts = placements.map { places in (places[0].index, places.allSatisfy { $0.part == .request }) }
        self.facts = facts
    }

    convenience init(_ draft: Draft, library: TemplateLibrary, memo: CheckMemo) {
        let document = CheckDocument(draft.document, memo: memo)
        let subject = CheckSubject(draft, library: library)
        let facts = TextChecks.Facts(subject)
        let findings = QualityChecks.run(document, subject, facts: facts, memo: memo)
        var found: [Placement] = []
        for block in document.blocks {
            block.folded.bytes.withUnsafeBufferPointer { bytes in
                Placeholder.forEach(in: bytes) { index, number in
                    guard number != DraftTexts.dateIndex else { return }
                    let section = document.sections[block.section]
                    found.append(Placement(index: number, line: block.line(at: index), section: section.heading, part: section.part))
                }
            }
        }
        // By text, each text's places in document order, a text twice on one line placed once.
        var placements: [[Placement]] = []
        for place in found.indices.sorted(by: { (found[$0].index, $0) < (found[$1].index, $1) }).map({ found[$0] }) {
            if let last = placements.last?.last, last.index == place.index {
                if last.line != place.line { placements[placements.count - 1].append(place) }
            } else {
                placements.append([place])
            }
        }
        self.init(findings: findings, placements: placements, facts: facts)
    }

    /// The checks of the shape's document expanded to more or fewer list items (`ListExpansion`):
    /// every line moved to where `lines` says its unit went, and each copy of a list item placed
    /// as its own text. Nil when the shape finds fault in a unit that holds an item (a full
    /// draft would find it once an item; the cache then drafts that shape in full).
    func expanded(_ lines: ListExpansion.Lines, _ expansion: ListExpansion, starts: [Int]) -> ShapeChecks? {
        // Every line is a unit's first (a document's units are one line each); any other is not mapped.
        var findings: [Finding] = []
        for finding in self.findings {
            guard !lines.items.contains(finding.line), let line = lines.moved(finding.line) else { return nil }
            findings.append(Finding(finding.check, finding.message, line: line, section: finding.section))
        }
        var placements: [Int: [Placement]] = [:]
        // A text each (its copies are texts of their own): room for all, so the table does not grow.
        placements.reserveCapacity(self.placements.count + lines.copies.values.reduce(0) { $0 + $1.count })
        for place in self.placements.joined() {
            func add(_ index: Int, _ line: Int) {
                placements[index, default: []].append(Placement(index: index, line: line, section: place.section, part: place.part))
            }
            if let list = expansion.lists.firstIndex(where: { $0.second == place.index }) {
                for (item, line) in (lines.copies[place.line] ?? []).enumerated() { add(starts[list] + 1 + item, line) }
            } else {
                guard let line = lines.moved(place.line) else { return nil }
                add(expansion.lists.firstIndex(where: { $0.first == place.index }).map { starts[$0] } ?? place.index, line)
            }
        }
        return ShapeChecks(findings: findings, placements: placements.keys.sorted().map { placements[$0]! }, facts: facts)
    }

    /// The findings of a request of this shape whose texts are `values` (`DraftTexts` order):
    /// the shape's, and each text's own, wherever the text stands. `screen` tells the texts that
    /// need checking.
    func findings(for values: [String], screen: TextScreen) -> [Finding] {
        var all = findings
        let shapeCount = all.count
        for (number, (index, quotedOnly)) in texts.enumerated() where index < values.count {
            guard screen.mayFind(in: values[index], placeholderOnly: quotedOnly) else { continue }
            let value = values[index], places = placements[number]
            let text = FoldedText(value)
            // A text reads the same wherever it stands, but in the request's own words (its quoted
            // questions) only placeholders count.
            var inRequest: [(Check, String)]?
            var elsewhere: [(Check, String)]?
            for place in places {
                let isRequest = place.part == .request
                if (isRequest ? inRequest : elsewhere) == nil {
                    var list: [(Check, String)] = []
                    TextChecks.scan(text, original: value, part: isRequest ? .request : .other, facts: facts) { check, message, _ in
                        list.append((check, message))
                    }
                    if isRequest { inRequest = list } else { elsewhere = list }
                }
                for (check, message) in (isRequest ? inRequest : elsewhere)! {
                    all.append(Finding(check, message, line: place.line, section: place.section))
                }
            }
        }
        // The shape's own findings are in order already; only a text's finding needs sorting in.
        return all.count == shapeCount ? all : Finding.ordered(all)
    }

    /// The failure of a request whose texts are `values`, or nil when nothing is found.
    func failure(for values: [String], screen: TextScreen) -> ChecksFailed? {
        let found = findings(for: values, screen: screen)
        guard !found.isEmpty else { return nil }
        return ChecksFailed(findings: found, lines: found.count == findings.count ? lines : nil)
    }
}

/// A draft that `--strict` refused: what the checks found.
public struct ChecksFailed: Error, Sendable {
    public let findings: [Finding]
    /// One line a finding, `line 15: PIT005 message`, as a batch reports them.
    public let lines: String

    init(findings: [Finding], lines: String? = nil) {
        self.findings = findings
        self.lines = lines ?? Self.lines(findings)
    }

    static func lines(_ findings: [Finding]) -> String {
        findings.map { "line \($0.line): \($0.check.id) \($0.message)" }.joined(separator: "\n")
    }
}

/// The quality checks of a draft's shape (`DraftCache`): the findings in its library text, found
/// once from the shape's document (each user text a placeholder), and where each user text
/// stands, so that a request of that shape needs only its own texts checked.
struct ShapeChecks: Sendable {
    /// Where one user text first stands in the document.
    struct Placement: Sendable {
        let index: Int
        let line: Int
        let section: String
        let part: CheckDocument.Part
    }

    private let findings: [Finding]
    private let placements: [Placement]
    private let facts: TextChecks.Facts

    init(_ draft: Draft, library: TemplateLibrary) {
        let document = CheckDocument(draft.document)
        let subject = CheckSubject(draft, library: library)
        findings = QualityChecks.run(document, subject)
        facts = TextChecks.Facts(subject)
        var placements: [Int: Placement] = [:]
        for block in document.blocks {
            let bytes = block.folded.bytes
            var index = 0
            while index + 3 < bytes.count {
                defer { index += 1 }
                guard bytes[index] == 0, bytes[index + 1] & 0xF0 == 0xE0 else { continue }
                let scalar = Int(bytes[index + 1] & 0x0F) << 12 | Int(bytes[index + 2] & 0x3F) << 6 | Int(bytes[index + 3] & 0x3F)
                let number = scalar - Int(Placeholder.firstScalar)
                guard number >= 0, placements[number] == nil else { continue }
                let section = document.sections[block.section]
                placements[number] = Placement(index: number, line: block.line(at: index), section: section.heading, part: section.part)
            }
        }
        self.placements = placements.values.sorted { $0.index < $1.index }
    }

    /// The findings of a request of this shape whose texts are `values` (`DraftTexts` order).
    func findings(for values: [String]) -> [Finding] {
        var all = findings
        for place in placements where place.index != DraftTexts.dateIndex && place.index < values.count {
            let value = values[place.index]
            TextChecks.scan(FoldedText(value), original: value, part: place.part, facts: facts) { check, message, _ in
                all.append(Finding(check, message, line: place.line, section: place.section))
            }
        }
        return all.isEmpty ? [] : Finding.ordered(all)
    }
}

/// A draft that `--strict` refused: what the checks found.
public struct ChecksFailed: Error, Sendable {
    public let findings: [Finding]
}

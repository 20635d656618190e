/// The checks that read a piece of text on its own: an irrelevant factor weighed (PIT005), a
/// placeholder left in (PIT007), an exemption cited that is not applied (PIT008) and, in an NCND
/// draft, text that says whether information is held (PIT010). They run on every block of a
/// document, and in a batch on each text a user puts into a draft of a known shape.
enum TextChecks {
    /// What the text checks need to know of the subject, worked out once.
    struct Facts: Sendable {
        let ncnd: Bool
        /// The exemptions applied, as `provisions` names them.
        let applied: Set<String>
        /// The regime's exemptions as citations name them.
        let provisions: CitedProvisions
        /// The citations of the exemptions applied, for messages.
        let citations: String
        /// Factors an exemption applied weighs by its own test (EIR 12(4)(b): the burden of complying).
        let weighed: Set<IrrelevantFactor>

        init(ncnd: Bool, applied: Set<String>, known: Set<String>, citations: String, weighed: Set<IrrelevantFactor> = []) {
            self.ncnd = ncnd
            self.applied = applied
            provisions = CitedProvisions(sections: known)
            self.citations = citations
            self.weighed = weighed
        }

        /// All that a text check's result depends on beside the text (the library's sections
        /// are the same for a whole run).
        struct Signature: Hashable, Sendable {
            let ncnd: Bool
            let byRegulation: Bool
            let applied: Set<String>
            let citations: String
        }

        var signature: Signature { Signature(ncnd: ncnd, byRegulation: provisions.byRegulation, applied: applied, citations: citations) }

        init(_ subject: CheckSubject) {
            ncnd = subject.ncnd
            provisions = subject.provisions
            applied = Set(subject.exemptions.map { subject.provisions.key(of: $0.exemption) })
            citations = Drafter.joined(subject.exemptions.map(\.citation))
            weighed = Set(subject.exemptions.flatMap(\.exemption.weighs))
        }
    }

    private static let irrelevant: [(factor: IrrelevantFactor, phrase: String)] =
        IrrelevantFactor.allCases.flatMap { factor in factor.phrases.map { (factor, $0) } }

    /// Placeholders, folded; `todo` and `xxx` count only in capitals.
    static let placeholders = ["{{", "}}", "[insert", "[authority", "todo", "xxx"]

    /// Phrases that say whether information is held.
    static let confirming = [
        "information is held", "information was held", "information requested is held", "we hold", "we do hold", "we do not hold",
        "we don't hold", "does not hold", "do not hold", "holds the information", "hold the information", "holds no information",
        "no information is held", "information is not held", "we can confirm", "can confirm that", "we confirm", "confirm that we",
        "information shows", "information contains", "information reveals", "records show",
    ]

    /// Words that make a sentence about holding information hypothetical or neutral.
    static let hedges = ["whether", "if ", "neither", "may or may not", "or not", "is, or is not", "would", "could", "might",
                         "any information", "were held", "were to", "whenever", "suppose"]

    private static let families = (irrelevant: 0, placeholder: 1, confirming: 2)

    private static let matcher = PhraseMatcher(
        irrelevant.enumerated().map { PhraseMatcher.Phrase(bytes: Array($1.phrase.utf8), wholeWord: IrrelevantFactor.isWholeWord($1.phrase), tag: $0 << 2 | families.irrelevant) }
            + placeholders.enumerated().map { PhraseMatcher.Phrase(bytes: Array($1.utf8), wholeWord: $0 >= 4, tag: $0 << 2 | families.placeholder) }
            + confirming.enumerated().map { PhraseMatcher.Phrase(bytes: Array($1.utf8), wholeWord: false, tag: $0 << 2 | families.confirming) }
    )

    /// Whether the text checks could find anything in `text`: false for most texts, which are
    /// then not folded or scanned at all. Only ASCII text without brackets or digits (no citation)
    /// in which no phrase occurs, compared without case, is passed over.
    static func mayFind(in text: String) -> Bool {
        matcher.withTables { tables in
            text.withUTF8Bytes { bytes in
                // Eight bytes at a time: any non-ASCII byte (folding could change what follows) or
                // bracket ("{{", "[insert"), else the starts of words, where a phrase or a
                // citation ("s31", "section", "reg") may start; a citation needs a digit too.
                var citeStart = false
                var digits: UInt64 = 0
                var previousIsWord: UInt64 = 0  // the top bit, when the byte before the word's is a letter or digit
                var offset = 0
                while offset < bytes.count {
                    let word = ByteWords.paddedWord(bytes, at: offset)
                    if word & ByteWords.tops != 0 { return true }
                    let lowered = word | ByteWords.ones &* 0x20
                    let aboveLetters = ByteWords.atLeast(lowered, 0x7B)
                    if aboveLetters & ~ByteWords.atLeast(lowered, 0x7E) != 0 { return true }  // { | } [ \ ]
                    let digit = ByteWords.atLeast(word, 0x30) & ~ByteWords.atLeast(word, 0x3A)
                    let isWord = ByteWords.atLeast(lowered, 0x61) & ~aboveLetters | digit
                    digits |= digit
                    var starts = isWord & ~(isWord << 8 | previousIsWord)
                    previousIsWord = isWord >> 56
                    while starts != 0 {
                        let index = offset + starts.trailingZeroBitCount >> 3
                        starts &= starts - 1
                        guard index + 1 < bytes.count else { continue }  // no phrase or citation of one byte
                        let first = bytes[index], next = bytes[index + 1]
                        // Brackets ("{{") are found above, so a phrase here has three bytes or more.
                        if tables.mayStart(first, next), index + 2 < bytes.count, tables.mayStart(first, next, bytes[index + 2]),
                           tables.mayStart(prefixAt: index, in: bytes), tables.mayStart(at: index, in: bytes) { return true }
                        let lowered = first | 0x20
                        if lowered == 0x73 || lowered == 0x72 {  // s, r
                            let nextLowered = next | 0x20
                            citeStart = citeStart || (next >= 0x30 && next <= 0x39) || next == 0x2E || nextLowered == 0x65 || nextLowered == 0x73
                        }
                    }
                    offset += 8
                }
                return citeStart && digits != 0
            }
        }
    }

    /// `mayFind` for a text that stands only in the request's quoted questions, where only
    /// placeholders count: `{`, `}`, `[`, `TODO` or `XXX`.
    static func mayFindPlaceholder(in text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            // Eight bytes at a time, no byte a placeholder could start with as typed.
            var offset = 0
            while offset < bytes.count {
                let word = ByteWords.paddedWord(bytes, at: offset)
                if word & ByteWords.tops == 0, ByteWords.atLeast(word | ByteWords.ones &* 0x20, 0x7B) == 0,
                   ByteWords.equal(word, UInt8(ascii: "T")) | ByteWords.equal(word, UInt8(ascii: "X")) == 0 {
                    offset += 8
                    continue
                }
                for index in offset..<bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["): return true
                    case UInt8(ascii: "T") where index + 3 < bytes.count && bytes[index + 1] == UInt8(ascii: "O") && bytes[index + 2] == UInt8(ascii: "D"):
                        return true
                    case UInt8(ascii: "X") where index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "X"):
                        return true
                    default: continue
                    }
                }
                return false
            }
            return false
        }
    }

    /// Whether `scan` could report anything in `text`, in any part and for any subject: whether
    /// any phrase or citation it weighs is there.
    static func mayReport(in text: FoldedText) -> Bool {
        var found = false
        matcher.scan(text) { _, _ in found = true }
        return found || !CitationReader.citations(in: text).isEmpty
    }

    /// Runs the text checks on `text` (folded from `original`), which stands in `part`;
    /// `report` gets each finding's check, message and offset in `text`.
    static func scan(_ text: FoldedText, original: String, part: CheckDocument.Part, facts: Facts,
                     report: (Check, String, Int) -> Void) {
        let quotedPart = part == .request
        matcher.scan(text) { tag, range in
            let index = tag >> 2
            switch tag & 3 {
            case families.irrelevant:
                guard !quotedPart, !text.isQuoted(range.lowerBound), !isNegated(text, range) else { return }
                let entry = irrelevant[index]
                guard !facts.weighed.contains(entry.factor) else { return }
                report(.irrelevantFactor, "weighs \(entry.factor.name) ('\(String(decoding: text.bytes[range], as: UTF8.self))'), which is not a public interest factor: \(entry.factor.source)", range.lowerBound)
            case families.placeholder:
                let placeholder = placeholders[index]
                if index >= 4 && !original.containsWord(placeholder.uppercased()) { return }
                // A bracketed placeholder or a tag is shown whole, as typed: "[Authority name]", "{{ref}}".
                var end = range.upperBound
                if text.bytes[range.lowerBound] == UInt8(ascii: "["), let close = text.bytes[end...].prefix(60).firstIndex(of: UInt8(ascii: "]")) {
                    end = close + 1
                } else if index == 0, let close = text.find("}}", in: end..<min(text.bytes.count, end + 60)) {
                    end = close + 2
                }
                let shown = original.asTyped(text.bytes[range.lowerBound..<end]) ?? String(decoding: text.bytes[range.lowerBound..<end], as: UTF8.self)
                report(.placeholder, "a placeholder is left in: '\(shown)'", range.lowerBound)
            default:
                guard facts.ncnd, !quotedPart, !text.isQuoted(range.lowerBound) else { return }
                let sentence = text.sentence(around: range.lowerBound)
                guard !text.containsAny(hedges, in: sentence) else { return }
                report(.ncndFraming, "says whether information is held ('\(confirming[index])'): an NCND response must neither confirm nor deny it", range.lowerBound)
            }
        }
        guard !quotedPart else { return }
        for citation in CitationReader.citations(in: text) {
            guard let key = facts.provisions.key(of: citation), !facts.applied.contains(key) else { continue }
            guard !text.isQuoted(citation.range.lowerBound),
                  !citesAnotherAct(text, after: citation.range.upperBound, ownNames: facts.provisions.ownNames) else { continue }
            let sentence = text.sentence(around: citation.range.lowerBound)
            guard !hasNegation(text, in: sentence) && !text.containsAny(exclusions, in: sentence) else { continue }
            report(.sectionNotApplied, "cites \(facts.provisions.describe(citation)), which is not among the exemptions applied (\(facts.citations))", citation.range.lowerBound)
        }
    }

    /// Phrases that say a cited section is not relied on.
    private static let exclusions = ["other than", "rather than", "instead", "outside", "except", "alternative", "only so far", "only to the extent", "not exempt"]

    private static let negations: [[UInt8]] = ["not", "no", "never", "nor", "neither", "cannot", "irrelevant", "disregard", "disregarded", "without", "none", "nothing"]
        .map { Array($0.utf8) }

    /// Whether a negation stands within eight words of `range` in its sentence (outside it):
    /// "embarrassment is not a relevant factor", "we have not taken into account the requester's identity".
    static func isNegated(_ text: FoldedText, _ range: Range<Int>) -> Bool {
        let sentence = text.sentence(around: range.lowerBound)
        let words = text.words(in: sentence)
        guard let first = words.firstIndex(where: { $0.upperBound > range.lowerBound }) else { return false }
        let last = words.lastIndex(where: { $0.lowerBound < range.upperBound }) ?? first
        let window = words[max(0, first - 8)..<first] + words[min(words.count, last + 1)..<min(words.count, last + 9)]
        for (offset, word) in window.enumerated() {
            let bytes = text.bytes[word]
            if bytes.count > 3, bytes.suffix(3).elementsEqual("n't".utf8) { return true }
            guard negations.contains(where: { $0.elementsEqual(bytes) }) else { continue }
            // "not only" weighs a factor as much as it denies one.
            let position = window.startIndex + offset
            if bytes.elementsEqual("not".utf8), position + 1 < window.endIndex, text.bytes[window[position + 1]].elementsEqual("only".utf8) { continue }
            return true
        }
        return false
    }

    /// Whether any negation stands in `range`.
    static func hasNegation(_ text: FoldedText, in range: Range<Int>) -> Bool {
        text.words(in: range).contains { word in
            let bytes = text.bytes[word]
            return (bytes.count > 3 && bytes.suffix(3).elementsEqual("n't".utf8)) || negations.contains { $0.elementsEqual(bytes) }
        }
    }

    /// Whether the citation is of another Act: "section 40 of the Police Act 1996", not "section
    /// 31 of the Act" (`ownNames`: the regime's own instrument's names).
    private static func citesAnotherAct(_ text: FoldedText, after end: Int, ownNames: [String]) -> Bool {
        let rest = text.bytes[end...].prefix(80)
        guard rest.starts(with: " of ".utf8) else { return false }
        let following = String(decoding: rest.dropFirst(4), as: UTF8.self)
        return !ownNames.contains { following.hasPrefix($0) }
    }
}

extension FoldedText {
    /// Whether `offset` is inside a quotation: after an odd number of double quotes, or after an
    /// opening curly single quote that is not yet closed.
    func isQuoted(_ offset: Int) -> Bool {
        var doubles = 0
        var single = false
        for index in 0..<min(offset, bytes.count) {
            switch bytes[index] {
            case UInt8(ascii: "\""): doubles += 1
            case UInt8(ascii: "`"): single = true
            case UInt8(ascii: "'") where single && (index + 1 == bytes.count || !FoldedText.isWord(bytes[index + 1])): single = false
            default: break
            }
        }
        return doubles % 2 == 1 || single
    }
}

extension String {
    /// The text as typed that folds to `folded` (ASCII compared without case), if it is here.
    func asTyped(_ folded: ArraySlice<UInt8>) -> String? {
        let text = Array(utf8)
        guard !folded.isEmpty, folded.count <= text.count else { return nil }
        for start in 0...(text.count - folded.count) {
            let candidate = text[start..<start + folded.count]
            if zip(candidate, folded).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }) {
                return String(decoding: candidate, as: UTF8.self)
            }
        }
        return nil
    }

    /// Whether `word` occurs here as a whole word, in the same case.
    func containsWord(_ word: String) -> Bool {
        let text = Array(utf8)
        let needle = Array(word.utf8)
        guard needle.count <= text.count else { return false }
        for start in 0...(text.count - needle.count) where text[start..<start + needle.count].elementsEqual(needle) {
            let before = start == 0 || !FoldedText.isWord(text[start - 1])
            let after = start + needle.count == text.count || !FoldedText.isWord(text[start + needle.count])
            if before && after { return true }
        }
        return false
    }
}

/// What a document is a PIT for, as the checks need it: the exemptions applied (with their limbs,
/// kinds and purposes), whether it is an NCND draft, the outcome, and, for a draft pit has just
/// made, what it knows of the user's texts. For a document a person has edited, what the options
/// say, else what its citations say.
public struct CheckSubject: Sendable {
    /// One exemption as the document applies it.
    public struct Applied: Sendable {
        public let exemption: Exemption
        public let letters: [String]
        public let kind: Exemption.Kind
        public let purposes: [Exemption.Limb]
        /// The level of likelihood chosen, when known (a fresh draft).
        public let likelihood: Likelihood?
        /// The evidence given, by name, as printed: known for a fresh draft, nil for an edited one.
        public let evidence: [String: String]?
        /// How messages name it: `Section 31(1)(a)(b)`.
        public let citation: String

        var isQualified: Bool { kind != .absolute }
        /// The section as citations give it, folded: `31`, `22a`.
        var section: String { String(decoding: FoldedText(exemption.section).bytes, as: UTF8.self) }
    }

    public var exemptions: [Applied]
    public var ncnd: Bool
    /// The conclusion the document should reach; nil when not known.
    public var outcome: Outcome?
    /// How many `--fact` texts a fresh draft has; nil for an edited document, whose own text is
    /// then told from the library's by `libraryText`.
    public var factCount: Int?
    /// The library's own words (templates and metadata), for an edited document.
    var libraryText: LibraryText?
    /// Every exemption the library knows, to tell the citation of an exemption from any other.
    var known: [Exemption]
    /// The folded section numbers of every exemption the library knows.
    let knownSections: Set<String>

    var qualified: [Applied] { exemptions.filter(\.isQualified) }

    /// The subject of a draft pit made: everything is known.
    public init(_ draft: Draft, library: TemplateLibrary) {
        exemptions = draft.exemptions.map { applied in
            Applied(exemption: applied.exemption, letters: applied.limbs.map(\.letter), kind: applied.kind,
                    purposes: applied.purposes, likelihood: applied.likelihood, evidence: applied.evidence,
                    citation: applied.citation)
        }
        ncnd = draft.neitherConfirmNorDeny
        outcome = draft.outcome
        factCount = draft.facts.count
        (known, knownSections) = library.knownExemptions
    }

    /// The subject of a document a person may have edited. `ids` (`--exemption`) say what was
    /// applied; without them, the citations in the list of exemptions applied (or, failing that,
    /// in the whole text) say. `ncnd` (`--ncnd`) says it is an NCND draft; without it, a document
    /// whose citations are all NCND provisions is one.
    public init(reading document: CheckDocument, library: TemplateLibrary, ids: [String], ncnd: Bool?, outcome: Outcome?) throws {
        (known, knownSections) = library.knownExemptions
        var found: [(Exemption, CitationReader.Resolved?)] = []
        if ids.isEmpty {
            for resolved in Self.citedExemptions(document, among: known) where !found.contains(where: { $0.0.id == resolved.exemption.id }) {
                found.append((resolved.exemption, resolved))
            }
            guard !found.isEmpty else {
                throw PITError.usage("check: the text cites no exemption pit knows; say which apply with --exemption ID")
            }
        } else {
            let cited = Self.citedExemptions(document, among: known)
            for id in ids {
                let exemption = try library.exemption(id)
                found.append((exemption, cited.first { $0.exemption.id == exemption.id }))
            }
        }
        let isNCND = ncnd ?? found.allSatisfy { $0.1?.ncnd == true }
        exemptions = found.map { exemption, resolved in
            var letters = resolved?.letters ?? []
            if letters.isEmpty { letters = exemption.defaultLimbs }
            if exemption.kind(limbs: letters, authority: .other) == nil, let qualified = exemption.limbs.first(where: { ($0.kind ?? exemption.kind) != .absolute }) {
                letters = [qualified.letter]
            }
            let kind = exemption.kind(limbs: letters, authority: .other) ?? exemption.kind
            let purposes = exemption.purposes?.list.filter { resolved?.purposes.contains($0.letter) == true } ?? []
            return Applied(exemption: exemption, letters: letters, kind: kind, purposes: purposes, likelihood: nil, evidence: nil,
                           citation: exemption.citation(limbs: letters, purposes: purposes.map(\.letter), ncnd: isNCND))
        }
        self.ncnd = isNCND
        self.outcome = outcome
        factCount = nil
        libraryText = library.libraryText
    }

    /// The exemptions the document cites as applied: those in its list of exemptions applied,
    /// else in its title and first paragraphs, else anywhere.
    private static func citedExemptions(_ document: CheckDocument, among known: [Exemption]) -> [CitationReader.Resolved] {
        func resolved(in blocks: [Int]) -> [CitationReader.Resolved] {
            blocks.flatMap { index in
                let text = document.blocks[index].folded
                return CitationReader.citations(in: text).compactMap { CitationReader.resolve($0, in: text, among: known) }
            }
        }
        let applied = document.sections(.applied).flatMap { Array(document.sections[$0].blocks) }
        if !applied.isEmpty, case let found = resolved(in: applied), !found.isEmpty { return found }
        return resolved(in: Array(document.blocks.indices))
    }

}

extension TemplateLibrary {
    /// The library's own words, for telling an edited document's text from the library's; made once.
    var libraryText: LibraryText {
        if let text = checkedText.withLock({ $0 }) { return text }
        let text = LibraryText(self)
        checkedText.withLock { $0 = text }
        return text
    }

    /// Every exemption whose metadata reads, and their sections folded (`31`, `22a`), found once.
    var knownExemptions: ([Exemption], Set<String>) {
        if let known = checkedExemptions.withLock({ $0 }) { return known }
        let exemptions = exemptionIDs.compactMap { try? exemption($0) }
        let known = (exemptions, Set(exemptions.map { String(decoding: FoldedText($0.section).bytes, as: UTF8.self) }))
        checkedExemptions.withLock { $0 = known }
        return known
    }
}

/// What a document is a PIT for, as the checks need it: the regime, the exemptions applied (with
/// their limbs, kinds and purposes), whether it is an NCND draft, the outcome, and, for a draft pit
/// has just made, what it knows of the user's texts. For a document a person has edited, what the
/// options say, else what its citations say.
public struct CheckSubject: Sendable {
    /// One exemption as the document applies it. Copies share one storage: the checks pass
    /// it about, and an exemption's metadata is large to copy.
    public struct Applied: Sendable {
        private final class Storage: Sendable {
            let exemption: Exemption
            let letters: [String]
            let kind: Exemption.Kind
            let purposes: [Exemption.Limb]
            let likelihood: Likelihood?
            let evidence: [String: String]?
            let citation: String
            let section: String

            init(exemption: Exemption, letters: [String], kind: Exemption.Kind, purposes: [Exemption.Limb], likelihood: Likelihood?,
                 evidence: [String: String]?, citation: String) {
                self.exemption = exemption
                self.letters = letters
                self.kind = kind
                self.purposes = purposes
                self.likelihood = likelihood
                self.evidence = evidence
                self.citation = citation
                section = String(decoding: FoldedText(exemption.section).bytes, as: UTF8.self)
            }
        }

        private let storage: Storage

        public var exemption: Exemption { storage.exemption }
        public var letters: [String] { storage.letters }
        public var kind: Exemption.Kind { storage.kind }
        public var purposes: [Exemption.Limb] { storage.purposes }
        /// The level of likelihood chosen, when known (a fresh draft).
        public var likelihood: Likelihood? { storage.likelihood }
        /// The evidence given, by name, as printed: known for a fresh draft, nil for an edited one.
        public var evidence: [String: String]? { storage.evidence }
        /// How messages name it: `Section 31(1)(a)(b)`.
        public var citation: String { storage.citation }

        /// The section as citations give it, folded: `31`, `22a`.
        var section: String { storage.section }

        init(exemption: Exemption, letters: [String], kind: Exemption.Kind, purposes: [Exemption.Limb], likelihood: Likelihood?,
             evidence: [String: String]?, citation: String) {
            storage = Storage(exemption: exemption, letters: letters, kind: kind, purposes: purposes, likelihood: likelihood,
                              evidence: evidence, citation: citation)
        }

        var isQualified: Bool { kind != .absolute }
    }

    /// The regime the document applies: its test words, presumption and citations.
    public let regime: Regime
    public var exemptions: [Applied]
    public var ncnd: Bool
    /// The conclusion the document should reach; nil when not known.
    public var outcome: Outcome?
    /// How many `--fact` texts a fresh draft has; nil for an edited document, whose own text is
    /// then told from the library's by `libraryText`.
    public var factCount: Int?
    /// The library's own words (templates and metadata), for an edited document.
    var libraryText: LibraryText?
    /// Every exemption of the regime the library knows, to tell the citation of an exemption from any other.
    var known: [Exemption]
    /// The regime's exemptions as citations name them.
    let provisions: CitedProvisions

    var qualified: [Applied] { exemptions.filter(\.isQualified) }

    /// The subject of a draft pit made: everything is known.
    public init(_ draft: Draft, library: TemplateLibrary) {
        exemptions = draft.exemptions.map { applied in
            Applied(exemption: applied.exemption, letters: applied.limbs.map(\.letter), kind: applied.kind,
                    purposes: applied.purposes, likelihood: applied.likelihood, evidence: applied.evidence,
                    citation: applied.citation)
        }
        regime = draft.regime
        ncnd = draft.neitherConfirmNorDeny
        outcome = draft.outcome
        factCount = draft.facts.count
        (known, provisions) = library.knownExemptions(draft.regime)
    }

    /// The subject of a document a person may have edited. `regime` (`--regime`) says which law it
    /// applies; without it, its citations say (regulations 12 and 13 are the EIR's, 10 and 11 the
    /// Scottish EIR's; sections cited beside the name of the Scottish Act are FOISA's), else the
    /// library's `authority.json`. `ids` (`--exemption`) say what was applied; without them, the
    /// citations in the list of exemptions applied (or, failing that, in the whole text) say.
    /// `ncnd` (`--ncnd`) says it is an NCND draft; without it, a document whose citations are all
    /// NCND provisions is one.
    public init(reading document: CheckDocument, library: TemplateLibrary, regime: Regime.ID? = nil, ids: [String], ncnd: Bool?,
                outcome: Outcome?) throws {
        let regimeID = try regime ?? Self.inferredRegime(document, library: library) ?? library.authority().regime
        self.regime = try library.regime(regimeID)
        (known, provisions) = library.knownExemptions(self.regime)
        var found: [(Exemption, CitationReader.Resolved?)] = []
        if ids.isEmpty {
            for resolved in Self.citedExemptions(document, among: known, regime: self.regime) where !found.contains(where: { $0.0.id == resolved.exemption.id }) {
                found.append((resolved.exemption, resolved))
            }
            guard !found.isEmpty else {
                throw PITError.usage("check: the text cites no \(self.regime.term) of \(self.regime.name) that pit knows; say which apply with --exemption ID (and the law with --regime)")
            }
        } else {
            let cited = Self.citedExemptions(document, among: known, regime: self.regime)
            for id in ids {
                let exemption = try library.exemption(id, regime: regimeID)
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
    /// else in its title and first paragraphs, else anywhere. Only citations in the regime's style
    /// count (`regulation 12(5)(b)`, not `section 12`); where an NCND provision serves many
    /// exemptions and names the one it serves (`Section 18(1) with section 35(1)(a)`), the two
    /// are one NCND citation of that exemption.
    private static func citedExemptions(_ document: CheckDocument, among known: [Exemption], regime: Regime) -> [CitationReader.Resolved] {
        let applied = appliedBlocks(document)
        if !applied.isEmpty, case let found = cited(in: applied, of: document, among: known, regime: regime), !found.isEmpty { return found }
        return cited(in: Array(document.blocks.indices), of: document, among: known, regime: regime)
    }

    /// The blocks of the list of exemptions applied.
    private static func appliedBlocks(_ document: CheckDocument) -> [Int] {
        document.sections(.applied).flatMap { Array(document.sections[$0].blocks) }
    }

    /// The exemptions the citations in `blocks` name.
    private static func cited(in blocks: [Int], of document: CheckDocument, among known: [Exemption], regime: Regime) -> [CitationReader.Resolved] {
        let byRegulation = regime.word == "regulation"
        return blocks.flatMap { index -> [CitationReader.Resolved] in
            let text = document.blocks[index].folded
            let citations = CitationReader.citations(in: text).filter { $0.isRegulation == byRegulation }
            var found: [CitationReader.Resolved] = []
            var served: Int?  // the citation an NCND provision serves
            for (position, citation) in citations.enumerated() {
                guard let resolved = CitationReader.resolve(citation, in: text, among: known) else { continue }
                // An NCND provision that serves many exemptions names one only with it ("… with section 35(1)").
                if resolved.ncnd && regime.ncndNamesProvision {
                    if position + 1 < citations.count,
                       text.bytes[citation.range.upperBound..<citations[position + 1].range.lowerBound].elementsEqual(" with ".utf8) {
                        served = position + 1
                    }
                    continue
                }
                found.append(served == position ? resolved.asNCND : resolved)
            }
            return found
        }
    }

    /// Words only a FOISA PIT uses: the Act's own terms and the words of its harm tests.
    static let scottishWords = ["Scottish public authority", "prejudice substantially", "inhibit substantially", "substantial prejudice"]

    /// The regime a document's citations show, if they show one: regulations naming more of one
    /// environmental regime's exceptions than of the other's, else sections naming FOISA's
    /// exemptions in a text that names the Scottish Act, its Commissioner or its terms (or naming
    /// more of FOISA's exemptions than of FOIA's), else FOIA's.
    private static func inferredRegime(_ document: CheckDocument, library: TemplateLibrary) throws -> Regime.ID? {
        // The list of exemptions applied decides, where any regime's citations are in it; else the whole text.
        var counts: [Regime.ID: Int] = [:]
        for blocks in [appliedBlocks(document), Array(document.blocks.indices)] where counts.values.allSatisfy({ $0 == 0 }) {
            for id in Regime.ID.allCases {
                let regime = try library.regime(id)
                counts[id] = Set(cited(in: blocks, of: document, among: library.knownExemptions(regime).0, regime: regime).map(\.exemption.id)).count
            }
        }
        let environmental = [Regime.ID.eir, .eisr].filter { counts[$0, default: 0] > 0 }.sorted { counts[$0, default: 0] > counts[$1, default: 0] }
        if let first = environmental.first { return first }
        let scottish = try library.regime(.foisa)
        let names = ([scottish.title, scottish.abbreviation, scottish.commissioner] + Self.scottishWords).map { String(decoding: FoldedText($0).bytes, as: UTF8.self) }
        let namesScottishAct = document.blocks.contains { block in names.contains { block.folded.contains($0) } }
        let (foia, foisa) = (counts[.foia, default: 0], counts[.foisa, default: 0])
        if foisa > 0 && (namesScottishAct || foisa > foia) { return .foisa }
        return foia > 0 ? .foia : nil
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

    /// Every exemption of `regime` whose metadata reads, and how citations name them, found once a regime.
    func knownExemptions(_ regime: Regime) -> ([Exemption], CitedProvisions) {
        if let known = checkedExemptions.withLock({ $0[regime.id] }) { return known }
        let exemptions = exemptionIDs(in: regime.id).compactMap { try? exemption($0, regime: regime.id) }
        let known = (exemptions, CitedProvisions(exemptions, regime: regime))
        checkedExemptions.withLock { $0[regime.id] = known }
        return known
    }
}

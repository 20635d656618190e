/// An exemption of an access regime (an exception, in the environmental regulations), as its
/// `exemption.json` describes it: its kind and statutory test (per limb where the law differs by
/// limb), its NCND provision, the evidence the law needs before it can be relied on, the
/// exemptions it excludes, and whether it can be relied on for information on emissions.
public struct Exemption: Sendable, Equatable {
    /// Whether the exemption needs a harm test, a public interest test, or neither.
    public enum Kind: String, Sendable, CaseIterable {
        /// Prejudice-based (or harm-based, as s24 and s38): harm, then the public interest test.
        case prejudice
        /// Class-based: no harm test, only the public interest test.
        case `class`
        /// Absolute: no public interest test at all.
        case absolute

        /// The sections an exemption of this kind is drafted with, in document order.
        public var sections: [Section] {
            switch self {
            case .prejudice: return [.harm, .for, .against, .balance]
            case .class: return [.for, .against, .balance]
            case .absolute: return []
            }
        }
    }

    /// One part of an exemption's public interest test.
    public enum Section: String, Sendable, CaseIterable {
        case harm, `for`, against, balance
    }

    /// One lettered limb (or condition) of the exemption's provision, with what the Act says of it
    /// where that differs from the exemption as a whole.
    public struct Limb: Sendable, Equatable {
        public let letter: String
        public let text: String
        /// The limb's own kind (s37(1)(a) is absolute, (b) qualified), else the exemption's.
        public var kind: Kind?
        /// The limb's own test words (s36(2)(b) "inhibit"), else the exemption's.
        public var test: String?
        /// The limb's own NCND subsection (s40's conditions), else the exemption's.
        public var ncnd: String?
        /// How the limb is cited after the provision, when not `(letter)`: s40's
        /// "by virtue of section 40(3A)(a)"; empty when the limb is not cited at all (the interests
        /// of EIR regulation 12(5)(a), which the provision names without letters).
        public var cite: String?

        public init(letter: String, text: String, kind: Kind? = nil, test: String? = nil, ncnd: String? = nil, cite: String? = nil) {
            self.letter = letter
            self.text = text
            self.kind = kind
            self.test = test
            self.ncnd = ncnd
            self.cite = cite
        }

        /// How the limb is cited: `a` → `(a)`, `b(i)` → `(b)(i)`.
        public var label: String {
            let head = letter.prefix { $0 != "(" }
            return "(\(head))\(letter.dropFirst(head.count))"
        }

        /// The limb as a template key: `b(i)` → `b_i`.
        public var key: String {
            // A plain letter or number (`a`, `12`), the common case, is its own key.
            if letter.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) { return letter }
            var key = ""
            for character in letter {
                if character.isLetter || character.isNumber { key.append(character) } else if key.last != "_" { key.append("_") }
            }
            while key.last == "_" { key.removeLast() }
            return key
        }
    }

    /// The purposes of a subsection that some limbs work through: s31(1)(g)–(i) through s31(2).
    public struct Purposes: Sendable, Equatable {
        /// The subsection that lists them: `31(2)`.
        public let subsection: String
        /// The limbs that need a purpose: g, h, i.
        public let limbs: [String]
        /// Every purpose: `a` → "the purpose of ascertaining whether any person has failed to comply with the law".
        public let list: [Limb]
    }

    /// A piece of evidence the law needs before the exemption can be relied on, given with
    /// `--evidence NAME=TEXT`.
    public struct Evidence: Sendable, Equatable {
        /// What the value is: free text, or a date printed as "5 May 2023".
        public enum ValueType: String, Sendable { case text, date }

        public let name: String
        /// What to give: "the qualified person, by name and role".
        public let label: String
        /// Why the law needs it, with its source.
        public let why: String
        public let type: ValueType
        /// False for evidence that may be left out.
        public let required: Bool
        /// Needed (and meaningful) only when one of these limbs applies; empty: always.
        public let limbs: [String]
        /// Needed only when this other evidence is given.
        public let with: String?
        /// Words one of which shows, in a document a person has edited, that the evidence is
        /// stated (`pit check` cannot know the text that was given): by default the name's words,
        /// `qualified person`; a date is shown by a date.
        public let cues: [String]
        /// False where stating it in an NCND draft would itself show that information is held
        /// (what is to be published, for s22(2)): the NCND form argues without it.
        public let statedInNCND: Bool

        public init(name: String, label: String, why: String, type: ValueType = .text, required: Bool = true,
                    limbs: [String] = [], with: String? = nil, cues: [String]? = nil, statedInNCND: Bool = true) {
            self.name = name
            self.label = label
            self.why = why
            self.type = type
            self.required = required
            self.limbs = limbs
            self.with = with
            self.cues = cues ?? [Self.words(of: name)]
            self.statedInNCND = statedInNCND
        }

        /// The words of an evidence name: `qualified-person` → `qualified person`.
        static func words(of name: String) -> String {
            // A name is ASCII (`EvidenceName`): its hyphens are replaced byte by byte.
            guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return String(name.map { $0 == "-" ? " " : $0 }) }
            guard name.utf8.contains(UInt8(ascii: "-")) else { return name }
            return String(decoding: name.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        }

        /// Whether a draft with `letters` and the evidence `given` needs this evidence.
        func isRequired(limbs letters: [String], given: Set<String>) -> Bool {
            guard required, appliesTo(limbs: letters) else { return false }
            if let with { return given.contains(with) }
            return true
        }

        /// Whether the evidence has a place in a draft with `letters`.
        func appliesTo(limbs letters: [String]) -> Bool {
            limbs.isEmpty || letters.contains(where: limbs.contains)
        }
    }

    /// An exemption that cannot apply to the same information as this one.
    public struct Exclusion: Sendable, Equatable {
        /// The other exemption: `s30`.
        public let id: String
        /// The provision and its words that make them exclusive, e.g. "section 31(1) applies only to
        /// information that is not exempt under section 30".
        public let reason: String
        /// s23 with s24: always relied on in the alternative, never as separate parts.
        public let alwaysAlternative: Bool
    }

    public let id: String
    public let section: String
    public let title: String
    public let kind: Kind
    public let provision: String
    public let limbs: [Limb]
    public let defaultLimbs: [String]
    /// The subsection that removes the duty to confirm or deny, e.g. `31(3)`.
    public let ncnd: String?
    /// The default level of likelihood; nil when the test has no level (s24) or no harm test.
    public let likelihood: Likelihood?
    /// The words of the statutory harm test, e.g. "would, or would be likely to, prejudice".
    public let test: String?
    /// The purposes behind some limbs (s31(2) behind s31(1)(g)–(i)).
    public let purposes: Purposes?
    public let evidence: [Evidence]
    /// Groups of evidence of which at least one must be given (s43: whose interests).
    public let evidenceOneOf: [[String]]
    public let exclusions: [Exclusion]
    /// Authority kinds for which the exemption is absolute (s36 for the Houses of Parliament, s2(3)(e)).
    public let absoluteFor: [AuthorityKind]
    /// The limbs a variant argues, chosen when the user gives none (s37 `royal` → ac, ad).
    public let variantLimbs: [String: [String]]
    /// The regime the exemption belongs to.
    public let regime: Regime.ID
    /// The word its provision is cited with ("section", "regulation"), from its regime.
    public let word: String
    /// Whether its NCND citation also names its provision (FOISA section 18(1)).
    public let ncndNamesProvision: Bool
    /// The exemption of the regime this one's regime extends whose section templates it uses
    /// where it has none of its own (Scottish EIR 10(5)(b) → EIR 12(5)(b)).
    public let sharedTemplates: String?
    /// Why no public interest test can be drafted for it although the law gives one: EIR
    /// regulation 12(4)(a), information not held.
    public let noTest: String?
    /// The provision that bars it for information on emissions (EIR regulation 12(9)).
    public let emissions: String?
    /// The provision's own words, where it has no lettered limbs that give them.
    public let words: String?
    /// The provision of its public interest test where that is not its regime's (EIR regulation
    /// 13(1)(b) for personal data, not 12(1)(b)).
    public let balance: String?
    /// Factors the public interest test normally may not weigh that this provision's own test
    /// weighs: the burden of complying under EIR 12(4)(b), which the Regulations have no cost limit for.
    public let weighs: [IrrelevantFactor]

    public init(id: String, section: String, title: String, kind: Kind, provision: String, limbs: [Limb] = [],
                defaultLimbs: [String] = [], ncnd: String? = nil, likelihood: Likelihood? = nil, test: String? = nil,
                purposes: Purposes? = nil, evidence: [Evidence] = [], evidenceOneOf: [[String]] = [],
                exclusions: [Exclusion] = [], absoluteFor: [AuthorityKind] = [], variantLimbs: [String: [String]] = [:],
                regime: Regime.ID = .foia, word: String = "section", ncndNamesProvision: Bool = false,
                sharedTemplates: String? = nil, noTest: String? = nil, emissions: String? = nil,
                words: String? = nil, balance: String? = nil, weighs: [IrrelevantFactor] = []) {
        self.id = id
        self.section = section
        self.title = title
        self.kind = kind
        self.provision = provision
        self.limbs = limbs
        self.defaultLimbs = defaultLimbs
        self.ncnd = ncnd
        self.likelihood = likelihood
        self.test = test
        self.purposes = purposes
        self.evidence = evidence
        self.evidenceOneOf = evidenceOneOf
        self.exclusions = exclusions
        self.absoluteFor = absoluteFor
        self.variantLimbs = variantLimbs
        self.regime = regime
        self.word = word
        self.ncndNamesProvision = ncndNamesProvision
        self.sharedTemplates = sharedTemplates
        self.noTest = noTest
        self.emissions = emissions
        self.words = words
        self.balance = balance
        self.weighs = weighs
    }

    /// Whether the exemption as a whole can need a public interest test (some limb is qualified).
    public var isQualified: Bool {
        kind != .absolute || limbs.contains { ($0.kind ?? kind) != .absolute }
    }

    /// Whether its test has a level of likelihood ("would" or "would be likely to").
    public var hasLikelihood: Bool { likelihood != nil }

    /// The kind of the exemption as applied with `letters` by an authority of `authorityKind`.
    /// Nil when the limbs mix absolute and qualified kinds.
    public func kind(limbs letters: [String], authority authorityKind: AuthorityKind) -> Kind? {
        if absoluteFor.contains(authorityKind) { return .absolute }
        // The chosen limbs' kinds in one pass: the first, and whether any differs from it.
        var first: Kind?
        var mixed = false, anyAbsolute = false
        for limb in limbs where letters.contains(limb.letter) {
            let own = limb.kind ?? kind
            if let first, first != own { mixed = true }
            if first == nil { first = own }
            if own == .absolute { anyAbsolute = true }
        }
        guard let first else { return kind }
        if !mixed { return first }
        return anyAbsolute ? nil : .prejudice
    }

    /// The test words of the chosen limbs, each once, in order.
    public func tests(limbs letters: [String]) -> [String] {
        var tests: [String] = []
        var anyChosen = false
        for limb in limbs where letters.contains(limb.letter) {
            anyChosen = true
            if let test = limb.test ?? test, !tests.contains(test) { tests.append(test) }
        }
        if !anyChosen, let test { tests.append(test) }
        return tests
    }

    /// The NCND subsection for the chosen limbs (a limb's own when it has one).
    public func ncndSubsection(limbs letters: [String]) -> String? {
        let own = limbs.filter { letters.contains($0.letter) }.compactMap(\.ncnd)
        if let first = own.first { return own.dropFirst().reduce(first) { $0 + ", " + $1 } }
        return ncnd
    }
}

/// The level of likelihood a prejudice-based exemption claims.
public enum Likelihood: String, Sendable, CaseIterable {
    /// More probable than not.
    case would
    /// A real and significant risk.
    case likely

    /// The words a template prints: `would` or `would be likely to`.
    public var phrase: String {
        switch self {
        case .would: return "would"
        case .likely: return "would be likely to"
        }
    }
}

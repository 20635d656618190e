/// Everything one draft needs, gathered from the command line or a batch row.
public struct DraftRequest: Sendable {
    public var reference: String
    public var exemptionIDs: [String]
    /// `--limbs a,b` (for the one exemption with limbs) or `--limbs s31=a,b`.
    public var limbChoices: [LimbChoice] = []
    public var likelihood: Likelihood?
    public var neitherConfirmNorDeny = false
    public var variantChoices: [VariantChoice] = []
    public var questions: [String] = []
    public var facts: [String] = []
    /// `--evidence NAME=TEXT`, in the order given.
    public var evidence: [(key: String, value: String)] = []
    /// `--purposes a,c`: the s31(2) purposes behind s31(1)(g)–(i).
    public var purposes: [String] = []
    public var outcome: Outcome = .withhold
    /// How several exemptions apply: nil for together (or one exemption).
    public var relation: ExemptionRelation?
    public var authorityName: String?
    public var authorityShort: String?
    public var authorityKind: AuthorityKind?
    /// `--regime`: nil for the library's `authority.json` regime (FOIA unless it says otherwise).
    public var regime: Regime.ID?
    /// `--emissions`: the information requested is information on emissions.
    public var emissions = false
    public var date: DocumentDate
    /// `--strict`: write the draft only when the quality checks find nothing.
    public var strict = false
    /// `--set KEY=VALUE`, in the order given.
    public var extraVariables: [(key: String, value: String)] = []
    /// Whether every text came through a reader that refuses the characters no text may hold
    /// (`ForbiddenCharacters`, line breaks allowed), as batch input's readers do: the request's
    /// own checks then need only look for line breaks where they are not allowed.
    var textsRead = false
}

extension DraftRequest {
    // Here, not in the type, so that the type keeps its memberwise initializer (`DraftOptions`
    // makes a request in one piece with it).
    public init(reference: String, exemptionIDs: [String], date: DocumentDate) {
        self.init(reference: reference, exemptionIDs: exemptionIDs, likelihood: nil, authorityName: nil, authorityShort: nil,
                  authorityKind: nil, regime: nil, date: date)
    }
}

/// How several exemptions apply to the information, when not all to the same information together.
public enum ExemptionRelation: String, Sendable, Hashable {
    /// Relied on in the alternative: each argued on its own, no combined weighing.
    case alternative
    /// Each applies to a different part of the information, weighed separately.
    case separateParts = "separate-parts"
}

/// Which limbs of an exemption's provision apply.
public struct LimbChoice: Sendable, Hashable {
    /// The exemption they belong to; nil means the one applied exemption that has limbs.
    public let exemptionID: String?
    public let letters: [String]

    /// Parses `a,b` or `s31=a,b`.
    public init(parsing text: String) throws {
        var list = Substring(text)
        var id: String?
        if let equals = text.firstIndex(ofASCII: "=") {
            id = String(text[..<equals]).lowercased()
            list = text[text.index(after: equals)...]
        }
        let letters = list.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard !letters.isEmpty, !letters.contains(where: \.isEmpty) else {
            throw PITError.usage("--limbs '\(text)': expected letters like a,b or s31=a,b")
        }
        exemptionID = id
        self.letters = letters
    }
}

/// A `--variant` choice: `NAME`, `SECTION=NAME` or `ID.SECTION=NAME`.
public enum VariantChoice: Sendable, Hashable {
    /// Variant NAME in every section that has it, `default` elsewhere.
    case everywhere(String)
    /// Variant NAME for that section of every exemption.
    case section(Exemption.Section, String)
    /// Variant NAME for one section of one exemption.
    case exemptionSection(String, Exemption.Section, String)

    public init(parsing text: String) throws {
        guard let equals = text.firstIndex(ofASCII: "=") else {
            guard Self.isName(text) else { throw PITError.usage("--variant '\(text)': not a variant name") }
            self = .everywhere(text)
            return
        }
        let target = String(text[..<equals])
        let name = String(text[text.index(after: equals)...])
        guard Self.isName(name) else { throw PITError.usage("--variant '\(text)': '\(name)' is not a variant name") }
        let parts = target.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func section(_ word: String) throws -> Exemption.Section {
            guard let section = Exemption.Section(rawValue: word) else {
                let names = Exemption.Section.allCases.map(\.rawValue)
                throw PITError.usage("--variant '\(text)': unknown section '\(word)'\(Suggestion.didYouMean(word, in: names)) (sections: \(names.joined(separator: ", ")))")
            }
            return section
        }
        switch parts.count {
        case 1: self = .section(try section(parts[0]), name)
        case 2: self = .exemptionSection(parts[0].lowercased(), try section(parts[1]), name)
        default: throw PITError.usage("--variant '\(text)': expected NAME, SECTION=NAME or ID.SECTION=NAME")
        }
    }

    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.withUTF8Bytes { $0.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        } }
    }
}

extension String {
    var trimmingSpaces: String {
        guard let ends = endBytes, ends.first == UInt8(ascii: " ") || ends.last == UInt8(ascii: " ") else { return self }
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}

extension DraftRequest {
    /// Calls `body` with each of the user's own texts, in one fixed order: the reference, the
    /// authority's name and short name (when given), the `--set` values, the evidence, then the
    /// two lists, the questions and the facts (last, so that the place of every other text does
    /// not depend on how many items they have).
    func forEachText(_ body: (String) -> Void) {
        forEachText { text, _ in body(text) }
    }

    /// `forEachText`, saying of each text whether it may hold a line break once the request is
    /// prepared (`Drafter.prepare`): the reference and the authority's names are refused with one,
    /// and the evidence has its line breaks turned into spaces.
    func forEachText(_ body: (_ text: String, _ mayBreak: Bool) -> Void) {
        body(reference, false)
        if let authorityName { body(authorityName, false) }
        if let authorityShort { body(authorityShort, false) }
        for (_, value) in extraVariables { body(value, true) }
        for (_, value) in evidence { body(value, false) }
        for question in questions { body(question, true) }
        for fact in facts { body(fact, true) }
    }

    /// The request with each of the user's own texts replaced by `transform`'s result, visited
    /// in `forEachText`'s order.
    func mappingTexts(_ transform: (String) -> String) -> DraftRequest {
        var request = self
        request.reference = transform(reference)
        request.authorityName = authorityName.map(transform)
        request.authorityShort = authorityShort.map(transform)
        request.extraVariables = extraVariables.map { ($0.key, transform($0.value)) }
        request.evidence = evidence.map { ($0.key, transform($0.value)) }
        request.questions = questions.map(transform)
        request.facts = facts.map(transform)
        return request
    }
}

/// What a request asks for, checked against the law as the library's metadata states it: the
/// exemptions with their limbs and kinds, the evidence each needs, the purposes behind s31(1)(g)–(i),
/// exclusive pairs, and how several exemptions are weighed. Drafting starts only from a plan.
struct DraftPlan {
    /// One exemption as this draft applies it.
    struct Item {
        let exemption: Exemption
        let limbs: [Exemption.Limb]
        /// Its kind for these limbs and this authority (s37(1)(a) absolute, (b) class).
        let kind: Exemption.Kind
        let purposes: [Exemption.Limb]
        /// The evidence given for it, by name (dates already in long form).
        let evidence: [String: String]
        let citation: String

        var isQualified: Bool { kind != .absolute }
    }

    /// How the balancing is done.
    enum Weighing: Equatable {
        /// One qualified exemption: its own balancing test decides.
        case single
        /// Several applying to the same information: each weighed, then together.
        case joint
        /// Several, each deciding alone: in the alternative, or for separate parts.
        case separately(ExemptionRelation)
        /// Several applying to the same information under a regime that does not allow their
        /// public interest to be weighed together (FOISA): each must justify withholding alone.
        case independently
    }

    let items: [Item]
    let authority: Authority
    let regime: Regime
    let weighing: Weighing
    /// The exclusions that make this draft's exemptions exclusive (for the document's note).
    let exclusions: [Exemption.Exclusion]

    var qualified: [Item] { items.filter(\.isQualified) }

    init(_ request: DraftRequest, library: TemplateLibrary, variants: (Exemption) -> String) throws {
        var authority = try library.authority()
        if let name = request.authorityName { authority.name = name }
        if let short = request.authorityShort { authority.short = short }
        if let kind = request.authorityKind { authority.kind = kind }
        self.authority = authority
        let regime = try library.regime(request.regime ?? authority.regime)
        self.regime = regime

        let exemptions = try Self.resolve(request.exemptionIDs, regime: regime.id, library: library)
        try Self.checkDraftable(exemptions, request: request, regime: regime)
        try Self.checkLimbChoices(request, exemptions, variants: variants)
        let given = Dictionary(request.evidence.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        try Self.checkEvidenceNames(Array(given.keys), exemptions)
        var items: [Item] = []
        for exemption in exemptions {
            let chosen = Self.chosenLimbs(exemption, request, exemptions) ?? exemption.variantLimbs[variants(exemption)] ?? exemption.defaultLimbs
            guard let kind = exemption.kind(limbs: chosen, authority: authority.kind) else {
                let split = exemption.limbs.filter { chosen.contains($0.letter) }
                let absolute = split.filter { ($0.kind ?? exemption.kind) == .absolute }.map(\.label)
                let qualified = split.filter { ($0.kind ?? exemption.kind) != .absolute }.map(\.label)
                throw PITError.data("\(exemption.id): limbs \(absolute.joined(separator: ", ")) of \(exemption.word) \(exemption.provision) are absolute and \(qualified.joined(separator: ", ")) qualified (\(regime.absoluteSource)): draft the qualified limbs alone, e.g. --limbs \(exemption.id)=\(split.filter { ($0.kind ?? exemption.kind) != .absolute }.map(\.letter).joined(separator: ","))")
            }
            let purposes = try Self.purposes(request, exemption, chosen, kind: kind)
            let declared = exemption.evidence.filter { $0.appliesTo(limbs: chosen) }
            var evidence: [String: String] = [:]
            for item in declared { if let value = given[item.name] { evidence[item.name] = value } }
            items.append(Item(exemption: exemption, limbs: exemption.limbs.filter { chosen.contains($0.letter) },
                              kind: kind, purposes: purposes, evidence: evidence,
                              citation: exemption.citation(limbs: chosen, purposes: purposes.map(\.letter),
                                                           ncnd: request.neitherConfirmNorDeny, style: authority.citationStyle)))
        }
        self.items = items
        try Self.checkKinds(items, request: request, regime: regime, library: library)
        try Self.checkEvidence(items)
        try Self.checkLikelihood(request, items)
        (weighing, exclusions) = try Self.weighing(request, items, regime: regime)
    }

    // MARK: - Exemptions, limbs, kinds

    private static func resolve(_ ids: [String], regime: Regime.ID, library: TemplateLibrary) throws -> [Exemption] {
        // A draft applies a few exemptions: a repeat is found by looking through them, not by hashing.
        var exemptions: [Exemption] = []
        exemptions.reserveCapacity(ids.count)
        for id in ids {
            let exemption = try library.exemption(id, regime: regime)
            guard !exemptions.contains(where: { $0.id == exemption.id }) else { throw PITError.usage("--exemption: \(exemption.id) is given twice") }
            exemptions.append(exemption)
        }
        return exemptions
    }

    static func described(_ exemption: Exemption, limbs: [String]) -> String {
        "\(exemption.id) (\(exemption.citation(limbs: limbs, ncnd: false)) – \(exemption.title))"
    }

    /// Exemptions the law gives no public interest test pit can draft (information not held), and
    /// those the emissions bar takes away.
    private static func checkDraftable(_ exemptions: [Exemption], request: DraftRequest, regime: Regime) throws {
        if let untestable = exemptions.first(where: { $0.noTest != nil }) {
            throw PITError.data("\(described(untestable, limbs: untestable.defaultLimbs)): \(untestable.noTest!)")
        }
        guard request.emissions else { return }
        guard regime.emissions != nil else {
            throw PITError.usage("--emissions: \(regime.name) has no emissions bar (it is in the environmental regulations: EIR regulation 12(9), Scottish EIR regulation 10(6)); leave --emissions out")
        }
        if let barred = exemptions.first(where: { $0.emissions != nil }) {
            throw PITError.data("\(described(barred, limbs: barred.defaultLimbs)) cannot be relied on for information on emissions (\(barred.word) \(barred.emissions!)): that information is released; draft the rest of the request, if any, without --emissions")
        }
    }

    private static func checkKinds(_ items: [Item], request: DraftRequest, regime: Regime, library: TemplateLibrary) throws {
        guard items.contains(where: \.isQualified) else {
            let names = items.map { described($0.exemption, limbs: $0.limbs.map(\.letter)) }
            let term = regime.term
            throw PITError.data("\(names.joined(separator: ", ")) \(names.count == 1 ? "is an absolute \(term)" : "are absolute \(term)s") (\(regime.absoluteSource)): no public interest test applies, so there is nothing to draft")
        }
        if request.neitherConfirmNorDeny,
           let missing = items.first(where: { $0.exemption.ncndSubsection(limbs: $0.limbs.map(\.letter)) == nil }) {
            let described = described(missing.exemption, limbs: missing.limbs.map(\.letter))
            guard regime.id != .foia else {
                throw PITError.data("--ncnd: \(described) has no neither-confirm-nor-deny subsection")
            }
            let allowing = library.exemptionIDs(in: regime.id).filter { (try? library.exemption($0, regime: regime.id).ncnd) != nil }
            throw PITError.data("--ncnd: \(described) has no neither-confirm-nor-deny provision (under \(regime.name) only \(Drafter.joined(allowing)) allow one)")
        }
    }

    /// Checks the `--limbs` choices: each is for an exemption applied (named, or the one with
    /// limbs), names limbs it has, and fits the variant that argues particular limbs, if any.
    private static func checkLimbChoices(_ request: DraftRequest, _ exemptions: [Exemption],
                                         variants: (Exemption) -> String) throws {
        for choice in request.limbChoices {
            let exemption = try target(of: choice, in: exemptions)
            let known = exemption.limbs.map(\.letter)
            for letter in choice.letters where !known.contains(letter) {
                throw PITError.data("--limbs: \(exemption.id) has no limb '\(letter)'\(Suggestion.didYouMean(letter, in: known)) (limbs of \(exemption.provision): \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
            }
        }
        for exemption in exemptions {
            guard let chosen = chosenLimbs(exemption, request, exemptions) else { continue }
            let variant = variants(exemption)
            if let argued = exemption.variantLimbs[variant], chosen.contains(where: { !argued.contains($0) }) {
                throw PITError.data("--variant \(variant) of \(exemption.id) argues limbs \(argued.joined(separator: ", ")) only; --limbs \(chosen.joined(separator: ",")) does not fit it")
            }
        }
    }

    /// The exemption a `--limbs` choice is for: the one it names, else the only one with limbs.
    private static func target(of choice: LimbChoice, in exemptions: [Exemption]) throws -> Exemption {
        if let id = choice.exemptionID {
            guard let match = exemptions.first(where: { $0.id == id }) else {
                throw PITError.usage("--limbs \(id)=…: '\(id)' is not one of the exemptions applied")
            }
            return match
        }
        let withLimbs = exemptions.filter { !$0.limbs.isEmpty }
        guard withLimbs.count == 1 else {
            throw PITError.usage(withLimbs.isEmpty
                ? "--limbs: none of the exemptions applied has lettered limbs"
                : "--limbs: several exemptions have limbs; say which, e.g. --limbs \(withLimbs[0].id)=\(choice.letters.joined(separator: ","))")
        }
        return withLimbs[0]
    }

    /// The letters of the limbs the last `--limbs` choice for `exemption` picks (choices checked
    /// by `checkLimbChoices`), in the exemption's order; nil when no choice is for it. Looked up
    /// per exemption rather than gathered into a table: a table of lists would be one more
    /// generic type made at start-up.
    private static func chosenLimbs(_ exemption: Exemption, _ request: DraftRequest, _ exemptions: [Exemption]) -> [String]? {
        guard let choice = request.limbChoices.last(where: { (try? target(of: $0, in: exemptions))?.id == exemption.id }) else { return nil }
        return exemption.limbs.map(\.letter).filter(choice.letters.contains)
    }

    // MARK: - Purposes, evidence, likelihood

    private static func purposes(_ request: DraftRequest, _ exemption: Exemption, _ chosen: [String],
                                 kind: Exemption.Kind) throws -> [Exemption.Limb] {
        guard let declared = exemption.purposes else { return [] }
        let needing = chosen.filter(declared.limbs.contains)
        guard !needing.isEmpty else {
            if !request.purposes.isEmpty {
                throw PITError.usage("--purposes: the section \(declared.subsection) purposes apply only with limbs \(declared.limbs.joined(separator: ", ")) of \(exemption.id)")
            }
            return []
        }
        guard !request.purposes.isEmpty else {
            let listed = declared.list.map { "(\($0.letter)) \($0.text)" }.joined(separator: "; ")
            throw PITError.data("\(exemption.id): limb \(needing.map { "(\($0))" }.joined(separator: ", ")) of section \(exemption.provision) works only through a purpose of section \(declared.subsection): give --purposes a,c (\(listed))")
        }
        let known = declared.list.map(\.letter)
        for letter in request.purposes where !known.contains(letter) {
            throw PITError.data("--purposes: section \(declared.subsection) has no purpose '\(letter)'\(Suggestion.didYouMean(letter, in: known)) (purposes: \(known.joined(separator: ", ")))")
        }
        return declared.list.filter { request.purposes.contains($0.letter) }
    }

    private static func checkEvidenceNames(_ names: [String], _ exemptions: [Exemption]) throws {
        let declared = exemptions.flatMap { $0.evidence.map(\.name) }
        for name in names.sorted() where !declared.contains(name) {
            let hint = declared.isEmpty ? "the exemptions applied need none" : "evidence these exemptions take: \(Set(declared).sorted().joined(separator: ", "))"
            throw PITError.usage("--evidence: unknown evidence '\(name)'\(Suggestion.didYouMean(name, in: declared)) (\(hint))")
        }
    }

    /// Every missing item, one line each: what, why the law needs it, how to give it.
    private static func checkEvidence(_ items: [Item]) throws {
        var lines: [String] = []
        for item in items where item.isQualified {
            let letters = item.limbs.map(\.letter)
            let given = Set(item.evidence.keys)
            for evidence in item.exemption.evidence where evidence.isRequired(limbs: letters, given: given) && !given.contains(evidence.name) {
                let example = evidence.type == .date ? "YYYY-MM-DD" : "TEXT"
                lines.append("\(item.exemption.id) needs \(evidence.label): \(evidence.why); give --evidence \(evidence.name)=\(example)")
            }
            for group in item.exemption.evidenceOneOf where !group.contains(where: given.contains)
                && group.contains(where: { name in item.exemption.evidence.contains { $0.name == name && $0.appliesTo(limbs: letters) } }) {
                let labels = group.compactMap { name in item.exemption.evidence.first { $0.name == name }?.label }
                lines.append("\(item.exemption.id) needs one of \(labels.joined(separator: " or ")): give \(group.map { "--evidence \($0)=TEXT" }.joined(separator: " or "))")
            }
        }
        guard lines.isEmpty else { throw PITError.data(lines.joined(separator: "\n")) }
    }

    private static func checkLikelihood(_ request: DraftRequest, _ items: [Item]) throws {
        guard request.likelihood != nil else { return }
        let qualified = items.filter(\.isQualified)
        guard !qualified.contains(where: { $0.kind == .prejudice && $0.exemption.hasLikelihood }) else { return }
        let item = qualified[0]
        if item.kind == .prejudice, let test = item.exemption.tests(limbs: item.limbs.map(\.letter)).first {
            throw PITError.usage("--likelihood: the test of \(item.citation) (\(test)) has no level of likelihood; leave --likelihood out")
        }
        throw PITError.usage("--likelihood: \(item.citation) is class-based: it has no harm test, so no level of likelihood; leave --likelihood out")
    }

    // MARK: - Several exemptions

    private static func weighing(_ request: DraftRequest, _ items: [Item], regime: Regime) throws -> (Weighing, [Exemption.Exclusion]) {
        var exclusions: [Exemption.Exclusion] = []
        for item in items {
            for exclusion in item.exemption.exclusions where items.contains(where: { $0.exemption.id == exclusion.id }) {
                exclusions.append(exclusion)
            }
        }
        let alwaysAlternative = exclusions.first(where: \.alwaysAlternative)
        if let alwaysAlternative, request.relation == .separateParts {
            throw PITError.data("--separate-parts: \(alwaysAlternative.reason); these are relied on only in the alternative (give --alternative, or neither)")
        }
        let relation = request.relation ?? (alwaysAlternative != nil ? .alternative : nil)
        if let exclusion = exclusions.first, relation == nil {
            throw PITError.data("exclusive exemptions: \(exclusion.reason), so they cannot both apply to the same information; give --alternative (relied on in the alternative, each argued alone) or --separate-parts (each applies to a different part of the information)")
        }
        if let relation, items.count < 2 {
            throw PITError.usage("--\(relation.rawValue): needs two or more exemptions")
        }
        if let relation { return (.separately(relation), exclusions) }
        guard items.filter(\.isQualified).count > 1 else { return (.single, exclusions) }
        return (regime.aggregation == nil ? .independently : .joint, exclusions)
    }
}

/// A drafter that remembers drafts by shape, so that a batch drafts each shape from the
/// templates once. `pit batch` drafts through one; a single draft does not need one.
///
/// A draft's shape is every option except the user's own text (reference, date, questions,
/// facts, authority, `--set` values, evidence): its exemptions, limbs, likelihood, variants, NCND,
/// and how many texts there are and which are empty. A new shape is drafted with a stand-in for
/// each text (a NUL and a private-use character, which no text can hold: control characters are
/// refused wherever text is read); a later request of that shape gets the shape's document with
/// its texts put in, and is written by the usual writers.
///
/// That gives the very bytes a full draft gives, because a template can only interpolate a text
/// or test whether it is empty (both part of the shape), the escaping keeps an interpolated text
/// literal, a text never holds a line break by the time it is placed, and texts are trimmed, so
/// the reader's trimming of lines cannot touch them. A test compares the two on many requests.
public final class CachedDrafter: Sendable {
    /// Shapes remembered at most; when full the cache starts again, so memory stays bounded.
    static let capacity = 2048

    /// The drafter that drafts each new shape, and every request the cache cannot take.
    public let drafter: Drafter
    private let entries = BoundedMemo<ShapeKey, Result<ShapeDraft, PITError>>(capacity: capacity)
    /// The text checks' results on the paragraphs the shapes share.
    private let memo = CheckMemo()
    /// Which of the requests' texts need their checks run.
    private let screen = TextScreen()
    /// The preparations of shapes that differ only in their lists.
    private let preparations = PreparationMemo()
    /// The stretches of Markdown the shapes' documents are read from.
    private let markdown = MarkdownMemo()
    /// The runs of the shapes' texts, each kept once; a new store when this one is full.
    private let runs = Locked(TextRuns())
    private static let runsCapacity = 64 << 20

    public init(_ drafter: Drafter) {
        self.drafter = drafter
    }

    /// A shape, whether it is prepared as plain text, and whether its quality checks are wanted.
    /// A class: a dictionary copies its keys to compare them, and a class is copied by one count.
    private final class ShapeKey: Hashable, Sendable {
        let shape: DraftShape
        let text: Bool
        let strict: Bool

        init(shape: DraftShape, text: Bool, strict: Bool) {
            self.shape = shape
            self.text = text
            self.strict = strict
        }

        static func == (left: ShapeKey, right: ShapeKey) -> Bool {
            left === right || (left.shape == right.shape && left.text == right.text && left.strict == right.strict)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(shape)
            hasher.combine(text)
            hasher.combine(strict)
        }
    }

    /// The same draft as `drafter.draft(request)`.
    public func draft(_ request: DraftRequest) throws -> Draft {
        let request = try drafter.prepared(request)
        let texts = DraftTexts(request)
        guard texts.values.count < Placeholder.maximumCount else { return try drafter.draftInFull(request) }
        switch try entry(request, texts, text: false, strict: false).output {
        case .document(let document): return document.filled(with: texts, request: request)
        case .text: return try drafter.draftInFull(request)  // a shape asked for as a document is one
        }
    }

    /// The same findings as `drafter.findings(request)`: the shape's, found once, and the
    /// request's own texts'.
    public func findings(_ request: DraftRequest) throws -> [Finding] {
        let request = try drafter.prepared(request)
        let texts = DraftTexts(request)
        guard texts.values.count < Placeholder.maximumCount else {
            let draft = try drafter.draftInFull(request)
            return QualityChecks.run(CheckDocument(draft.document), CheckSubject(draft, library: drafter.library))
        }
        return try entry(request, texts, text: false, strict: true).checks!.findings(for: texts.values, screen: screen)
    }

    /// The same bytes as `drafter.write(request, as: format)`. Plain text is written straight
    /// from the shape's text with the texts put in: the text writer copies every run of text as
    /// it is, so that is the same as writing the filled document. Other formats write the filled
    /// document.
    public func write(_ request: DraftRequest, as format: OutputFormat) throws -> [UInt8] {
        try writeInChunks(request, as: format).joined
    }

    /// The same bytes in chunks, to be written one after another (a .docx's shared parts are
    /// not copied into each file's bytes).
    /// The request is consumed: preparing it then copies nothing. (Preparing keeps how many texts
    /// it has, so a request with too many for placeholders is known before.) `date`: the
    /// request's date in long form, when the caller has it made already (`RecentDates`).
    public func writeInChunks(_ request: consuming DraftRequest, as format: OutputFormat, date: String? = nil) throws -> ByteChunks {
        guard DraftTexts.count(request) < Placeholder.maximumCount else { return ByteChunks(try drafter.write(request, as: format)) }
        var prepared = request
        try drafter.prepare(&prepared)
        let texts = DraftTexts(prepared, date: date)
        let shape = try entry(prepared, texts, text: format == .text, strict: prepared.strict)
        if let failure = shape.checks?.failure(for: texts.values, screen: screen) { throw failure }
        switch shape.output {
        case .text(let text): return ByteChunks(text.filled(with: texts.values))
        case .document(let document) where format == .docx:
            return drafter.docx.write(document.docxParts(drafter.docx), texts: texts.values, reference: prepared.reference,
                                      authority: document.authority(for: prepared).name, date: prepared.date)
        case .document(let document):
            return ByteChunks(try format.writer(docx: drafter.docx).write(document.filled(with: texts, request: prepared)))
        }
    }

    private func entry(_ request: DraftRequest, _ texts: DraftTexts, text: Bool, strict: Bool) throws -> ShapeDraft {
        try entry(ShapeKey(shape: DraftShape(request), text: text, strict: strict), request)
    }

    /// The shape's draft, remembered. A shape with lists is made from the shape with two items in
    /// each of them (`ListExpansion`) when that shape's document allows it, else drafted in full.
    private func entry(_ key: ShapeKey, _ request: DraftRequest) throws -> ShapeDraft {
        // Looked up first without the closure that makes a shape: it would copy the request.
        if let known = entries.remembered(key) { return try known.get() }
        return try entries.value(key) { try make(key, request) }
    }

    private func make(_ key: ShapeKey, _ request: DraftRequest) throws -> ShapeDraft {
        let counts = [request.questions.count, request.facts.count]
        let twos = counts.map { $0 == 0 ? 0 : 2 }
        var listed = request
        listed.questions = Array(repeating: "item", count: twos[0])
        listed.facts = Array(repeating: "item", count: twos[1])
        let before = DraftTexts.count(listed) - twos[0] - twos[1]
        if counts != twos {
            let pair = try entry(ShapeKey(shape: DraftShape(listed), text: key.text, strict: key.strict), listed)
            if let expanded = pair.expanded(counts: counts, starts: [before, before + counts[0]], text: key.text, runs: textRuns()) {
                return expanded
            }
            listed = request
        }
        let draft = try drafter.draftInFull(DraftTexts.placeholderRequest(listed), dateText: Placeholder.text(DraftTexts.dateIndex),
                                            memo: preparations, markdown: markdown)
        let checks = key.strict ? ShapeChecks(draft, library: drafter.library, memo: memo) : nil
        // The questions' two items, then the facts' (none for a list left empty: no placeholder is negative).
        let lists = counts == twos && twos != [0, 0] ? [0, 1].map { list in
            twos[list] == 0 ? ListExpansion.List(first: -1, second: -1)
                : ListExpansion.List(first: before + (list == 1 ? twos[0] : 0), second: before + (list == 1 ? twos[0] : 0) + 1)
        } : []
        return ShapeDraft(draft, text: key.text, runs: textRuns(), checks: checks, lists: lists)
    }

    /// Where the texts of new shapes keep their runs: a new store once this one holds
    /// `runsCapacity` bytes, so memory stays bounded (the shapes that use the old one keep it).
    private func textRuns() -> TextRuns {
        runs.withLock { runs in
            if runs.size > Self.runsCapacity { runs = TextRuns() }
            return runs
        }
    }
}

/// Everything about a request but its texts. Hashed by a quick FNV-1a of its fields (every
/// batch row hashes one), equal when every field is.
struct DraftShape: Hashable {
    /// A quick FNV-1a of the fields, made once: first, so that unequal shapes differ at once.
    let fingerprint: UInt64
    let exemptionIDs: [String]
    let limbs: [LimbChoice]
    let likelihood: Likelihood?
    let neitherConfirmNorDeny: Bool
    let variants: [VariantChoice]
    let questionCount: Int
    let factCount: Int
    let authorityNameGiven: Bool
    let authorityShortGiven: Bool
    let extraKeys: [String]
    let emptyExtras: [Bool]
    let evidenceKeys: [String]
    let purposes: [String]
    let outcome: Outcome
    let relation: ExemptionRelation?
    let authorityKind: AuthorityKind?
    let regime: Regime.ID?
    let emissions: Bool

    init(_ request: borrowing DraftRequest) {
        // As given, not lower-cased: a failure is remembered with its message, which names the ids
        // as this request spells them.
        exemptionIDs = request.exemptionIDs
        limbs = request.limbChoices
        likelihood = request.likelihood
        neitherConfirmNorDeny = request.neitherConfirmNorDeny
        variants = request.variantChoices
        questionCount = request.questions.count
        factCount = request.facts.count
        authorityNameGiven = request.authorityName != nil
        authorityShortGiven = request.authorityShort != nil
        extraKeys = request.extraVariables.map(\.key)
        emptyExtras = request.extraVariables.map(\.value.isEmpty)
        evidenceKeys = request.evidence.map(\.key)
        purposes = request.purposes
        outcome = request.outcome
        relation = request.relation
        authorityKind = request.authorityKind
        regime = request.regime
        emissions = request.emissions
        fingerprint = Self.fingerprint(request, flags: (neitherConfirmNorDeny ? 1 : 0) | (emissions ? 2 : 0)
                                           | (authorityNameGiven ? 4 : 0) | (authorityShortGiven ? 8 : 0))
    }

    /// Counts, flags and enumerations go in as a byte each: the fingerprint need only tell most
    /// shapes apart.
    private static func fingerprint(_ request: borrowing DraftRequest, flags: UInt8) -> UInt64 {
        var fnv = FNV1a()
        for id in request.exemptionIDs { fnv.add(id) }
        fnv.add(byte: UInt8(truncatingIfNeeded: request.limbChoices.count))
        for limb in request.limbChoices {
            fnv.add(limb.exemptionID ?? "")
            for letter in limb.letters { fnv.add(letter) }
        }
        fnv.add(byte: UInt8(truncatingIfNeeded: request.variantChoices.count))
        for variant in request.variantChoices {
            switch variant {
            case .everywhere(let name): fnv.add(name)
            case .section(let section, let name): fnv.add(section.rawValue); fnv.add(name)
            case .exemptionSection(let id, let section, let name): fnv.add(id); fnv.add(section.rawValue); fnv.add(name)
            }
        }
        for (key, value) in request.extraVariables {
            fnv.add(key)
            fnv.add(byte: value.isEmpty ? 1 : 0)
        }
        for (key, _) in request.evidence { fnv.add(key) }
        for purpose in request.purposes { fnv.add(purpose) }
        fnv.add(byte: UInt8(truncatingIfNeeded: request.questions.count))
        fnv.add(byte: UInt8(truncatingIfNeeded: request.facts.count))
        fnv.add(byte: caseByte(request.likelihood))
        fnv.add(byte: caseByte(request.outcome))
        fnv.add(byte: caseByte(request.relation))
        fnv.add(byte: caseByte(request.authorityKind))
        fnv.add(byte: caseByte(request.regime))
        fnv.add(byte: flags)
        return fnv.value
    }

    /// A case of an enumeration without payloads (or nil) as the one byte it is stored in: equal
    /// cases give equal bytes, which the text of its raw value would give more slowly.
    private static func caseByte<Value>(_ value: Value) -> UInt8 {
        withUnsafeBytes(of: value) { $0.first ?? 0 }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }
}

/// A request's texts in a fixed order, each with the placeholder that stands for it: the date
/// first, then the user's own in `DraftRequest.forEachText`'s order.
struct DraftTexts {
    /// The date's place: a text pit makes, never the user's.
    static let dateIndex = 0

    /// The texts, line breaks already turned into spaces as the escaping would.
    let values: [String]

    /// The texts of a prepared request (`Drafter.prepare`); `date`: the request's date in long
    /// form, when made already.
    init(_ request: borrowing DraftRequest, date: String? = nil) {
        var values: [String] = []
        values.reserveCapacity(Self.count(request))
        values.append(date ?? request.date.longForm)
        request.forEachText { text, mayBreak in values.append(mayBreak ? text.unbroken : text) }
        self.values = values
    }

    /// How many texts a request has, the date included.
    static func count(_ request: borrowing DraftRequest) -> Int {
        2 + (request.authorityName == nil ? 0 : 1) + (request.authorityShort == nil ? 0 : 1) + request.extraVariables.count
            + request.evidence.count + request.questions.count + request.facts.count
    }

    /// The request with a placeholder for every non-empty text (empty ones stay empty); the
    /// date is drafted through its own stand-in (`dateText`).
    static func placeholderRequest(_ request: DraftRequest) -> DraftRequest {
        var index = dateIndex + 1
        return request.mappingTexts { text in
            defer { index += 1 }
            return text.isEmpty ? text : Placeholder.text(index)
        }
    }
}

/// A draft drafted with placeholders, made ready for the requests of its shape (a class: every
/// request of the shape shares it). A shape made for plain text keeps only its text, and its
/// draft when other shapes are expanded from it: a batch keeps hundreds of shapes.
final class ShapeDraft: Sendable {
    /// How a request's output is made from the shape.
    enum Output: Sendable {
        /// Its plain text, the texts put in.
        case text(PlaceholderText)
        /// Its document, the blocks that hold placeholders filled.
        case document(ShapeDocument)
    }

    let output: Output
    /// The quality checks of the shape, when they are wanted.
    let checks: ShapeChecks?
    /// How the shape becomes the shape with other numbers of list items, when it can, and the
    /// draft it expands.
    let expansion: (rule: ListExpansion, draft: Draft)?

    /// `text`: whether the shape is for plain text; `runs`: where its text keeps its runs;
    /// `lists`: the lists drafted with two items, to be expanded to other numbers of items;
    /// `model`: the text of the shape this one is expanded from.
    init(_ draft: Draft, text: Bool, runs: TextRuns, checks: ShapeChecks?, lists: [ListExpansion.List] = [], model: PlaceholderText? = nil) {
        self.checks = checks
        output = text ? .text(PlaceholderText(TextWriter().write(draft), runs: runs, like: model)) : .document(ShapeDocument(draft, runs: runs))
        expansion = lists.isEmpty ? nil : ListExpansion(draft.document, lists: lists).map { ($0, draft) }
    }

    /// The shape with `counts` items in its lists, item `k` of list `l` as text `starts[l] + k`;
    /// nil when it cannot be made from this one.
    func expanded(counts: [Int], starts: [Int], text: Bool, runs: TextRuns) -> ShapeDraft? {
        guard let (expansion, draft) = self.expansion else { return nil }
        var model: PlaceholderText?
        if case .text(let text) = output { model = text }
        let (document, lines) = expansion.expand(draft.document, counts: counts, starts: starts)
        var checks: ShapeChecks?
        if let shapeChecks = self.checks {
            guard let moved = shapeChecks.expanded(lines, expansion, starts: starts) else { return nil }
            checks = moved
        }
        return ShapeDraft(Draft(reference: draft.reference, date: draft.date, authority: draft.authority, regime: draft.regime,
                                neitherConfirmNorDeny: draft.neitherConfirmNorDeny, outcome: draft.outcome,
                                exemptions: draft.exemptions, questions: [], facts: [], document: document,
                                templatesUsed: draft.templatesUsed),
                          text: text, runs: runs, checks: checks, model: model)
    }
}

/// A shape's draft, and the blocks of its document that hold placeholders, by index, split at them.
final class ShapeDocument: Sendable {
    let draft: Draft
    private let templates: [(index: Int, block: BlockTemplate)]
    /// The shape's .docx parts, made when a request of the shape is first written as .docx.
    private let docx = Locked<DOCXShapeParts?>(nil)

    init(_ draft: Draft, runs: TextRuns) {
        self.draft = draft
        templates = draft.document.blocks.enumerated().compactMap { index, block in BlockTemplate(block, runs: runs).map { (index, $0) } }
    }

    /// The request's draft: the shape's, its texts put in.
    func filled(with texts: DraftTexts, request: DraftRequest) -> Draft {
        var blocks = draft.document.blocks
        for (index, template) in templates { blocks[index] = template.filled(with: texts.values) }
        return Draft(reference: request.reference, date: request.date, authority: authority(for: request), regime: draft.regime,
                     neitherConfirmNorDeny: request.neitherConfirmNorDeny, outcome: request.outcome,
                     exemptions: draft.exemptions.map { $0.filled(with: texts.values) },
                     questions: request.questions, facts: request.facts, document: Document(blocks: blocks),
                     templatesUsed: draft.templatesUsed)
    }

    /// The authority of a request's draft: the shape's, with the request's name and short name.
    func authority(for request: DraftRequest) -> Authority {
        var authority = draft.authority
        if let name = request.authorityName { authority.name = name }
        if let short = request.authorityShort { authority.short = short }
        return authority
    }

    /// The shape's .docx parts (`writer`'s), made on first use.
    func docxParts(_ writer: DOCXWriter) -> DOCXShapeParts {
        docx.withLock { parts in
            if let parts { return parts }
            let made = writer.shapeParts(draft.document)
            parts = made
            return made
        }
    }
}

extension AppliedExemption {
    /// The exemption with the placeholders of its evidence replaced by the texts.
    func filled(with values: [String]) -> AppliedExemption {
        guard !evidence.isEmpty else { return self }
        return AppliedExemption(exemption: exemption, limbs: limbs, citation: citation, kind: kind, likelihood: likelihood,
                                purposes: purposes, evidence: evidence.mapValues { Placeholder.fill($0, with: values) }, sections: sections)
    }
}

/// Remembers drafts by shape, so a batch drafts each shape from the templates once.
///
/// A draft's shape is every option except the user's own text (reference, date, questions,
/// facts, authority, `--set` values): its exemptions, limbs, likelihood, variants, NCND, and
/// how many texts there are and which are empty. A new shape is drafted with a placeholder for
/// each text (a NUL and a private-use character, which no text can contain: control characters
/// are refused); a later request of that shape gets the shape's document with its texts put in.
///
/// That gives the very bytes a full draft gives, because a template can only interpolate a text
/// or test whether it is empty (both part of the shape), the escaping keeps an interpolated text
/// literal, a text never holds a line break by the time it is placed, and texts are trimmed, so
/// the reader's trimming of lines cannot touch them. A test compares the two on many requests.
final class DraftCache: Sendable {
    /// Shapes remembered at most; when full the cache starts again, so memory stays bounded.
    static let capacity = 2048

    private let entries = Locked<[ShapeKey: Result<ShapeDraft, PITError>]>([:])
    /// The writer of .docx output (with the reference document, if any).
    let docx: DOCXWriter
    /// The library the drafts come from, for the quality checks' metadata.
    let library: TemplateLibrary
    /// The text checks' results on the paragraphs the shapes share.
    private let memo = TextCheckMemo()

    init(library: TemplateLibrary, docx: DOCXWriter = DOCXWriter()) {
        self.library = library
        self.docx = docx
    }

    /// A shape, the format its output is prepared in (nil: the document alone), and whether
    /// its quality checks are wanted.
    private struct ShapeKey: Hashable {
        let shape: DraftShape
        let format: OutputFormat?
        let strict: Bool
    }

    func draft(_ request: DraftRequest, orInFull full: (DraftRequest) throws -> Draft) throws -> Draft {
        let texts = DraftTexts(request)
        guard texts.values.count < Placeholder.maximumCount else { return try full(request) }
        return try entry(request, texts, format: nil, orInFull: full).filled(with: texts, request: request)
    }

    /// The quality checks' findings on a request (`--strict`): the shape's, found once, and its
    /// own texts'.
    func findings(_ request: DraftRequest, orInFull full: (DraftRequest) throws -> Draft) throws -> [Finding] {
        let texts = DraftTexts(request)
        guard texts.values.count < Placeholder.maximumCount else {
            let draft = try full(request)
            return QualityChecks.run(CheckDocument(draft.document), CheckSubject(draft, library: library))
        }
        return try entry(request, texts, format: nil, strict: true, orInFull: full).checks!.findings(for: texts.values)
    }

    /// The document written in `format`. Text is written straight from the shape's text with the
    /// texts put in: the text writer copies every run of text as it is, so that is the same as
    /// writing the filled document.
    /// With `request.strict`, a request with findings throws `ChecksFailed` instead.
    func write(_ request: DraftRequest, as format: OutputFormat, orInFull full: (DraftRequest) throws -> Draft) throws -> [UInt8] {
        let texts = DraftTexts(request)
        guard texts.values.count < Placeholder.maximumCount else {
            let draft = try full(request)
            if request.strict {
                let findings = QualityChecks.run(CheckDocument(draft.document), CheckSubject(draft, library: library))
                guard findings.isEmpty else { throw ChecksFailed(findings: findings) }
            }
            return try format.writer(docx: docx).write(draft)
        }
        let shape = try entry(request, texts, format: format, strict: request.strict, orInFull: full)
        if let failure = shape.checks?.failure(for: texts.values) { throw failure }
        switch shape.prepared {
        case .text(let text): return Placeholder.fill(text, with: texts.values)
        case .docx(let package): return docx.fill(package, with: texts.values, date: request.date)
        case .none: return try format.writer(docx: docx).write(shape.filled(with: texts, request: request))
        }
    }

    private func entry(_ request: DraftRequest, _ texts: DraftTexts, format: OutputFormat?, strict: Bool = false,
                       orInFull full: (DraftRequest) throws -> Draft) throws -> ShapeDraft {
        let shape = ShapeKey(shape: DraftShape(request), format: format, strict: strict)
        let cached = entries.withLock { $0[shape] }
        let entry: Result<ShapeDraft, PITError>
        if let cached {
            entry = cached
        } else {
            do {
                let draft = try full(texts.placeholderRequest(request))
                let checks = shape.strict ? ShapeChecks(draft, library: library, memo: memo) : nil
                entry = .success(ShapeDraft(draft, format: format, docx: docx, checks: checks))
            } catch let error as PITError {
                entry = .failure(error)
            }
            entries.withLock { entries in
                if entries.count >= Self.capacity { entries.removeAll() }
                entries[shape] = entry
            }
        }
        return try entry.get()
    }
}

/// Everything about a request but its texts.
struct DraftShape: Hashable {
    let exemptionIDs: [String]
    let limbs: [LimbChoice]
    let likelihood: Likelihood?
    let neitherConfirmNorDeny: Bool
    let variants: [VariantChoice]
    let questionCount: Int
    let factCount: Int
    let authorityGiven: [Bool]
    let extraKeys: [String]
    let emptyExtras: [Bool]
    let evidenceKeys: [String]
    let purposes: [String]
    let outcome: Outcome
    let relation: ExemptionRelation?
    let authorityKind: AuthorityKind?
    let regime: Regime.ID?
    let emissions: Bool

    init(_ request: DraftRequest) {
        // As given, not lower-cased: a failure is remembered with its message, which names the ids
        // as this request spells them.
        exemptionIDs = request.exemptionIDs
        limbs = request.limbChoices
        likelihood = request.likelihood
        neitherConfirmNorDeny = request.neitherConfirmNorDeny
        variants = request.variantChoices
        questionCount = request.questions.count
        factCount = request.facts.count
        authorityGiven = [request.authorityName != nil, request.authorityShort != nil]
        extraKeys = request.extraVariables.map(\.key)
        emptyExtras = request.extraVariables.map(\.value.isEmpty)
        evidenceKeys = request.evidence.map(\.key)
        purposes = request.purposes
        outcome = request.outcome
        relation = request.relation
        authorityKind = request.authorityKind
        regime = request.regime
        emissions = request.emissions
    }
}

/// A request's texts in a fixed order, each with the placeholder that stands for it.
struct DraftTexts {
    /// The date's place: a text pit makes, never the user's.
    static let dateIndex = 1

    /// The texts, line breaks already turned into spaces as the escaping would.
    let values: [String]

    init(_ request: DraftRequest) {
        var values: [String] = []
        values.reserveCapacity(4 + request.questions.count + request.facts.count + request.extraVariables.count + request.evidence.count)
        values.append(Self.unbroken(request.reference))
        values.append(request.date.longForm)
        for text in request.questions { values.append(Self.unbroken(text)) }
        for text in request.facts { values.append(Self.unbroken(text)) }
        if let name = request.authorityName { values.append(Self.unbroken(name)) }
        if let short = request.authorityShort { values.append(Self.unbroken(short)) }
        for (_, value) in request.extraVariables { values.append(Self.unbroken(value)) }
        for (_, value) in request.evidence { values.append(Self.unbroken(value)) }
        self.values = values
    }

    /// The request with a placeholder for every non-empty text (empty ones stay empty).
    func placeholderRequest(_ request: DraftRequest) -> DraftRequest {
        var index = 0
        func next(_ text: String) -> String {
            defer { index += 1 }
            return text.isEmpty ? text : Placeholder.text(index)
        }
        var shaped = request
        shaped.reference = next(request.reference)
        index += 1  // the date: drafted through its own placeholder below
        shaped.questions = request.questions.map(next)
        shaped.facts = request.facts.map(next)
        shaped.authorityName = request.authorityName.map(next)
        shaped.authorityShort = request.authorityShort.map(next)
        shaped.extraVariables = request.extraVariables.map { ($0.key, next($0.value)) }
        shaped.evidence = request.evidence.map { ($0.key, next($0.value)) }
        shaped.dateText = Placeholder.text(1)
        return shaped
    }

    /// Each line break character becomes a space, as `MarkdownEscaping` does.
    private static func unbroken(_ text: String) -> String {
        guard text.containsByte(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
        return String(scalars)
    }
}

/// The placeholder for text number `index`: NUL, then a private-use character that numbers it.
enum Placeholder {
    static let firstScalar: UInt32 = 0xE000
    static let maximumCount = 0x1900

    static func text(_ index: Int) -> String {
        "\u{0}" + String(Unicode.Scalar(firstScalar + UInt32(index))!)
    }

    /// Whether `text` holds a placeholder.
    static func occurs(in text: String) -> Bool {
        text.withUTF8Bytes { bytes in bytes.isEmpty ? false : memchr(bytes.baseAddress!, 0, bytes.count) != nil }
    }

    /// `text` with each placeholder replaced by its value.
    static func fill(_ text: String, with values: [String]) -> String {
        var text = text
        return String(decoding: text.withUTF8 { fill($0, with: values) }, as: UTF8.self)
    }

    /// UTF-8 `bytes` with each placeholder replaced by its value, escaped by `escape`.
    static func fill(_ bytes: [UInt8], with values: [String],
                     escaping escape: (String, inout [UInt8]) -> Void = { $1 += $0.utf8 }) -> [UInt8] {
        bytes.withUnsafeBufferPointer { fill($0, with: values, escaping: escape) }
    }

    static func fill(_ bytes: UnsafeBufferPointer<UInt8>, with values: [String],
                     escaping escape: (String, inout [UInt8]) -> Void = { $1 += $0.utf8 }) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var start = 0
        while start < bytes.count,
              let found = memchr(bytes.baseAddress! + start, 0, bytes.count - start) {
            let index = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard index + 3 < bytes.count else { break }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            // A private-use scalar from U+E000 is three bytes: 1110xxxx 10xxxxxx 10xxxxxx.
            let scalar = UInt32(bytes[index + 1] & 0x0F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
            let number = Int(scalar) - Int(firstScalar)
            guard bytes[index + 1] & 0xF0 == 0xE0, (0..<values.count).contains(number) else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...index]))  // not a placeholder
                start = index + 1
                continue
            }
            escape(values[number], &output)
            start = index + 4
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        return output
    }
}

/// A draft drafted with placeholders, and where in its document they stand.
struct ShapeDraft {
    let draft: Draft
    /// The indices of the blocks whose text holds a placeholder.
    let blocksWithPlaceholders: [Int]
    /// The output of a writer that can fill placeholders itself, placeholders and all.
    let prepared: PreparedOutput?
    /// The quality checks of the shape, when they are wanted.
    let checks: ShapeChecks?

    /// Output whose placeholders the writer fills with each text escaped as it escapes all text:
    /// formats whose escaping goes character by character. Other formats write the filled draft.
    enum PreparedOutput {
        case text([UInt8])
        case docx(DOCXWriter.Prepared)
    }

    init(_ draft: Draft, format: OutputFormat?, docx: DOCXWriter, checks: ShapeChecks?) {
        self.draft = draft
        self.checks = checks
        switch format {
        case .text: prepared = .text(TextWriter().write(draft))
        case .docx: prepared = .docx(docx.prepare(draft))
        default: prepared = nil
        }
        blocksWithPlaceholders = draft.document.blocks.indices.filter { index in
            switch draft.document.blocks[index] {
            case .heading(_, let content), .paragraph(let content): return Self.hasPlaceholder(content)
            case .list(_, let items): return items.contains(where: Self.hasPlaceholder)
            }
        }
    }

    func filled(with texts: DraftTexts, request: DraftRequest) -> Draft {
        var blocks = draft.document.blocks
        for index in blocksWithPlaceholders {
            switch blocks[index] {
            case .heading(let level, let content): blocks[index] = .heading(level: level, content: Self.fill(content, texts))
            case .paragraph(let content): blocks[index] = .paragraph(Self.fill(content, texts))
            case .list(let ordered, let items): blocks[index] = .list(ordered: ordered, items: items.map { Self.fill($0, texts) })
            }
        }
        var authority = draft.authority
        if let name = request.authorityName { authority.name = name }
        if let short = request.authorityShort { authority.short = short }
        return Draft(reference: request.reference, date: request.date, authority: authority,
                     neitherConfirmNorDeny: request.neitherConfirmNorDeny, outcome: request.outcome,
                     exemptions: draft.exemptions.map { $0.filled(with: texts.values) },
                     questions: request.questions, facts: request.facts, document: Document(blocks: blocks),
                     templatesUsed: draft.templatesUsed)
    }

    private static func hasPlaceholder(_ content: [Document.Inline]) -> Bool {
        content.contains { run in
            switch run {
            case .text(let text): return Placeholder.occurs(in: text)
            case .strong(let inner), .emphasis(let inner): return hasPlaceholder(inner)
            }
        }
    }

    private static func fill(_ content: [Document.Inline], _ texts: DraftTexts) -> [Document.Inline] {
        content.map { run in
            switch run {
            case .text(let text): return Placeholder.occurs(in: text) ? .text(Placeholder.fill(text, with: texts.values)) : run
            case .strong(let inner): return .strong(fill(inner, texts))
            case .emphasis(let inner): return .emphasis(fill(inner, texts))
            }
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

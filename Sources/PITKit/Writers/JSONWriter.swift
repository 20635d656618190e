/// The draft as data: what it was drafted from, the document's structure in plain text, and its
/// provenance (pit's version and every template used, with its layer and SHA-256). Keys are
/// always in the same order, so the same draft gives the same bytes.
public struct JSONWriter: DocumentWriter {
    public init() {}

    public func write(_ draft: Draft) -> [UInt8] {
        let value: JSONValue = .object([
            ("pit", .object([("version", .string(pitVersion))])),
            ("reference", .string(draft.reference)),
            ("date", .string(draft.date.iso)),
            ("dateText", .string(draft.date.longForm)),
            ("authority", .object([("name", .string(draft.authority.name)), ("short", .string(draft.authority.short))])),
            ("regime", .object([("id", .string(draft.regime.id.rawValue)), ("name", .string(draft.regime.title)),
                                ("abbreviation", .string(draft.regime.abbreviation))])),
            ("neitherConfirmNorDeny", .bool(draft.neitherConfirmNorDeny)),
            ("exemptions", .array(draft.exemptions.map(Self.exemption))),
            ("questions", Self.strings(draft.questions)),
            ("facts", Self.strings(draft.facts)),
            ("title", draft.document.title.map(JSONValue.string) ?? .null),
            ("sections", .array(draft.document.sections.map(Self.section))),
            ("provenance", .object([
                ("pitVersion", .string(pitVersion)),
                ("templates", .array(draft.templatesUsed.map(Self.template))),
            ])),
        ])
        return Array((value.encoded() + "\n").utf8)
    }

    static func exemption(_ applied: AppliedExemption) -> JSONValue {
        .object([
            ("id", .string(applied.exemption.id)),
            ("citation", .string(applied.citation)),
            ("title", .string(applied.exemption.title)),
            ("kind", .string(applied.exemption.kind.rawValue)),
            ("limbs", .array(applied.limbs.map { .object([("letter", .string($0.letter)), ("text", .string($0.text))]) })),
            ("likelihood", applied.likelihood.map { .string($0.phrase) } ?? .null),
            ("sections", .array(applied.sections.map {
                .object([("section", .string($0.section.rawValue)), ("variant", .string($0.variant))])
            })),
        ])
    }

    static func section(_ section: DocumentSection) -> JSONValue {
        .object([
            ("heading", section.heading.map { .string($0.content.plainText) } ?? .null),
            ("level", section.heading.map { number($0.level) } ?? .null),
            ("blocks", .array(section.blocks.compactMap(block))),
        ])
    }

    /// A paragraph or a list (headings start sections, so never appear here).
    static func block(_ block: Document.Block) -> JSONValue? {
        switch block {
        case .heading: return nil
        case .paragraph(let content):
            return .object([("type", .string("paragraph")), ("text", .string(content.plainText))])
        case .list(let ordered, let items):
            return .object([("type", .string("list")), ("ordered", .bool(ordered)), ("items", strings(items.map(\.plainText)))])
        }
    }

    static func template(_ file: TemplateLibrary.File) -> JSONValue {
        .object([
            ("path", .string(file.path)),
            ("layer", .string(file.layer.name)),
            ("sha256", .string(SHA256.hexDigest(file.text.utf8))),
        ])
    }

    static func strings(_ texts: [String]) -> JSONValue { .array(texts.map(JSONValue.string)) }

    static func number(_ value: Int) -> JSONValue { .number(Double(value), text: String(value)) }
}

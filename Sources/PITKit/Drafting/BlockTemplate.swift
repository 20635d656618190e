/// A block of a shape's document whose text holds placeholders, its runs split at them once
/// (`PlaceholderText`), so that each request's block is made by copying runs and texts, not by
/// searching the block's text again (`CachedDrafter`).
enum BlockTemplate: Sendable {
    case heading(level: Int, [RunTemplate])
    case paragraph([RunTemplate])
    case list(ordered: Bool, items: [[RunTemplate]])

    /// A run of inline content: as it is, or with placeholders to fill.
    indirect enum RunTemplate: Sendable {
        case fixed(Document.Inline)
        case text(PlaceholderText)
        case strong([RunTemplate])
        case emphasis([RunTemplate])

        init(_ run: Document.Inline, runs: TextRuns) {
            switch run {
            case .text(let text): self = Placeholder.occurs(in: text) ? .text(PlaceholderText(Array(text.utf8), runs: runs)) : .fixed(run)
            case .strong(let inner): self = .strong(inner.map { RunTemplate($0, runs: runs) })
            case .emphasis(let inner): self = .emphasis(inner.map { RunTemplate($0, runs: runs) })
            }
        }

        func filled(with values: [String]) -> Document.Inline {
            switch self {
            case .fixed(let run): return run
            case .text(let text): return .text(String(decoding: text.filled(with: values), as: UTF8.self))
            case .strong(let inner): return .strong(inner.map { $0.filled(with: values) })
            case .emphasis(let inner): return .emphasis(inner.map { $0.filled(with: values) })
            }
        }
    }

    /// The template of `block`, or nil when its text holds no placeholder; its runs kept in `store`.
    init?(_ block: Document.Block, runs store: TextRuns) {
        func runs(_ content: [Document.Inline]) -> [RunTemplate] { content.map { RunTemplate($0, runs: store) } }
        switch block {
        case .heading(let level, let content):
            guard Placeholder.occurs(in: content) else { return nil }
            self = .heading(level: level, runs(content))
        case .paragraph(let content):
            guard Placeholder.occurs(in: content) else { return nil }
            self = .paragraph(runs(content))
        case .list(let ordered, let items):
            guard items.contains(where: Placeholder.occurs) else { return nil }
            self = .list(ordered: ordered, items: items.map(runs))
        }
    }

    /// The block with each placeholder replaced by its value.
    func filled(with values: [String]) -> Document.Block {
        func content(_ runs: [RunTemplate]) -> [Document.Inline] { runs.map { $0.filled(with: values) } }
        switch self {
        case .heading(let level, let runs): return .heading(level: level, content: content(runs))
        case .paragraph(let runs): return .paragraph(content(runs))
        case .list(let ordered, let items): return .list(ordered: ordered, items: items.map(content))
        }
    }
}

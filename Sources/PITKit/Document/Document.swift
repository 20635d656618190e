/// The document model every writer writes: an immutable tree of blocks and inline runs, read
/// from the small Markdown subset the templates render to.
public struct Document: Sendable, Equatable {
    public let blocks: [Block]

    public init(blocks: [Block]) { self.blocks = blocks }

    /// A block-level element.
    public enum Block: Sendable, Equatable {
        /// `#` (level 1) or `##` (level 2) and deeper.
        case heading(level: Int, content: [Inline])
        case paragraph([Inline])
        /// `-` items (unordered) or `1.` items (ordered); each item is one run of inline content.
        case list(ordered: Bool, items: [[Inline]])
    }

    /// Inline content: text, with `**strong**` and `*emphasis*` spans.
    public indirect enum Inline: Sendable, Equatable {
        case text(String)
        case strong([Inline])
        case emphasis([Inline])

        /// The text without any markup.
        public var plainText: String {
            switch self {
            case .text(let text): return text
            case .strong(let content), .emphasis(let content): return content.plainText
            }
        }
    }
}

extension Array where Element == Document.Inline {
    /// The text of a run of inline content without any markup.
    public var plainText: String {
        if count == 1, case .text(let text) = self[0] { return text }
        return map(\.plainText).joined()
    }
}

/// One piece of a template's source: a run of text or a tag. A token holds only offsets into the
/// source, so making one allocates nothing; the parser reads names and text from the source.
struct Token {
    enum Kind: UInt8 {
        case text
        case variable
        /// `{{{name}}}` or `{{&name}}`.
        case unescapedVariable
        case sectionOpen
        case invertedOpen
        case close
        case comment
        case partial
        case parentOpen
        case blockOpen
        case setDelimiters
    }

    var kind: Kind
    /// For a close tag: whether it closes a parent tag.
    var closesParent = false
    /// For a standalone tag: its line was removed, and the whitespace before it is its indentation.
    var standalone = false
    /// A text token's bytes, or a tag's trimmed content (its name, without the sigil; a comment's
    /// content untrimmed, as nothing reads it); emptied (`start == end`) for the text of a
    /// standalone line.
    var start: Int
    var end: Int
    /// Byte offset of a tag's first byte in the source; a text token's start.
    var offset: Int
    /// The whitespace before a standalone partial, parent or block tag, or before a block tag that
    /// only whitespace precedes on its line: a range of the source, empty when none.
    var indentationStart = 0
    var indentationEnd = 0
    /// For a section, block or parent tag: how many tokens stand directly inside it (not inside
    /// a tag nested in it), which bounds how many nodes it holds. Counted by the parser.
    var innerTokens = 0

    init(kind: Kind, start: Int, end: Int, offset: Int) {
        self.kind = kind
        self.start = start
        self.end = end
        self.offset = offset
    }

    var isTag: Bool { kind != .text }

    /// Whether a line holding only this tag (and whitespace) is removed from the output.
    var canStandAlone: Bool {
        switch kind {
        case .text, .variable, .unescapedVariable: return false
        default: return true
        }
    }

    /// Parent tags do not stop the tags beside them on a line from standing alone.
    var isTransparentOnLine: Bool { kind == .parentOpen || (kind == .close && closesParent) }
}

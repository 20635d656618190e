/// One piece of a template's source: a run of text (at most one line) or a tag.
struct Token {
    enum Kind: Equatable {
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
    /// The text of a text token; empty for tags.
    var text: ArraySlice<UInt8>
    /// The trimmed content of a tag (its name), without the sigil.
    var name: String
    /// Byte offset of the token's first byte in the source, for line and column.
    var offset: Int
    /// For a close tag: whether it closes a parent tag.
    var closesParent = false
    /// For a standalone tag: its line was removed, and the whitespace before it is its indentation.
    var standalone = false
    /// The whitespace before a standalone partial, parent or block tag, or before a block tag that
    /// only whitespace precedes on its line.
    var indentation: [UInt8] = []

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

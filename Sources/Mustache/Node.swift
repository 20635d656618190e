/// The template tree: what the parser builds and the renderer walks. The common nodes (text,
/// variables, sections) are stored in place; the rare, larger ones each in a box of their own.
enum Node: Sendable {
    /// A run of the template's text: usually a slice of one copy of the whole source, shared.
    case text(ArraySlice<UInt8>)
    case variable(Reference, escaped: Bool)
    case section(Reference, children: [Node], inverted: Bool, standalone: Bool)
    indirect case partial(name: String, indentation: [UInt8], standalone: Bool, place: Place)
    indirect case parent(name: String, indentation: [UInt8], standalone: Bool, overrides: [String: Block], place: Place)
    indirect case block(Block)
}

/// A block: content a parent template lets the templates that include it replace.
struct Block: Sendable {
    let name: String
    /// Indentation added at the start of each line of whatever content fills the block.
    let indentation: [UInt8]
    /// Whether the first line is indented too: it is when the block's tag stood alone on its line.
    let indentsFirstLine: Bool
    /// The content, with the indentation it had where it was written removed.
    let children: [Node]
    /// Where its tag stands (the template it was written in, and the place in it), for errors.
    let template: TemplateSource
    let place: Place
}

/// A name a tag looks up, split at its dots once at parse time, with where the tag stands.
struct Reference: Sendable {
    /// The name's first part; nil for the implicit iterator `.`.
    let head: String?
    /// The parts after the first in a dotted name; empty (so allocating nothing) for a plain one.
    let tail: [String]
    let place: Place

    var isImplicitIterator: Bool { head == nil }
    var dotted: String {
        guard let head else { return "." }
        return tail.reduce(head) { $0 + "." + $1 }
    }
}

/// Where a tag stands: the offset of its first byte in the source of the template it was
/// written in. Its line and column are counted from that source only when an error or an
/// outline needs them.
struct Place: Sendable {
    let offset: Int
}

/// A template's name and its source's UTF-8 bytes: text nodes are slices of the bytes, and
/// what an error needs to name a place in them.
struct TemplateSource: Sendable {
    let name: String
    let bytes: [UInt8]

    /// 1-based line and column (in characters) of `place`.
    func position(of place: Place) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { Lexer(source: $0, templateName: name).position(of: place.offset) }
    }

    /// The error `message` at `place`.
    func error(at place: Place, _ message: String, undefinedName: String? = nil) -> MustacheError {
        bytes.withUnsafeBufferPointer {
            Lexer(source: $0, templateName: name).error(at: place.offset, message, undefinedName: undefinedName)
        }
    }
}

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
    /// Where its tag stands (the template's name, line and column), for errors.
    let template: String
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

/// A line and column in a template's source.
struct Place: Sendable {
    let line: Int
    let column: Int
}

/// A parsed template's structure, for tools that check a template rather than render it: its
/// literal text, the names its tags look up (with the sections they sit in), and the partials,
/// parents and blocks it uses, each tag with its line and column.
public indirect enum MustacheOutline: Sendable {
    /// Literal text, as written.
    case text(String)
    /// `{{name}}` or `{{{name}}}`; `name` is dotted (`exemption.citation`), or `.` for the
    /// implicit iterator.
    case variable(name: String, line: Int, column: Int)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(name: String, inverted: Bool, line: Int, column: Int, children: [MustacheOutline])
    /// `{{> name}}`.
    case partial(name: String, line: Int, column: Int)
    /// `{{< name}}…{{/name}}`, with the blocks it overrides.
    case parent(name: String, line: Int, column: Int, overrides: [(name: String, children: [MustacheOutline])])
    /// `{{$ name}}…{{/name}}`: a block and its default content.
    case block(name: String, children: [MustacheOutline])
}

extension MustacheTemplate {
    /// The template's structure: what `MustacheOutline` describes, in source order.
    public var outline: [MustacheOutline] { Self.outline(nodes) }

    private static func outline(_ nodes: [Node]) -> [MustacheOutline] {
        nodes.map { node in
            switch node {
            case .text(let bytes):
                return .text(String(decoding: bytes, as: UTF8.self))
            case .variable(let reference, _):
                return .variable(name: reference.dotted, line: reference.place.line, column: reference.place.column)
            case .section(let reference, let children, let inverted, _):
                return .section(name: reference.dotted, inverted: inverted, line: reference.place.line,
                                column: reference.place.column, children: outline(children))
            case .partial(let name, _, _, let place):
                return .partial(name: name, line: place.line, column: place.column)
            case .parent(let name, _, _, let overrides, let place):
                let blocks = overrides.keys.sorted().map { (name: $0, children: outline(overrides[$0]!.children)) }
                return .parent(name: name, line: place.line, column: place.column, overrides: blocks)
            case .block(let block):
                return .block(name: block.name, children: outline(block.children))
            }
        }
    }
}

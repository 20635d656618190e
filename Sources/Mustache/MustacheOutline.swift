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
    public var outline: [MustacheOutline] { outline(nodes) }

    private func outline(_ nodes: [Node]) -> [MustacheOutline] {
        nodes.map { node in
            switch node {
            case .text(let bytes):
                return .text(String(decoding: bytes, as: UTF8.self))
            case .variable(let reference, _):
                let (line, column) = source.position(of: reference.place)
                return .variable(name: reference.dotted, line: line, column: column)
            case .section(let reference, let children, let inverted, _):
                let (line, column) = source.position(of: reference.place)
                return .section(name: reference.dotted, inverted: inverted, line: line, column: column,
                                children: outline(children))
            case .partial(let name, _, _, let place):
                let (line, column) = source.position(of: place)
                return .partial(name: name, line: line, column: column)
            case .parent(let name, _, _, let overrides, let place):
                let blocks = overrides.keys.sorted().map { (name: $0, children: outline(overrides[$0]!.children)) }
                let (line, column) = source.position(of: place)
                return .parent(name: name, line: line, column: column, overrides: blocks)
            case .block(let block):
                return .block(name: block.name, children: outline(block.children))
            }
        }
    }
}

extension MustacheTemplate {
    /// Whether a render of the template could look up a name whose first part is one of `names`:
    /// a variable or section tag naming one, here or in a partial or parent it includes (found
    /// through `partials`; one that is not found is taken to look them all up).
    public func mayLookUp(anyOf names: Set<String>, partials: (String) -> MustacheTemplate?) -> Bool {
        var visited: Set<String> = []
        return Self.mayLookUp(nodes, names, partials, &visited)
    }

    private static func mayLookUp(_ nodes: [Node], _ names: Set<String>, _ partials: (String) -> MustacheTemplate?,
                                  _ visited: inout Set<String>) -> Bool {
        func included(_ name: String) -> Bool {
            guard visited.insert(name).inserted else { return false }
            guard let template = partials(name) else { return true }
            return mayLookUp(template.nodes, names, partials, &visited)
        }
        for node in nodes {
            switch node {
            case .text:
                continue
            case .variable(let reference, _):
                if let first = reference.head, names.contains(first) { return true }
            case .section(let reference, let children, _, _):
                if let first = reference.head, names.contains(first) { return true }
                if mayLookUp(children, names, partials, &visited) { return true }
            case .partial(let name, _, _, _):
                if included(name) { return true }
            case .parent(let name, _, _, let overrides, _):
                if overrides.values.contains(where: { mayLookUp($0.children, names, partials, &visited) }) || included(name) { return true }
            case .block(let block):
                if mayLookUp(block.children, names, partials, &visited) { return true }
            }
        }
        return false
    }
}

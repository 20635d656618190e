/// A parsed template: parse once, render many times, share freely between threads.
public struct MustacheTemplate: Sendable {
    /// The name errors give as the place (usually the template's file path).
    public var name: String { source.name }
    let nodes: [Node]
    /// The name and the source's bytes: text nodes are slices of them, places offsets into them.
    let source: TemplateSource

    /// Parses `source`; throws a `MustacheError` with the line and column of a syntax error.
    public init(name: String, source: String) throws {
        var source = source
        (nodes, self.source) = try source.withUTF8 { bytes in
            let parser = Parser(lexer: Lexer(source: bytes, templateName: name))
            return (try parser.parse(), TemplateSource(name: name, bytes: parser.text))
        }
    }
}

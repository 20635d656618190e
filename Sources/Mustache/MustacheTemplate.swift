/// A parsed template: parse once, render many times, share freely between threads.
public struct MustacheTemplate: Sendable {
    /// The name errors give as the place (usually the template's file path).
    public let name: String
    let nodes: [Node]

    /// Parses `source`; throws a `MustacheError` with the line and column of a syntax error.
    public init(name: String, source: String) throws {
        self.name = name
        var source = source
        nodes = try source.withUTF8 { bytes in try Parser(lexer: Lexer(source: bytes, templateName: name)).parse() }
    }
}

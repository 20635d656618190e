/// A template that cannot be parsed or rendered, with the place it went wrong.
public struct MustacheError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name the template was given (usually its file path).
    public let template: String
    /// 1-based line and column in the template's source.
    public let line: Int
    public let column: Int
    public let message: String
    /// The dotted name that resolved to nothing, when that is what went wrong (strict mode).
    public let undefinedName: String?

    public init(template: String, line: Int, column: Int, message: String, undefinedName: String? = nil) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
        self.undefinedName = undefinedName
    }

    /// `name:line:column: message`, the form compilers use.
    public var description: String { "\(template):\(line):\(column): \(message)" }
}

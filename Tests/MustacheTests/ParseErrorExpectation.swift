import Mustache
import Testing

/// Expects parsing `source` (as template "t") to fail with `message` at `line`:`column`.
func expectParseError(_ source: String, line: Int, column: Int, _ message: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(throws: MustacheError(template: "t", line: line, column: column, message: message), sourceLocation: sourceLocation) {
        try MustacheTemplate(name: "t", source: source)
    }
}

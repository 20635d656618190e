import Mustache
import Testing

/// The lexer reads a template in one pass over its bytes: places counted across tags that span
/// lines and characters of several bytes, lines without tags left whole, names compared as strings.
struct LexerTests {
    @Test func tagsArePlacedInCharactersAcrossLinesAndTags() throws {
        let template = try MustacheTemplate(name: "t", source: "é{{a}}{{! x\ny }} {{b}}\n  {{#c}}\n{{d}}{{/c}}")
        guard case .variable("a", 1, 2) = template.outline[1],
              case .variable("b", 2, 6) = template.outline[3],
              case .section("c", false, 3, 3, let children) = template.outline[5],
              case .variable("d", 4, 1) = children[0] else {
            Issue.record("unexpected outline \(template.outline)")
            return
        }
    }

    @Test func standaloneLinesAmongLinesWithoutTags() throws {
        let template = try MustacheTemplate(name: "t", source: "a\nb\n  {{#s}}\r\nc\nd\n  {{/s}}\ne {{! note }}\n\t{{! alone }}\nf")
        #expect(try MustacheRenderer().render(template, context: ["s": true]) == "a\nb\nc\nd\ne \nf")
        #expect(try MustacheRenderer().render(template, context: ["s": false]) == "a\nb\ne \nf")
    }

    @Test func aCloseTagMatchesItsOpenerAsStringsCompare() throws {
        let template = try MustacheTemplate(name: "t", source: "{{#\u{E9}}}x{{/e\u{301}}}")
        #expect(try MustacheRenderer().render(template, context: ["\u{E9}": true]) == "x")
    }

    @Test func errorsOnLaterLinesCountCharacters() {
        expectParseError("{{a}}\nxé {{#b}}", line: 2, column: 4, "'b' is never closed")
        expectParseError("{{=| |=}}\n|a|\n |{b|", line: 3, column: 2, "unclosed tag: no '}|' after it")
    }

    /// A tag's name is its content trimmed of spaces, tabs and line endings, read in one pass:
    /// a carriage return inside it is kept, a space, tab or line break inside it is an error.
    @Test func namesTrimmedAndCheckedForWhiteSpace() throws {
        let template = try MustacheTemplate(name: "t", source: "{{ \r\n\ta\rb \r\n}}|{{#\ts }}{{{ c}}}{{/s\n}}|{{!\t}}{{= <% %> =}}<%d%>")
        #expect(try MustacheRenderer().render(template, context: ["a\rb": "1", "s": true, "c": "2", "d": "3"]) == "1|2|3")
        for (source, name) in [("{{ a\tb }}", "a\tb"), ("{{#a\nb}}", "a\nb"), ("x\n{{ a \r b}}", "a \r b")] {
            let line = source.hasPrefix("x") ? 2 : 1
            expectParseError(source, line: line, column: 1, "tag name '\(name)' contains white space")
        }
        expectParseError("ab{{# \r\n\t}}", line: 1, column: 3, "empty tag")
    }
}

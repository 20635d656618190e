import Mustache
import Testing

/// The lexer reads text and tags a word (eight bytes) at a time: tags, line breaks and columns
/// must come out the same wherever they fall in a word, after long comments, with other
/// delimiters and after characters of several bytes.
struct PlaceTests {
    /// `count` characters cycling through ones of one, two and three UTF-8 bytes.
    private func mixed(_ count: Int) -> String {
        String((0..<count).map { ["a", "\u{E9}", "\u{65E5}"][$0 % 3] as Character })
    }

    @Test(arguments: 0..<24)
    func columnsCountCharactersAtEveryAlignment(_ length: Int) throws {
        let template = try MustacheTemplate(name: "t", source: "x\n\u{E9}{{a}}\(mixed(length)){{b}}")
        guard case .variable("a", 2, 2) = template.outline[1],
              case .variable("b", 2, let column) = template.outline[template.outline.count - 1] else {
            Issue.record("unexpected outline \(template.outline)")
            return
        }
        #expect(column == 7 + length)
    }

    @Test(arguments: 0..<20)
    func lineBreaksInsideTagsAtEveryAlignment(_ length: Int) {
        let source = "{{! \(mixed(length))\n\(mixed(length))\n}} \u{E9}{{#s}}"
        expectParseError(source, line: 3, column: 5, "'s' is never closed")
    }

    @Test(arguments: 0..<20)
    func closingDelimitersAtEveryAlignment(_ length: Int) throws {
        let padding = String(repeating: " ", count: length)
        let template = try MustacheTemplate(name: "t", source: "\(padding){{a}b}}|{{{c}}}|{{ d }}\n")
        let output = try MustacheRenderer().render(template, context: ["a}b": "1", "c": "<2>", "d": "3"])
        #expect(output == "\(padding)1|<2>|3\n")
    }

    @Test func errorPlacesAfterCommentsDelimitersAndLongLines() {
        expectParseError("{{! a long comment\nspanning {{ three\nlines }}  \u{E9}{{#a}}", line: 3, column: 12, "'a' is never closed")
        expectParseError("{{=<% %>=}}\nxx <%#a%>", line: 2, column: 4, "'a' is never closed")
        expectParseError("\u{E9} {{{a}}", line: 1, column: 3, "unclosed tag: no '}}}' after it")
        expectParseError("日本語のテキスト、とても長い行です。ここにタグ：{{x}}、そして{{#y}}", line: 1, column: 34, "'y' is never closed")
        expectParseError("{{!\n\n\n}}{{/z}}", line: 4, column: 3, "closing tag 'z' has no open section")
    }

    /// Places are kept as offsets and counted when an error needs them: an undefined name in a
    /// block's default content, or in the content a child template gives it, is placed in the
    /// source it was written in (and named, as ever, by the template being rendered).
    @Test func renderErrorPlacesInBlocksAndOverrides() throws {
        let parent = try MustacheTemplate(name: "parent", source: "\u{E9}\n  {{$b}}\n\u{E9}\u{E9} {{x}}{{/b}}")
        let child = try MustacheTemplate(name: "child", source: "\n\n{{<parent}}{{$b}}\u{E9} {{y}}{{/b}}{{/parent}}")
        let renderer = MustacheRenderer(partials: { $0 == "parent" ? parent : nil }, strict: true)
        #expect(throws: MustacheError(template: "parent", line: 3, column: 4, message: "undefined variable 'x'", undefinedName: "x")) {
            try renderer.render(parent, context: [:])
        }
        #expect(throws: MustacheError(template: "parent", line: 3, column: 20, message: "undefined variable 'y'", undefinedName: "y")) {
            try renderer.render(child, context: [:])
        }
    }
}

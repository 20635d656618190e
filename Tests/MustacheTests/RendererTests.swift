import Mustache
import TestSupport
import Testing

/// The engine's own behaviour beyond the spec: strict mode, errors with places, partial depth,
/// pluggable escaping and markup values.
struct RendererTests {
    func render(_ source: String, _ context: MustacheValue, renderer: MustacheRenderer = MustacheRenderer()) throws -> String {
        try renderer.render(MustacheTemplate(name: "t.mustache", source: source), context: context)
    }

    @Test func strictModeNamesAnUndefinedVariableAndItsPlace() throws {
        let strict = MustacheRenderer(strict: true)
        #expect(throws: MustacheError(template: "t.mustache", line: 2, column: 7, message: "undefined variable 'who.name'", undefinedName: "who.name")) {
            try render("Hello\nthere {{who.name}}", ["who": [:]], renderer: strict)
        }
        #expect(throws: MustacheError(template: "t.mustache", line: 1, column: 1, message: "undefined variable 'items'", undefinedName: "items")) {
            try render("{{#items}}x{{/items}}", [:], renderer: strict)
        }
        #expect(try render("{{who.name}}", ["who": [:]]) == "", "the spec's behaviour when not strict")
    }

    @Test func strictModeAcceptsFalseAndEmptyValues() throws {
        let strict = MustacheRenderer(strict: true)
        #expect(try render("[{{#a}}x{{/a}}{{^b}}y{{/b}}{{c}}]", ["a": false, "b": [], "c": ""], renderer: strict) == "[y]")
    }

    @Test func strictModeRejectsAMissingPartial() {
        #expect(throws: MustacheError(template: "t.mustache", line: 1, column: 3, message: "no partial named 'p'")) {
            try render("a {{> p}}", [:], renderer: MustacheRenderer(strict: true))
        }
    }

    @Test(arguments: [
        ("{{#a}}x", 1, 1, "'a' is never closed"),
        ("{{#a}}x{{/b}}", 1, 8, "closing tag 'b' does not match 'a' opened at 1:1"),
        ("x\n  {{/a}}", 2, 3, "closing tag 'a' has no open section"),
        ("é {{name", 1, 3, "unclosed tag: no '}}' after it"),
        ("{{}}", 1, 1, "empty tag"),
        ("{{=<% =}}", 1, 1, "a set-delimiter tag needs two delimiters, like {{=<% %>=}}"),
        ("{{a b}}", 1, 1, "tag name 'a b' contains white space"),
    ])
    func syntaxErrorsGiveLineAndColumn(_ source: String, _ line: Int, _ column: Int, _ message: String) {
        #expect(throws: MustacheError(template: "t.mustache", line: line, column: column, message: message)) {
            try MustacheTemplate(name: "t.mustache", source: source)
        }
    }

    @Test func aPartialThatIncludesItselfStopsWithAnError() throws {
        let loop = try MustacheTemplate(name: "loop.mustache", source: "again {{> loop}}")
        let renderer = MustacheRenderer(partials: { $0 == "loop" ? loop : nil }, maximumDepth: 10)
        #expect(throws: MustacheError(template: "loop.mustache", line: 1, column: 7,
                                      message: "partials nest more than 10 deep at 'loop': does it include itself?")) {
            try renderer.render(loop, context: [:])
        }
    }

    @Test func recursivePartialsOverDataStillWork() throws {
        let node = try MustacheTemplate(name: "node", source: "{{name}}({{#kids}}{{> node}}{{/kids}})")
        let renderer = MustacheRenderer(partials: { $0 == "node" ? node : nil })
        let tree: MustacheValue = ["name": "a", "kids": [["name": "b", "kids": []], ["name": "c", "kids": []]]]
        #expect(try renderer.render(node, context: tree) == "a(b()c())")
    }

    @Test func escapingIsPluggableAndRawTagsCanEscapeToo() throws {
        let brackets = Escaper { text, output in output += Array("[\(text)]".utf8) }
        #expect(try render("{{a}} {{{a}}} {{&a}}", ["a": "x"], renderer: MustacheRenderer(escaper: brackets)) == "[x] x x")
        let always = MustacheRenderer(escaper: brackets, escapesRawTags: true)
        #expect(try render("{{a}} {{{a}}} {{&a}}", ["a": "x"], renderer: always) == "[x] [x] [x]")
        #expect(try render("{{a}} {{{a}}}", ["a": .markup(Array("<b>".utf8))], renderer: always) == "<b> <b>")
        #expect(try render("{{a}}", ["a": "<&\"'>"]) == "&lt;&amp;&quot;&#39;&gt;")
        #expect(try render("{{a}}", ["a": "<"], renderer: MustacheRenderer(escaper: .none)) == "<")
    }

    @Test func sectionsOverEmptyStringsAreFalsy() throws {
        #expect(try render("{{#s}}yes{{/s}}{{^s}}no{{/s}}", ["s": ""]) == "no")
        #expect(try render("{{#s}}[{{.}}]{{/s}}", ["s": "x"]) == "[x]")
    }

    @Test func oneTemplateRendersTheSameFromManyThreads() async throws {
        let template = try MustacheTemplate(name: "t", source: "{{#items}}{{.}},{{/items}}")
        let renderer = MustacheRenderer()
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask { try renderer.render(template, context: ["items": [1, 2, 3]]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: "1,2,3,", count: 8))
    }
}

/// Hostile templates end in errors, never in a crash.
struct HostileTemplateTests {
    @Test func deepNestingIsAnError() {
        let source = String(repeating: "{{#a}}", count: 5000) + String(repeating: "{{/a}}", count: 5000)
        #expect(throws: MustacheError(template: "deep", line: 1, column: 601, message: "sections nest more than 100 deep")) {
            try MustacheTemplate(name: "deep", source: source)
        }
    }

    /// Random sources from the pieces of the syntax (seeded, so a failure can be reproduced): each
    /// parses, or fails with a `MustacheError` that points inside the source; each template that
    /// parses renders, or fails with a `MustacheError`, and renders the same twice.
    @Test func anythingParsesOrFailsCleanly() throws {
        var generator = SeededGenerator(seed: 13)
        let pieces = ["{{", "}}", "{{{", "}}}", "#", "^", "/", "!", ">", "<", "$", "=", "&", "a", ".", " ", "\n", "x", "{{=", "|"]
        var (parsed, refused, rendered) = (0, 0, 0)
        for _ in 0..<2000 {
            let source = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let template: MustacheTemplate
            do {
                template = try MustacheTemplate(name: "fuzz", source: source)
                parsed += 1
            } catch let error as MustacheError {
                refused += 1
                let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(error.template == "fuzz")
                #expect((1...lines.count).contains(error.line), "\(error) in \(source.debugDescription)")
                if (1...lines.count).contains(error.line) {
                    #expect((1...lines[error.line - 1].count + 1).contains(error.column), "\(error) in \(source.debugDescription)")
                }
                continue
            }
            let renderer = MustacheRenderer(partials: { _ in template }, strict: true)
            do {
                let first = try renderer.render(template, context: ["a": [1, 2]])
                #expect(try renderer.render(template, context: ["a": [1, 2]]) == first, "\(source.debugDescription)")
                rendered += 1
            } catch is MustacheError {
                continue
            }
        }
        // The pieces reach every outcome: a change that made everything fail would fail here.
        #expect(parsed > 100 && refused > 100 && rendered > 100, "parsed \(parsed), refused \(refused), rendered \(rendered)")
    }

    @Test func strictModeRefusesToPrintAValueWithNoText() throws {
        for (name, value) in [("nothing", MustacheValue.null), ("items", ["a", "b"]), ("thing", ["k": "v"])] {
            let template = try MustacheTemplate(name: "t", source: "{{\(name)}}")
            #expect(throws: MustacheError.self, "\(name)") { try MustacheRenderer(strict: true).render(template, context: [name: value]) }
            #expect(try MustacheRenderer().render(template, context: [name: value]) == "", "the spec's behaviour when not strict")
        }
    }

    @Test func aBlockInsideItsOwnOverrideIsAnErrorNotACrash() throws {
        let layout = try MustacheTemplate(name: "layout.mustache", source: "[{{$title}}default{{/title}}]")
        let renderer = MustacheRenderer(partials: { $0 == "layout" ? layout : nil })
        #expect(throws: MustacheError(template: "doc.mustache", line: 1, column: 22,
                                      message: "blocks nest more than 64 deep at 'title': does its override contain the block itself?")) {
            try renderer.render(MustacheTemplate(name: "doc.mustache", source: "{{<layout}}{{$title}}{{$title}}{{/title}}{{/title}}{{/layout}}"),
                                context: [:])
        }
    }

    @Test func partialsThatMultiplyStopWithAnError() throws {
        // p0 includes p1 twice, p1 includes p2 twice, …: 2^40 renders without a bound.
        var partials: [String: MustacheTemplate] = [:]
        for level in 0..<40 {
            partials["p\(level)"] = try MustacheTemplate(name: "p\(level)", source: "{{> p\(level + 1)}}{{> p\(level + 1)}}")
        }
        partials["p40"] = try MustacheTemplate(name: "p40", source: "x")
        let known = partials
        let renderer = MustacheRenderer(partials: { known[$0] })
        #expect(throws: MustacheError.self) { try renderer.render(MustacheTemplate(name: "t", source: "{{> p0}}"), context: [:]) }
        let big = MustacheRenderer(partials: { known[$0] }, maximumOutput: 1000)
        #expect(throws: MustacheError.self, "output past the bound") {
            try big.render(MustacheTemplate(name: "t", source: "{{#items}}0123456789{{/items}}"), context: ["items": .list(Array(repeating: true, count: 500))])
        }
    }
}

extension RendererTests {
    /// One line of 200,000 tags: the lexer's place of each tag is found by a cursor, not by
    /// counting from the start, or this test would not finish (no time is measured). The last
    /// tag's place shows the columns are right.
    @Test func oneLineOfTwoHundredThousandTagsParses() throws {
        let source = String(repeating: "{{a}}", count: 200_000) + "{{/b}}"
        #expect(throws: MustacheError(template: "t.mustache", line: 1, column: 1_000_001, message: "closing tag 'b' has no open section")) {
            try render(source, ["a": "x"])
        }
        #expect(try render(String(repeating: "{{a}}", count: 200_000), ["a": "x"]).utf8.count == 200_000)
    }
}

@testable import PITKit
import TestSupport
import Testing

/// The cached drafter gives exactly what a full draft gives, on many requests of many shapes.
struct CachedDrafterTests {
    static let library = TemplateLibrary(layers: [.builtIn])

    static let texts = [
        "How many offences were recorded?", "# not a heading", "1. not a list", "- not a bullet", "**not bold** *nor this*",
        "back\\slash \\* and \\# escapes", "<script>alert(1)</script>", "{\\rtf1 \\par}", "& < > \" '", "\u{200F}right to left",
        "🙂 emoji", "\u{301}combining first", "two\nlines", "crlf\r\nline", "  padded  ", "tab\tinside", "1.5 million",
        "trailing backslash \\", "*", "**", "a *b* c", "x_y_z", "[link](http://example.org)",
    ]

    /// References may not hold control characters (line breaks and tabs included).
    static let references = texts.filter { !$0.contains(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\t" }) }

    static let shapes: [(exemptions: [String], variants: [VariantChoice], ncnd: Bool, evidence: [String])] = [
        (["s31"], [], false, []), (["s31"], [.everywhere("statistics")], true, []), (["s24", "s31"], [], false, []),
        (["s23", "s24"], [], true, []), (["s30", "s31"], [.exemptionSection("s30", .against, "ongoing")], false, []),
        (["s43"], [], false, ["third-party", "representations"]), (["s38"], [.everywhere("individual")], true, []),
        (["s36"], [], false, ["qualified-person", "opinion-date", "opinion-basis"]),
    ]

    @Test func cachedDraftsEqualFullDrafts() throws {
        let drafter = try Drafter(library: Self.library)
        let cache = CachedDrafter(drafter)
        var generator = SeededGenerator(seed: 2026)
        for round in 0..<400 {
            let request = Self.request(round, &generator)
            let cached = try cache.draft(request)
            let full = try drafter.draft(request)
            #expect(cached.document == full.document, "round \(round): \(request.reference)")
            #expect(cached.reference == full.reference && cached.questions == full.questions && cached.facts == full.facts)
            #expect(cached.authority == full.authority)
            // Sections shared by the drafts of one preparation still record the files they read.
            #expect(cached.templatesUsed.map(\.path) == full.templatesUsed.map(\.path), "round \(round)")
            for format in OutputFormat.allCases {
                let expected = try format.writer.write(full)
                #expect(try format.writer.write(cached) == expected, "round \(round), \(format)")
                #expect(try cache.write(request, as: format) == expected, "round \(round), \(format) written")
            }
        }
    }

    /// The quality checks find through the cache what they find on a full draft: the shape's
    /// findings and each text's own, wherever it stands (texts here plant placeholders,
    /// irrelevant factors and stray citations as well as hostile Markdown).
    @Test func cachedFindingsEqualFullFindings() throws {
        let drafter = try Drafter(library: Self.library)
        let cache = CachedDrafter(drafter)
        let planted = ["TODO: check this", "[insert date]", "it would cause embarrassment to the force",
                       "the requester's motive is unclear", "section 99 also applies", "the cost of answering is high",
                       "embarrassment is not a relevant factor", "XXX"]
        var generator = SeededGenerator(seed: 77)
        for round in 0..<300 {
            var request = Self.request(round, &generator)
            request.facts = request.facts.map { Bool.random(using: &generator) ? planted.randomElement(using: &generator)! : $0 }
            request.questions = request.questions.map { Bool.random(using: &generator) ? planted.randomElement(using: &generator)! : $0 }
            #expect(try cache.findings(request) == drafter.findings(request), "round \(round)")
            request.strict = true
            for format in [OutputFormat.text, .markdown] {
                let expected = Result { try drafter.write(request, as: format) }
                let cached = Result { try cache.write(request, as: format) }
                switch (expected, cached) {
                case (.success(let full), .success(let fromCache)): #expect(full == fromCache, "round \(round), \(format)")
                case (.failure(let full as ChecksFailed), .failure(let fromCache as ChecksFailed)):
                    #expect(full.lines == fromCache.lines, "round \(round), \(format)")
                default: Issue.record("round \(round), \(format): \(expected) but the cache gave \(cached)")
                }
            }
        }
    }

    /// With the authority's Word template, the .docx the cache writes is a full draft's too: the
    /// same template, body, list numbering after the template's own, footer and dates.
    @Test(arguments: [true, false])
    func cachedDocxWithAReferenceEqualsFullDrafts(templateHasFooter: Bool) throws {
        var word = WordLikeDocx()
        word.hasFooter = templateHasFooter
        let reference = try ReferenceDocx(bytes: word.bytes, name: "house.docx")
        let cache = CachedDrafter(try Drafter(library: Self.library, referenceDocx: reference))
        let writer = DOCXWriter(reference: reference)
        var generator = SeededGenerator(seed: 1000)
        for round in 0..<150 {
            let request = Self.request(round, &generator)
            let full = try cache.drafter.draft(request)
            #expect(try cache.write(request, as: .docx) == writer.write(full), "round \(round): \(request.reference)")
            #expect(try cache.write(request, as: .text) == TextWriter().write(full), "round \(round)")
        }
    }

    /// A request of round's shape with random hostile texts.
    static func request(_ round: Int, _ generator: inout SeededGenerator) -> DraftRequest {
        let shape = shapes[round % shapes.count]
        var request = DraftRequest(reference: references.randomElement(using: &generator)!, exemptionIDs: shape.exemptions,
                                   date: DocumentDate(year: 2026, month: Int.random(in: 1...12, using: &generator), day: 3)!)
        request.variantChoices = shape.variants
        request.neitherConfirmNorDeny = shape.ncnd
        request.evidence = shape.evidence.map { name in
            (name, name.hasSuffix("-date") ? "2023-0\(Int.random(in: 1...9, using: &generator))-05" : texts.randomElement(using: &generator)!)
        }
        if shape.exemptions == ["s30", "s31"] { request.relation = Bool.random(using: &generator) ? .alternative : .separateParts }
        request.outcome = Outcome.allCases.randomElement(using: &generator)!
        if Bool.random(using: &generator) { request.authorityKind = [AuthorityKind.police, .council, .health, .other].randomElement(using: &generator)! }
        // Up to four items: a shape of lists is drafted with two of each, then made to have more or fewer.
        request.questions = (0..<Int.random(in: 0...4, using: &generator)).map { _ in texts.randomElement(using: &generator)! }
        request.facts = (0..<Int.random(in: 0...4, using: &generator)).map { _ in texts.randomElement(using: &generator)! }
        if Bool.random(using: &generator) { request.authorityName = references.randomElement(using: &generator)! }
        if shape.exemptions != ["s23", "s24"], Bool.random(using: &generator) { request.likelihood = .would }
        return request
    }

    @Test func shapeErrorsAreTheSameFromTheCache() throws {
        let drafter = CachedDrafter(try Drafter(library: Self.library))
        var request = DraftRequest(reference: "1", exemptionIDs: ["s31"], date: DocumentDate(year: 2026, month: 1, day: 1)!)
        request.variantChoices = [.everywhere("nonesuch")]
        let first = #expect(throws: PITError.self) { try drafter.draft(request) }
        request.reference = "2"
        let second = #expect(throws: PITError.self) { try drafter.draft(request) }
        #expect(first == second)
    }

    /// A remembered failure names the exemption as the request at hand spells it, not as the
    /// request that failed first did (found by fuzzing: batch rows `S99x` then `s99x`).
    @Test func aRememberedFailureNamesTheIdAsThisRequestSpellsIt() throws {
        let drafter = CachedDrafter(try Drafter(library: Self.library))
        for id in ["S99x", "s99x", "S99X"] {
            let request = DraftRequest(reference: "1", exemptionIDs: [id], date: DocumentDate(year: 2026, month: 1, day: 1)!)
            let drafted = #expect(throws: PITError.self) { try drafter.draft(request) }
            let written = #expect(throws: PITError.self) { try drafter.write(request, as: .text) }
            for error in [drafted, written] {
                #expect(error?.message.contains("'\(id)'") == true, "\(error?.message ?? "")")
            }
        }
    }

    /// The regime is part of a draft's shape: the same id drafts differently under FOIA and FOISA,
    /// and `--emissions` turns a draft into a refusal, however the cache was filled.
    @Test func theRegimeIsPartOfTheShape() throws {
        let drafter = CachedDrafter(try Drafter(library: Self.library))
        var request = DraftRequest(reference: "R/1", exemptionIDs: ["s35"], date: DocumentDate(year: 2026, month: 1, day: 1)!)
        let foia = try TextWriter().write(drafter.draft(request))
        request.regime = .foisa
        let foisa = try TextWriter().write(drafter.draft(request))
        #expect(foia != foisa)
        #expect(foisa == (try TextWriter().write(drafter.drafter.draft(request))))
        #expect(String(decoding: foisa, as: UTF8.self).contains("Section 35(1)(a)(b) – Law enforcement"))
        var environmental = DraftRequest(reference: "R/2", exemptionIDs: ["12-5-g"], date: DocumentDate(year: 2026, month: 1, day: 1)!)
        environmental.regime = .eir
        environmental.evidence = []
        environmental.emissions = true
        #expect(throws: PITError.self) { try drafter.draft(environmental) }
    }

    /// A house layout that runs the questions into one paragraph and puts each fact under a
    /// heading of its own breaks the pattern a shape of two items is expanded by: the cache then
    /// drafts each number of items in full, and still gives what a full draft gives.
    @Test func listsTheExpansionCannotFollowAreDraftedInFull() throws {
        let house = TemplateLayer(name: "house", displayRoot: "house", files: [
            "document.mustache": """
                {{<layout}}{{$request}}## The request

                You asked: {{#questions}}{{.}}; {{/questions}}

                {{/request}}{{/layout}}
                """,
            "partials/case-facts.mustache": "{{#facts}}\n### Point\n\n{{.}}\n\n{{/facts}}\n",
        ])
        let library = TemplateLibrary(layers: [.builtIn, house])
        let drafter = try Drafter(library: library)
        let cache = CachedDrafter(drafter)
        for count in [1, 2, 3, 4, 2, 1] {
            var request = DraftRequest(reference: "R/\(count)", exemptionIDs: ["s31"], date: DocumentDate(year: 2026, month: 5, day: 1)!)
            request.questions = (0..<count).map { "question \($0)" }
            request.facts = (0..<count).map { "fact \($0) on the cost of answering" }
            #expect(try cache.draft(request).document == drafter.draft(request).document, "\(count) items")
            #expect(try cache.findings(request) == drafter.findings(request), "\(count) items")
        }
    }

    /// The built-in layout follows the pattern: two questions and two facts become any number.
    @Test func theBuiltInLayoutExpands() throws {
        let document = Document(blocks: [
            .heading(level: 2, content: [.text("The request")]),
            .list(ordered: true, items: [[.text("\(Placeholder.text(5))")], [.text("\(Placeholder.text(6))")]]),
            .paragraph([.text("Before")]),
            .paragraph([.text("\(Placeholder.text(7)) said")]), .paragraph([.text("\(Placeholder.text(8)) said")]),
        ])
        let lists = [ListExpansion.List(first: 5, second: 6), ListExpansion.List(first: 7, second: 8)]
        let expansion = try #require(ListExpansion(document, lists: lists))
        let (three, lines) = expansion.expand(document, counts: [3, 1], starts: [5, 8])
        #expect(three == Document(blocks: [
            .heading(level: 2, content: [.text("The request")]),
            .list(ordered: true, items: [[.text(Placeholder.text(5))], [.text(Placeholder.text(6))], [.text(Placeholder.text(7))]]),
            .paragraph([.text("Before")]),
            .paragraph([.text("\(Placeholder.text(8)) said")]),
        ]))
        // Heading 1, items 3 and 4 (a copy at 5), paragraphs 6 and 8 (now 7 and 9); the second fact is gone.
        #expect([1, 3, 6, 8].map(lines.moved) == [1, 3, 7, 9] && lines.moved(4) == nil && lines.moved(10) == nil)
        #expect(lines.copies == [4: [4, 5]])
        // Two items in one unit, an item in a heading, or a second item unlike the first: no expansion.
        let joined = Document(blocks: [.paragraph([.text("\(Placeholder.text(5)); \(Placeholder.text(6))")])])
        #expect(ListExpansion(joined, lists: [lists[0]]) == nil)
        let heading = Document(blocks: [.heading(level: 3, content: [.text(Placeholder.text(5))]), .paragraph([.text(Placeholder.text(6))])])
        #expect(ListExpansion(heading, lists: [lists[0]]) == nil)
        let unlike = Document(blocks: [.paragraph([.text(Placeholder.text(5))]), .paragraph([.strong([.text(Placeholder.text(6))])])])
        #expect(ListExpansion(unlike, lists: [lists[0]]) == nil)
    }
}

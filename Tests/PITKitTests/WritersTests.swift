import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PITKit
import TestSupport
import Testing

/// Each writer over the one document model: its structure, and hostile text kept literal.
struct WritersTests {
    // MARK: - Fixtures

    static let date = DocumentDate(year: 2026, month: 11, day: 21)!

    /// The default s31 PIT from the built-in library.
    static func drafted(_ configure: (inout DraftRequest) -> Void = { _ in }) throws -> Draft {
        var request = DraftRequest(reference: "658A/22", exemptionIDs: ["s31"], date: date)
        configure(&request)
        return try Drafter(library: TemplateLibrary(layers: [.builtIn])).draft(request)
    }

    /// A drafted PIT carrying `document` (and `reference`) in place of its own.
    static func draft(_ document: Document, reference: String = "658A/22") throws -> Draft {
        let base = try drafted()
        return Draft(reference: reference, date: base.date, authority: base.authority, regime: base.regime, neitherConfirmNorDeny: false,
                     outcome: .withhold, exemptions: base.exemptions, questions: [], facts: [], document: document,
                     templatesUsed: base.templatesUsed)
    }

    static let hostile = [
        "<script>alert(1)</script>", "{\\rtf1 \\par}", "& < > \" '", "# not a heading", "**not bold**",
        "right\u{200F}to-left mark", "smile 🙂", "1. not a list", "- not an item", "[link](x) `code` _under_ a|b &amp;",
    ]

    /// Every hostile text as a heading, a paragraph, a list item of each kind, and inside emphasis.
    static let hostileDocument = Document(blocks: [.heading(level: 1, content: [.text(hostile[0])])]
        + hostile.map { .heading(level: 2, content: [.text($0)]) }
        + hostile.map { .paragraph([.text($0)]) }
        + [.list(ordered: false, items: hostile.map { [.text($0)] }),
           .list(ordered: true, items: hostile.map { [.text($0)] }),
           .paragraph([.strong([.text(hostile[2])]), .text(" and "), .emphasis([.text(hostile[4])])])])

    /// The text of each paragraph a word processor shows for `document`, list items prefixed as
    /// the RTF writer numbers them.
    static func paragraphTexts(_ document: Document, bullet: (Bool, Int) -> String = { _, _ in "" }) -> [String] {
        document.blocks.flatMap { block -> [String] in
            switch block {
            case .heading(_, let content), .paragraph(let content): return [content.plainText]
            case .list(let ordered, let items):
                return items.enumerated().map { bullet(ordered, $0.offset + 1) + $0.element.plainText }
            }
        }
    }

    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - Output formats

    @Test func formatsAndTheirExtensions() {
        #expect(OutputFormat.allCases.map(\.rawValue) == ["text", "markdown", "html", "rtf", "docx", "json"])
        #expect(OutputFormat.allCases.map(\.fileExtension) == ["txt", "md", "html", "rtf", "docx", "json"])
        #expect(OutputFormat.allCases.filter { $0.isBinary } == [.docx])
        #expect(OutputFormat(fileName: "out/draft.HTM") == .html)
        #expect(OutputFormat(fileName: "draft.markdown") == .markdown)
        #expect(OutputFormat(fileName: "draft.md") == .markdown)
        #expect(OutputFormat(fileName: "a.b/draft.docx") == .docx)
        #expect(OutputFormat(fileName: "a.b/draft") == nil)
        #expect(OutputFormat(fileName: "draft.pdf") == nil)
    }

    @Test func everyWriterWritesEveryHeadingOfTheDraft() throws {
        let draft = try Self.drafted()
        let headings = draft.document.blocks.compactMap { block -> String? in
            if case .heading(_, let content) = block { return content.plainText }
            return nil
        }
        #expect(headings.contains("Balancing test"))
        for format in OutputFormat.allCases where format != .docx {
            let output = Self.string(try format.writer.write(draft))
            for heading in headings { #expect(output.contains(heading), "\(format): \(heading)") }
        }
    }

    // MARK: - Markdown

    @Test func markdownReadsBackToTheSameDocument() throws {
        let markdown = Self.string(MarkdownWriter().write(try Self.draft(Self.hostileDocument)))
        #expect(MarkdownReader.read(markdown) == Self.hostileDocument)
        let drafted = try Self.drafted()
        #expect(MarkdownReader.read(Self.string(MarkdownWriter().write(drafted))) == drafted.document)
    }

    @Test func markdownEscapesMarkupAndStaysReadable() throws {
        let document = Document(blocks: [
            .heading(level: 9, content: [.text("Deep")]),
            .paragraph([.text("# not a heading")]),
            .paragraph([.text("12. not a list, 3. Section 31(1)(a) – fine.")]),
            .paragraph([.text("**not bold** <b> & &amp; _x_ [y] !")]),
            .paragraph([.strong([.text(" padded ")]), .text("x")]),
            .list(ordered: false, items: [[.text("- one")]]),
            .list(ordered: false, items: [[.text("two")]]),
        ])
        let markdown = Self.string(MarkdownWriter().write(try Self.draft(document)))
        #expect(markdown == """
            ###### Deep

            \\# not a heading

            12\\. not a list, 3. Section 31(1)(a) – fine.

            \\*\\*not bold\\*\\* \\<b\\> & \\&amp; \\_x\\_ \\[y\\] \\!

             **padded** x

            - \\- one

            * two

            """)
    }

    // MARK: - HTML

    @Test func htmlIsAStandalonePrintablePage() throws {
        let document = Document(blocks: [
            .heading(level: 0, content: [.text("Title")]),
            .heading(level: 2, content: [.text("Section")]),
            .heading(level: 9, content: [.text("Deep")]),
            .paragraph([.text("Plain "), .strong([.text("bold "), .emphasis([.text("both")])]), .text(" "), .emphasis([.text("it")])]),
            .list(ordered: false, items: [[.text("a")], [.text("b")]]),
            .list(ordered: true, items: [[.text("one")]]),
        ])
        let html = Self.string(HTMLWriter().write(try Self.draft(document, reference: "658A/22")))
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>Public Interest Test – 658A/22</title>"))
        #expect(html.contains("@page {\n  size: A4;"))
        #expect(html.contains("font-family: Georgia, \"Times New Roman\", Times, serif"))
        #expect(html.contains("<h1>Title</h1>\n<h2>Section</h2>\n<h6>Deep</h6>"))
        #expect(html.contains("<p>Plain <strong>bold <em>both</em></strong> <em>it</em></p>"))
        #expect(html.contains("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>one</li>\n</ol>"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func htmlKeepsHostileTextLiteral() throws {
        let html = Self.string(HTMLWriter().write(try Self.draft(Self.hostileDocument, reference: Self.hostile[0])))
        #expect(html.contains("<title>Public Interest Test – &lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&amp; &lt; &gt; &quot; &#39;"))
        #expect(html.contains("&amp;amp;"))
        // Each block's text, tags removed and references decoded, is the model's text.
        let texts = HTMLText.blocks(html)
        #expect(texts == Self.paragraphTexts(Self.hostileDocument))
    }

    // MARK: - RTF

    @Test func rtfHasFontsStylesAndOutlineLevels() throws {
        let rtf = Self.string(RTFWriter().write(try Self.drafted()))
        #expect(rtf.hasPrefix("{\\rtf1\\ansi"))
        #expect(rtf.contains("\\deff0"))
        #expect(rtf.contains("{\\fonttbl{\\f0\\froman"))
        #expect(rtf.contains("Normal;}"))
        #expect(rtf.contains("\\s1\\keepn"))
        #expect(rtf.contains("\\outlinelevel0"))
        #expect(rtf.contains("heading 1;}"))
        #expect(rtf.contains("heading 2;}"))
        #expect(rtf.contains("\\pard\\plain\\s1\\keepn\\sb0\\sa120\\outlinelevel0\\b\\f1\\fs32\\lang2057 Public Interest Test\\par"))
        #expect(rtf.contains("{\\b Request reference:} 658A/22\\par"))
        #expect(rtf.contains("{\\listtext\\pard\\plain\\f0\\fs24 \\u8226?\\tab}\\pard\\plain\\s7"))
        #expect(rtf.contains("\\ls1\\ilvl0 Section 31(1)(a)(b) \\u8211? Law enforcement\\par"))
        #expect(rtf.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(RTFTextReader.bracesBalance(rtf))
        #expect(rtf.hasSuffix("}\n"))
    }

    @Test func rtfKeepsHostileTextLiteral() throws {
        let rtf = Self.string(RTFWriter().write(try Self.draft(Self.hostileDocument)))
        #expect(rtf.contains("\\{\\\\rtf1 \\\\par\\}"))
        #expect(rtf.contains("smile \\u-10179?\\u-8638?"))  // U+1F642 as the surrogates D83D DE42
        #expect(rtf.contains("right\\u8207?to-left"))
        #expect(rtf.contains("{\\b & < > \" '} and {\\i **not bold**}"))
        #expect(rtf.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(RTFTextReader.bracesBalance(rtf))
        let expected = Self.paragraphTexts(Self.hostileDocument) { ordered, number in ordered ? "\(number).\t" : "•\t" }
        #expect(RTFTextReader.paragraphs(rtf) == expected)
    }

    @Test func rtfEscapesControlsAndBreaks() {
        #expect(RTFWriter.escape("a\tb\nc\u{01}d\u{7F}é") == "a\\tab b\\line cd\\u233?")
        #expect(RTFWriter.escape("\u{FFFF}\u{10FFFF}") == "\\u-1?\\u-9217?\\u-8193?")
    }

    // MARK: - DOCX

    static let docxParts = [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
        "word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/footer1.xml", "word/_rels/document.xml.rels",
    ]

    @Test func docxIsAWellFormedPackage() throws {
        let bytes = DOCXWriter().write(try Self.drafted())
        let package = try CheckedZipReader(bytes)
        #expect(package.entries.map(\.name) == Self.docxParts)
        for entry in package.entries {
            #expect(try Self.parse(entry.data) != nil, "\(entry.name)")
        }
        let styles = Self.string(package["word/styles.xml"] ?? [])
        for id in ["Normal", "Heading1", "Heading2", "ListParagraph"] { #expect(styles.contains("w:styleId=\"\(id)\"")) }
        #expect(styles.contains("<w:name w:val=\"heading 1\"/>"))
        #expect(styles.contains("<w:outlineLvl w:val=\"0\"/>"))
        #expect(styles.contains("<w:outlineLvl w:val=\"1\"/>"))
        let core = Self.string(package["docProps/core.xml"] ?? [])
        #expect(core.contains("<dc:title>Public Interest Test – 658A/22</dc:title>"))
        let contentTypes = Self.string(package["[Content_Types].xml"] ?? [])
        for part in Self.docxParts where part.hasSuffix(".xml") && part != "[Content_Types].xml" {
            #expect(contentTypes.contains("PartName=\"/\(part)\""), "\(part)")
        }
        #expect(bytes == DOCXWriter().write(try Self.drafted()))
    }

    @Test func docxListsUseOneNumberingInstanceEach() throws {
        let document = Document(blocks: [
            .list(ordered: false, items: [[.text("a")]]),
            .list(ordered: true, items: [[.text("one")], [.text("two")]]),
            .list(ordered: true, items: [[.text("again one")]]),
        ])
        let package = try CheckedZipReader(DOCXWriter().write(try Self.draft(document)))
        let body = Self.string(package["word/document.xml"] ?? [])
        #expect(body.components(separatedBy: "<w:numId w:val=\"2\"/>").count == 3)
        #expect(body.contains("<w:numId w:val=\"3\"/>"))
        let numbering = Self.string(package["word/numbering.xml"] ?? [])
        #expect(numbering.contains("<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"))
        #expect(numbering.contains("<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"))
        #expect(numbering.contains("<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/>"))
    }

    @Test func docxKeepsHostileTextLiteral() throws {
        let package = try CheckedZipReader(DOCXWriter().write(try Self.draft(Self.hostileDocument, reference: Self.hostile[2])))
        let body = package["word/document.xml"] ?? []
        let xml = Self.string(body)
        #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!xml.contains("<script"))
        #expect(xml.contains("<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">&amp; &lt; &gt; &quot; &#39;</w:t></w:r>"))
        #expect(xml.components(separatedBy: "<w:t>").count == 1)  // every w:t preserves spaces
        #expect(try Self.wordParagraphs(body) == Self.paragraphTexts(Self.hostileDocument))
        let core = try #require(try Self.parse(package["docProps/core.xml"] ?? []))
        #expect(core.rootElement()?.elements(forName: "dc:title").first?.stringValue == "Public Interest Test – " + Self.hostile[2])
    }

    @Test func docxDropsCharactersXMLForbidsAndWritesTabsAndBreaks() throws {
        let document = Document(blocks: [.paragraph([.text("a\u{01}b\u{0B}c\td\ne")])])
        let package = try CheckedZipReader(DOCXWriter().write(try Self.draft(document)))
        let xml = Self.string(package["word/document.xml"] ?? [])
        #expect(xml.contains("<w:t xml:space=\"preserve\">abc</w:t><w:tab/><w:t xml:space=\"preserve\">d</w:t><w:br/><w:t xml:space=\"preserve\">e</w:t>"))
        #expect(try Self.parse(package["word/document.xml"] ?? []) != nil)
    }

    static func parse(_ bytes: [UInt8]) throws -> XMLDocument? {
        try XMLDocument(data: Data(bytes), options: [.nodePreserveWhitespace])
    }

    /// The text of each `w:p` of a WordprocessingML body.
    static func wordParagraphs(_ bytes: [UInt8]) throws -> [String] {
        let document = try #require(try parse(bytes))
        var paragraphs: [String] = []
        func text(_ node: XMLNode) -> String {
            if node.kind == .element && node.localName == "t" { return node.stringValue ?? "" }
            return (node.children ?? []).map(text).joined()
        }
        func visit(_ node: XMLNode) {
            if node.kind == .element && node.localName == "p" {
                paragraphs.append(text(node))
                return
            }
            for child in node.children ?? [] { visit(child) }
        }
        visit(try #require(document.rootElement()))
        return paragraphs
    }

    // MARK: - JSON

    @Test func jsonHasTheStructureInAStableOrder() throws {
        let draft = try Self.drafted { $0.questions = ["How many?"]; $0.facts = ["A fact."] }
        let text = Self.string(JSONWriter().write(draft))
        #expect(text.hasSuffix("}\n"))
        let keys = ["\"pit\"", "\"reference\"", "\"date\"", "\"dateText\"", "\"authority\"", "\"regime\"", "\"neitherConfirmNorDeny\"",
                    "\"exemptions\"", "\"questions\"", "\"facts\"", "\"title\"", "\"sections\"", "\"provenance\""]
        let positions = keys.map { text.range(of: "\n  \($0): ")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())

        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((json["pit"] as? [String: Any])?["version"] as? String == pitVersion)
        #expect(json["reference"] as? String == "658A/22")
        #expect(json["date"] as? String == "2026-11-21")
        #expect(json["dateText"] as? String == "21 November 2026")
        #expect(json["neitherConfirmNorDeny"] as? Bool == false)
        let regime = try #require(json["regime"] as? [String: String])
        #expect(regime == ["id": "foia", "name": "Freedom of Information Act 2000", "abbreviation": "FOIA"])
        #expect(json["questions"] as? [String] == ["How many?"])
        #expect(json["facts"] as? [String] == ["A fact."])
        #expect(json["title"] as? String == "Public Interest Test")
        let exemption = try #require((json["exemptions"] as? [[String: Any]])?.first)
        #expect(exemption["id"] as? String == "s31")
        #expect(exemption["citation"] as? String == "Section 31(1)(a)(b)")
        #expect(exemption["kind"] as? String == "prejudice")
        #expect(exemption["likelihood"] as? String == "would be likely to")
        #expect((exemption["limbs"] as? [[String: String]])?.map { $0["letter"] } == ["a", "b"])
        #expect((exemption["sections"] as? [[String: String]])?.map { $0["section"] } == ["harm", "for", "against", "balance"])

        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.map { $0["heading"] as? String }.contains("Balancing test"))
        #expect(sections.first?["level"] as? Int == 1)
        let exemptionsApplied = try #require(sections.first { $0["heading"] as? String == "Exemption applied" })
        let list = try #require((exemptionsApplied["blocks"] as? [[String: Any]])?.first)
        #expect(list["type"] as? String == "list")
        #expect(list["ordered"] as? Bool == false)
        #expect(list["items"] as? [String] == ["Section 31(1)(a)(b) – Law enforcement"])

        let provenance = try #require(json["provenance"] as? [String: Any])
        #expect(provenance["pitVersion"] as? String == pitVersion)
        let templates = try #require(provenance["templates"] as? [[String: String]])
        #expect(templates.count == draft.templatesUsed.count)
        for (entry, file) in zip(templates, draft.templatesUsed) {
            #expect(entry["path"] == file.path)
            #expect(entry["layer"] == "built-in")
            #expect(entry["sha256"] == SHA256.hexDigest(Array(file.text.utf8)))
        }
        #expect(templates.contains { $0["path"] == "document.mustache" })
    }

    @Test func jsonSectionsStartWithHeadinglessBlocksAndKeepHostileText() throws {
        let document = Document(blocks: [.paragraph([.text("before")])] + Self.hostileDocument.blocks)
        let text = Self.string(JSONWriter().write(try Self.draft(document, reference: Self.hostile[2])))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["reference"] as? String == Self.hostile[2])
        #expect(json["title"] as? String == Self.hostile[0])
        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections[0]["heading"] is NSNull)
        #expect(sections[0]["level"] is NSNull)
        #expect(sections.dropFirst().map { $0["heading"] as? String } == [Self.hostile[0]] + Self.hostile)
        let blocks = try #require(sections.last?["blocks"] as? [[String: Any]])
        #expect(blocks.compactMap { $0["text"] as? String }.prefix(Self.hostile.count) == ArraySlice(Self.hostile))
        #expect(blocks.compactMap { $0["items"] as? [String] } == [Self.hostile, Self.hostile])
    }

    @Test func jsonStringEscaping() {
        #expect(JSONValue.quoted("a\"b\\c\nd\te\r\u{01}\u{1F}é🙂\u{2028}/") == "\"a\\\"b\\\\c\\nd\\te\\r\\u0001\\u001fé🙂\\u2028/\"")
        #expect(JSONValue.object([]).encoded() == "{}")
        #expect(JSONValue.array([]).encoded() == "[]")
        #expect(JSONValue.object([("a", .array([.null, .bool(true)]))]).encoded() == "{\n  \"a\": [\n    null,\n    true\n  ]\n}")
    }
}

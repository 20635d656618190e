import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PITKit
import TestSupport
import Testing

/// The parts that make the documents fit an office, each read back: Word's settings, footer and
/// properties; RTF's lists and footer; HTML's printed page; Markdown's escapes as GFM and pandoc
/// read them.
struct DocumentPartsTests {
    static let listDocument = Document(blocks: [
        .heading(level: 1, content: [.text("Title")]),
        .list(ordered: false, items: [[.text("a")], [.text("b")]]),
        .paragraph([.text("After the bullets.")]),
        .list(ordered: true, items: [[.text("one")], [.text("two")], [.text("three")]]),
        .list(ordered: true, items: [[.text("again one")]]),
    ])

    static func package(_ draft: Draft) throws -> CheckedZipReader { try CheckedZipReader(DOCXWriter().write(draft)) }

    static func xml(_ bytes: [UInt8]?) throws -> XMLElement {
        let document = try XMLDocument(data: Data(try #require(bytes)), options: [.nodePreserveWhitespace])
        return try #require(document.rootElement())
    }

    static func values(_ element: XMLElement, _ path: String) throws -> [String] {
        try element.nodes(forXPath: path).compactMap(\.stringValue)
    }

    // MARK: - DOCX

    @Test func docxSettingsAreWordsOwnCompatibilityMode() throws {
        let package = try Self.package(WritersTests.drafted())
        let settings = try Self.xml(package["word/settings.xml"])
        #expect(try Self.values(settings, "//*[local-name()='compatSetting'][@*[local-name()='name']='compatibilityMode']/@*[local-name()='val']") == ["15"])
        #expect(try Self.values(settings, "//*[local-name()='compatSetting'][@*[local-name()='name']='compatibilityMode']/@*[local-name()='uri']")
            == ["http://schemas.microsoft.com/office/word"])
        let relationships = WritersTests.string(package["word/_rels/document.xml.rels"] ?? [])
        #expect(relationships.contains("relationships/settings\" Target=\"settings.xml\""))
        let types = WritersTests.string(package["[Content_Types].xml"] ?? [])
        #expect(types.contains("PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\""))
    }

    @Test func docxFooterHasTheReferenceAndPageXOfY() throws {
        let reference = "658A/22 <&> \"x\""
        let package = try Self.package(WritersTests.draft(Self.listDocument, reference: reference))
        let footer = try Self.xml(package["word/footer1.xml"])
        #expect(try Self.values(footer, "//*[local-name()='fldSimple']/@*[local-name()='instr']") == [" PAGE ", " NUMPAGES "])
        #expect(try WritersTests.wordParagraphs(package["word/footer1.xml"] ?? []) == ["Public Interest Test – \(reference) · Page 1 of 1"])
        // The section's footer is that part, through the document's relationships.
        let body = try Self.xml(package["word/document.xml"])
        let id = try #require(try Self.values(body, "//*[local-name()='sectPr']/*[local-name()='footerReference'][@*[local-name()='type']='default']/@*[local-name()='id']").first)
        let relationships = try OPCParts.relationships(package["word/_rels/document.xml.rels"] ?? [])
        #expect(relationships.first { $0.id == id }?.target == "footer1.xml")
        #expect(relationships.first { $0.id == id }?.type == OPCParts.RelationshipType.footer)
    }

    @Test func docxCorePropertiesHaveTheTitleAndTheDocumentDate() throws {
        let package = try Self.package(WritersTests.drafted { $0.date = DocumentDate(year: 2022, month: 6, day: 1)! })
        let core = try Self.xml(package["docProps/core.xml"])
        #expect(try Self.values(core, "//*[local-name()='title']") == ["Public Interest Test – 658A/22"])
        #expect(try Self.values(core, "//*[local-name()='created']") == ["2022-06-01T00:00:00Z"])
        #expect(try Self.values(core, "//*[local-name()='modified']") == ["2022-06-01T00:00:00Z"])
        #expect(try Self.values(core, "//*[local-name()='created']/@*[local-name()='type']") == ["dcterms:W3CDTF"])
    }

    @Test func docxListsSitTogetherAndKeepAParagraphsSpaceAfter() throws {
        let package = try Self.package(WritersTests.draft(Self.listDocument))
        let styles = try Self.xml(package["word/styles.xml"])
        func style(_ id: String) throws -> XMLElement {
            try #require(try styles.nodes(forXPath: "//*[local-name()='style'][@*[local-name()='styleId']='\(id)']").first as? XMLElement)
        }
        // List Paragraph: based on Compact (pandoc reads its items as a tight list), no space
        // between items (contextual spacing), the paragraphs' own space after the last item.
        #expect(try Self.values(style("ListParagraph"), "*[local-name()='basedOn']/@*[local-name()='val']") == ["Compact"])
        #expect(try style("ListParagraph").nodes(forXPath: "*[local-name()='pPr']/*[local-name()='contextualSpacing']").count == 1)
        #expect(try style("ListParagraph").nodes(forXPath: "*[local-name()='pPr']/*[local-name()='spacing']").isEmpty)
        #expect(try Self.values(style("Compact"), "*[local-name()='name']/@*[local-name()='val']") == ["Compact"])
        #expect(try Self.values(styles, "//*[local-name()='pPrDefault']//*[local-name()='spacing']/@*[local-name()='after']") == ["160"])
        let body = try Self.xml(package["word/document.xml"])
        let listStyles = try Self.values(body, "//*[local-name()='p'][*[local-name()='pPr']/*[local-name()='numPr']]/*[local-name()='pPr']/*[local-name()='pStyle']/@*[local-name()='val']")
        #expect(listStyles == Array(repeating: "ListParagraph", count: 6))
    }

    // MARK: - RTF

    @Test func rtfListsAreRealListsOnePerList() throws {
        let rtf = WritersTests.string(RTFWriter().write(try WritersTests.draft(Self.listDocument)))
        #expect(rtf.contains("{\\*\\listtable"))
        #expect(rtf.contains("{\\*\\listoverridetable"))
        // One list per list of the document: bullets (\levelnfc23), then two decimal lists (0).
        let definitions = rtf.components(separatedBy: "{\\list\\listtemplateid").dropFirst()
        #expect(definitions.map { $0.contains("\\levelnfc23") } == [true, false, false])
        #expect(definitions.map { $0.contains("\\levelnfc0\\") } == [false, true, true])
        #expect(definitions.allSatisfy { $0.contains("\\levelstartat1") })
        for number in 1...3 {
            #expect(rtf.contains("{\\listoverride\\listid\(number)\\listoverridecount0\\ls\(number)}"))
        }
        // Each item names its list; its number or bullet is also given as \listtext for readers
        // without lists.
        let items = rtf.split(separator: "\n").filter { $0.contains("\\ls") && $0.hasPrefix("{\\listtext") }
        #expect(items.map { $0.contains("\\ls1\\ilvl0") } == [true, true, false, false, false, false])
        #expect(items.map { $0.contains("\\ls2\\ilvl0") } == [false, false, true, true, true, false])
        #expect(items.last?.contains("\\ls3\\ilvl0") == true)
        #expect(items.last?.hasPrefix("{\\listtext\\pard\\plain\\f0\\fs24 1.\\tab}") == true)
        #expect(RTFTextReader.bracesBalance(rtf))
    }

    @Test func rtfListItemsAreAListParagraphStyleWithContextualSpacing() throws {
        let rtf = WritersTests.string(RTFWriter().write(try WritersTests.draft(Self.listDocument)))
        #expect(rtf.contains("{\\s7\\sa160\\sl276\\slmult1\\f0\\fs24\\lang2057\\contextualspace\\fi-360\\li720\\tx720\\sbasedon0\\snext7 List Paragraph;}"))
        let items = rtf.split(separator: "\n").filter { $0.hasPrefix("{\\listtext") }
        #expect(items.count == 6)
        #expect(items.allSatisfy { $0.contains("}\\pard\\plain\\s7\\sa160") })
        #expect(rtf.contains("\\pard\\plain\\s0\\sa160\\sl276\\slmult1\\f0\\fs24\\lang2057 After the bullets.\\par"))
    }

    @Test func rtfFooterHasTheReferenceAndPageFields() throws {
        let reference = "{\\par} 658A/22 – é"
        let rtf = WritersTests.string(RTFWriter().write(try WritersTests.draft(Self.listDocument, reference: reference)))
        #expect(rtf.contains("{\\field{\\*\\fldinst PAGE}{\\fldrslt 1}} of {\\field{\\*\\fldinst NUMPAGES}{\\fldrslt 1}}"))
        #expect(RTFTextReader.paragraphs(rtf, destination: "footer") == ["Public Interest Test – \(reference) · Page 1 of 1"])
        #expect(!RTFTextReader.paragraphs(rtf).contains { $0.contains("Page 1 of") })
        #expect(rtf.contains("{\\creatim\\yr2026\\mo11\\dy21\\hr0\\min0}"))
    }

    // MARK: - HTML

    @Test func htmlPrintsTheReferenceAndPageNumbersInThePageMargin() throws {
        let html = WritersTests.string(HTMLWriter().write(try WritersTests.draft(Self.listDocument, reference: "658A/22")))
        let style = try #require(html.components(separatedBy: "<style>\n").last?.components(separatedBy: "</style>").first)
        #expect(style.hasPrefix("@page {\n  size: A4; margin: 2.5cm 2.5cm 2.5cm 2.5cm;\n  @bottom-center { content: \"Public Interest Test – 658A/22 · Page \" counter(page) \" of \" counter(pages);"))
        // Everything after the page rule is the screen's stylesheet, as before it was added.
        #expect(style == HTMLWriter.pageRule("658A/22") + HTMLWriter.stylesheet)
        #expect(!HTMLWriter.stylesheet.contains("@page"))
        #expect(HTMLWriter.pageRule("x").components(separatedBy: "{").count == HTMLWriter.pageRule("x").components(separatedBy: "}").count)
    }

    @Test func htmlPageRuleKeepsAHostileReferenceInsideItsString() throws {
        let reference = "a\" } body { display: none } </style><script>x</script> \\"
        let html = WritersTests.string(HTMLWriter().write(try WritersTests.draft(Self.listDocument, reference: reference)))
        #expect(!html.contains("</style><script>"))
        #expect(html.components(separatedBy: "</style>").count == 2)
        let rule = HTMLWriter.pageRule(reference)
        #expect(rule.contains("content: \"Public Interest Test – a\\22  } body { display: none } \\3c /style\\3e \\3c script\\3e x\\3c /script\\3e  \\5c  · Page \" counter(page)"))
        #expect(CSSString.decode(HTMLWriter.cssString(reference)) == reference)
    }

    // MARK: - Markdown

    static let hostileMarkdown = [
        "~~struck~~ and ~sub~ and ^sup^ and H~2~O", "costs $5, $x$ and $$y$$", "see www.example.org and WWW.Example.com",
        "visit https://example.org/a_b?c=d and http://x.y and mailto:x", "write to foi@example.police.uk or @someone",
        ":smile: :+1: at 10:30", "\"quoted\" and 'single' quotes", "a dash -- and --- and an ellipsis...",
        "a) first", "(a) first", "(@) example", "iv. fourth", "I. Background", "% not a title", ": not a definition",
        "[^1] and ^[inline note] and [@smith, p. 3]", "text {.class} [span]{.x}", "| a | b |", "<b>x</b> &amp; &copy;",
        "`code` *em* _em_", "# not a heading", "1) one",
    ]

    @Test func markdownHostileTextHasNoTriggerOfGFMOrPandoc() throws {
        let document = Document(blocks: Self.hostileMarkdown.map { .paragraph([.text($0)]) }
            + [.list(ordered: false, items: Self.hostileMarkdown.map { [.text($0)] })])
        let markdown = WritersTests.string(MarkdownWriter().write(try WritersTests.draft(document)))
        #expect(MarkdownExtensionTriggers.find(in: markdown) == [])
        // The reading finds each trigger in text left unescaped.
        let unescaped = "~x~ ^y^ $z$ @me \"q\" 'q' a--b c... www.d.e f:g &amp;\n(a) b\n: c\niv. d\n- - e"
        let kinds = MarkdownExtensionTriggers.find(in: unescaped).map { $0.components(separatedBy: ": ").dropFirst().joined(separator: ": ") }
        #expect(kinds == ["'~' at the start of a line", "'~'", "'~'", "'^'", "'^'", "'$'", "'$'", "'@'", "'\"'", "'\"'",
                          "a smart quote", "a smart quote", "a smart dash", "a smart ellipsis", "a smart ellipsis", "a www. autolink",
                          "a URL scheme or emoji", "an entity reference", "'(' at the start of a line", "':' at the start of a line",
                          "a list marker 'iv.'", "'-' at the start of a line"])
        // Still CommonMark: pit's reader (CommonMark escapes) reads the same text back.
        #expect(MarkdownReader.read(markdown) == document)
        // The escapes themselves, where the text would otherwise be read as markup.
        for escaped in ["\\~\\~struck\\~\\~", "\\^sup\\^", "\\$x\\$", "www\\.example.org", "WWW\\.Example.com", "https\\://example.org",
                        "mailto\\:x", "foi\\@example", "\\:smile: \\:+1: at 10:30", "\\\"quoted\\\" and \\'single\\' quotes",
                        "-\\- and -\\-\\- and an ellipsis.\\.\\.", "a\\) first", "\\(a) first", "\\(\\@) example", "iv\\. fourth",
                        "I\\. Background", "\\% not", "\\: not", "1\\) one"] {
            #expect(markdown.contains(escaped), "\(escaped)")
        }
    }

    @Test func markdownTextStaysReadable() throws {
        let document = Document(blocks: [.paragraph([.text("The force's view, at 10:30 on 1.2.2024: a - b; e.g. www (not a URL).")])])
        let markdown = WritersTests.string(MarkdownWriter().write(try WritersTests.draft(document)))
        #expect(markdown == "The force's view, at 10:30 on 1.2.2024: a - b; e.g. www (not a URL).\n")
    }

    /// pandoc, where installed, reads every hostile text back literally as CommonMark, GFM and
    /// its own Markdown — whose smart punctuation still typesets what is not markup: a space after
    /// an abbreviation ("p. 3") becomes a no-break space, and an apostrophe inside a word ’.
    @Test(.enabled(if: Pandoc.isInstalled, "pandoc is not installed: the reading by pandoc itself is skipped"))
    func pandocReadsHostileTextLiterally() throws {
        let document = Document(blocks: Self.hostileMarkdown.map { .paragraph([.text($0)]) })
        let markdown = WritersTests.string(MarkdownWriter().write(try WritersTests.draft(document)))
        for format in ["commonmark", "gfm", "markdown"] {
            let paragraphs = try Pandoc.paragraphTexts(markdown, from: format)
                .map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
            #expect(paragraphs == Self.hostileMarkdown, "\(format)")
        }
    }
}

/// Decodes a CSS string (`"…"` with `\HEX ` escapes), to check the HTML writer's.
enum CSSString {
    static func decode(_ css: String) -> String {
        var scalars = Array(css.unicodeScalars.dropFirst().dropLast())
        var output = String.UnicodeScalarView()
        while !scalars.isEmpty {
            let scalar = scalars.removeFirst()
            guard scalar == "\\" else { output.append(scalar); continue }
            let hex = scalars.prefix { $0.properties.isASCIIHexDigit }
            scalars.removeFirst(hex.count)
            if scalars.first == " " { scalars.removeFirst() }
            output.append(Unicode.Scalar(UInt32(String(String.UnicodeScalarView(hex)), radix: 16)!)!)
        }
        return String(output)
    }
}

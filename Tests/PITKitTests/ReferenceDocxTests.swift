import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PITKit
import TestSupport
import Testing

/// The authority's own Word template as the frame of pit's .docx: a reference made as Word makes
/// one (`WordLikeDocx`), whose styles, numbering, theme, settings, page, header and footer must
/// come through with the draft as the body.
struct ReferenceDocxTests {
    static func reference(_ configure: (inout WordLikeDocx) -> Void = { _ in }) throws -> (bytes: [UInt8], reference: ReferenceDocx) {
        var word = WordLikeDocx()
        configure(&word)
        let bytes = word.bytes
        return (bytes, try ReferenceDocx(bytes: bytes, name: "house.docx"))
    }

    static let document = Document(blocks: [
        .heading(level: 1, content: [.text("Public Interest Test")]),
        .heading(level: 2, content: [.text("Exemption applied")]),
        .list(ordered: false, items: [[.text("Section 31(1)(a)")]]),
        .paragraph([.text("Body & <text>.")]),
        .list(ordered: true, items: [[.text("one")], [.text("two")]]),
    ])

    static func written(_ configure: (inout WordLikeDocx) -> Void = { _ in }) throws -> (source: ZipReader, output: CheckedZipReader) {
        let (bytes, reference) = try Self.reference(configure)
        let draft = try WritersTests.draft(Self.document, reference: "658A/22")
        return (try ZipReader(bytes), try CheckedZipReader(DOCXWriter(reference: reference).write(draft)))
    }

    static func text(_ bytes: [UInt8]?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }

    static func xml(_ bytes: [UInt8]?) throws -> XMLElement {
        let data = try #require(bytes)
        let document = try XMLDocument(data: Data(data), options: [.nodePreserveWhitespace])
        return try #require(document.rootElement())
    }

    @Test func theReferenceFramesTheDraft() throws {
        let (source, output) = try Self.written()
        // Every part parses; the reference's own parts are there, its thumbnail is not.
        for entry in output.entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
            #expect(try Self.xml(entry.data).name != nil, "\(entry.name)")
        }
        let names = output.entries.map(\.name)
        for part in ["word/header1.xml", "word/_rels/header1.xml.rels", "word/media/image1.png", "word/footer1.xml",
                     "word/theme/theme1.xml", "word/fontTable.xml", "word/webSettings.xml", "word/settings.xml"] {
            #expect(names.contains(part), "\(part)")
        }
        #expect(!names.contains("docProps/thumbnail.jpeg"))
        #expect(!names.contains("word/comments.xml"))  // the comments were on the body the draft replaced
        #expect(!Self.text(output["[Content_Types].xml"]).contains("comments"))
        #expect(names.prefix(5) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml"])
        #expect(Set(names).count == names.count)

        // Header, footer, logo, theme and settings byte for byte, copied still deflated.
        for part in ["word/header1.xml", "word/footer1.xml", "word/media/image1.png", "word/theme/theme1.xml", "word/settings.xml"] {
            let original = try #require(source.entry(part))
            #expect(output[part] == (try source.data(original)), "\(part)")
            #expect(output.entries.first { $0.name == part }?.method == original.method, "\(part)")
        }
        #expect(Self.text(output["word/header1.xml"]).contains(WordLikeDocx.headerText))
        #expect(Self.text(output["word/footer1.xml"]).contains(WordLikeDocx.footerText))

        // The body is the draft, in the reference's document element and section properties.
        let body = Self.text(output["word/document.xml"])
        #expect(try WritersTests.wordParagraphs(output["word/document.xml"] ?? []) == WritersTests.paragraphTexts(Self.document))
        #expect(!body.contains(WordLikeDocx.templateBody))
        #expect(body.contains("mc:Ignorable=\"w14 w15\""))
        #expect(body.contains("<w:headerReference w:type=\"default\" r:id=\"rId8\"/><w:footerReference w:type=\"default\" r:id=\"rId9\"/>"))
        #expect(body.contains(WordLikeDocx.pageSize + WordLikeDocx.pageMargins))
        #expect(!body.contains("pitFooter"))
        #expect(!names.contains("word/footer.xml"))
        let relationships = try OPCParts.relationships(output["word/_rels/document.xml.rels"] ?? [])
        #expect(relationships.first { $0.id == "rId8" }?.target == "header1.xml")
        #expect(relationships.first { $0.id == "rId9" }?.target == "footer1.xml")
        #expect(relationships.first { $0.id == "rId7" }?.target == "https://www.example.org/?a=1&b=2")
        #expect(!relationships.contains { $0.id == "rId10" })
    }

    @Test func theReferencesStylesAreUsedAndPitsAddedWhereItLacksThem() throws {
        let (_, output) = try Self.written()
        let styles = Self.text(output["word/styles.xml"])
        // The reference's own styles, untouched.
        #expect(styles.hasPrefix(String(WordLikeDocx.styles.dropLast("</w:styles>".count))))
        #expect(styles.contains("w:styleId=\"\(WordLikeDocx.customStyle)\""))
        #expect(styles.contains("<w:rFonts w:ascii=\"\(WordLikeDocx.bodyFont)\""))
        // Its Heading 1 is used; Heading 2–6, Compact and List Paragraph are added, based on its
        // Normal and in its theme's heading fonts. Its character style with the id ListParagraph
        // keeps that id: pit's List Paragraph takes another.
        let root = try Self.xml(output["word/styles.xml"])
        func names(_ id: String) throws -> [String] {
            try root.nodes(forXPath: "//*[local-name()='style'][@*[local-name()='styleId']='\(id)']/*[local-name()='name']/@*[local-name()='val']").compactMap(\.stringValue)
        }
        #expect(try names("Heading1") == ["heading 1"])
        for level in 2...6 { #expect(try names("Heading\(level)") == ["heading \(level)"]) }
        #expect(try names("PitListParagraph") == ["List Paragraph"])
        #expect(try names("ListParagraph") == ["Not the list paragraph style"])
        #expect(try names("Compact") == ["Compact"])
        #expect(styles.components(separatedBy: "w:styleId=\"Heading1\"").count == 2)
        #expect(styles.contains("<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"))
        #expect(styles.contains(DOCXParts.themeHeadingFonts + "<w:b/>"))
        #expect(!styles.contains("w:ascii=\"Arial\""))

        let body = Self.text(output["word/document.xml"])
        #expect(body.contains("<w:pStyle w:val=\"Heading1\"/>"))
        #expect(body.contains("<w:pStyle w:val=\"Heading2\"/>"))
        #expect(body.components(separatedBy: "<w:pStyle w:val=\"PitListParagraph\"/>").count == 4)
    }

    @Test func pitsListsAreNumberedAfterTheReferencesOwn() throws {
        let (_, output) = try Self.written()
        let numbering = Self.text(output["word/numbering.xml"])
        let root = try Self.xml(output["word/numbering.xml"])
        let children = (root.children ?? []).compactMap { $0 as? XMLElement }.compactMap(\.localName)
        // Definitions first, then instances, as the schema orders them.
        #expect(children == ["abstractNum", "abstractNum", "abstractNum", "abstractNum", "num", "num", "num", "num"])
        #expect(numbering.contains("<w:abstractNum w:abstractNumId=\"3\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"o\"/>"))
        #expect(numbering.contains("<w:abstractNum w:abstractNumId=\"4\">"))
        #expect(numbering.contains("<w:num w:numId=\"5\"><w:abstractNumId w:val=\"4\"/></w:num>"))
        #expect(numbering.contains("<w:num w:numId=\"6\"><w:abstractNumId w:val=\"5\"/><w:lvlOverride"))
        let body = Self.text(output["word/document.xml"])
        #expect(body.components(separatedBy: "<w:numId w:val=\"5\"/>").count == 2)
        #expect(body.components(separatedBy: "<w:numId w:val=\"6\"/>").count == 3)
    }

    @Test func thePackagesOwnPartsArePits() throws {
        let (_, output) = try Self.written()
        let core = try Self.xml(output["docProps/core.xml"])
        #expect(try core.nodes(forXPath: "//*[local-name()='title']").first?.stringValue == "Public Interest Test – 658A/22")
        #expect(Self.text(output["docProps/app.xml"]).contains("<Application>pit "))
        let types = try OPCParts.contentTypes(output["[Content_Types].xml"] ?? [])
        #expect(types.type(of: "word/document.xml") == OPCParts.ContentType.document)
        #expect(types.type(of: "docProps/core.xml") == OPCParts.ContentType.coreProperties)
        #expect(types.type(of: "word/media/image1.png") == "image/png")
        #expect(types.overrides.filter { $0.part == "/word/document.xml" }.count == 1)
        let package = try OPCParts.relationships(output["_rels/.rels"] ?? [])
        #expect(package.map(\.type).sorted() == [OPCParts.RelationshipType.extendedProperties, OPCParts.RelationshipType.officeDocument,
                                                 OPCParts.RelationshipType.coreProperties].sorted())
        #expect(Set(package.map(\.id)).count == 3)
    }

    @Test func aReferenceWithoutAFooterGetsPits() throws {
        let (_, output) = try Self.written { $0.hasFooter = false }
        let footer = Self.text(output["word/footer.xml"])
        #expect(footer.contains("<w:pStyle w:val=\"Footer\"/>"))  // the reference's own Footer style
        #expect(footer.contains("<w:fldSimple w:instr=\" PAGE \">"))
        #expect(try WritersTests.wordParagraphs(output["word/footer.xml"] ?? []) == ["Public Interest Test – 658A/22 · Page 1 of 1"])
        let body = Self.text(output["word/document.xml"])
        #expect(body.contains("<w:sectPr w:rsidR=\"00B1C2D3\" w:rsidSect=\"00B1C2D3\"><w:footerReference w:type=\"default\" r:id=\"pitFooter\"/><w:headerReference"))
        let relationships = try OPCParts.relationships(output["word/_rels/document.xml.rels"] ?? [])
        #expect(relationships.first { $0.id == "pitFooter" }?.target == "footer.xml")
        let types = try OPCParts.contentTypes(output["[Content_Types].xml"] ?? [])
        #expect(types.type(of: "word/footer.xml") == OPCParts.ContentType.footer)
    }

    @Test func templatesAndStreamedArchivesAreRead() throws {
        let (_, output) = try Self.written { $0.isTemplate = true; $0.dataDescriptors = true }
        let types = try OPCParts.contentTypes(output["[Content_Types].xml"] ?? [])
        #expect(types.type(of: "word/document.xml") == OPCParts.ContentType.document)
        #expect(Self.text(output["word/header1.xml"]).contains(WordLikeDocx.headerText))
    }

    @Test func theSameReferenceAndDraftGiveTheSameBytes() throws {
        let draft = try WritersTests.draft(Self.document)
        let first = DOCXWriter(reference: try Self.reference().reference).write(draft)
        let second = DOCXWriter(reference: try Self.reference().reference).write(draft)
        #expect(first == second)
    }

    static let unusable: [(name: String, bytes: [UInt8], reason: String)] = [
        ("not a zip", Array("%PDF-1.7 not a Word document at all".utf8), "it is not a ZIP archive"),
        ("macro-enabled", { var word = WordLikeDocx(); word.isMacroEnabled = true; return word.bytes }(), "it is macro-enabled"),
        ("no content types", TestZip.archive([.init("word/document.xml", text: "<w:document/>")]), "it has no content types"),
        ("spreadsheet", TestZip.archive([
            .init("[Content_Types].xml", text: "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"),
            .init("_rels/.rels", text: "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
        ]), "its main part is not a Word document"),
        ("strict", TestZip.archive([
            .init("[Content_Types].xml", text: "<Types/>"),
            .init("_rels/.rels", text: "<Relationships><Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
        ]), "Strict Open XML"),
        ("missing styles", TestZip.archive(WordLikeDocx().entries.filter { $0.name != "word/styles.xml" }),
         "its styles part 'word/styles.xml' is missing"),
        ("malformed document", {
            var word = WordLikeDocx()
            word.hasHeader = false
            let good = word.bytes
            let zip = try! ZipReader(good)
            return TestZip.archive(zip.entries.map { entry in
                .init(entry.name, entry.name == "word/document.xml" ? Array("<w:document xmlns:w=\"x\"><w:body>".utf8) : try! zip.data(entry))
            })
        }(), "not well-formed XML"),
        // Found by fuzzing: pit decoded `&#0;` and wrote a NUL into its own [Content_Types].xml,
        // and copied a control character in the section properties into its document part.
        ("NUL character reference", editing("[Content_Types].xml") {
            $0.replacingOccurrences(of: "wordprocessingml.styles+xml", with: "wordprocessingml.styles&#0;+xml")
        }, "a character reference is invalid"),
        ("control character reference", editing("_rels/.rels") { $0.replacingOccurrences(of: "Id=\"rId1\"", with: "Id=\"rId&#x1;1\"") },
         "a character reference is invalid"),
        ("control character", editing("word/document.xml") { $0.replacingOccurrences(of: "w:rsidSect=\"00B1C2D3\"", with: "w:rsidSect=\"00B1\u{1}C2D3\"") },
         "it holds a control character"),
    ]

    /// The `WordLikeDocx` package with one part's text changed.
    static func editing(_ part: String, _ edit: (String) -> String) -> [UInt8] {
        TestZip.archive(WordLikeDocx().entries.map { entry in
            guard entry.name == part else { return entry }
            let text = String(decoding: entry.data, as: UTF8.self)
            let edited = edit(text)
            precondition(edited != text, "the edit of \(part) changes nothing")
            return .init(entry.name, text: edited)
        })
    }

    @Test(arguments: unusable.map(\.name))
    func unusableReferencesAreRefused(_ name: String) throws {
        let unusable = try #require(Self.unusable.first { $0.name == name })
        let error = #expect(throws: PITError.self) { try ReferenceDocx(bytes: unusable.bytes, name: "house.docx") }
        #expect(error?.kind == .data)
        #expect(error?.message.hasPrefix("house.docx: not a usable Word document: ") == true)
        #expect(error?.message.contains(unusable.reason) == true, "\(error?.message ?? "")")
    }

    @Test func aMissingReferenceIsMissingInput() throws {
        let error = #expect(throws: PITError.self) { try ReferenceDocx.read("/nonexistent/house.docx") }
        #expect(error?.kind == .noInput)
        #expect(error?.message == "/nonexistent/house.docx: no such file (the reference Word document)")
    }

    @Test func authorityJSONNamesTheReferenceRelativeToItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pit-reference-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"name": "Northshire Constabulary", "short": "NC", "referenceDocx": "house.docx"}"#.utf8)
            .write(to: folder.appendingPathComponent("authority.json"))
        let library = try TemplateLibrary(overlays: [folder.path])
        #expect(try library.referenceDocxPath() == folder.path + "/house.docx")
        let missing = #expect(throws: PITError.self) { try ReferenceDocx.resolve(path: nil, library: library) }
        #expect(missing?.kind == .noInput)
        #expect(missing?.message.hasSuffix("(named by 'referenceDocx' in \(folder.path)/authority.json)") == true)

        try Data(WordLikeDocx().bytes).write(to: folder.appendingPathComponent("house.docx"))
        #expect(try ReferenceDocx.resolve(path: nil, library: library) != nil)
        #expect(try ReferenceDocx.resolve(path: nil, library: TemplateLibrary(layers: [.builtIn])) == nil)

        try Data(#"{"name": "N", "short": "N", "referenceDocx": 3}"#.utf8).write(to: folder.appendingPathComponent("authority.json"))
        let wrong = #expect(throws: PITError.self) { try TemplateLibrary(overlays: [folder.path]).referenceDocxPath() }
        #expect(wrong?.kind == .data)
    }
}

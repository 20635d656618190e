/// Word (Office Open XML) documents: the document model as WordprocessingML paragraphs in the
/// styles Normal, Heading 1–6 and List Paragraph, lists as real Word numbering, packed in a ZIP
/// whose bytes depend only on the draft.
public struct DOCXWriter: DocumentWriter {
    public init() {}

    public func write(_ draft: Draft) -> [UInt8] {
        fill(prepare(draft), with: [])
    }

    /// The parts of a draft's package that depend on the draft, before any placeholder is filled.
    struct Prepared: Sendable {
        let core: [UInt8]
        let document: [UInt8]
        let numbering: ZipArchive.Entry
    }

    func prepare(_ draft: Draft) -> Prepared {
        let body = Self.body(draft.document)
        return Prepared(core: Array(DOCXParts.coreProperties(draft).utf8), document: body.xml,
                        numbering: ZipArchive.Entry(name: "word/numbering.xml", text: DOCXParts.numbering(lists: body.orderedLists)))
    }

    /// The package, with each placeholder of the prepared parts replaced by its text, escaped as the
    /// writer escapes any text: escaping is character by character, so this is the package of the
    /// filled draft.
    func fill(_ prepared: Prepared, with values: [String]) -> [UInt8] {
        var archive = ZipArchive()
        archive.add(Self.contentTypes)
        archive.add(Self.packageRelationships)
        archive.add("docProps/core.xml", Placeholder.fill(prepared.core, with: values, escaping: XMLEscaping.append))
        archive.add(Self.appProperties)
        archive.add("word/document.xml", Placeholder.fill(prepared.document, with: values, escaping: Self.appendText))
        archive.add(Self.styles)
        archive.add(prepared.numbering)
        archive.add(Self.documentRelationships)
        return archive.bytes
    }

    // The parts every package shares, with their checksums, made once.
    private static let contentTypes = ZipArchive.Entry(name: "[Content_Types].xml", text: DOCXParts.contentTypes)
    private static let packageRelationships = ZipArchive.Entry(name: "_rels/.rels", text: DOCXParts.packageRelationships)
    private static let appProperties = ZipArchive.Entry(name: "docProps/app.xml", text: DOCXParts.appProperties)
    private static let styles = ZipArchive.Entry(name: "word/styles.xml", text: DOCXParts.styles)
    private static let documentRelationships = ZipArchive.Entry(name: "word/_rels/document.xml.rels", text: DOCXParts.documentRelationships)

    /// `word/document.xml`, and for each list in the document (numbering instance 1, 2, …)
    /// whether it is ordered.
    static func body(_ document: Document) -> (xml: [UInt8], orderedLists: [Bool]) {
        var xml: [UInt8] = []
        xml.reserveCapacity(16384)
        xml += DOCXParts.declaration.utf8
        xml += "<w:document xmlns:w=\"\(DOCXParts.wordNamespace)\"><w:body>\n".utf8
        var lists: [Bool] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let content):
                paragraph("<w:pStyle w:val=\"Heading\(HeadingStyle.clamp(level))\"/>", content, into: &xml)
            case .paragraph(let content):
                paragraph("", content, into: &xml)
            case .list(let ordered, let items):
                lists.append(ordered)
                let properties = "<w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(lists.count)\"/></w:numPr>"
                for item in items { paragraph(properties, item, into: &xml) }
            }
        }
        xml += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>".utf8
        xml += "<w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>".utf8
        xml += "</w:sectPr>\n</w:body></w:document>\n".utf8
        return (xml, lists)
    }

    /// One `w:p`: its properties (the inside of `w:pPr`, may be empty) and its runs.
    static func paragraph(_ properties: String, _ content: [Document.Inline], into xml: inout [UInt8]) {
        xml += "<w:p>".utf8
        if !properties.isEmpty {
            xml += "<w:pPr>".utf8
            xml += properties.utf8
            xml += "</w:pPr>".utf8
        }
        for run in StyledRun.runs(content) {
            xml += "<w:r>".utf8
            if run.strong || run.emphasis {
                xml += "<w:rPr>".utf8
                if run.strong { xml += "<w:b/><w:bCs/>".utf8 }
                if run.emphasis { xml += "<w:i/><w:iCs/>".utf8 }
                xml += "</w:rPr>".utf8
            }
            runContent(run.text, into: &xml)
            xml += "</w:r>\n".utf8
        }
        xml += "</w:p>\n".utf8
    }

    /// A run's text in `w:t`, a tab as `w:tab` and a line break as `w:br` between pieces.
    static func runContent(_ text: String, into xml: inout [UInt8]) {
        xml += textStart
        appendText(text, to: &xml)
        xml += "</w:t>".utf8
    }

    private static let textStart = Array("<w:t xml:space=\"preserve\">".utf8)

    /// Text inside `w:t`, escaped character by character (so that the text of a placeholder can be
    /// escaped on its own): a tab or line break closes the piece and opens the next one.
    static func appendText(_ text: String, to xml: inout [UInt8]) {
        let breaks = text.containsByte { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard breaks else {
            XMLEscaping.append(text, to: &xml)
            return
        }
        var piece = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t", "\n":
                XMLEscaping.append(piece, to: &xml)
                piece = ""
                xml += (scalar == "\t" ? "</w:t><w:tab/>" : "</w:t><w:br/>").utf8
                xml += textStart
            case "\r": break
            default: piece.unicodeScalars.append(scalar)
            }
        }
        XMLEscaping.append(piece, to: &xml)
    }
}

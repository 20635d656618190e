/// Word (Office Open XML) documents: the document model as WordprocessingML paragraphs in the
/// styles Normal, Heading 1–6 and List Paragraph, lists as real Word numbering, packed in a ZIP
/// whose bytes depend only on the draft.
public struct DOCXWriter: DocumentWriter {
    public init() {}

    public func write(_ draft: Draft) -> [UInt8] {
        let body = Self.body(draft.document)
        var archive = ZipArchive()
        archive.add("[Content_Types].xml", text: DOCXParts.contentTypes)
        archive.add("_rels/.rels", text: DOCXParts.packageRelationships)
        archive.add("docProps/core.xml", text: DOCXParts.coreProperties(draft))
        archive.add("docProps/app.xml", text: DOCXParts.appProperties)
        archive.add("word/document.xml", text: body.xml)
        archive.add("word/styles.xml", text: DOCXParts.styles)
        archive.add("word/numbering.xml", text: DOCXParts.numbering(lists: body.orderedLists))
        archive.add("word/_rels/document.xml.rels", text: DOCXParts.documentRelationships)
        return archive.bytes
    }

    /// `word/document.xml`, and for each list in the document (numbering instance 1, 2, …)
    /// whether it is ordered.
    static func body(_ document: Document) -> (xml: String, orderedLists: [Bool]) {
        var xml = DOCXParts.declaration + "<w:document xmlns:w=\"\(DOCXParts.wordNamespace)\"><w:body>\n"
        var lists: [Bool] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let content):
                xml += paragraph("<w:pStyle w:val=\"Heading\(HeadingStyle.clamp(level))\"/>", content)
            case .paragraph(let content):
                xml += paragraph("", content)
            case .list(let ordered, let items):
                lists.append(ordered)
                let properties = "<w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(lists.count)\"/></w:numPr>"
                for item in items { xml += paragraph(properties, item) }
            }
        }
        xml += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        xml += "<w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
        xml += "</w:sectPr>\n</w:body></w:document>\n"
        return (xml, lists)
    }

    /// One `w:p`: its properties (the inside of `w:pPr`, may be empty) and its runs.
    static func paragraph(_ properties: String, _ content: [Document.Inline]) -> String {
        var xml = "<w:p>"
        if !properties.isEmpty { xml += "<w:pPr>\(properties)</w:pPr>" }
        for run in StyledRun.runs(content) {
            xml += "<w:r>"
            if run.strong || run.emphasis {
                xml += "<w:rPr>" + (run.strong ? "<w:b/><w:bCs/>" : "") + (run.emphasis ? "<w:i/><w:iCs/>" : "") + "</w:rPr>"
            }
            xml += runContent(run.text)
            xml += "</w:r>"
        }
        return xml + "</w:p>\n"
    }

    /// A run's text: `w:t` pieces, with a tab as `w:tab` and a line break as `w:br`.
    static func runContent(_ text: String) -> String {
        var xml = ""
        var piece = ""
        func flush() {
            if !piece.isEmpty { xml += "<w:t xml:space=\"preserve\">\(XMLEscaping.escape(piece))</w:t>" }
            piece = ""
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": flush(); xml += "<w:tab/>"
            case "\n": flush(); xml += "<w:br/>"
            case "\r": break
            default: piece.unicodeScalars.append(scalar)
            }
        }
        flush()
        return xml
    }
}

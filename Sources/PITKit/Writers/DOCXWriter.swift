/// Word (Office Open XML) documents: the document model as WordprocessingML paragraphs in the
/// styles Normal, Heading 1–6 and List Paragraph, lists as real Word numbering, a footer with the
/// reference and "Page X of Y", packed in a ZIP whose bytes depend only on the draft. With a
/// reference document, its styles, numbering, theme, settings, page setup, header and footer
/// are used and the draft is its body.
public struct DOCXWriter: DocumentWriter {
    let reference: ReferenceDocx?

    public init(reference: ReferenceDocx? = nil) {
        self.reference = reference
    }

    /// The package around the draft (pit's own parts are made on first use, so a run that
    /// writes no .docx never makes them).
    var base: DOCXBase { reference?.base ?? .builtIn }

    public func write(_ draft: Draft) -> [UInt8] {
        let body = body(draft.document)
        var archive = ZipArchive()
        for part in base.parts {
            switch part {
            case .fixed(let entry):
                archive.add(entry)
            case .coreProperties:
                archive.add("docProps/core.xml", Array((DOCXParts.coreProperties(draft) + DOCXParts.coreDates(draft.date)).utf8))
            case .document:
                archive.add(base.documentPartName, body.xml)
            case .numbering:
                archive.add(base.numberingPartName, base.numbering.part(body.orderedLists))
            case .footer:
                if let name = base.footerPartName {
                    archive.add(name, DOCXParts.footer(reference: draft.reference, style: base.styles.footer))
                }
            }
        }
        return archive.bytes
    }

    /// The main document part, and for each list in the document (numbering instances from the
    /// base's first, in order) whether it is ordered.
    func body(_ document: Document) -> (xml: [UInt8], orderedLists: [Bool]) {
        var xml: [UInt8] = []
        xml.reserveCapacity(16384)
        xml += DOCXParts.declaration.utf8
        xml += base.documentStart.utf8
        xml += "<w:body>\n".utf8
        var lists: [Bool] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let content):
                Self.paragraph("<w:pStyle w:val=\"\(base.styles.headings[HeadingStyle.clamp(level) - 1])\"/>", content, into: &xml)
            case .paragraph(let content):
                Self.paragraph("", content, into: &xml)
            case .list(let ordered, let items):
                let properties = "<w:pStyle w:val=\"\(base.styles.listParagraph)\"/><w:numPr><w:ilvl w:val=\"0\"/>"
                    + "<w:numId w:val=\"\(base.numbering.firstInstanceID + lists.count)\"/></w:numPr>"
                lists.append(ordered)
                for item in items { Self.paragraph(properties, item, into: &xml) }
            }
        }
        xml += base.sectionProperties.utf8
        xml += "\n</w:body></w:document>\n".utf8
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

    /// Text inside `w:t`, escaped: a tab or line break closes the piece and opens the next one.
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

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
        let base = base
        let body = Self.body(draft.document, in: base)
        var archive = ZipArchive()
        archive.reserveCapacity(base.parts.count)
        for part in base.parts {
            switch part {
            case .fixed(let entry):
                archive.add(entry)
            case .coreProperties:
                archive.add("docProps/core.xml", DOCXParts.coreProperties(draft))
            case .document:
                archive.add(base.documentPartName, body.xml)
            case .numbering:
                archive.add(base.numberingPartName, base.numbering.part(body.orderedLists))
            case .footer:
                if let name = base.footerPartName {
                    archive.add(name, base.markup.footer(reference: draft.reference))
                }
            }
        }
        return archive.bytes
    }

    /// The main document part, and for each list in the document (numbering instances from the
    /// base's first, in order) whether it is ordered.
    static func body(_ document: Document, in base: DOCXBase) -> (xml: [UInt8], orderedLists: [Bool]) {
        let markup = base.markup
        var xml: [UInt8] = []
        xml.reserveCapacity(markup.bodyStart.count + markup.bodyEnd.count + estimatedSize(of: document))
        xml += markup.bodyStart
        var lists: [Bool] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let content):
                paragraph(markup.headingStarts[HeadingStyle.clamp(level) - 1], content, into: &xml)
            case .paragraph(let content):
                paragraph(markup.paragraphStart, content, into: &xml)
            case .list(let ordered, let items):
                let start = markup.listItemStart(base.numbering.firstInstanceID + lists.count)
                lists.append(ordered)
                for item in items { paragraph(start, item, into: &xml) }
            }
        }
        xml += markup.bodyEnd
        return (xml, lists)
    }

    /// Room for the body's paragraphs, guessed from their number without reading their text:
    /// most are under this, and the buffer grows for a longer one.
    private static func estimatedSize(of document: Document) -> Int {
        document.blocks.reduce(0) { total, block in
            if case .list(_, let items) = block { return total + 512 * items.count }
            return total + 512
        }
    }

    /// One `w:p`: its start tag and properties (`start`), and its runs.
    static func paragraph(_ start: [UInt8], _ content: [Document.Inline], into xml: inout [UInt8]) {
        xml += start
        var runs = Runs()
        runs.write(content, Runs.Style(strong: false, emphasis: false), into: &xml)
        if runs.open == nil {
            xml.append("</w:p>\n")
        } else {
            xml.append("</w:t></w:r>\n</w:p>\n")
        }
    }

    /// Inline content as `w:r` elements, text of one style in `w:t`; adjacent text of the same
    /// style is one run (as `StyledRun.runs` makes them), so a run is closed only when the next
    /// text differs in style or the paragraph ends.
    private struct Runs {
        struct Style: Equatable {
            let strong: Bool
            let emphasis: Bool
        }

        /// The style of the run left open at the end of the XML, if any.
        private(set) var open: Style?

        mutating func write(_ content: [Document.Inline], _ style: Style, into xml: inout [UInt8]) {
            for inline in content {
                switch inline {
                case .text(let text):
                    guard !text.isEmpty else { continue }
                    if open != style {
                        if open != nil { xml.append("</w:t></w:r>\n") }
                        Self.start(style, into: &xml)
                        open = style
                    }
                    appendText(text, to: &xml)
                case .strong(let inner):
                    write(inner, Style(strong: true, emphasis: style.emphasis), into: &xml)
                case .emphasis(let inner):
                    write(inner, Style(strong: style.strong, emphasis: true), into: &xml)
                }
            }
        }

        /// A run's start tag, its properties (bold, italic) and its first `w:t` start tag.
        private static func start(_ style: Style, into xml: inout [UInt8]) {
            switch (style.strong, style.emphasis) {
            case (false, false): xml.append("<w:r><w:t xml:space=\"preserve\">")
            case (true, false): xml.append("<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">")
            case (false, true): xml.append("<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">")
            case (true, true): xml.append("<w:r><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">")
            }
        }
    }

    /// Text inside `w:t`, escaped: a tab or line break closes the piece and opens the next one.
    static func appendText(_ text: String, to xml: inout [UInt8]) {
        XMLEscaping.append(text, to: &xml, breaks: wordBreaks)
    }

    private static let wordBreaks = XMLEscaping.Breaks(
        tab: "</w:t><w:tab/><w:t xml:space=\"preserve\">", lineFeed: "</w:t><w:br/><w:t xml:space=\"preserve\">")
}

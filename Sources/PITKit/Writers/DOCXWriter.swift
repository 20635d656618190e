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
        return package(base, document: ZipArchive.Entry(name: base.documentPartName, data: body.xml),
                       numbering: ZipArchive.Block([ZipArchive.Entry(name: base.numberingPartName, data: base.numbering.part(body.orderedLists))]),
                       reference: draft.reference, authority: draft.authority.name, date: draft.date).bytes
    }

    /// The same bytes as `write(_:)` for a draft of a shape whose parts are `shape` (see
    /// `DOCXShapeParts`), with `texts` put in, and the draft's reference, authority and date.
    /// In chunks: the base's parts are written from where they are kept.
    func write(_ shape: DOCXShapeParts, texts: [String], reference: String, authority: String, date: DocumentDate) -> ByteChunks {
        package(base, document: shape.document(texts), numbering: shape.numbering, reference: reference, authority: authority, date: date).chunks
    }

    /// The parts of a shape's packages (see `DOCXShapeParts`): `document` is the shape's, with placeholders.
    func shapeParts(_ document: Document) -> DOCXShapeParts {
        DOCXShapeParts(document, in: base)
    }

    /// The package: the base's parts, with a draft's main document and numbering parts, and its
    /// core properties and footer made from its reference, authority and date.
    private func package(_ base: DOCXBase, document: ZipArchive.Entry, numbering: ZipArchive.Block,
                         reference: String, authority: String, date: DocumentDate) -> ZipArchive {
        var archive = ZipArchive()
        archive.reserveCapacity(base.slots.count, directorySize: base.directorySize)
        for slot in base.slots {
            switch slot {
            case .fixed(let block):
                archive.add(block)
            case .coreProperties:
                archive.add(DOCXParts.coreProperties(reference: reference, authority: authority, date: date))
            case .document:
                archive.add(document)
            case .numbering:
                archive.add(numbering)
            case .footer:
                if let name = base.footerPartName {
                    archive.add(base.markup.footer(named: name, reference: reference))
                }
            }
        }
        return archive
    }

    /// The main document part, and for each list in the document (numbering instances from the
    /// base's first, in order) whether it is ordered.
    static func body(_ document: Document, in base: DOCXBase) -> (xml: [UInt8], orderedLists: [Bool]) {
        let markup = base.markup
        var xml = BodyXML(placeholders: false)
        xml.bytes.reserveCapacity(markup.bodyStart.count + markup.bodyEnd.count + estimatedSize(of: document))
        xml.bytes += markup.bodyStart
        let lists = forEachBlock(document, in: base) { block, listInstance in append(block, listInstance: listInstance, markup: markup, into: &xml) }
        xml.bytes += markup.bodyEnd
        return (xml.bytes, lists)
    }

    /// Calls `body` with each block of `document` and the numbering instance of its list (if it
    /// is one: instances from the base's first, in order); returns whether each list is ordered.
    static func forEachBlock(_ document: Document, in base: DOCXBase, _ body: (Document.Block, _ listInstance: Int) -> Void) -> [Bool] {
        var lists: [Bool] = []
        for block in document.blocks {
            body(block, base.numbering.firstInstanceID + lists.count)
            if case .list(let ordered, _) = block { lists.append(ordered) }
        }
        return lists
    }

    /// The XML of one block: its paragraphs, the items of a list with numbering instance `listInstance`.
    static func append(_ block: Document.Block, listInstance: Int, markup: DOCXMarkup, into xml: inout BodyXML) {
        switch block {
        case .heading(let level, let content):
            paragraph(markup.headingStarts[HeadingStyle.clamp(level) - 1], content, into: &xml)
        case .paragraph(let content):
            paragraph(markup.paragraphStart, content, into: &xml)
        case .list(_, let items):
            let start = markup.listItemStart(listInstance)
            for item in items { paragraph(start, item, into: &xml) }
        }
    }

    /// A main document part's XML being written.
    struct BodyXML {
        var bytes: [UInt8] = []
        /// nil for a draft's document; for a shape's, each placeholder met in its text: where it
        /// stands in `bytes`, and its number.
        private(set) var placeholders: [(offset: Int, number: Int)]?

        init(placeholders: Bool) {
            self.placeholders = placeholders ? [] : nil
        }

        /// Text inside `w:t`, escaped (see `appendText`); in a shape's document, its placeholders
        /// left out and recorded.
        mutating func append(_ text: String) {
            guard placeholders != nil, Placeholder.occurs(in: text) else { return appendText(text, to: &bytes) }
            text.withUTF8Bytes { source in
                var start = 0
                Placeholder.forEach(in: source) { index, number in
                    XMLEscaping.append(bytes: UnsafeBufferPointer(rebasing: source[start..<index]), to: &bytes, breaks: wordBreaks)
                    placeholders!.append((bytes.count, number))
                    start = index + 4
                }
                XMLEscaping.append(bytes: UnsafeBufferPointer(rebasing: source[start...]), to: &bytes, breaks: wordBreaks)
            }
        }
    }

    /// Room for the body's paragraphs, guessed from their number without reading their text:
    /// most are under this, and the buffer grows for a longer one.
    private static func estimatedSize(of document: Document) -> Int {
        document.blocks.reduce(0) { total, block in total + estimatedSize(of: block) }
    }

    /// Room for a block's paragraphs, as `estimatedSize(of:)` guesses it.
    static func estimatedSize(of block: Document.Block) -> Int {
        if case .list(_, let items) = block { return 512 * items.count }
        return 512
    }

    /// One `w:p`: its start tag and properties (`start`), and its runs.
    static func paragraph(_ start: [UInt8], _ content: [Document.Inline], into xml: inout BodyXML) {
        xml.bytes += start
        var runs = Runs()
        runs.write(content, Runs.Style(strong: false, emphasis: false), into: &xml)
        if runs.open == nil {
            xml.bytes.append("</w:p>\n")
        } else {
            xml.bytes.append("</w:t></w:r>\n</w:p>\n")
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

        mutating func write(_ content: [Document.Inline], _ style: Style, into xml: inout BodyXML) {
            for inline in content {
                switch inline {
                case .text(let text):
                    guard !text.isEmpty else { continue }
                    if open != style {
                        if open != nil { xml.bytes.append("</w:t></w:r>\n") }
                        Self.start(style, into: &xml.bytes)
                        open = style
                    }
                    xml.append(text)
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

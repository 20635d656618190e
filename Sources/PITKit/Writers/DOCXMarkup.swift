/// The bytes around a draft's body and footer that depend only on the package's base (its
/// document start tag, section properties and style ids), made once per base so that writing a
/// draft only copies them.
struct DOCXMarkup: Sendable {
    /// The XML declaration, the document's start tag and `<w:body>`.
    let bodyStart: [UInt8]
    /// The section properties, and the end tags of the body and the document.
    let bodyEnd: [UInt8]
    /// The paragraph properties (`w:pPr`) of Heading 1 to 6.
    let headings: [[UInt8]]
    /// A list item's paragraph properties, before and after the id of its list's numbering instance.
    let listItemStart: [UInt8]
    let listItemEnd: [UInt8]
    /// pit's footer part (see `DOCXParts.footer`), before and after the draft's reference.
    let footerStart: [UInt8]
    let footerEnd: [UInt8]

    init(documentStart: String, sectionProperties: String, styles: DOCXBase.StyleIDs) {
        bodyStart = Array((DOCXParts.declaration + documentStart + "<w:body>\n").utf8)
        bodyEnd = Array((sectionProperties + "\n</w:body></w:document>\n").utf8)
        headings = styles.headings.map { Array("<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>".utf8) }
        listItemStart = Array("<w:pPr><w:pStyle w:val=\"\(styles.listParagraph)\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"".utf8)
        listItemEnd = Array("\"/></w:numPr></w:pPr>".utf8)
        footerStart = Array(DOCXParts.footerStart(style: styles.footer).utf8)
        footerEnd = Array(DOCXParts.footerEnd.utf8)
    }

    /// The paragraph properties of the items of the list with numbering instance `id`.
    func listItem(_ id: Int) -> [UInt8] {
        var properties = listItemStart
        properties.append(decimal: id)
        properties += listItemEnd
        return properties
    }

    /// pit's footer part for the draft with reference `reference`.
    func footer(reference: String) -> [UInt8] {
        var xml: [UInt8] = []
        xml.reserveCapacity(footerStart.count + reference.utf8.count + footerEnd.count)
        xml += footerStart
        DOCXWriter.appendText(reference, to: &xml)
        xml += footerEnd
        return xml
    }
}

/// The bytes around a draft's body and footer that depend only on the package's base (its
/// document start tag, section properties and style ids), made once per base so that writing a
/// draft only copies them.
struct DOCXMarkup: Sendable {
    /// The XML declaration, the document's start tag and `<w:body>`.
    let bodyStart: [UInt8]
    /// The section properties, and the end tags of the body and the document.
    let bodyEnd: [UInt8]
    /// Their checksums, for a shape's pieces (`DOCXShapeParts`).
    let bodyStartCRC: UInt32
    let bodyEndCRC: UInt32
    /// The start tag of a paragraph in Normal style.
    let paragraphStart: [UInt8]
    /// The start tag and properties (`w:pPr`) of a paragraph in Heading 1 to 6.
    let headingStarts: [[UInt8]]
    /// The start tag and properties of a list item, before and after the id of its list's
    /// numbering instance.
    let listItemStartToID: [UInt8]
    let listItemStartAfterID: [UInt8]
    /// pit's footer part (see `DOCXParts.footer`), before and after the draft's reference.
    let footerStart: [UInt8]
    let footerEnd: [UInt8]
    private let footerStartCRC: UInt32

    init(documentStart: String, sectionProperties: String, styles: DOCXBase.StyleIDs) {
        bodyStart = Array((DOCXParts.declaration + documentStart + "<w:body>\n").utf8)
        bodyEnd = Array((sectionProperties + "\n</w:body></w:document>\n").utf8)
        bodyStartCRC = CRC32.checksum(bodyStart)
        bodyEndCRC = CRC32.checksum(bodyEnd)
        paragraphStart = Array("<w:p>".utf8)
        headingStarts = styles.headings.map { Array("<w:p><w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>".utf8) }
        listItemStartToID = Array("<w:p><w:pPr><w:pStyle w:val=\"\(styles.listParagraph)\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"".utf8)
        listItemStartAfterID = Array("\"/></w:numPr></w:pPr>".utf8)
        footerStart = Array(DOCXParts.footerStart(style: styles.footer).utf8)
        footerEnd = Array(DOCXParts.footerEnd.utf8)
        footerStartCRC = CRC32.checksum(footerStart)
    }

    /// The start of each item of the list with numbering instance `id`.
    func listItemStart(_ id: Int) -> [UInt8] {
        var start = listItemStartToID
        start.append(decimal: id)
        start += listItemStartAfterID
        return start
    }

    /// pit's footer part, named `name`, for the draft with reference `reference`: made in place,
    /// only what follows the constant start checksummed.
    func footer(named name: String, reference: String) -> ZipArchive.Entry {
        ZipArchive.Entry(name: name, capacity: footerStart.count + reference.utf8.count + footerEnd.count) { xml in
            xml += footerStart
            let rest = xml.count
            DOCXWriter.appendText(reference, to: &xml)
            xml += footerEnd
            return xml.withUnsafeBufferPointer { CRC32.checksum(UnsafeBufferPointer(rebasing: $0[rest...]), continuing: footerStartCRC) }
        }
    }
}

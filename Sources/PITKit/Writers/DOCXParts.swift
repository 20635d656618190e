/// The XML of the parts of a DOCX package other than the body: settings, properties, styles,
/// numbering and the footer. Only the core properties hold a date, the document's own, so a
/// package's bytes depend only on its draft.
enum DOCXParts {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// Word 2013 and later's own compatibility mode (15), so Word does not open the document in
    /// Compatibility Mode, with the settings Word writes beside it.
    static let settings: String = {
        var xml = declaration + "<w:settings xmlns:w=\"\(wordNamespace)\"><w:zoom w:percent=\"100\"/>"
        xml += "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
        for (name, value) in [("compatibilityMode", 15), ("overrideTableStyleFontSizeAndJustification", 1),
                              ("enableOpenTypeFeatures", 1), ("doNotFlipMirrorIndents", 1)] {
            xml += "<w:compatSetting w:name=\"\(name)\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"\(value)\"/>"
        }
        xml += "</w:compat><w:themeFontLang w:val=\"en-GB\"/><w:decimalSymbol w:val=\".\"/><w:listSeparator w:val=\",\"/>"
        return xml + "</w:settings>\n"
    }()

    /// The core properties: title ("Public Interest Test – REF"), subject, author (the
    /// authority), language, and created and modified both the document date at midnight UTC.
    /// Made in place as the package's entry: only the reference is checksummed, and the
    /// checksums of the constant start, of the authority's part (`CoreAuthority`) and of the
    /// date's ending (`CoreEnding`) combined with its.
    static func coreProperties(reference: String, authority: String, date: DocumentDate) -> ZipArchive.Entry {
        let ending = CoreEnding.of(date)
        let middle = CoreAuthority.of(authority)
        let capacity = corePropertiesStart.count + reference.utf8.count + 16 + middle.bytes.count + ending.bytes.count
        return ZipArchive.Entry(name: corePropertiesName, capacity: capacity) { xml in
            xml += corePropertiesStart
            let rest = xml.count
            XMLEscaping.append(reference, to: &xml)
            let crc = xml.withUnsafeBufferPointer { CRC32.checksum(UnsafeBufferPointer(rebasing: $0[rest...]), continuing: corePropertiesStartCRC) }
            xml += middle.bytes
            xml += ending.bytes
            return CRC32.combine(CRC32.combine(crc, middle.crc, shift: middle.shift), ending.crc, shift: ending.shift)
        }
    }

    /// The core properties from the title's end to the authority's, which depend only on the
    /// authority, with their checksum and its shift: made once an authority while it is
    /// remembered (`of`).
    private final class CoreAuthority: Sendable {
        let bytes: [UInt8]
        let crc: UInt32
        let shift: CRC32.Shift

        private init(_ authority: String) {
            var bytes: [UInt8] = []
            bytes.append("</dc:title><dc:subject>Public Interest Test</dc:subject><dc:creator>")
            XMLEscaping.append(authority, to: &bytes)
            self.bytes = bytes
            crc = CRC32.checksum(bytes)
            shift = CRC32.Shift.remembered(count: bytes.count)
        }

        /// The part of `authority`, remembered by where its text is stored (`SharedTextMemo`):
        /// a batch's rows give the same authority as the very string met before.
        static func of(_ authority: String) -> CoreAuthority {
            memo.value(authority) { CoreAuthority($0) }
        }

        private static let memo = SharedTextMemo<CoreAuthority>(slotBits: 6)
    }

    /// The core properties after the authority, which depend only on the date, with their
    /// checksum and its shift: made once a date while it is remembered (`of`).
    private final class CoreEnding: Sendable {
        let bytes: [UInt8]
        let crc: UInt32
        let shift: CRC32.Shift

        private init(_ date: DocumentDate) {
            let stamp = date.iso
            var bytes: [UInt8] = []
            bytes.append("</dc:creator><dc:language>en-GB</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">")
            bytes += stamp.utf8
            bytes.append("T00:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">")
            bytes += stamp.utf8
            bytes.append("T00:00:00Z</dcterms:modified></cp:coreProperties>\n")
            self.bytes = bytes
            crc = CRC32.checksum(bytes)
            shift = CRC32.Shift.remembered(count: bytes.count)
        }

        /// The ending of `date`, remembered by the date.
        static func of(_ date: DocumentDate) -> CoreEnding {
            let day = date.year * 10_000 + date.month * 100 + date.day
            return memo.value(day) { CoreEnding(date) }
        }

        private static let memo = NumberMemo<CoreEnding>(slotBits: 10)
    }

    static let corePropertiesName = "docProps/core.xml"

    /// The core properties up to the title's reference.
    private static let corePropertiesStart = Array((declaration + """
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        """ + "<dc:title>Public Interest Test – ").utf8)
    private static let corePropertiesStartCRC = CRC32.checksum(corePropertiesStart)

    static let appProperties = declaration + """
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
        xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
        <Application>pit \(XMLEscaping.escape(pitVersion))</Application>\
        </Properties>

        """

    // MARK: - Styles

    /// pit's own styles part: Normal (12-point serif, British English), Heading 1–6, Compact,
    /// List Paragraph and Footer.
    static let styles: String = {
        var xml = declaration + "<w:styles xmlns:w=\"\(wordNamespace)\">"
        xml += "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts(HeadingStyle.bodyFont))"
        xml += "<w:sz w:val=\"\(HeadingStyle.bodyHalfPoints)\"/><w:szCs w:val=\"\(HeadingStyle.bodyHalfPoints)\"/>"
        xml += "<w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        xml += "<w:pPrDefault><w:pPr><w:spacing w:after=\"\(paragraphSpaceAfter)\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        xml += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        for level in HeadingStyle.levels {
            xml += headingStyle(level, id: "Heading\(level)", basedOn: "Normal", fonts: fonts(HeadingStyle.headingFont))
        }
        xml += compactStyle(id: "Compact", basedOn: "Normal")
        xml += listParagraphStyle(id: "ListParagraph", basedOn: "Compact")
        xml += footerStyle(id: "Footer", basedOn: "Normal")
        return xml + "</w:styles>\n"
    }()

    /// Space after a paragraph, in twentieths of a point; a list takes it after its last item.
    static let paragraphSpaceAfter = 160

    static func fonts(_ name: String) -> String {
        "<w:rFonts w:ascii=\"\(name)\" w:hAnsi=\"\(name)\" w:eastAsia=\"\(name)\" w:cs=\"\(name)\"/>"
    }

    /// The fonts of a theme's headings (a reference document's theme).
    static let themeHeadingFonts = "<w:rFonts w:asciiTheme=\"majorHAnsi\" w:hAnsiTheme=\"majorHAnsi\" w:eastAsiaTheme=\"majorEastAsia\" w:cstheme=\"majorBidi\"/>"

    /// `heading N`, with its outline level, kept with the next paragraph; `fonts` is an
    /// `w:rFonts` element or nothing (the fonts of the style it is based on).
    static func headingStyle(_ level: Int, id: String, basedOn: String?, fonts: String) -> String {
        let size = HeadingStyle.halfPoints(level)
        return "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"heading \(level)\"/>\(based(on: basedOn, next: true))"
            + "<w:uiPriority w:val=\"9\"/><w:qFormat/>"
            + "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"\(HeadingStyle.spaceBefore(level))\" w:after=\"120\"/>"
            + "<w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr>"
            + "<w:rPr>\(fonts)<w:b/><w:bCs/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
    }

    /// "Compact": no space between paragraphs of the same style, so a list's items sit together
    /// and the list keeps a paragraph's space after its last item. pandoc reads list items in
    /// a style based on it as a tight list.
    static func compactStyle(id: String, basedOn: String?) -> String {
        "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"\(id)\"><w:name w:val=\"Compact\"/>\(based(on: basedOn, next: false))"
            + "<w:uiPriority w:val=\"99\"/><w:pPr><w:contextualSpacing/></w:pPr></w:style>"
    }

    static func listParagraphStyle(id: String, basedOn: String?) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"List Paragraph\"/>\(based(on: basedOn, next: false))"
            + "<w:uiPriority w:val=\"34\"/><w:qFormat/><w:pPr><w:ind w:left=\"720\"/><w:contextualSpacing/></w:pPr></w:style>"
    }

    static func footerStyle(id: String, basedOn: String?) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"footer\"/>\(based(on: basedOn, next: false))"
            + "<w:uiPriority w:val=\"99\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr>"
            + "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
    }

    private static func based(on parent: String?, next: Bool) -> String {
        guard let parent else { return "" }
        return "<w:basedOn w:val=\"\(XMLEscaping.escape(parent))\"/>" + (next ? "<w:next w:val=\"\(XMLEscaping.escape(parent))\"/>" : "")
    }

    // MARK: - Numbering

    /// pit's two list definitions, bullet and decimal `1.`, numbered from `firstID`.
    static func abstractNumbering(firstID: Int) -> String {
        var xml = ""
        for (offset, (format, text)) in [("bullet", "•"), ("decimal", "%1.")].enumerated() {
            xml += "<w:abstractNum w:abstractNumId=\"\(firstID + offset)\"><w:multiLevelType w:val=\"singleLevel\"/>"
            xml += "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/><w:lvlText w:val=\"\(text)\"/>"
            xml += "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
        }
        return xml
    }

    /// One numbering instance per list (`firstID`, `firstID + 1`, …), so every ordered list
    /// counts from 1.
    static func appendNumberingInstances(_ orderedLists: [Bool], firstID: Int, firstAbstractID: Int, to xml: inout [UInt8]) {
        for (index, ordered) in orderedLists.enumerated() {
            xml.append("<w:num w:numId=\"")
            xml.append(decimal: firstID + index)
            xml.append("\"><w:abstractNumId w:val=\"")
            xml.append(decimal: firstAbstractID + (ordered ? 1 : 0))
            xml.append("\"/>")
            if ordered { xml.append("<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>") }
            xml.append("</w:num>")
        }
    }

    // MARK: - Page

    /// A4 with 2.5 cm margins, and the footer of relationship `footerID`.
    static func sectionProperties(footerID: String, declaringPrefix: Bool = false) -> String {
        "<w:sectPr>\(footerReference(footerID, declaringPrefix: declaringPrefix))<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>"
    }

    /// The footer of every page but a distinct first one; `declaringPrefix` when the document
    /// root does not bind `r` to the relationships namespace.
    static func footerReference(_ id: String, declaringPrefix: Bool) -> String {
        "<w:footerReference w:type=\"default\" r:id=\"\(XMLEscaping.escape(id))\""
            + (declaringPrefix ? " xmlns:r=\"\(OPCParts.officeRelationships)\"" : "") + "/>"
    }

    /// The footer: "Public Interest Test – REF · Page X of Y", the page number and count as
    /// PAGE and NUMPAGES fields, in the style `style`: its XML up to the reference.
    /// `DOCXMarkup.footer(named:reference:)` writes the part.
    static func footerStart(style: String) -> String {
        declaration + "<w:ftr xmlns:w=\"\(wordNamespace)\"><w:p><w:pPr><w:pStyle w:val=\"\(XMLEscaping.escape(style))\"/>"
            + "<w:jc w:val=\"center\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Public Interest Test – "
    }

    /// The footer's XML after the reference.
    static let footerEnd = "</w:t></w:r><w:r><w:t xml:space=\"preserve\"> · Page </w:t></w:r>" + field("PAGE")
        + "<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>" + field("NUMPAGES") + "</w:p></w:ftr>\n"

    private static func field(_ instruction: String) -> String {
        "<w:fldSimple w:instr=\" \(instruction) \"><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>"
    }
}

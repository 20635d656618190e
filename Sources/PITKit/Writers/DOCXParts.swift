/// The parts of a DOCX package other than the document body: content types, relationships,
/// properties, styles and numbering. None holds a timestamp, so a package's bytes depend only on
/// its draft.
enum DOCXParts {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let officeDocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>

        """

    static let packageRelationships = declaration + """
        <Relationships xmlns="\(packageRelationshipsNamespace)">\
        <Relationship Id="rId1" Type="\(officeDocumentRelationships)/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="\(officeDocumentRelationships)/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>

        """

    static let documentRelationships = declaration + """
        <Relationships xmlns="\(packageRelationshipsNamespace)">\
        <Relationship Id="rId1" Type="\(officeDocumentRelationships)/styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="\(officeDocumentRelationships)/numbering" Target="numbering.xml"/>\
        </Relationships>

        """

    /// Title (the request reference), subject, author (the authority) and language.
    static func coreProperties(_ draft: Draft) -> String {
        declaration + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(XMLEscaping.escape(draft.reference))</dc:title>\
            <dc:subject>Public Interest Test</dc:subject>\
            <dc:creator>\(XMLEscaping.escape(draft.authority.name))</dc:creator>\
            <dc:language>en-GB</dc:language>\
            </cp:coreProperties>

            """
    }

    static let appProperties = declaration + """
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
        xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
        <Application>pit \(XMLEscaping.escape(pitVersion))</Application>\
        </Properties>

        """

    /// Normal (12-point serif, British English), Heading 1–6 (with outline levels, kept with the
    /// next paragraph) and List Paragraph.
    static let styles: String = {
        func fonts(_ name: String) -> String {
            "<w:rFonts w:ascii=\"\(name)\" w:hAnsi=\"\(name)\" w:eastAsia=\"\(name)\" w:cs=\"\(name)\"/>"
        }
        var xml = declaration + "<w:styles xmlns:w=\"\(wordNamespace)\">"
        xml += "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts(HeadingStyle.bodyFont))"
        xml += "<w:sz w:val=\"\(HeadingStyle.bodyHalfPoints)\"/><w:szCs w:val=\"\(HeadingStyle.bodyHalfPoints)\"/>"
        xml += "<w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        xml += "<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        xml += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        for level in HeadingStyle.levels {
            let size = HeadingStyle.halfPoints(level)
            xml += "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/>"
            xml += "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
            xml += "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"\(HeadingStyle.spaceBefore(level))\" w:after=\"120\"/>"
            xml += "<w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr>"
            xml += "<w:rPr>\(fonts(HeadingStyle.headingFont))<w:b/><w:bCs/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
        }
        xml += "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"
        xml += "<w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"34\"/><w:qFormat/>"
        xml += "<w:pPr><w:spacing w:after=\"80\"/><w:ind w:left=\"720\"/></w:pPr></w:style>"
        return xml + "</w:styles>\n"
    }()

    /// Two list definitions (bullet, and decimal `1.`) and one numbering instance per list, so
    /// every ordered list counts from 1.
    static func numbering(lists orderedLists: [Bool]) -> String {
        var xml = declaration + "<w:numbering xmlns:w=\"\(wordNamespace)\">"
        for (id, (format, text)) in [("bullet", "•"), ("decimal", "%1.")].enumerated() {
            xml += "<w:abstractNum w:abstractNumId=\"\(id)\"><w:multiLevelType w:val=\"singleLevel\"/>"
            xml += "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/><w:lvlText w:val=\"\(text)\"/>"
            xml += "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
        }
        for (index, ordered) in orderedLists.enumerated() {
            xml += "<w:num w:numId=\"\(index + 1)\"><w:abstractNumId w:val=\"\(ordered ? 1 : 0)\"/>"
            if ordered { xml += "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>" }
            xml += "</w:num>"
        }
        return xml + "</w:numbering>\n"
    }
}

/// A house Word template made as Word makes one, for tests of `--reference-docx`: every part
/// deflated (the logo stored), Word's namespaces and markup-compatibility attributes, its own
/// styles (a Normal in Gill Sans MT, a blue Heading 1, Header, Footer and a custom style, but no
/// Heading 2–6 and no List Paragraph), its own numbering, a theme, settings, a header with a logo
/// and a footer with a PAGE field, US Letter pages with its own margins, a thumbnail, and body
/// text (with a comment on it) that a draft must replace.
public struct WordLikeDocx {
    public var hasHeader = true
    public var hasFooter = true
    /// Saved as a template (.dotx) rather than a document.
    public var isTemplate = false
    public var isMacroEnabled = false
    /// Written with data descriptors after each entry's data, as streaming ZIP writers do.
    public var dataDescriptors = false

    public init() {}

    public static let headerText = "NORTHSHIRE CONSTABULARY – OFFICIAL"
    public static let footerText = "Northshire Constabulary, Force Headquarters"
    public static let bodyFont = "Gill Sans MT"
    public static let customStyle = "NorthshireQuote"
    public static let templateBody = "Template body text that every draft replaces."
    /// The page: US Letter, with margins pit never uses.
    public static let pageSize = "<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"
    public static let pageMargins = "<w:pgMar w:top=\"1701\" w:right=\"1134\" w:bottom=\"1701\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
    public static let logo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x42, count: 64)

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    static let namespaces = """
        xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" \
        xmlns:r="\(r)" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" \
        xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="\(w)" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" \
        mc:Ignorable="w14 w15"
        """
    static let relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// The package.
    public var bytes: [UInt8] { TestZip.archive(entries, dataDescriptors: dataDescriptors) }

    /// A part, as the package holds it (deflated or stored).
    public func archived(_ name: String) -> [UInt8]? {
        entries.first { $0.name == name }.map { $0.deflated ? TestDeflate.compress($0.data) : $0.data }
    }

    /// The parts of the package, in order, before they are packed.
    public var entries: [TestZip.Entry] {
        var entries: [TestZip.Entry] = [
            .init("[Content_Types].xml", text: contentTypes),
            .init("_rels/.rels", text: Self.declaration + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/>\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
                <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
                </Relationships>
                """),
            .init("docProps/thumbnail.jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], deflated: false),
            .init("word/document.xml", text: document),
            .init("word/_rels/document.xml.rels", text: documentRelationships),
            .init("word/styles.xml", text: Self.styles),
            .init("word/numbering.xml", text: Self.numbering),
            .init("word/settings.xml", text: Self.declaration + """
                <w:settings xmlns:w="\(Self.w)"><w:zoom w:percent="120"/><w:defaultTabStop w:val="720"/>\
                <w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" \
                w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="en-GB"/></w:settings>
                """),
            .init("word/comments.xml", text: Self.declaration + """
                <w:comments xmlns:w="\(Self.w)"><w:comment w:id="0" w:author="Records Unit"><w:p><w:r><w:t>Check the letterhead.</w:t></w:r></w:p>\
                </w:comment></w:comments>
                """),
            .init("word/webSettings.xml", text: Self.declaration + "<w:webSettings xmlns:w=\"\(Self.w)\"><w:optimizeForBrowser/></w:webSettings>"),
            .init("word/fontTable.xml", text: Self.declaration + """
                <w:fonts xmlns:w="\(Self.w)"><w:font w:name="\(Self.bodyFont)"><w:panose1 w:val="020B0502020104020203"/>\
                <w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>
                """),
            .init("word/theme/theme1.xml", text: Self.declaration + """
                <a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Northshire"><a:themeElements>\
                <a:fontScheme name="Northshire"><a:majorFont><a:latin typeface="\(Self.bodyFont)"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>\
                <a:minorFont><a:latin typeface="\(Self.bodyFont)"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>\
                </a:themeElements></a:theme>
                """),
            .init("docProps/core.xml", text: Self.declaration + """
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Northshire letter template</dc:title>\
                <dc:creator>Records Unit</dc:creator></cp:coreProperties>
                """),
            .init("docProps/app.xml", text: Self.declaration + """
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
                <Template>Normal.dotm</Template><Company>Northshire Constabulary</Company><Application>Microsoft Office Word</Application></Properties>
                """),
        ]
        if hasHeader {
            entries.append(.init("word/header1.xml", text: Self.declaration + """
                <w:hdr \(Self.namespaces)><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t>\(Self.headerText)</w:t></w:r></w:p></w:hdr>
                """))
            entries.append(.init("word/_rels/header1.xml.rels", text: Self.declaration + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(Self.relationshipTypes)image" Target="media/image1.png"/></Relationships>
                """))
            entries.append(.init("word/media/image1.png", Self.logo, deflated: false))
        }
        if hasFooter {
            entries.append(.init("word/footer1.xml", text: Self.declaration + """
                <w:ftr \(Self.namespaces)><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">\(Self.footerText) – page </w:t></w:r>\
                <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
                <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
                """))
        }
        return entries
    }

    var mainType: String {
        switch (isTemplate, isMacroEnabled) {
        case (false, false): return "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        case (true, false): return "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
        case (false, true): return "application/vnd.ms-word.document.macroEnabled.main+xml"
        case (true, true): return "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
        }
    }

    var contentTypes: String {
        let word = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        var overrides: [(String, String)] = [
            ("/word/document.xml", mainType), ("/word/styles.xml", word + "styles+xml"),
            ("/word/numbering.xml", word + "numbering+xml"), ("/word/settings.xml", word + "settings+xml"),
            ("/word/webSettings.xml", word + "webSettings+xml"), ("/word/comments.xml", word + "comments+xml"), ("/word/fontTable.xml", word + "fontTable+xml"),
            ("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        if hasHeader { overrides.append(("/word/header1.xml", word + "header+xml")) }
        if hasFooter { overrides.append(("/word/footer1.xml", word + "footer+xml")) }
        return Self.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"png\" ContentType=\"image/png\"/><Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined() + "</Types>"
    }

    var document: String {
        var references = ""
        if hasHeader { references += "<w:headerReference w:type=\"default\" r:id=\"rId8\"/>" }
        if hasFooter { references += "<w:footerReference w:type=\"default\" r:id=\"rId9\"/>" }
        return Self.declaration + """
            <w:document \(Self.namespaces)><w:body>\
            <w:p w14:paraId="1A2B3C4D" w14:textId="77777777" w:rsidR="00B1C2D3"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>\
            <w:r><w:t>Template heading</w:t></w:r></w:p>\
            <w:p w:rsidR="00B1C2D3"><w:pPr><w:sectPr w:rsidR="00B1C2D3"><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr>\
            <w:commentRangeStart w:id="0"/><w:r><w:t>\(Self.templateBody)</w:t></w:r><w:commentRangeEnd w:id="0"/>\
            <w:r><w:commentReference w:id="0"/></w:r></w:p>\
            <w:sectPr w:rsidR="00B1C2D3" w:rsidSect="00B1C2D3">\(references)\(Self.pageSize)\(Self.pageMargins)\
            <w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr></w:body></w:document>
            """
    }

    var documentRelationships: String {
        var relationships: [(String, String, String)] = [
            ("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml"), ("rId3", "webSettings", "webSettings.xml"),
            ("rId4", "fontTable", "fontTable.xml"), ("rId5", "theme", "theme/theme1.xml"), ("rId6", "numbering", "numbering.xml"),
            ("rId10", "comments", "comments.xml"),
        ]
        if hasHeader { relationships.append(("rId8", "header", "header1.xml")) }
        if hasFooter { relationships.append(("rId9", "footer", "footer1.xml")) }
        return Self.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + relationships.map { "<Relationship Id=\"\($0.0)\" Type=\"\(Self.relationshipTypes)\($0.1)\" Target=\"\($0.2)\"/>" }.joined()
            + "<Relationship Id=\"rId7\" Type=\"\(Self.relationshipTypes)hyperlink\" Target=\"https://www.example.org/?a=1&amp;b=2\" TargetMode=\"External\"/>"
            + "</Relationships>"
    }

    public static let styles = declaration + """
        <w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="\(r)" xmlns:w="\(w)" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>\
        <w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:latentStyles w:defLockedState="0" w:defUIPriority="99"><w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/>\
        <w:lsdException w:name="heading 2" w:uiPriority="9" w:unhideWhenUsed="1" w:qFormat="1"/></w:latentStyles>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
        <w:rPr><w:rFonts w:ascii="\(bodyFont)" w:hAnsi="\(bodyFont)"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
        <w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:color w:val="1F3864"/><w:sz w:val="36"/></w:rPr></w:style>\
        <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>\
        <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="right"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="\(customStyle)"><w:name w:val="Northshire Quote"/><w:basedOn w:val="Normal"/>\
        <w:rPr><w:i/></w:rPr></w:style>\
        <w:style w:type="character" w:styleId="ListParagraph"><w:name w:val="Not the list paragraph style"/></w:style>\
        </w:styles>
        """

    static let numbering = declaration + """
        <w:numbering xmlns:w="\(w)"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>\
        <w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num></w:numbering>
        """
}

#!/usr/bin/env python3
"""Writes a house Word template of realistic size for the batch benchmark's --reference-docx case:
every part deflated as Word deflates them, styles with Word's latent styles and some forty styles
(about 40 KB), a theme, font table, settings, numbering, a header with a 20 KB logo and a footer
with a PAGE field, and body text a draft replaces. It has Heading 1 but not Heading 2-6 nor List
Paragraph, so pit adds them.
usage: make-reference-docx.py FILE.docx"""
import random, sys, zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
random.seed(2026)

latent = "".join(f'<w:lsdException w:name="{name}" w:semiHidden="1" w:uiPriority="99" w:unhideWhenUsed="1"/>'
                 for name in [f"toc {n}" for n in range(1, 10)] + [f"index {n}" for n in range(1, 10)]
                 + [f"List Number {n}" for n in range(1, 6)] + [f"List Bullet {n}" for n in range(1, 6)]
                 + [f"Grid Table {n} Light Accent {a}" for n in range(1, 8) for a in range(1, 7)])
styles = [f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
          f'<w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:style>',
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
          '<w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr>'
          '<w:rPr><w:color w:val="1F3864"/><w:sz w:val="32"/></w:rPr></w:style>',
          '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>',
          '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>']
styles += [f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="House{n}"><w:name w:val="House style {n}"/>'
           f'<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="{n * 20}" w:after="{n * 10}"/><w:ind w:left="{n * 36}"/></w:pPr>'
           f'<w:rPr><w:color w:val="{random.randrange(0x1000000):06X}"/><w:sz w:val="{18 + n % 8}"/></w:rPr></w:style>'
           for n in range(40)]
parts = {
    "[Content_Types].xml": DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="png" ContentType="image/png"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="/word/{name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>'
                  for name, kind in [("document.xml", "document.main"), ("styles.xml", "styles"), ("settings.xml", "settings"),
                                     ("fontTable.xml", "fontTable"), ("numbering.xml", "numbering"), ("header1.xml", "header"),
                                     ("footer1.xml", "footer")])
        + '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    "_rels/.rels": DECLARATION + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    "docProps/core.xml": DECLARATION + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>House template</dc:title></cp:coreProperties>',
    "word/document.xml": DECLARATION + f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:p><w:r><w:t>Template body.</w:t></w:r></w:p>'
        '<w:sectPr><w:headerReference w:type="default" r:id="rId6"/><w:footerReference w:type="default" r:id="rId7"/>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1134" w:bottom="1440" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
        '</w:sectPr></w:body></w:document>',
    "word/_rels/document.xml.rels": DECLARATION + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{n}" Type="{R}/{kind}" Target="{target}"/>'
                  for n, (kind, target) in enumerate([("styles", "styles.xml"), ("settings", "settings.xml"), ("fontTable", "fontTable.xml"),
                                                      ("theme", "theme/theme1.xml"), ("numbering", "numbering.xml"),
                                                      ("header", "header1.xml"), ("footer", "footer1.xml")], 1))
        + "</Relationships>",
    "word/styles.xml": DECLARATION + f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
        f'<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:count="376">{latent}</w:latentStyles>' + "".join(styles) + "</w:styles>",
    "word/settings.xml": DECLARATION + f'<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:compat>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>',
    "word/fontTable.xml": DECLARATION + f'<w:fonts xmlns:w="{W}">' + "".join(f'<w:font w:name="{name}"><w:family w:val="swiss"/></w:font>'
                                                                          for name in ["Arial", "Calibri", "Calibri Light", "Times New Roman"]) + "</w:fonts>",
    "word/theme/theme1.xml": DECLARATION + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>'
        + "".join(f'<a:clrScheme name="Scheme {n}"><a:dk1><a:srgbClr val="{random.randrange(0x1000000):06X}"/></a:dk1></a:clrScheme>' for n in range(60))
        + '<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme>'
        '</a:themeElements></a:theme>',
    "word/numbering.xml": DECLARATION + f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="o"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
    "word/header1.xml": DECLARATION + f'<w:hdr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
        '<w:r><w:t>NORTHSHIRE CONSTABULARY - OFFICIAL</w:t></w:r></w:p></w:hdr>',
    "word/_rels/header1.xml.rels": DECLARATION + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{R}/image" Target="media/image1.png"/></Relationships>',
    "word/footer1.xml": DECLARATION + f'<w:ftr xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">Page </w:t></w:r>'
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>',
}
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
    for name, text in parts.items():
        archive.writestr(name, text)
    archive.writestr("word/media/image1.png", b"\x89PNG\r\n\x1a\n" + random.randbytes(20_000), zipfile.ZIP_STORED)

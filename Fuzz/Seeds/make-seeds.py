#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target into Fuzz/corpus/TARGET/ (run from the repository root).

The seeds are small, hand-written inputs that reach each reader's features; the fuzzers grow the
corpus from them. Re-running this rewrites them exactly (the ZIP entries carry a fixed date)."""
import io, os, shutil, zipfile, zlib

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus")

def write(target, name, data):
    folder = os.path.join(root, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)

def words(*parts):
    return "\0".join(parts)

for target in ["mustache", "markdown", "csv", "json", "arguments", "docx", "reference-docx"]:
    shutil.rmtree(os.path.join(root, target), ignore_errors=True)

# Mustache: every kind of tag, partials and parents (which the target resolves to the template
# itself), set delimiters, standalone lines, dotted names and the context's kinds of value.
write("mustache", "variables", "Hello {{name}}, {{{name}}} {{&name}} {{nested.a.b.c}} {{a.b}} {{.}} {{ratio}} {{markup}}\n")
write("mustache", "sections", "{{#list}}- {{.}}\n{{/list}}{{^none}}none{{/none}}\n{{#people}}{{name}} ({{age}}){{#list}}!{{/list}}{{/people}}\n{{#nested}}{{name}}{{#a}}{{b.c}}{{/a}}{{/nested}}\n")
write("mustache", "standalone", "  {{#yes}}\n  yes\n  {{/yes}}\n  {{! a comment }}\n{{^no}}\n  no\n{{/no}}\n")
write("mustache", "partial", "{{#list}}\n  {{>self}}\n{{/list}}\n")
write("mustache", "parent", "{{<layout}}{{$title}}Title{{/title}}{{/layout}}{{$title}}default{{/title}}\n")
write("mustache", "delimiters", "{{=<% %>=}}<% name %> <%#list%><%.%><%/list%><%={{ }}=%>{{name}}\n")
write("mustache", "errors", "{{#list}}{{/people}} {{unclosed {{/x}}\n")
with open(os.path.join(os.path.dirname(__file__), "..", "..", "Templates", "partials", "case-facts.mustache")) as f:
    write("mustache", "library-partial", f.read())

# Markdown: the subset the templates render to, with emphasis, escapes and lists.
write("markdown", "document", "# Public Interest Test\n\n## Exemption applied\n\n- Section 31(1)(a)\n- Section 24(1)\n\nA paragraph with **strong** and *emphasis* and \\*escaped\\* text,\ncontinued on a second line.\n\n1. first\n2. second\n   continued\n\n### Deeper\n")
write("markdown", "emphasis", "**bold *nested* bold** *a **b** c* ** not * closed \\** \\\\ \\# # \n*\n")
write("markdown", "lists", "- one\n* two\n1. three\n12. four\n- \n1.\n  \t\r\n")

# CSV: a batch file's header and rows, quoting, line breaks in quotes, CRLF, a byte-order mark.
write("csv", "batch", "ref,exemption,variant,question,fact\n658A/22,s31,statistics,\"What is held?\nAnd where?\",\"A fact, with a comma\"\n349A/22,\"s24,s31\",s24.harm=covert-techniques,,\n")
write("csv", "quoting", "\ufeffref,exemption,ncnd,outcome\r\n\"A \"\"quoted\"\" ref\",s36,yes,partial\r\n\r\nB,s43,no,\r\n")
write("csv", "problems", "ref,exemption\n1,s31,extra\n\"2\"x,s31\n3,\"s31\n4,s\"31\n")
write("csv", "options", "ref,exemption,date,evidence,set,output,format,authority,regime\n1,s36,2026-05-05,qualified-person=Jane;opinion-date=2026-05-01,key=value,out.txt,markdown,West Shire Council,foia\n")

# JSON: the library's files, JSON Lines rows, and the grammar's corners.
write("json", "authority", '{\n  "name": "West Shire Council",\n  "short": "the Council",\n  "kind": "council",\n  "citationStyle": "statute",\n  "regime": "foia"\n}\n')
write("json", "exemption", '{"section": "31", "title": "Law enforcement", "kind": "prejudice", "provision": "section 31(1)", "limbs": [{"letter": "a", "text": "the prevention or detection of crime"}], "defaultLimbs": ["a"], "likelihood": "likely", "evidence": [{"name": "opinion-date", "type": "date", "help": "when"}]}\n')
write("json", "regime", '{"title": "Freedom of Information Act 2000", "abbreviation": "FOIA", "short": "the Act", "word": "section", "balance": "section 2(2)(b)", "absolute": "section 2(3)"}\n')
write("json", "lines", '{"ref": "658A/22", "exemption": "s31", "question": ["What?", "Why?"], "ncnd": true, "set": {"k": "v"}}\n\n{"ref": "2", "exemption": ["s24", "s31"], "evidence": {"qualified-person": "Jane"}}\n[1]\n')
write("json", "grammar", '[null, true, false, 0, -0.5e+10, 1E-3, 12345678901234567890, "\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/", {"a": {"b": [[], {}]}}, "\xc3\xa9"]')
write("json", "errors", '{"a": 1, "a": 2, "b": [1,], "c": "\\ud800", 01, "unterminated')

# Arguments: command lines, words separated by NUL bytes.
write("arguments", "draft", words("draft", "--ref", "658A/22", "--exemption", "s31", "--date", "2022-06-01", "--authority", "West Midlands Police", "--authority-short", "WMP"))
write("arguments", "variants", words("draft", "--ref=349A/22", "--exemption=s24,s31", "--variant", "s24.harm=covert-techniques", "--variant", "statistics", "--ncnd", "--format", "markdown"))
write("arguments", "evidence", words("draft", "--ref", "12/26", "--exemption", "s36", "--evidence", "qualified-person=Jane Smith, Chief Executive", "--evidence", "opinion-date=2026-05-05", "--evidence", "opinion-basis=the draft report", "--outcome", "partial", "--format", "docx"))
write("arguments", "regime", words("draft", "--ref", "E/1", "--exemption", "12(5)(a)", "--regime", "eir", "--question", "Where?", "--fact", "It is held.", "--set", "x=y", "--limbs", "a", "--likelihood", "would", "--format", "html"))
write("arguments", "alternative", words("draft", "--ref", "77/26", "--exemption", "s30,s31", "--alternative", "--purposes", "a,b", "--authority-kind", "police", "--format", "rtf", "--", "extra"))
write("arguments", "complete", words("__complete", "variants", "--exemption", "s31", "--regime", "foia", "--", "s31.harm="))
write("arguments", "help", words("help", "draft"))
write("arguments", "batch", words("batch", "rows.csv", "--out-dir", "out", "--jobs", "2", "--fail-fast", "-h"))

# .docx: a minimal Word document stored and deflated, with styles and numbering, and raw DEFLATE
# streams of each block type.
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/_rels/document.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{R}/numbering" Target="numbering.xml"/></Relationships>',
    "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:p><w:r><w:t>Body</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>',
    "word/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style></w:styles>',
    "word/numbering.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
}

def package(method, names):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 2, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, parts[name])
    return out.getvalue()

every = list(parts)
write("docx", "stored.docx", package(zipfile.ZIP_STORED, every))
write("docx", "deflated.docx", package(zipfile.ZIP_DEFLATED, every))
write("docx", "no-styles.docx", package(zipfile.ZIP_STORED, [n for n in every if n not in ("word/styles.xml", "word/numbering.xml", "word/_rels/document.xml.rels")]))

def raw_deflate(data, strategy=zlib.Z_DEFAULT_STRATEGY, level=9):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return c.compress(data) + c.flush()

text = parts["word/document.xml"].encode()
write("docx", "fixed.deflate", raw_deflate(text, zlib.Z_FIXED))
write("docx", "dynamic.deflate", raw_deflate(text * 3))
write("docx", "stored.deflate", raw_deflate(text[:200], level=0))

# The reference .docx's parts, for the target that packs them itself: NAME, a line feed, the text;
# NUL between parts.
def parts_input(names, replace={}):
    return "\0".join(name + "\n" + (replace[name] if name in replace else parts[name]) for name in names)

write("reference-docx", "package", parts_input(every))
write("reference-docx", "minimal", parts_input(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]))
write("reference-docx", "footer-and-comments", parts_input(every + ["word/footer1.xml", "word/comments.xml"], {
    "word/_rels/document.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{R}/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="{R}/footer" Target="footer1.xml"/><Relationship Id="rId4" Type="{R}/comments" Target="comments.xml"/><Relationship Id="rId5" Type="{R}/hyperlink" Target="http://example.org/" TargetMode="External"/></Relationships>',
    "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:p/><w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>',
    "word/footer1.xml": f'<w:ftr xmlns:w="{W}"><w:p><w:r><w:t>Footer &amp; more</w:t></w:r></w:p></w:ftr>',
    "word/comments.xml": f'<w:comments xmlns:w="{W}"/>',
}))
write("reference-docx", "empty-section", parts_input(every, {
    "word/document.xml": f'<?xml version="1.0"?><!-- c --><w:document xmlns:w="{W}"><w:body><w:sectPr/></w:body></w:document>',
}))

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import Testing

/// `pit draft` in every output format, checked structurally: each format parses, carries the
/// same text as the plain-text draft, keeps the user's text literal, and is byte-identical
/// across runs.
struct FormatTests {
    static let draft = ["draft", "--ref", "658A/22", "--exemption", "s31", "--date", "2026-11-21", "--authority", "Northshire Council"]
    static let draftWithoutReference = ["draft", "--exemption", "s31", "--date", "2026-11-21", "--authority", "Northshire Council"]
    static let formats = ["text", "markdown", "html", "rtf", "docx", "json"]
    static let headings = ["Public Interest Test", "Exemption applied", "Harm", "Factors favouring disclosure",
                           "Factors favouring non-disclosure", "Balancing test"]

    /// Drafts the default PIT in `format`; `extra` that gives its own `--ref` replaces 658A/22.
    static func run(_ format: String, _ extra: [String] = []) throws -> Pit.Result {
        try Pit.run(arguments(extra) + ["--format", format])
    }

    static func arguments(_ extra: [String]) -> [String] {
        (extra.contains("--ref") ? draftWithoutReference : draft) + extra
    }

    /// The plain-text draft's blocks, one per line, list bullets and numbers removed: the text
    /// every other format must carry.
    static func textBlocks(_ extra: [String] = []) throws -> [String] {
        let text = try run("text", extra).text
        return text.split(separator: "\n").map { line in
            if line.hasPrefix("- ") { return String(line.dropFirst(2)) }
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return String(line.dropFirst(digits.count + 2)) }
            return String(line)
        }
    }

    // MARK: - Every format

    @Test(arguments: formats)
    func draftsTheDefaultPITWithIdenticalBytesEachRun(_ format: String) throws {
        let first = try Self.run(format)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty)
        #expect(!first.stdout.isEmpty)
        let second = try Self.run(format)
        #expect(second.stdout == first.stdout, "the same inputs give the same bytes")
    }

    @Test(arguments: [("txt", "text"), ("md", "markdown"), ("markdown", "markdown"), ("html", "html"), ("htm", "html"),
                      ("HTML", "html"), ("rtf", "rtf"), ("docx", "docx"), ("json", "json")])
    func formatIsInferredFromTheOutputExtension(_ ext: String, _ format: String) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("draft.\(ext)")
        let written = try Pit.run(Self.draft + ["--output", file.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        #expect(try Data(contentsOf: file) == (try Self.run(format)).stdout)
    }

    @Test func explicitFormatWinsOverTheExtension() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("draft.html")
        let written = try Pit.run(Self.draft + ["--format", "markdown", "--output", file.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try Data(contentsOf: file) == (try Self.run("markdown")).stdout)
        let unknown = folder.appendingPathComponent("draft.pdf")
        #expect(try Pit.run(Self.draft + ["--output", unknown.path]).status == 0)
        #expect(try Data(contentsOf: unknown) == (try Self.run("text")).stdout, "an unknown extension means text")
    }

    @Test func unknownFormatIsAUsageError() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Pit.run(Self.draft + ["--format", "pdf", "--output", folder.appendingPathComponent("x.pdf").path])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown format 'pdf'"))
        #expect(try Pit.contents(of: folder).isEmpty)
        let close = try Self.run("htm")
        #expect(close.status == 64)
        #expect(close.stdout.isEmpty)
        #expect(close.stderr.contains("did you mean 'html'"))
    }

    @Test func docxGoesToAPipe() throws {
        let result = try Self.run("docx")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.prefix(2) == Data("PK".utf8))
    }

    @Test(.enabled(if: Pit.script != nil, "script is not installed: pit cannot be given a terminal"))
    func docxIsRefusedOnATerminal() throws {
        let (status, transcript) = try Pit.runOnTerminal(Self.draft + ["--format", "docx"])
        #expect(status == 64, "\(transcript)")
        #expect(transcript.contains("binary"))
        #expect(!transcript.contains("PK"))
    }

    // MARK: - Markdown and HTML

    @Test func markdownHasTheHeadingsAndTheText() throws {
        let markdown = try Self.run("markdown").text
        #expect(markdown.hasPrefix("# Public Interest Test\n\n**Request reference:** 658A/22\n"))
        for heading in Self.headings.dropFirst() { #expect(markdown.contains("\n## \(heading)\n"), "\(heading)") }
        #expect(markdown.contains("\n- Section 31(1)(a)(b) – Law enforcement\n"))
    }

    @Test func htmlIsBalancedAndCarriesTheText() throws {
        let html = try Self.run("html").text
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("<title>Public Interest Test – 658A/22</title>"))
        #expect(Self.tagsBalance(html))
        #expect(html.contains("<h1>Public Interest Test</h1>"))
        for heading in Self.headings.dropFirst() { #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)") }
        #expect(HTMLText.blocks(html) == (try Self.textBlocks()))
    }

    /// Whether every element opened is closed in order (void elements aside).
    static func tagsBalance(_ html: String) -> Bool {
        var open: [Substring] = []
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "<") {
            guard let end = rest[start...].firstIndex(of: ">") else { return false }
            let tag = rest[rest.index(after: start)..<end]
            rest = rest[rest.index(after: end)...]
            if tag.hasPrefix("!") { continue }
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            if tag.hasPrefix("/") {
                guard open.popLast().map({ $0.lowercased() }) == name else { return false }
            } else if !["meta", "link", "br", "hr", "img"].contains(name) && !tag.hasSuffix("/") {
                open.append(Substring(name))
            }
        }
        return open.isEmpty
    }

    // MARK: - RTF

    @Test func rtfIsBalancedASCIIWithStyledHeadings() throws {
        let rtf = try Self.run("rtf").text
        #expect(rtf.hasPrefix("{\\rtf1"))
        #expect(Self.bracesBalance(rtf))
        #expect(rtf.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(rtf.contains("{\\fonttbl"))
        #expect(rtf.contains("{\\stylesheet"))
        #expect(rtf.contains("\\s1\\keepn\\sb0\\sa120\\outlinelevel0\\b\\f1\\fs32\\lang2057 Public Interest Test\\par"))
        for heading in Self.headings.dropFirst() {
            #expect(rtf.contains("\\outlinelevel1\\b\\f1\\fs26\\lang2057 \(heading)\\par"), "\(heading)")
        }
        #expect(rtf.contains("Section 31(1)(a)(b) \\u8211? Law enforcement"))
    }

    /// Whether the braces balance, escaped ones aside, with the outer group closed only at the end.
    static func bracesBalance(_ rtf: String) -> Bool {
        var depth = 0
        var escaped = false
        let trimmed = rtf.hasSuffix("\n") ? Substring(rtf.dropLast()) : Substring(rtf)
        for (offset, character) in trimmed.enumerated() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth < 0 || (depth == 0 && offset != trimmed.count - 1) { return false }
            default: break
            }
        }
        return depth == 0
    }

    // MARK: - DOCX

    /// Info-ZIP's unzip; the tests that read a .docx with it are skipped when it is not installed.
    static let unzipTool = ExternalTool.path("unzip")

    /// The package's parts, unzipped by Info-ZIP.
    static func unzip(_ file: URL) throws -> [String: Data] {
        let unzip = try #require(unzipTool, "unzip is not installed")
        let folder = file.deletingLastPathComponent().appendingPathComponent("unzipped")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: unzip)
        process.arguments = ["-q", file.path, "-d", folder.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var parts: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let path = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                parts[path] = try Data(contentsOf: url)
            }
        }
        return parts
    }

    /// The text of each `w:p` of a WordprocessingML body.
    static func wordParagraphs(_ document: XMLDocument) -> [String] {
        var paragraphs: [String] = []
        func text(_ node: XMLNode) -> String {
            if node.kind == .element && node.localName == "t" { return node.stringValue ?? "" }
            return (node.children ?? []).map(text).joined()
        }
        func visit(_ node: XMLNode) {
            if node.kind == .element && node.localName == "p" { paragraphs.append(text(node)); return }
            for child in node.children ?? [] { visit(child) }
        }
        if let root = document.rootElement() { visit(root) }
        return paragraphs
    }

    /// Drafts into a .docx file and returns its parts (unzipped by Info-ZIP), each checked to be
    /// well-formed XML.
    static func docxParts(_ extra: [String] = []) throws -> [String: Data] {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("draft.docx")
        let result = try Pit.run(Self.arguments(extra) + ["--output", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: file)
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        let parts = try unzip(file)
        for (_, data) in parts { _ = try parse(data) }
        return parts
    }

    static func parse(_ data: Data?) throws -> XMLDocument {
        try XMLDocument(data: try #require(data), options: [.nodePreserveWhitespace])
    }

    @Test(.enabled(if: unzipTool != nil, "unzip is not installed"))
    func docxUnzipsIntoWellFormedPartsWithTheText() throws {
        let parts = try Self.docxParts()
        #expect(parts.keys.sorted() == ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
                                        "word/_rels/document.xml.rels", "word/document.xml", "word/footer1.xml", "word/numbering.xml",
                                        "word/settings.xml", "word/styles.xml"])
        #expect(Self.wordParagraphs(try Self.parse(parts["word/document.xml"])) == (try Self.textBlocks()))
        let xml = String(decoding: parts["word/document.xml"] ?? Data(), as: UTF8.self)
        for (level, heading) in Self.headings.enumerated() {
            let style = level == 0 ? "Heading1" : "Heading2"
            #expect(xml.contains("<w:pStyle w:val=\"\(style)\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(heading)</w:t>"), "\(heading)")
        }
        let core = try Self.parse(parts["docProps/core.xml"])
        #expect(core.rootElement()?.elements(forName: "dc:title").first?.stringValue == "Public Interest Test – 658A/22")
        let styles = String(decoding: parts["word/styles.xml"] ?? Data(), as: UTF8.self)
        #expect(styles.contains("w:styleId=\"Heading1\""))
        #expect(styles.contains("w:outlineLvl"))
    }

    // MARK: - JSON

    static func json(_ extra: [String] = []) throws -> [String: Any] {
        let result = try run("json", extra)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.hasSuffix("}\n"))
        return try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    }

    /// GNU coreutils' sha256sum, an implementation of SHA-256 other than pit's own.
    static let sha256sumTool = ExternalTool.path("sha256sum")

    static func sha256sum(_ file: URL) throws -> String? {
        let tool = try #require(sha256sumTool, "sha256sum is not installed")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: " ").first.map(String.init)
    }

    @Test func jsonParsesWithTheStructure() throws {
        let json = try Self.json()
        #expect(json["reference"] as? String == "658A/22")
        #expect(json["date"] as? String == "2026-11-21")
        #expect(json["dateText"] as? String == "21 November 2026")
        #expect(json["title"] as? String == "Public Interest Test")
        let exemptions = try #require(json["exemptions"] as? [[String: Any]])
        #expect(exemptions.map { $0["citation"] as? String } == ["Section 31(1)(a)(b)"])
        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.map { $0["heading"] as? String } == Self.headings)
        #expect(sections.map { $0["level"] as? Int } == [1, 2, 2, 2, 2, 2])
        let provenance = try #require(json["provenance"] as? [String: Any])
        let templates = try #require(provenance["templates"] as? [[String: String]])
        #expect(templates.contains { $0["path"] == "document.mustache" })
        #expect(templates.contains { $0["path"] == "exemptions/s31/harm/default.mustache" })
        #expect(templates.allSatisfy { $0["layer"] == "built-in" })
    }

    /// Each template's hash, built-in or from an overlay, is the one sha256sum gives its file.
    @Test(.enabled(if: sha256sumTool != nil, "sha256sum is not installed"))
    func jsonRecordsEachTemplatesSHA256() throws {
        let overlay = Pit.fixtures.appendingPathComponent("house-style").path
        let json = try Self.json(["--templates", overlay])
        let templates = try #require((json["provenance"] as? [String: Any])?["templates"] as? [[String: String]])
        #expect(templates.contains { $0["layer"] == "built-in" } && templates.contains { $0["layer"] == overlay })
        for template in templates {
            let folder = template["layer"] == "built-in" ? Pit.repository.appendingPathComponent("Templates") : URL(fileURLWithPath: overlay)
            let file = folder.appendingPathComponent(template["path"] ?? "")
            #expect(template["sha256"] == (try Self.sha256sum(file)), "\(template["path"] ?? "")")
        }
    }

    @Test func jsonNamesAnOverlayLayerAsGiven() throws {
        let overlay = Pit.fixtures.appendingPathComponent("house-style").path
        let json = try Self.json(["--templates", overlay])
        let templates = try #require((json["provenance"] as? [String: Any])?["templates"] as? [[String: String]])
        #expect(templates.contains { $0["layer"] == overlay })
        #expect(templates.allSatisfy { $0["layer"] == overlay || $0["layer"] == "built-in" })
    }

    // MARK: - Hostile user text

    static let hostileReference = "<script>alert(1)</script>"
    static let hostileQuestion = "{\\rtf1 \\par} & < > \" ' 🙂"
    static let hostileFact = "# not a heading **not bold** \u{200F}RLM"
    static var hostile: [String] {
        ["--ref", hostileReference, "--question", hostileQuestion, "--fact", hostileFact]
    }

    @Test func hostileTextIsLiteralInText() throws {
        let text = try Self.run("text", Self.hostile).text
        #expect(text.contains("Request reference: \(Self.hostileReference)\n"))
        #expect(text.contains("1. \(Self.hostileQuestion)\n"))
        #expect(text.contains("\n\(Self.hostileFact)\n"))
    }

    @Test func hostileTextIsLiteralInMarkdown() throws {
        let markdown = try Self.run("markdown", Self.hostile).text
        #expect(markdown.contains("**Request reference:** \\<script\\>alert(1)\\</script\\>\n"))
        #expect(markdown.contains("1. \\{\\\\rtf1 \\\\par\\} & \\< \\> \\\" \\' 🙂\n"))
        #expect(markdown.contains("\n\\# not a heading \\*\\*not bold\\*\\* \u{200F}RLM\n"))
        #expect(!markdown.contains("\n# not"))
    }

    @Test func hostileTextIsLiteralInHTML() throws {
        let html = try Self.run("html", Self.hostile).text
        #expect(!html.contains("<script"))
        #expect(html.contains("<title>Public Interest Test – &lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(html.contains("<li>{\\rtf1 \\par} &amp; &lt; &gt; &quot; &#39; 🙂</li>"))
        #expect(html.contains("<p># not a heading **not bold** \u{200F}RLM</p>"))
        #expect(Self.tagsBalance(html))
        #expect(HTMLText.blocks(html) == (try Self.textBlocks(Self.hostile)))
    }

    @Test func hostileTextIsLiteralInRTF() throws {
        let rtf = try Self.run("rtf", Self.hostile).text
        #expect(rtf.contains("{\\b Request reference:} <script>alert(1)</script>\\par"))
        #expect(rtf.contains("{\\listtext\\pard\\plain\\f0\\fs24 1.\\tab}"))
        #expect(rtf.contains("\\ls2\\ilvl0 \\{\\\\rtf1 \\\\par\\} & < > \" ' \\u-10179?\\u-8638?\\par"))
        #expect(rtf.contains(" # not a heading **not bold** \\u8207?RLM\\par"))
        #expect(rtf.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(Self.bracesBalance(rtf))
    }

    @Test(.enabled(if: unzipTool != nil, "unzip is not installed"))
    func hostileTextIsLiteralInDOCX() throws {
        let parts = try Self.docxParts(Self.hostile)
        let paragraphs = Self.wordParagraphs(try Self.parse(parts["word/document.xml"]))
        #expect(paragraphs.contains("Request reference: \(Self.hostileReference)"))
        #expect(paragraphs.contains(Self.hostileQuestion))
        #expect(paragraphs.contains(Self.hostileFact))
        #expect(paragraphs == (try Self.textBlocks(Self.hostile)))
        #expect(String(decoding: parts["word/document.xml"] ?? Data(), as: UTF8.self).contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let core = try Self.parse(parts["docProps/core.xml"])
        #expect(core.rootElement()?.elements(forName: "dc:title").first?.stringValue == "Public Interest Test – " + Self.hostileReference)
    }

    @Test func hostileTextIsLiteralInJSON() throws {
        let json = try Self.json(Self.hostile)
        #expect(json["reference"] as? String == Self.hostileReference)
        #expect(json["questions"] as? [String] == [Self.hostileQuestion])
        #expect(json["facts"] as? [String] == [Self.hostileFact])
        let sections = try #require(json["sections"] as? [[String: Any]])
        let blocks = sections.flatMap { ($0["blocks"] as? [[String: Any]]) ?? [] }
        #expect(blocks.contains { $0["text"] as? String == Self.hostileFact })
        #expect(blocks.contains { $0["text"] as? String == "Request reference: \(Self.hostileReference)" })
        #expect(blocks.contains { ($0["items"] as? [String]) == [Self.hostileQuestion] })
    }
}

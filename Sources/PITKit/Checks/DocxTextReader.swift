/// Reads the text of a Word document (a .docx pit wrote, as Word or LibreOffice saved it again)
/// into a `CheckDocument`: one block a paragraph, numbered in document order (tables and text
/// boxes included), with headings and list items told apart by their styles. It reads runs split
/// anywhere, tabs and breaks, field results (not their codes), inserted text (not deleted text),
/// content controls and hyperlinks; parts are stored or deflated (`ZipReader`, `Inflate`).
enum DocxTextReader {
    static func read(_ bytes: [UInt8]) throws -> CheckDocument {
        let archive = try ZipReader(bytes)
        let mainPath = try mainDocumentPath(archive)
        guard let main = archive.entry(mainPath) else { throw PITError(.data, "it has no '\(mainPath)'") }
        let styles = try archive.entry("word/styles.xml").map { try Styles(archive.data($0)) } ?? Styles()
        return CheckDocument(blocks: try paragraphs(archive.data(main), styles: styles))
    }

    /// The main document part, as the package relationships name it.
    private static func mainDocumentPath(_ archive: ZipReader) throws -> String {
        guard let rels = archive.entry("_rels/.rels") else { return "word/document.xml" }
        for tag in try XMLTags.scan(archive.data(rels)) where tag.opens && local(tag.name) == "Relationship" {
            guard tag.attribute("Type")?.hasSuffix("/officeDocument") == true, let target = tag.attribute("Target") else { continue }
            return target.hasPrefix("/") ? String(target.dropFirst()) : target
        }
        return "word/document.xml"
    }

    private static func local(_ name: String) -> Substring {
        guard let colon = name.firstIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    /// One paragraph being read.
    private struct Paragraph {
        let number: Int
        var text: [UInt8] = []
        var style: String?
        var listed = false
        var outline: Int?
    }

    private static func paragraphs(_ xml: [UInt8], styles: Styles) throws -> [CheckDocument.Block] {
        let tags = try XMLTags.scan(xml)
        var blocks: [(number: Int, block: CheckDocument.Block)] = []
        var open: [Paragraph] = []
        var count = 0
        var skipDepth = 0          // inside deleted text or a fallback
        var inProperties = 0       // inside w:pPr
        var fields: [Bool] = []    // for each open field: true while in its instructions
        for (index, tag) in tags.enumerated() {
            let name = tag.name
            if skipDepth > 0 {
                if tag.kind == .start { skipDepth += 1 } else if tag.kind == .end { skipDepth -= 1 }
                continue
            }
            switch (tag.kind, name) {
            case (.start, "w:del"), (.start, "w:moveFrom"), (.start, "mc:Fallback"), (.start, "w:instrText"), (.start, "w:delText"):
                skipDepth = 1
            case (.start, "w:p"), (.empty, "w:p"):
                count += 1
                if tag.kind == .start { open.append(Paragraph(number: count)) }
            case (.end, "w:p"):
                guard let paragraph = open.popLast() else { break }
                if let block = styles.block(for: paragraph) { blocks.append((paragraph.number, block)) }
            case (.start, "w:pPr"):
                inProperties += 1
            case (.end, "w:pPr"):
                inProperties -= 1
            case (_, "w:pStyle") where inProperties > 0:
                open.indices.last.map { open[$0].style = tag.attribute("w:val") }
            case (_, "w:numPr") where inProperties > 0:
                open.indices.last.map { open[$0].listed = true }
            case (_, "w:outlineLvl") where inProperties > 0:
                open.indices.last.map { open[$0].outline = tag.attribute("w:val").flatMap { Int($0) } }
            case (_, "w:fldChar"):
                switch tag.attribute("w:fldCharType") {
                case "begin": fields.append(true)
                case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
                case "end": _ = fields.popLast()
                default: break
                }
            case (.start, "w:t"):
                guard !open.isEmpty, fields.last != true, index + 1 < tags.count else { break }
                let text = try XMLTags.decode(xml[tag.range.upperBound..<tags[index + 1].range.lowerBound])
                open[open.count - 1].text += text.utf8
            case (_, "w:tab"), (_, "w:br"), (_, "w:cr"):
                if inProperties == 0, !open.isEmpty, fields.last != true { open[open.count - 1].text.append(UInt8(ascii: " ")) }
            case (_, "w:noBreakHyphen"):
                if !open.isEmpty, fields.last != true { open[open.count - 1].text.append(UInt8(ascii: "-")) }
            default:
                break
            }
        }
        return blocks.sorted { $0.number < $1.number }.map(\.block)
    }

    /// The paragraph styles of `word/styles.xml`: which are headings (by their names, which Word
    /// keeps in English whatever the language, or their outline level) and which are lists.
    private struct Styles {
        private var headingLevel: [String: Int] = [:]
        private var listed: Set<String> = []

        init() {}

        init(_ xml: [UInt8]) throws {
            var id: String?
            var names: [String: String] = [:]
            var basedOn: [String: String] = [:]
            var outline: [String: Int] = [:]
            for tag in try XMLTags.scan(xml) {
                switch (tag.kind, tag.name) {
                case (.start, "w:style"): id = tag.attribute("w:styleId")
                case (.end, "w:style"): id = nil
                case (_, "w:name"): if let id { names[id] = tag.attribute("w:val")?.lowercased() }
                case (_, "w:basedOn"): if let id { basedOn[id] = tag.attribute("w:val") }
                case (_, "w:outlineLvl"): if let id { outline[id] = tag.attribute("w:val").flatMap { Int($0) } }
                case (_, "w:numPr"): if let id { listed.insert(id) }
                default: break
                }
            }
            for style in Set(names.keys).union(outline.keys) {
                var current: String? = style
                var depth = 0
                while let id = current, depth < 10 {
                    if let level = Self.level(named: names[id]) ?? outline[id].map({ $0 + 1 }) {
                        if level <= 9 { headingLevel[style] = level }
                        break
                    }
                    current = basedOn[id]
                    depth += 1
                }
                if names[style]?.hasPrefix("list") == true { listed.insert(style) }
            }
        }

        /// `heading 2` → 2, `title` → 1.
        private static func level(named name: String?) -> Int? {
            guard let name else { return nil }
            if name == "title" { return 1 }
            guard name.hasPrefix("heading "), let level = Int(name.dropFirst(8)) else { return nil }
            return level
        }

        func block(for paragraph: Paragraph) -> CheckDocument.Block? {
            let text = String(decoding: paragraph.text, as: UTF8.self)
            let trimmed = Substring(text).trimmingBlanks
            guard !trimmed.isEmpty else { return nil }
            let style = paragraph.style ?? ""
            let kind: CheckDocument.Block.Kind
            if let level = paragraph.outline.map({ $0 + 1 }).flatMap({ $0 <= 9 ? $0 : nil }) ?? headingLevel[style] {
                kind = .heading(level: level)
            } else if paragraph.listed || listed.contains(style) {
                kind = .listItem
            } else {
                kind = .paragraph
            }
            return CheckDocument.Block(kind: kind, text: String(trimmed), line: paragraph.number)
        }
    }
}

@testable import PITKit
import TestSupport
import Testing

/// The body of a .docx against the way it was first written: runs grouped by `StyledRun.runs`,
/// each made of strings, text escaped a character at a time. Writing it with fewer calls per
/// byte must not change a byte.
struct DOCXBodyTests {
    /// The body as written before: one `w:p` per paragraph or item, `pPr` from the style ids,
    /// one `w:r` per styled run (between the base's start and end, which do not depend on it).
    static func expectedBody(_ document: Document, base: DOCXBase) -> [UInt8] {
        var xml = String(decoding: base.markup.bodyStart, as: UTF8.self)
        var lists = 0
        func paragraph(_ properties: String, _ content: [Document.Inline]) {
            xml += "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")
            for run in StyledRun.runs(content) {
                xml += "<w:r>"
                if run.strong || run.emphasis {
                    xml += "<w:rPr>" + (run.strong ? "<w:b/><w:bCs/>" : "") + (run.emphasis ? "<w:i/><w:iCs/>" : "") + "</w:rPr>"
                }
                let breaks = XMLEscaping.Breaks(tab: "</w:t><w:tab/><w:t xml:space=\"preserve\">",
                                                lineFeed: "</w:t><w:br/><w:t xml:space=\"preserve\">")
                xml += "<w:t xml:space=\"preserve\">" + XMLEscapingTests.expected(run.text, breaks: breaks) + "</w:t></w:r>\n"
            }
            xml += "</w:p>\n"
        }
        for block in document.blocks {
            switch block {
            case .heading(let level, let content):
                paragraph("<w:pStyle w:val=\"\(base.styles.headings[HeadingStyle.clamp(level) - 1])\"/>", content)
            case .paragraph(let content):
                paragraph("", content)
            case .list(_, let items):
                let properties = "<w:pStyle w:val=\"\(base.styles.listParagraph)\"/><w:numPr><w:ilvl w:val=\"0\"/>"
                    + "<w:numId w:val=\"\(base.numbering.firstInstanceID + lists)\"/></w:numPr>"
                lists += 1
                for item in items { paragraph(properties, item) }
            }
        }
        xml += String(decoding: base.markup.bodyEnd, as: UTF8.self)
        return Array(xml.utf8)
    }

    /// Random inline content: text (some empty, some with tabs, breaks and markup characters),
    /// strong and emphasis spans nested up to `depth`.
    static func inlines(_ generator: inout SeededGenerator, depth: Int) -> [Document.Inline] {
        let texts = ["", "plain", " spaced ", "a & b", "<tag>", "tab\there", "line\nbreak", "cr\r\nlf", "it's", "–", "x\u{1}y"]
        return (0..<Int.random(in: 0...4, using: &generator)).map { _ in
            switch Int.random(in: 0..<(depth > 0 ? 4 : 1), using: &generator) {
            case 2: return .strong(inlines(&generator, depth: depth - 1))
            case 3: return .emphasis(inlines(&generator, depth: depth - 1))
            default: return .text(texts.randomElement(using: &generator)!)
            }
        }
    }

    static func document(_ generator: inout SeededGenerator) -> Document {
        Document(blocks: (0..<Int.random(in: 0...6, using: &generator)).map { _ in
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: return .heading(level: Int.random(in: 0...8, using: &generator), content: inlines(&generator, depth: 2))
            case 1: return .list(ordered: Bool.random(using: &generator),
                                 items: (0..<Int.random(in: 1...3, using: &generator)).map { _ in inlines(&generator, depth: 2) })
            default: return .paragraph(inlines(&generator, depth: 3))
            }
        })
    }

    @Test func randomDocumentsGiveTheSameBytesAsBefore() throws {
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<500 {
            let document = Self.document(&generator)
            #expect(DOCXWriter.body(document, in: .builtIn).xml == Self.expectedBody(document, base: .builtIn))
        }
    }

    @Test func adjacentTextOfOneStyleIsOneRun() {
        let document = Document(blocks: [.paragraph([.text("a"), .strong([]), .text(""), .text("b"), .strong([.text("c")]),
                                                      .strong([.emphasis([]), .text("d")]), .emphasis([.text("e")])])])
        let xml = String(decoding: DOCXWriter.body(document, in: .builtIn).xml, as: UTF8.self)
        #expect(xml.contains("<w:p><w:r><w:t xml:space=\"preserve\">ab</w:t></w:r>\n"
            + "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">cd</w:t></w:r>\n"
            + "<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">e</w:t></w:r>\n</w:p>\n"))
    }

    @Test func aParagraphWithoutTextHasNoRun() {
        let document = Document(blocks: [.paragraph([.strong([.text("")])]), .heading(level: 1, content: [])])
        let xml = String(decoding: DOCXWriter.body(document, in: .builtIn).xml, as: UTF8.self)
        #expect(xml.contains("<w:body>\n<w:p></w:p>\n<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr></w:p>\n<w:sectPr>"))
    }

    /// A remembered block's XML is found again only for the same content written alike: the
    /// same heading level, the same list numbering; and it is the XML written anew.
    @Test func blockMemoFindsOnlyBlocksWrittenAlike() {
        let memo = DOCXBlockMemo(), base = DOCXBase.builtIn
        let content: [Document.Inline] = [.text("A paragraph long enough to be kept in storage of its own."), .strong([.text("bold")])]
        let items: [[Document.Inline]] = [content, [.text("second")]]
        let blocks: [Document.Block] = [.paragraph(content), .heading(level: 1, content: content), .heading(level: 2, content: content),
                                        .list(ordered: true, items: items), .list(ordered: false, items: items)]
        let document = Document(blocks: blocks)
        for _ in 0..<2 {
            let (found, orderedLists) = memo.xml(document, in: base)
            #expect(orderedLists == [true, false])
            var instance = base.numbering.firstInstanceID
            for (block, xml) in zip(blocks, found) {
                let written = DOCXBlockXML(block, listInstance: instance, markup: base.markup)
                if case .list = block { instance += 1 }
                #expect(xml.bytes == written.bytes && xml.numbers == written.numbers, "\(block)")
                #expect(xml.stretches.map(\.crc) == written.stretches.map(\.crc) && xml.stretches.map(\.end) == written.stretches.map(\.end))
            }
        }
        #expect(memo.xml(Document(blocks: [blocks[0]]), in: base).blocks[0] === memo.xml(document, in: base).blocks[0])
    }
}

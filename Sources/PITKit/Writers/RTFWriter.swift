/// Rich Text Format for Word and LibreOffice: a font table, a stylesheet (Normal and headings with
/// outline levels, so the navigation pane shows them), real lists (a list table and an override
/// per list, so Word renumbers an item added to one), A4 pages with a footer giving the reference
/// and "Page X of Y", `\\b` and `\\i` for emphasis. The file is plain ASCII: every other character
/// is a `\\uN?` escape (UTF-16, so characters beyond U+FFFF are a surrogate pair), and `\\`, `{`
/// and `}` are escaped.
public struct RTFWriter: DocumentWriter {
    public init() {}

    public func write(_ draft: Draft) -> [UInt8] {
        var output = "{\\rtf1\\ansi\\ansicpg1252\\deff0\\deflang2057\\uc1\n"
        output += "{\\fonttbl{\\f0\\froman\\fcharset0 \(HeadingStyle.bodyFont);}{\\f1\\fswiss\\fcharset0 \(HeadingStyle.headingFont);}}\n"
        output += "{\\stylesheet{\(Self.normal()) Normal;}"
        for level in HeadingStyle.levels {
            output += "{\(Self.heading(level))\\sbasedon0\\snext0 heading \(level);}"
        }
        output += "{\(Self.listParagraph)\\sbasedon0\\snext\(Self.listParagraphStyle) List Paragraph;}}\n"
        let lists = draft.document.blocks.compactMap { block -> Bool? in
            if case .list(let ordered, _) = block { return ordered }
            return nil
        }
        if !lists.isEmpty { output += Self.listTables(lists) }
        output += "{\\info{\\title \(Self.escape("Public Interest Test – " + draft.reference))}"
        output += "{\\author \(Self.escape(draft.authority.name))}"
        output += "{\\creatim\\yr\(draft.date.year)\\mo\(draft.date.month)\\dy\(draft.date.day)\\hr0\\min0}}\n"
        output += "\\paperw11906\\paperh16838\\margl1418\\margr1418\\margt1418\\margb1418\\footery709\\widowctrl\n"
        output += Self.footer(draft.reference)
        var listNumber = 0
        for block in draft.document.blocks {
            switch block {
            case .heading(let level, let content):
                output += "\\pard\\plain\(Self.heading(level)) \(Self.inline(content))\\par\n"
            case .paragraph(let content):
                output += "\\pard\\plain\(Self.normal()) \(Self.inline(content))\\par\n"
            case .list(let ordered, let items):
                listNumber += 1
                for (number, item) in items.enumerated() {
                    let marker = ordered ? "\(number + 1)." : Self.escape(Self.bullet)
                    output += "{\\listtext\\pard\\plain\\f0\\fs\(HeadingStyle.bodyHalfPoints) \(marker)\\tab}"
                    output += "\\pard\\plain\(Self.listParagraph)\\ls\(listNumber)\\ilvl0 \(Self.inline(item))\\par\n"
                }
            }
        }
        output += "}\n"
        return Array(output.utf8)
    }

    static let bullet = "•"

    /// The list table (one list per list of the document, bullet or `1.`, so each numbered list
    /// counts from 1) and the override table (`\\lsN` is the document's Nth list).
    static func listTables(_ orderedLists: [Bool]) -> String {
        var table = "{\\*\\listtable"
        var overrides = "{\\*\\listoverridetable"
        for (index, ordered) in orderedLists.enumerated() {
            let text = ordered ? "{\\leveltext\\'02\\'00.;}{\\levelnumbers\\'01;}" : "{\\leveltext\\'01\(escape(bullet));}{\\levelnumbers;}"
            table += "\n{\\list\\listtemplateid\(index + 1)\\listsimple1{\\listlevel\\levelnfc\(ordered ? 0 : 23)\\levelnfcn\(ordered ? 0 : 23)"
            table += "\\leveljc0\\leveljcn0\\levelfollow0\\levelstartat1\(text)\\fi-360\\li720\\lin720 }{\\listname ;}\\listid\(index + 1)}"
            overrides += "\n{\\listoverride\\listid\(index + 1)\\listoverridecount0\\ls\(index + 1)}"
        }
        return table + "}\n" + overrides + "}\n"
    }

    /// The footer of every page: "Public Interest Test – REF · Page X of Y", the page number and
    /// count as PAGE and NUMPAGES fields.
    static func footer(_ reference: String) -> String {
        func field(_ instruction: String) -> String { "{\\field{\\*\\fldinst \(instruction)}{\\fldrslt 1}}" }
        return "{\\footer\\pard\\plain\\qc\\f0\\fs18\\lang2057 \(escape("Public Interest Test – " + reference + " · Page "))"
            + "\(field("PAGE")) of \(field("NUMPAGES"))\\par}\n"
    }

    /// The Normal style's properties: 12-point serif, British English, 8 points after, in
    /// twentieths of a point.
    static func normal(style: Int = 0) -> String {
        "\\s\(style)\\sa\(DOCXParts.paragraphSpaceAfter)\\sl276\\slmult1\\f0\\fs\(HeadingStyle.bodyHalfPoints)\\lang2057"
    }

    /// List Paragraph: Normal indented, with no space between its paragraphs (the items of a
    /// list), so a list keeps a paragraph's space after its last item.
    static let listParagraphStyle = HeadingStyle.levels.upperBound + 1
    static let listParagraph = normal(style: listParagraphStyle) + "\\contextualspace\\fi-360\\li720\\tx720"

    /// A heading style's properties (`\s1` is heading 1, at outline level 0).
    static func heading(_ level: Int) -> String {
        let level = HeadingStyle.clamp(level)
        return "\\s\(level)\\keepn\\sb\(HeadingStyle.spaceBefore(level))\\sa120\\outlinelevel\(level - 1)"
            + "\\b\\f1\\fs\(HeadingStyle.halfPoints(level))\\lang2057"
    }

    static func inline(_ content: [Document.Inline]) -> String {
        StyledRun.runs(content).map { run in
            guard run.strong || run.emphasis else { return escape(run.text) }
            return "{" + (run.strong ? "\\b" : "") + (run.emphasis ? "\\i" : "") + " " + escape(run.text) + "}"
        }.joined()
    }

    /// `text` as RTF: ASCII as itself except `\ { }`, tab and line break as control words,
    /// other controls dropped, everything else `\uN?` per UTF-16 unit (N signed 16-bit).
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C, 0x7B, 0x7D:
                output += "\\"
                output.unicodeScalars.append(scalar)
            case 0x09: output += "\\tab "
            case 0x0A: output += "\\line "
            case 0x20..<0x7F: output.unicodeScalars.append(scalar)
            case 0x00..<0x20, 0x7F: break
            default:
                for unit in String(scalar).utf16 { output += "\\u\(Int16(bitPattern: unit))?" }
            }
        }
        return output
    }
}

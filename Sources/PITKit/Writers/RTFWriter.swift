/// Rich Text Format for Word and LibreOffice: a font table, a stylesheet (Normal and headings with
/// outline levels, so the navigation pane shows them), A4 pages, paragraphs, lists written as
/// "•" or "1." items with a hanging indent, `\b` and `\i` for emphasis. The file is plain ASCII:
/// every other character is a `\uN?` escape (UTF-16, so characters beyond U+FFFF are a
/// surrogate pair), and `\`, `{` and `}` are escaped.
public struct RTFWriter: DocumentWriter {
    public init() {}

    public func write(_ draft: Draft) -> [UInt8] {
        var output = "{\\rtf1\\ansi\\ansicpg1252\\deff0\\deflang2057\\uc1\n"
        output += "{\\fonttbl{\\f0\\froman\\fcharset0 \(HeadingStyle.bodyFont);}{\\f1\\fswiss\\fcharset0 \(HeadingStyle.headingFont);}}\n"
        output += "{\\stylesheet{\(Self.normal()) Normal;}"
        for level in HeadingStyle.levels {
            output += "{\(Self.heading(level))\\sbasedon0\\snext0 heading \(level);}"
        }
        output += "}\n"
        output += "{\\info{\\title \(Self.escape("Public Interest Test – " + draft.reference))}"
        output += "{\\author \(Self.escape(draft.authority.name))}}\n"
        output += "\\paperw11906\\paperh16838\\margl1418\\margr1418\\margt1418\\margb1418\\widowctrl\n"
        for block in draft.document.blocks {
            switch block {
            case .heading(let level, let content):
                output += "\\pard\\plain\(Self.heading(level)) \(Self.inline(content))\\par\n"
            case .paragraph(let content):
                output += "\\pard\\plain\(Self.normal()) \(Self.inline(content))\\par\n"
            case .list(let ordered, let items):
                for (number, item) in items.enumerated() {
                    let marker = ordered ? "\(number + 1)." : Self.escape("•")
                    output += "\\pard\\plain\(Self.normal(spaceAfter: 80))\\fi-360\\li720\\tx720 \(marker)\\tab \(Self.inline(item))\\par\n"
                }
            }
        }
        output += "}\n"
        return Array(output.utf8)
    }

    /// The Normal style's properties: 12-point serif, British English, 8 points after (list
    /// items, less), in twentieths of a point.
    static func normal(spaceAfter: Int = 160) -> String {
        "\\s0\\sa\(spaceAfter)\\sl276\\slmult1\\f0\\fs\(HeadingStyle.bodyHalfPoints)\\lang2057"
    }

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

/// CommonMark: `#` headings, paragraphs on one line, `-` and `1.` lists, `**strong**` and
/// `*emphasis*`, a blank line between blocks. Every text from the model stays literal wherever
/// the Markdown is read — CommonMark, GFM or pandoc's Markdown: the characters any of them would
/// read as markup (strike-through, super- and subscripts, maths, bare URLs, smart quotes and
/// dashes among them) are backslash-escaped, which CommonMark allows before any ASCII
/// punctuation, and only where they would be read so, to keep the text readable.
public struct MarkdownWriter: DocumentWriter {
    public init() {}

    public func write(_ draft: Draft) -> [UInt8] {
        var output = ""
        var previousBullet: Character?
        for (index, block) in draft.document.blocks.enumerated() {
            if index > 0 { output += "\n" }
            switch block {
            case .heading(let level, let content):
                output += String(repeating: "#", count: HeadingStyle.clamp(level)) + " " + Self.inline(content) + "\n"
            case .paragraph(let content):
                output += Self.inline(content) + "\n"
            case .list(let ordered, let items):
                // CommonMark joins adjacent lists with the same bullet; alternating keeps them apart.
                let bullet: Character = previousBullet == "-" ? "*" : "-"
                for (number, item) in items.enumerated() {
                    output += (ordered ? "\(number + 1). " : "\(bullet) ") + Self.inline(item) + "\n"
                }
                previousBullet = ordered ? nil : bullet
                continue
            }
            previousBullet = nil
        }
        return Array(output.utf8)
    }

    /// One block's inline content, which starts a line.
    static func inline(_ content: [Document.Inline]) -> String {
        var output = ""
        for inline in content { write(inline, into: &output, atLineStart: output.isEmpty) }
        return output
    }

    private static func write(_ inline: Document.Inline, into output: inout String, atLineStart: Bool) {
        switch inline {
        case .text(let text):
            output += escape(text, atLineStart: atLineStart)
        case .strong(let content):
            wrap(content, in: "**", into: &output)
        case .emphasis(let content):
            wrap(content, in: "*", into: &output)
        }
    }

    /// Emphasis whose content starts or ends with a space is not emphasis in CommonMark, so
    /// those spaces go outside the markers.
    private static func wrap(_ content: [Document.Inline], in marker: String, into output: inout String) {
        var inner = ""
        for inline in content { write(inline, into: &inner, atLineStart: false) }
        let leading = inner.prefix { $0 == " " }
        let trailing = inner.dropFirst(leading.count).reversed().prefix { $0 == " " }
        let core = inner.dropFirst(leading.count).dropLast(trailing.count)
        output += leading
        if !core.isEmpty { output += marker + core + marker }
        output += String(trailing)
    }

    // MARK: - Escaping

    /// Markup anywhere in a line, in CommonMark, GFM or pandoc's Markdown: emphasis, code, links,
    /// images, raw HTML, tables, strike-through and subscript (`~`), superscript (`^`), maths
    /// (`$`), citations and mentions (`@`), and straight double quotes (pandoc's smart quotes).
    private static let alwaysSpecial: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|", "!",
                                                             "~", "^", "$", "@", "\""]
    /// Markup only at the start of a line: list bullets, code fences, pandoc's definitions (`:`),
    /// example lists (`(@)`), fancy list markers (`(a)`) and title blocks (`%`).
    private static let lineStartSpecial: Set<Unicode.Scalar> = ["-", "+", "~", ":", "(", "%"]

    /// `text` with its markdown-significant characters escaped; `atLineStart` when it begins a
    /// line (where a bullet, a fence or `1.` would start a list or a code block). Line breaks
    /// become spaces and leading white space is dropped, as CommonMark would drop it.
    ///
    /// Only what a reader would take as markup is escaped, to keep the text readable: a full stop
    /// or parenthesis after a list number at the start of a line (`12.`, `a)`, `iv.`); a colon
    /// that could start a URL or an emoji (`https:`, `:smile:`; not `10:30`); the full stop of
    /// `www.`; a second hyphen or full stop in a row (pandoc's dashes and ellipsis); a straight
    /// single quote that could open or close a quotation (not an apostrophe inside a word); an
    /// ampersand that could begin an entity reference.
    static func escape(_ text: String, atLineStart: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = ""
        var atStart = atLineStart
        var marker: [Unicode.Scalar]? = atLineStart ? [] : nil  // a list number so far, at a line's start
        func at(_ index: Int) -> Unicode.Scalar? { scalars.indices.contains(index) ? scalars[index] : nil }
        for (index, original) in scalars.enumerated() {
            let scalar: Unicode.Scalar = original == "\n" || original == "\r" ? " " : original
            if atStart && (scalar == " " || scalar == "\t") { continue }
            let previous = index > 0 ? scalars[index - 1] : nil
            var escaped = alwaysSpecial.contains(scalar)
            if atStart && lineStartSpecial.contains(scalar) { escaped = true }
            switch scalar {
            case ".", ")":
                if let marker, !atStart, isListNumber(marker) { escaped = true }
                if scalar == ".", previous == "." { escaped = true }
                if scalar == ".", index >= 3, scalars[index - 3..<index].map({ $0.properties.lowercaseMapping }) == ["w", "w", "w"],
                   !isWordCharacter(at(index - 4)) {
                    escaped = true
                }
            case "-":
                if previous == "-" { escaped = true }
            case ":":
                if let next = at(index + 1), next != " ", next != "\t", !("0"..."9").contains(next) { escaped = true }
            case "'":
                if !(isWordCharacter(previous) && isWordCharacter(at(index + 1))) { escaped = true }
            case "&":
                if let next = at(index + 1), next == "#" || (next.isASCII && next.properties.isAlphabetic) {
                    escaped = true  // could begin an entity reference such as &amp;
                }
            default: break
            }
            if escaped { output += "\\" }
            output.unicodeScalars.append(scalar)
            if marker != nil { marker = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? marker! + [scalar] : nil }
            atStart = false
        }
        return output
    }

    /// Whether `run` could number a list item: digits (CommonMark), a letter or a Roman numeral
    /// (pandoc's fancy lists).
    private static func isListNumber(_ run: [Unicode.Scalar]) -> Bool {
        guard !run.isEmpty else { return false }
        if run.allSatisfy({ ("0"..."9").contains($0) }) || run.count == 1 { return true }
        return run.allSatisfy { "ivxlcdm".unicodeScalars.contains($0) } || run.allSatisfy { "IVXLCDM".unicodeScalars.contains($0) }
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

/// CommonMark: `#` headings, paragraphs on one line, `-` and `1.` lists, `**strong**` and
/// `*emphasis*`, a blank line between blocks. Every text from the model stays literal: the
/// characters CommonMark would read as markup are backslash-escaped, and only where they would
/// be read so, to keep the text readable (a full stop is escaped only after a leading number).
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

    /// Markup anywhere in a line.
    private static let alwaysSpecial: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|", "!"]
    /// Markup only at the start of a line: list bullets and code fences.
    private static let lineStartSpecial: Set<Unicode.Scalar> = ["-", "+", "~"]

    /// `text` with its markdown-significant characters escaped; `atLineStart` when it begins a
    /// line (where a bullet, a fence or `1.` would start a list or a code block). Line breaks
    /// become spaces and leading white space is dropped, as CommonMark would drop it.
    static func escape(_ text: String, atLineStart: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = ""
        var atStart = atLineStart
        var onlyDigitsSoFar = atLineStart
        for (index, original) in scalars.enumerated() {
            let scalar: Unicode.Scalar = original == "\n" || original == "\r" ? " " : original
            if atStart && (scalar == " " || scalar == "\t") { continue }
            var escaped = alwaysSpecial.contains(scalar)
            if atStart && lineStartSpecial.contains(scalar) { escaped = true }
            if onlyDigitsSoFar && !atStart && (scalar == "." || scalar == ")") { escaped = true }
            if scalar == "&", index + 1 < scalars.count,
               scalars[index + 1] == "#" || (scalars[index + 1].isASCII && scalars[index + 1].properties.isAlphabetic) {
                escaped = true  // could begin an entity reference such as &amp;
            }
            if escaped { output += "\\" }
            output.unicodeScalars.append(scalar)
            onlyDigitsSoFar = onlyDigitsSoFar && ("0"..."9").contains(scalar)
            atStart = false
        }
        return output
    }
}

/// Reading a file into a `CheckDocument`: Markdown (as pit writes it, or as a person edited it),
/// plain text (pit's text format: headings on lines of their own), or a Word document.
extension CheckDocument {
    /// The kinds of file `pit check` reads.
    public enum Format: String, Sendable {
        case markdown, text, docx

        /// From the file name's extension; nil when it says nothing.
        public init?(fileName: String) {
            let lowered = fileName.lowercased()
            if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") { self = .markdown }
            else if lowered.hasSuffix(".txt") || lowered.hasSuffix(".text") { self = .text }
            else if lowered.hasSuffix(".docx") || lowered.hasSuffix(".docm") { self = .docx }
            else { return nil }
        }

        /// From the bytes: a ZIP archive is a Word document, a line starting with `#` Markdown.
        public init(sniffing bytes: [UInt8]) {
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { self = .docx; return }
            var atLineStart = true
            for byte in bytes.prefix(4096) {
                if atLineStart && byte == UInt8(ascii: "#") { self = .markdown; return }
                atLineStart = byte == UInt8(ascii: "\n")
            }
            self = .text
        }
    }

    /// Reads `bytes` as `format`; `name` names the file in errors.
    public static func read(_ bytes: [UInt8], format: Format, name: String) throws -> CheckDocument {
        switch format {
        case .docx:
            do {
                return try DocxTextReader.read(bytes)
            } catch let error as PITError {
                throw PITError(.data, "\(name): not a Word document pit can read: \(error.message)")
            }
        case .markdown, .text:
            guard let text = String.validatingUTF8(bytes) else { throw PITError(.data, "\(name): not UTF-8 text") }
            return format == .markdown ? markdown(text) : plainText(text)
        }
    }

    /// Markdown: headings, paragraphs and list items, each line's text without its markup.
    static func markdown(_ text: String) -> CheckDocument {
        var source = text
        var blocks: [Block] = []
        source.withUTF8 { bytes in
            func plain(_ line: MarkdownReader.SourceLine) -> (text: String, line: Int) {
                (MarkdownReader.inline(Array(bytes[line.range])).plainText, line.number)
            }
            MarkdownReader.scan(bytes) { block in
                switch block {
                case .heading(let level, let line):
                    blocks.append(Block(kind: .heading(level: level), lines: [plain(line)]))
                case .paragraph(let lines):
                    blocks.append(Block(kind: .paragraph, lines: lines.map(plain)))
                case .list(_, let items):
                    for item in items { blocks.append(Block(kind: .listItem, lines: item.map(plain))) }
                }
            }
        }
        return CheckDocument(blocks: blocks)
    }

    /// Plain text: blocks separated by blank lines; a block whose lines start with `- ` or `1. `
    /// is a list; a short single line that does not end a sentence is a heading. Text copied from
    /// a PDF is understood too: a block that starts in lower case continues the one before (a
    /// paragraph broken across a blank line), and a line naming a part of a PIT ("Balancing
    /// Test", "Factors favouring disclosure:") is a heading even inside a block.
    static func plainText(_ text: String) -> CheckDocument {
        typealias Line = (text: String, line: Int)
        var raw: [[Line]] = [[]]
        var number = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = rawLine.trimmingBlanks
            if line.isEmpty {
                if !raw[raw.count - 1].isEmpty { raw.append([]) }
            } else {
                raw[raw.count - 1].append((String(line), number))
            }
        }
        var merged: [[Line]] = []
        for block in raw where !block.isEmpty {
            if let first = block[0].text.first, first.isLowercase, let last = merged.last?.last, listItemText(last.text) == nil {
                merged[merged.count - 1] += block
            } else {
                merged.append(block)
            }
        }
        var blocks: [Block] = []
        func add(_ lines: [Line]) {
            guard !lines.isEmpty else { return }
            if let split = lines.indices.first(where: { looksLikePartHeading(lines[$0].text) }), lines.count > 1 || split > 0 {
                add(Array(lines[..<split]))
                blocks.append(Block(kind: .heading(level: 2), lines: [lines[split]]))
                add(Array(lines[(split + 1)...]))
                return
            }
            let items = lines.map { listItemText($0.text) }
            if items.allSatisfy({ $0 != nil }) {
                for (index, item) in items.enumerated() { blocks.append(Block(kind: .listItem, lines: [(item!, lines[index].line)])) }
            } else if lines.count == 1, looksLikeHeading(lines[0].text) || looksLikePartHeading(lines[0].text) {
                blocks.append(Block(kind: .heading(level: blocks.isEmpty ? 1 : 2), lines: lines))
            } else {
                blocks.append(Block(kind: .paragraph, lines: lines))
            }
        }
        for block in merged { add(block) }
        return CheckDocument(blocks: blocks)
    }

    /// A short heading-like line that names a part of a PIT: harm, factors, balance.
    private static func looksLikePartHeading(_ line: String) -> Bool {
        let line = line.hasSuffix(":") ? String(line.dropLast()) : line
        guard looksLikeHeading(line), line.split(separator: " ").count <= 8 else { return false }
        return [.harm, .for, .against, .balance].contains(part(of: FoldedText(line)).0)
    }

    /// `- item` or `12. item` → `item`.
    private static func listItemText(_ line: String) -> String? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ") { return String(line.dropFirst(2)) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return String(line.dropFirst(digits.count + 2))
    }

    /// A heading in plain text: one short line that does not end like a sentence.
    private static func looksLikeHeading(_ line: String) -> Bool {
        // A title may end in an abbreviation: "Formulation of government policy, etc."
        let line = line.hasSuffix(" etc.") ? String(line.dropLast()) : line
        guard let last = line.last, line.count <= 200, !".?!,;:\"'”’".contains(last) else { return false }
        return line.split(separator: " ").count <= 30
    }
}

extension Substring {
    /// Without spaces, tabs and carriage returns at either end.
    public var trimmingBlanks: Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" || first == "\r" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice = slice.dropLast() }
        return slice
    }
}

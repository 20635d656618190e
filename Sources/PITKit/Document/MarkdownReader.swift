/// Reads the Markdown subset templates render to into a `Document`: `#`/`##` headings, paragraphs
/// separated by blank lines, `-` and `1.` list items, `**strong**`, `*emphasis*`, and backslash
/// escapes (how user text stays literal: see `MarkdownEscaping`).
///
/// It works on UTF-8 bytes: every character with a meaning is ASCII, so other text passes through
/// untouched, and trimming removes only ASCII spaces and tabs.
public enum MarkdownReader {
    public static func read(_ markdown: String) -> Document {
        var source = markdown
        return source.withUTF8 { read(bytes: $0) }
    }

    /// Reads UTF-8 Markdown.
    public static func read(_ markdown: [UInt8]) -> Document {
        markdown.withUnsafeBufferPointer { read(bytes: $0, capacity: MarkdownMemo.blockCapacity) }
    }

    /// `capacity`: the blocks to make room for at once (a whole draft's), not growing the list
    /// block by block.
    static func read(bytes: UnsafeBufferPointer<UInt8>, capacity: Int = 0) -> Document {
        var blocks: [Document.Block] = []
        blocks.reserveCapacity(capacity)
        func joined(_ lines: [SourceLine]) -> [UInt8] {
            var text: [UInt8] = []
            for (index, line) in lines.enumerated() {
                if index > 0 { text.append(space) }
                text += bytes[line.range]
            }
            return text
        }
        // One line without markup, the common case, is read straight from the source.
        func lineContent(_ line: SourceLine) -> [Document.Inline] {
            plain(UnsafeBufferPointer(rebasing: bytes[line.range])) ?? inline(Array(bytes[line.range]))
        }
        func content(_ lines: [SourceLine]) -> [Document.Inline] {
            lines.count == 1 ? lineContent(lines[0]) : inline(joined(lines))
        }
        scan(bytes) { block in
            switch block {
            case .heading(let level, let line):
                blocks.append(.heading(level: level, content: lineContent(line)))
            case .paragraph(let lines):
                blocks.append(.paragraph(content(lines)))
            case .list(let ordered, let items):
                blocks.append(.list(ordered: ordered, items: items.map(content)))
            }
        }
        return Document(blocks: blocks)
    }

    /// A line of the source: its bytes (trimmed, without any heading or list marker) and its number.
    struct SourceLine {
        let range: Range<Int>
        let number: Int
    }

    /// A block of the source, as the lines that make it.
    enum SourceBlock {
        case heading(level: Int, SourceLine)
        case paragraph([SourceLine])
        case list(ordered: Bool, items: [[SourceLine]])
    }

    /// Finds the blocks of UTF-8 Markdown: headings, paragraphs (lines up to a blank line) and
    /// lists (each item with its continuation lines), in order.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (SourceBlock) -> Void) {
        var paragraph: [SourceLine] = []
        var listItems: [[SourceLine]] = []
        var listOrdered = false

        func flushParagraph() {
            if !paragraph.isEmpty {
                emit(.paragraph(paragraph))
                paragraph.removeAll(keepingCapacity: true)
            }
        }
        func flushList() {
            if !listItems.isEmpty {
                emit(.list(ordered: listOrdered, items: listItems))
                listItems.removeAll()
            }
        }

        var lineStart = 0
        var number = 0
        while lineStart <= bytes.count {
            var lineEnd = bytes.count
            if lineStart < bytes.count, let found = memchr(bytes.baseAddress! + lineStart, Int32(newline), bytes.count - lineStart) {
                lineEnd = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            let line = trimmed(bytes, lineStart, lineEnd)
            lineStart = lineEnd + 1
            number += 1
            if line.isEmpty {
                flushParagraph()
                flushList()
                continue
            }
            if let level = headingLevel(bytes, line) {
                flushParagraph()
                flushList()
                emit(.heading(level: level, SourceLine(range: trimmed(bytes, line.lowerBound + level + 1, line.upperBound), number: number)))
                continue
            }
            if let (ordered, textStart) = listItem(bytes, line) {
                flushParagraph()
                if !listItems.isEmpty && ordered != listOrdered { flushList() }
                listOrdered = ordered
                listItems.append([SourceLine(range: trimmed(bytes, textStart, line.upperBound), number: number)])
                continue
            }
            if !listItems.isEmpty {
                listItems[listItems.count - 1].append(SourceLine(range: line, number: number))  // a continuation line of the last item
            } else {
                paragraph.append(SourceLine(range: line, number: number))
            }
        }
        flushParagraph()
        flushList()
    }

    /// Calls `body` with each stretch of `bytes` between blank lines, in order: from the start of
    /// its first line to the end of its last (without the line break). Every block ends at a blank
    /// line, so a stretch reads into the same blocks on its own as in its place (`MarkdownMemo`).
    static func forEachStretch(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var stretchStart: Int?
        var stretchEnd = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = bytes.count
            if let found = memchr(bytes.baseAddress! + lineStart, Int32(newline), bytes.count - lineStart) {
                lineEnd = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if trimmed(bytes, lineStart, lineEnd).isEmpty {
                if let start = stretchStart { body(start..<stretchEnd) }
                stretchStart = nil
            } else {
                if stretchStart == nil { stretchStart = lineStart }
                stretchEnd = lineEnd
            }
            lineStart = lineEnd + 1
        }
        if let start = stretchStart { body(start..<stretchEnd) }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let star = UInt8(ascii: "*")
    private static let backslash = UInt8(ascii: "\\")

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
        var lower = start
        var upper = end
        while lower < upper && isBlank(bytes[lower]) { lower += 1 }
        while upper > lower && isBlank(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// `## Title` → 2; a run of one to six `#` must be followed by a space.
    private static func headingLevel(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        var count = 0
        while line.lowerBound + count < line.upperBound && bytes[line.lowerBound + count] == UInt8(ascii: "#") { count += 1 }
        guard (1...6).contains(count), line.lowerBound + count < line.upperBound,
              bytes[line.lowerBound + count] == space else { return nil }
        return count
    }

    /// `- item` or `* item` → (false, start of "item"); `12. item` → (true, start of "item").
    private static func listItem(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (Bool, Int)? {
        let first = bytes[line.lowerBound]
        if (first == UInt8(ascii: "-") || first == star), line.count >= 2, bytes[line.lowerBound + 1] == space {
            return (false, line.lowerBound + 2)
        }
        var index = line.lowerBound
        while index < line.upperBound && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") { index += 1 }
        let digits = index - line.lowerBound
        guard (1...9).contains(digits), index + 1 < line.upperBound, bytes[index] == UInt8(ascii: "."),
              bytes[index + 1] == space else { return nil }
        return (true, index + 2)
    }

    // MARK: - Inline content

    /// Parses emphasis and escapes. `**` opens strong and `*` emphasis when a matching closer
    /// follows; an unmatched marker is literal text.
    static func inline(_ bytes: [UInt8]) -> [Document.Inline] {
        bytes.withUnsafeBufferPointer { bytes in
            if let plain = plain(bytes) { return plain }
            var scanner = InlineScanner(bytes: bytes)
            return scanner.parse(until: 0)
        }
    }

    /// Text without markup, the common case, as it is (no scanning); nil when it has a `*` or `\`.
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> [Document.Inline]? {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return [] }
        guard memchr(start, Int32(star), bytes.count) == nil, memchr(start, Int32(backslash), bytes.count) == nil else { return nil }
        return [.text(String(decoding: bytes, as: UTF8.self))]
    }
}

/// Walks the bytes of one paragraph, building inline runs.
private struct InlineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// The next `*` and the next `\` at or after `index` (`bytes.count`: none), each searched for
    /// again only once passed.
    var nextStar = -1, nextBackslash = -1
    /// Spans nested deeper than this read as text: no input can exhaust the stack.
    static let maximumNesting = 8
    var depth = 0

    static let star = UInt8(ascii: "*")
    static let backslash = UInt8(ascii: "\\")

    /// Parses up to the closer of `marker` stars (0: the end of the text).
    mutating func parse(until marker: Int) -> [Document.Inline] {
        var runs: [Document.Inline] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty {
                runs.append(.text(String(decoding: text, as: UTF8.self)))
                text.removeAll()
            }
        }
        while index < bytes.count {
            // A run of bytes without a meaning is taken whole.
            if nextStar < index { nextStar = find(Self.star) }
            if nextBackslash < index { nextBackslash = find(Self.backslash) }
            let end = min(nextStar, nextBackslash)
            if end > index {
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            let byte = bytes[index]
            if byte == Self.backslash, index + 1 < bytes.count, isASCIIPunctuation(bytes[index + 1]) {
                text.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == Self.star {
                let stars = index + 1 < bytes.count && bytes[index + 1] == Self.star ? 2 : 1
                if stars == marker {
                    index += stars
                    flush()
                    return runs
                }
                if depth < Self.maximumNesting, hasCloser(stars, from: index + stars) {
                    index += stars
                    flush()
                    depth += 1
                    let inner = parse(until: stars)
                    depth -= 1
                    runs.append(stars == 2 ? .strong(inner) : .emphasis(inner))
                    continue
                }
            }
            text.append(byte)
            index += 1
        }
        flush()
        return runs
    }

    /// Where the next `byte` is at or after `index`; `bytes.count` when there is none.
    private func find(_ byte: UInt8) -> Int {
        guard index < bytes.count, let start = bytes.baseAddress,
              let found = memchr(start + index, Int32(byte), bytes.count - index) else { return bytes.count }
        return start.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// Whether an unescaped run of `stars` closes a span opened just before `start` (and the span
    /// is not empty).
    private func hasCloser(_ stars: Int, from start: Int) -> Bool {
        var position = start
        guard position < bytes.count, bytes[position] != UInt8(ascii: " ") else { return false }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") { position += 2; continue }
            if byte == Self.star {
                let isDouble = position + 1 < bytes.count && bytes[position + 1] == Self.star
                if position > start && (stars == 2) == isDouble { return true }
                if isDouble { position += 2; continue }
            }
            position += 1
        }
        return false
    }
}

/// Reads the Markdown subset templates render to into a `Document`: `#`/`##` headings, paragraphs
/// separated by blank lines, `-` and `1.` list items, `**strong**`, `*emphasis*`, and backslash
/// escapes (how user text stays literal: see `MarkdownEscaping`).
public enum MarkdownReader {
    public static func read(_ markdown: String) -> Document {
        var blocks: [Document.Block] = []
        var paragraph: [Substring] = []
        var listItems: [[Substring]] = []
        var listOrdered = false

        func flushParagraph() {
            if !paragraph.isEmpty {
                blocks.append(.paragraph(inline(paragraph.joined(separator: " "))))
                paragraph = []
            }
        }
        func flushList() {
            if !listItems.isEmpty {
                blocks.append(.list(ordered: listOrdered, items: listItems.map { inline($0.joined(separator: " ")) }))
                listItems = []
            }
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = trimmed(rawLine)
            if line.isEmpty {
                flushParagraph()
                flushList()
                continue
            }
            if let (level, text) = heading(line) {
                flushParagraph()
                flushList()
                blocks.append(.heading(level: level, content: inline(String(text))))
                continue
            }
            if let (ordered, text) = listItem(line) {
                flushParagraph()
                if !listItems.isEmpty && ordered != listOrdered { flushList() }
                listOrdered = ordered
                listItems.append([text])
                continue
            }
            if !listItems.isEmpty {
                listItems[listItems.count - 1].append(line)  // a continuation line of the last item
            } else {
                paragraph.append(line)
            }
        }
        flushParagraph()
        flushList()
        return Document(blocks: blocks)
    }

    private static func trimmed(_ line: Substring) -> Substring {
        var result = line
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
        return result
    }

    /// `## Title` → (2, "Title"); a `#` run must be followed by a space.
    private static func heading(_ line: Substring) -> (Int, Substring)? {
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = line.dropFirst(hashes.count)
        guard rest.first == " " else { return nil }
        return (hashes.count, trimmed(rest))
    }

    /// `- item` → (false, "item"); `12. item` → (true, "item").
    private static func listItem(_ line: Substring) -> (Bool, Substring)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return (false, trimmed(line.dropFirst(2))) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") else { return nil }
        return (true, trimmed(rest.dropFirst(2)))
    }

    // MARK: - Inline content

    /// Parses emphasis and escapes. `**` opens strong and `*` emphasis when a matching closer
    /// follows; an unmatched marker is literal text.
    static func inline(_ text: String) -> [Document.Inline] {
        var scanner = InlineScanner(characters: Array(text))
        return scanner.parse(until: nil)
    }
}

/// Walks the characters of one paragraph, building inline runs.
private struct InlineScanner {
    let characters: [Character]
    var index = 0
    /// Spans nested deeper than this read as text: no input can exhaust the stack.
    static let maximumNesting = 8
    var depth = 0

    mutating func parse(until closer: String?) -> [Document.Inline] {
        var runs: [Document.Inline] = []
        var text = ""
        func flush() {
            if !text.isEmpty {
                runs.append(.text(text))
                text = ""
            }
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, characters[index + 1].isASCII,
               characters[index + 1].isPunctuation || characters[index + 1].isSymbol {
                text.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "*" {
                let marker = index + 1 < characters.count && characters[index + 1] == "*" ? "**" : "*"
                if marker == closer {
                    index += marker.count
                    flush()
                    return runs
                }
                if depth < Self.maximumNesting, hasCloser(marker, from: index + marker.count) {
                    index += marker.count
                    flush()
                    depth += 1
                    let inner = parse(until: marker)
                    depth -= 1
                    runs.append(marker == "**" ? .strong(inner) : .emphasis(inner))
                    continue
                }
            }
            text.append(character)
            index += 1
        }
        flush()
        return runs
    }

    /// Whether an unescaped `marker` closes a span opened just before `start` (and the span is
    /// not empty).
    private func hasCloser(_ marker: String, from start: Int) -> Bool {
        var position = start
        guard position < characters.count, characters[position] != " " else { return false }
        while position < characters.count {
            let character = characters[position]
            if character == "\\" { position += 2; continue }
            if character == "*" {
                let isDouble = position + 1 < characters.count && characters[position + 1] == "*"
                if marker == "**" && isDouble && position > start { return true }
                if marker == "*" && !isDouble && position > start { return true }
                if isDouble { position += 2; continue }
            }
            position += 1
        }
        return false
    }
}

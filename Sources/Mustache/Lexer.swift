/// Splits a template's source into tokens, honouring set-delimiter tags, then applies the spec's
/// standalone-line rule: a line holding only a section, comment, partial or delimiter tag (and
/// whitespace) leaves no trace in the output.
struct Lexer {
    let source: [UInt8]
    let templateName: String
    /// Byte offset where each line starts, for turning offsets into lines and columns.
    private let lineStarts: [Int]
    /// The last offset turned into a line and column.
    private let cursor = PositionCursor()

    init(source: [UInt8], templateName: String) {
        self.source = source
        self.templateName = templateName
        var starts = [0]
        for (offset, byte) in source.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
    }

    func tokenize() throws -> [Token] {
        var tokens: [Token] = []
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var openStack: [Token.Kind] = []
        var index = 0
        while index < source.count {
            let tagStart = find(open, from: index) ?? source.count
            appendText(from: index, to: tagStart, into: &tokens)
            guard tagStart < source.count else { break }
            var token = try readTag(at: tagStart, open: open, close: close, end: &index)
            switch token.kind {
            case .sectionOpen, .invertedOpen, .parentOpen, .blockOpen:
                openStack.append(token.kind)
            case .close:
                token.closesParent = openStack.popLast() == .parentOpen
            case .setDelimiters:
                (open, close) = try delimiters(from: token)
            default:
                break
            }
            tokens.append(token)
        }
        applyStandaloneRule(to: &tokens)
        return tokens
    }

    /// 1-based line and column (in characters) of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        // Tags are placed in order: count on from the last place asked on the same line, so a
        // line of many tags costs its length once, not once per tag.
        if let last = cursor.last, last.offset <= offset, offset < (last.line < lineStarts.count ? lineStarts[last.line] : Int.max) {
            let column = last.column + source[last.offset..<min(offset, source.count)].reduce(0) { count, byte in
                byte & 0xC0 == 0x80 ? count : count + 1
            }
            cursor.last = (offset, last.line, column)
            return (last.line, column)
        }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let line = low + 1
        let lineStart = lineStarts[low]
        let column = source[lineStart..<min(offset, source.count)].reduce(1) { count, byte in
            byte & 0xC0 == 0x80 ? count : count + 1
        }
        cursor.last = (offset, line, column)
        return (line, column)
    }

    func error(at offset: Int, _ message: String) -> MustacheError {
        let (line, column) = position(of: offset)
        return MustacheError(template: templateName, line: line, column: column, message: message)
    }

    // MARK: - Reading

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, source.count >= needle.count else { return nil }
        let last = source.count - needle.count
        return source.withUnsafeBufferPointer { bytes -> Int? in
            var index = start
            while index <= last {
                // The first byte by a plain scan, then the rest of the needle.
                guard let found = bytes[index...last].firstIndex(of: first) else { return nil }
                var offset = 1
                while offset < needle.count && bytes[found + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return found }
                index = found + 1
            }
            return nil
        }
    }

    /// Text tokens of one line each, so the standalone rule can look at whole lines.
    private func appendText(from start: Int, to end: Int, into tokens: inout [Token]) {
        var lineStart = start
        var index = start
        while index < end {
            if source[index] == UInt8(ascii: "\n") {
                tokens.append(Token(kind: .text, text: source[lineStart...index], name: "", offset: lineStart))
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < end {
            tokens.append(Token(kind: .text, text: source[lineStart..<end], name: "", offset: lineStart))
        }
    }

    private func readTag(at start: Int, open: [UInt8], close: [UInt8], end: inout Int) throws -> Token {
        var contentStart = start + open.count
        let sigil = contentStart < source.count ? source[contentStart] : 0
        var kind = Token.Kind.variable
        var closing = close
        switch sigil {
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "#"): kind = .sectionOpen
        case UInt8(ascii: "^"): kind = .invertedOpen
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parentOpen
        case UInt8(ascii: "$"): kind = .blockOpen
        case UInt8(ascii: "&"): kind = .unescapedVariable
        case UInt8(ascii: "="): kind = .setDelimiters
        case UInt8(ascii: "{"):
            kind = .unescapedVariable
            closing = [UInt8(ascii: "}")] + close
        default: break
        }
        if kind != .variable { contentStart += 1 }
        guard let contentEnd = find(closing, from: contentStart) else {
            throw error(at: start, "unclosed tag: no '\(String(decoding: closing, as: UTF8.self))' after it")
        }
        end = contentEnd + closing.count
        var content = source[contentStart..<contentEnd]
        if kind == .setDelimiters {
            guard content.last == UInt8(ascii: "=") else {
                throw error(at: start, "a set-delimiter tag must end with '='")
            }
            content = content.dropLast()
        }
        let name = String(decoding: trimmed(content), as: UTF8.self)
        if kind != .comment && name.isEmpty {
            throw error(at: start, "empty tag")
        }
        if kind != .comment && kind != .setDelimiters && name.utf8.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }) {
            throw error(at: start, "tag name '\(name)' contains white space")
        }
        return Token(kind: kind, text: [], name: name, offset: start)
    }

    private func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isSpace(first) || first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") {
            slice = slice.dropFirst()
        }
        while let last = slice.last, isSpace(last) || last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
            slice = slice.dropLast()
        }
        return slice
    }

    private func delimiters(from token: Token) throws -> ([UInt8], [UInt8]) {
        let parts = token.name.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
            throw error(at: token.offset, "a set-delimiter tag needs two delimiters, like {{=<% %>=}}")
        }
        return (Array(parts[0].utf8), Array(parts[1].utf8))
    }

    // MARK: - Standalone lines

    private func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Whether a text token holds nothing but spaces, tabs and a line ending.
    private func isBlank(_ text: ArraySlice<UInt8>) -> Bool {
        text.allSatisfy { isSpace($0) || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    }

    private func applyStandaloneRule(to tokens: inout [Token]) {
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                let token = tokens[lineEnd]
                lineEnd += 1
                if token.kind == .text && token.text.last == UInt8(ascii: "\n") { break }
            }
            applyStandaloneRule(toLine: lineStart..<lineEnd, in: &tokens)
            lineStart = lineEnd
        }
    }

    private func applyStandaloneRule(toLine line: Range<Int>, in tokens: inout [Token]) {
        let tags = line.filter { tokens[$0].isTag }
        guard !tags.isEmpty else { return }
        let leading = tokens[line.lowerBound..<tags[0]].reduce(into: [UInt8]()) { $0 += $1.text }
        let onlyWhitespaceAround = line.allSatisfy { !(tokens[$0].kind == .text) || isBlank(tokens[$0].text) }
        let significant = tags.filter { !tokens[$0].isTransparentOnLine }
        let standalone = onlyWhitespaceAround && significant.count <= 1
            && significant.allSatisfy { tokens[$0].canStandAlone }
        if standalone {
            for index in line {
                if tokens[index].kind == .text {
                    tokens[index].text = []
                } else {
                    tokens[index].standalone = true
                }
            }
            let owner = significant.first ?? tags[0]
            tokens[owner].indentation = leading
        } else if isBlank(leading[...]), tokens[tags[0]].kind == .blockOpen {
            tokens[tags[0]].indentation = leading
        }
    }
}

/// The last place `Lexer.position(of:)` found, so the next one on the same line counts on from it.
final class PositionCursor {
    var last: (offset: Int, line: Int, column: Int)?
}

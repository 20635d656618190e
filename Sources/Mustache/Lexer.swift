/// Splits a template's source into tokens in one pass over its bytes, honouring set-delimiter
/// tags, and applies the spec's standalone-line rule as each line ends: a line holding only a
/// section, comment, partial or delimiter tag (and whitespace) leaves no trace in the output.
struct Lexer {
    /// A delimiter's bytes: the standard ones are constants, a set-delimiter tag's are a run of the source.
    typealias Delimiter = UnsafeBufferPointer<UInt8>

    static var standardOpen: Delimiter { delimiter("{{") }
    static var standardClose: Delimiter { delimiter("}}") }

    private static func delimiter(_ text: StaticString) -> Delimiter {
        Delimiter(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// The template's UTF-8 bytes, borrowed for as long as the template is being parsed.
    let source: UnsafeBufferPointer<UInt8>
    let templateName: String

    func tokenize() throws -> [Token] {
        var tokens: [Token] = []
        // About one token in 20 to 30 bytes in the library's templates: room for all at once.
        tokens.reserveCapacity(source.count / 16 + 8)
        var open = Self.standardOpen
        var close = Self.standardClose
        // For each section, block or parent still open: whether it is a parent.
        var openParents: [Bool] = []
        // The tokens of the line being read: a line ends with a line break in text, and only a
        // line with a tag on it can stand alone.
        var lineFirstToken = 0
        var lineHasTags = false
        var index = 0
        let count = source.count
        while index < count {
            // The text up to the next tag, and the first and last line breaks in it.
            var tagStart = count
            var firstBreak = -1
            var lastBreak = -1
            let first = open[0]
            var scan = index
            scanning: while scan < count {
                // Eight bytes at a time past text with neither a line break nor a delimiter's first
                // byte, then straight to the first that is one.
                if scan + 8 <= count {
                    let bytes = word(at: scan)
                    let hits = Self.bytes(equal: first, in: bytes) | Self.bytes(equal: UInt8(ascii: "\n"), in: bytes)
                    if hits == 0 {
                        scan += 8
                        continue
                    }
                    scan += hits.trailingZeroBitCount >> 3
                }
                let byte = source[scan]
                if byte == first, matches(open, at: scan) {
                    tagStart = scan
                    break scanning
                }
                if byte == UInt8(ascii: "\n") {
                    if firstBreak < 0 { firstBreak = scan }
                    lastBreak = scan
                }
                scan += 1
            }
            var textStart = index
            if lineHasTags && firstBreak >= 0 {
                tokens.append(Token(kind: .text, start: textStart, end: firstBreak + 1, offset: textStart))
                applyStandaloneRule(to: &tokens, line: lineFirstToken..<tokens.count)
                lineHasTags = false
                lineFirstToken = tokens.count
                textStart = firstBreak + 1
            }
            if lastBreak >= textStart {
                // Whole lines without a tag: the rule leaves them as they are.
                tokens.append(Token(kind: .text, start: textStart, end: lastBreak + 1, offset: textStart))
                lineFirstToken = tokens.count
                textStart = lastBreak + 1
            }
            if textStart < tagStart {
                tokens.append(Token(kind: .text, start: textStart, end: tagStart, offset: textStart))
            }
            guard tagStart < count else { break }

            var token = try readTag(at: tagStart, open: open, close: close, end: &index)
            switch token.kind {
            case .sectionOpen, .invertedOpen, .blockOpen:
                openParents.append(false)
            case .parentOpen:
                openParents.append(true)
            case .close:
                token.closesParent = openParents.popLast() ?? false
            case .setDelimiters:
                (open, close) = try delimiters(from: token)
            default:
                break
            }
            tokens.append(token)
            lineHasTags = true
        }
        if lineHasTags { applyStandaloneRule(to: &tokens, line: lineFirstToken..<tokens.count) }
        return tokens
    }

    /// The bytes from `start` to `end`.
    func bytes(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: source[start..<end])
    }

    /// A tag's name (its trimmed content).
    func name(of token: Token) -> String {
        String(decoding: bytes(token.start, token.end), as: UTF8.self)
    }

    /// 1-based line and column (in characters) of a byte offset, counted from the start: for
    /// errors and outlines, which are rare, so tokens keep only offsets.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let end = min(offset, source.count)
        let breaks = lineBreaks(from: 0, to: end)
        return (breaks.count + 1, 1 + characters(from: breaks.last + 1, to: end))
    }

    func error(at offset: Int, _ message: String, undefinedName: String? = nil) -> MustacheError {
        let (line, column) = position(of: offset)
        return MustacheError(template: templateName, line: line, column: column, message: message, undefinedName: undefinedName)
    }

    // MARK: - Reading

    /// Eight bytes of the source from `offset` as one word, the first byte lowest.
    private func word(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(source.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Which of the eight bytes of `word` are `byte`: the high bit of each such byte set, no other bit.
    static func bytes(equal byte: UInt8, in word: UInt64) -> UInt64 {
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        // A byte's high bit is set by the sum when any of its low seven bits is, and kept when its own is.
        let nonzero = ((difference & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | difference
        return ~nonzero & 0x8080_8080_8080_8080
    }

    /// The line breaks from `start` to `end`: how many, and the offset of the last (-1 when none).
    func lineBreaks(from start: Int, to end: Int) -> (count: Int, last: Int) {
        var count = 0
        var last = -1
        var index = start
        while index + 8 <= end {
            let hits = Self.bytes(equal: UInt8(ascii: "\n"), in: word(at: index))
            if hits != 0 {
                count += hits.nonzeroBitCount
                last = index + (63 - hits.leadingZeroBitCount) >> 3
            }
            index += 8
        }
        if index < end && end >= 8 {
            // The last few bytes: the word that ends with them, its earlier bytes shifted out.
            let rest = end - index
            let hits = Self.bytes(equal: UInt8(ascii: "\n"), in: word(at: end - 8)) >> (8 * (8 - rest))
            if hits != 0 {
                count += hits.nonzeroBitCount
                last = index + (63 - hits.leadingZeroBitCount) >> 3
            }
            return (count, last)
        }
        while index < end {
            if source[index] == UInt8(ascii: "\n") {
                count += 1
                last = index
            }
            index += 1
        }
        return (count, last)
    }

    /// The characters from `start` to `end`: the bytes that do not continue a UTF-8 sequence
    /// (`10xxxxxx`), counted eight at a time.
    private func characters(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index + 8 <= end {
            let bytes = word(at: index)
            count += 8 - Self.continuations(in: bytes)
            index += 8
        }
        if index < end && end >= 8 {
            // The last few bytes: the word that ends with them, its earlier bytes shifted out.
            let rest = end - index
            return count + rest - Self.continuations(in: word(at: end - 8) >> (8 * (8 - rest)))
        }
        while index < end {
            if source[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// How many of the eight bytes of `word` continue a UTF-8 sequence (`10xxxxxx`).
    private static func continuations(in word: UInt64) -> Int {
        (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    /// Whether `needle` is in the source at `offset`.
    private func matches(_ needle: Delimiter, at offset: Int) -> Bool {
        guard offset + needle.count <= source.count else { return false }
        var index = 1
        while index < needle.count {
            guard source[offset + index] == needle[index] else { return false }
            index += 1
        }
        return source[offset] == needle[0]
    }

    /// The offset of the first `close` delimiter from `start` — of the first `}` followed by it
    /// when `brace` (a triple mustache's end) — passing eight bytes at a time over words that
    /// hold no first byte of it, and straight to the first that is one.
    private func find(_ close: Delimiter, brace: Bool, from start: Int) -> Int? {
        let length = close.count + (brace ? 1 : 0)
        let first = brace ? UInt8(ascii: "}") : close[0]
        var index = start
        while index + length <= source.count {
            if index + 8 <= source.count {
                let hits = Self.bytes(equal: first, in: word(at: index))
                if hits == 0 {
                    index += 8
                    continue
                }
                index += hits.trailingZeroBitCount >> 3
            }
            if source[index] == first, brace ? matches(close, at: index + 1) : matches(close, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func readTag(at start: Int, open: Delimiter, close: Delimiter, end: inout Int) throws -> Token {
        var contentStart = start + open.count
        let sigil = contentStart < source.count ? source[contentStart] : 0
        var kind = Token.Kind.variable
        var triple = false
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
            triple = true
        default: break
        }
        if kind != .variable { contentStart += 1 }
        guard let contentEnd = find(close, brace: triple, from: contentStart) else {
            throw error(at: start, "unclosed tag: no '\(triple ? "}" : "")\(String(decoding: close, as: UTF8.self))' after it")
        }
        end = contentEnd + close.count + (triple ? 1 : 0)
        var nameEnd = contentEnd
        if kind == .setDelimiters {
            guard contentEnd > contentStart, source[contentEnd - 1] == UInt8(ascii: "=") else {
                throw error(at: start, "a set-delimiter tag must end with '='")
            }
            nameEnd -= 1
        }
        if kind == .comment {
            // A comment's content is never read: no need to trim it.
            return Token(kind: kind, start: contentStart, end: nameEnd, offset: start)
        }
        var nameStart = contentStart
        while nameStart < nameEnd, isTrimmed(source[nameStart]) { nameStart += 1 }
        while nameEnd > nameStart, isTrimmed(source[nameEnd - 1]) { nameEnd -= 1 }
        guard nameStart < nameEnd else { throw error(at: start, "empty tag") }
        let token = Token(kind: kind, start: nameStart, end: nameEnd, offset: start)
        // Names seldom hold a byte below '!': one comparison a byte past those that do not.
        var index = nameStart
        while index < nameEnd, source[index] > UInt8(ascii: " ") { index += 1 }
        if kind != .setDelimiters && bytes(index, nameEnd).contains(where: { isSpace($0) || $0 == UInt8(ascii: "\n") }) {
            throw error(at: start, "tag name '\(name(of: token))' contains white space")
        }
        return token
    }

    /// What a tag's content is trimmed of: spaces, tabs and line endings.
    private func isTrimmed(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// The two delimiters a set-delimiter tag names: runs of its content between spaces and tabs.
    private func delimiters(from token: Token) throws -> (Delimiter, Delimiter) {
        let content = name(of: token)
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
            throw error(at: token.offset, "a set-delimiter tag needs two delimiters, like {{=<% %>=}}")
        }
        // Each part's bytes are where they are in the source, so the delimiter is that run of it.
        func delimiter(_ part: Substring) -> Delimiter {
            let start = token.start + content.utf8.distance(from: content.startIndex, to: part.startIndex)
            return bytes(start, start + part.utf8.count)
        }
        return (delimiter(parts[0]), delimiter(parts[1]))
    }

    // MARK: - Standalone lines

    private func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Whether source bytes hold nothing but spaces, tabs and line endings.
    private func isBlank(_ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            guard isTrimmed(source[index]) else { return false }
            index += 1
        }
        return true
    }

    /// The rule for one line of tokens (text and at least one tag): the line stands alone when its
    /// text is only whitespace and it holds at most one tag that matters on a line, one that can
    /// stand alone. Its text is then dropped, and the whitespace before its first tag becomes
    /// that tag's indentation.
    private func applyStandaloneRule(to tokens: inout [Token], line: Range<Int>) {
        var firstTag = -1
        var owner = -1
        var significant = 0
        var canStandAlone = true
        var blank = true
        for index in line {
            let token = tokens[index]
            if token.kind == .text {
                if blank && !isBlank(token.start, token.end) { blank = false }
                continue
            }
            if firstTag < 0 { firstTag = index }
            if !token.isTransparentOnLine {
                significant += 1
                if owner < 0 { owner = index }
                if !token.canStandAlone { canStandAlone = false }
            }
        }
        guard firstTag >= 0 else { return }
        // The text before the first tag: one run of the source.
        let leading = firstTag > line.lowerBound ? (tokens[line.lowerBound].start, tokens[firstTag - 1].end) : (0, 0)
        if blank && significant <= 1 && canStandAlone {
            for index in line {
                if tokens[index].kind == .text {
                    tokens[index].end = tokens[index].start
                } else {
                    tokens[index].standalone = true
                }
            }
            let tag = owner >= 0 ? owner : firstTag
            (tokens[tag].indentationStart, tokens[tag].indentationEnd) = leading
        } else if tokens[firstTag].kind == .blockOpen, isBlank(leading.0, leading.1) {
            (tokens[firstTag].indentationStart, tokens[firstTag].indentationEnd) = leading
        }
    }
}

/// A JSON value, read by pit's own small parser (the library's metadata, `render --data`,
/// JSON Lines batch input), with errors that give the line and column.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double, text: String)
    case string(String)
    case array([JSONValue])
    /// Members in the order the source gives them.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a, _), .number(b, _)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The JSON type's name, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Parses one JSON document; `source` names it in errors (`file:line:column: message`).
    public static func parse(_ text: String, source: String) throws -> JSONValue {
        try parse(Array(text.utf8), source: source)
    }

    /// Parses UTF-8 bytes; `firstLine` is the line of the source the bytes start on (on line 1, a
    /// leading byte-order mark is skipped). Every string, and every member name, is refused
    /// when it holds a character a document cannot carry (`ForbiddenCharacters`; line breaks and
    /// tabs may be escaped in) or is longer than `InputLimits.valueBytes`.
    public static func parse(_ bytes: [UInt8], source: String, firstLine: Int = 1) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes, source: source, firstLine: firstLine)
        return try parser.parseDocument()
    }

    /// Where the value at `path` (member names from the top) is in the JSON `text`, as
    /// `source:line:column`: the deepest member of the path that is there, else the start. For
    /// errors about a field of a document already parsed.
    public static func place(of path: [String], in text: String, source: String) -> String {
        var parser = JSONParser(bytes: Array(text.utf8), source: source)
        parser.target = path
        _ = try? parser.parseDocument()
        let position = TextPosition(offset: parser.found?.offset ?? parser.start, in: parser.bytes)
        return "\(source):\(position.description)"
    }
}

/// A recursive-descent JSON parser over UTF-8 bytes (RFC 8259).
struct JSONParser {
    let bytes: [UInt8]
    let source: String
    let firstLine: Int
    var index = 0
    var depth = 0
    /// Where the document starts (after a byte-order mark).
    let start: Int
    /// For `JSONValue.place(of:in:source:)`: the member path sought, the path of the member being
    /// parsed, and the offset of the deepest member of the target found (and how deep it is).
    var target: [String]?
    private var path: [String] = []
    var found: (offset: Int, depth: Int)?

    init(bytes: [UInt8], source: String, firstLine: Int = 1) {
        self.bytes = bytes
        self.source = source
        self.firstLine = firstLine
        start = firstLine == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        index = start
    }

    mutating func parseDocument() throws -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected text after the JSON value") }
        return value
    }

    private func error(_ message: String, at offset: Int? = nil) -> PITError {
        let position = TextPosition(offset: offset ?? index, in: bytes, firstLine: firstLine)
        return PITError(.data, "\(source):\(position.description): \(message)")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input: expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character: expected a value")
        }
    }

    private mutating func expectWord(_ word: String) throws {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("unexpected character: expected a value")
        }
        index += expected.count
    }

    private mutating func nest() throws {
        depth += 1
        if depth > 512 { throw error("nested more than 512 deep") }
    }

    private mutating func parseObject() throws -> JSONValue {
        try nest()
        defer { depth -= 1 }
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        // Room for a small object's members at once, rather than growing one by one.
        members.reserveCapacity(8)
        var seen: Set<String> = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
            let keyOffset = index
            let key = try parseString()
            // A linear scan while small; past that a set, so a line of many keys stays linear.
            if members.count < 16 {
                if members.contains(where: { $0.key == key }) { throw error("duplicate member '\(key)'", at: keyOffset) }
            } else {
                if seen.isEmpty { seen = Set(members.map(\.key)) }
                guard seen.insert(key).inserted else { throw error("duplicate member '\(key)'", at: keyOffset) }
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            if let target {
                path.append(key)
                if path.count > (found?.depth ?? 0), path.count <= target.count, target.starts(with: path) {
                    found = (index, path.count)
                }
                defer { path.removeLast() }
                members.append((key, try parseValue()))
            } else {
                members.append((key, try parseValue()))
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input: expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try nest()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        // Room for a short array's items at once.
        items.reserveCapacity(4)
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input: expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits() -> Int {
            let first = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - first
        }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("invalid number") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") { throw error("invalid number: leading zero", at: start) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("invalid number: no digits after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("invalid number: no digits in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else { throw error("invalid number", at: start) }
        return .number(value, text: text)
    }

    /// A string (or member name), checked: no character a document cannot carry, not too long.
    private mutating func parseString() throws -> String {
        let start = index
        let (text, isPrintableASCII) = try parseRawString()
        if index - start > InputLimits.valueBytes {
            throw error("a string of more than \(InputLimits.valueBytes) bytes", at: start)
        }
        // Printable ASCII holds no forbidden character: only other text is looked through.
        if !isPrintableASCII, let found = ForbiddenCharacters.first(in: text, allowingLineBreaks: true) {
            // Where the character is, when it is written as itself; else the string's start.
            let raw = bytes[(start + 1)..<index].withUnsafeBufferPointer { ForbiddenCharacters.first(in: $0, allowingLineBreaks: true) }
            throw error("the string holds \(ForbiddenCharacters.describe(found.scalar)), which a document cannot carry",
                        at: raw.flatMap { $0.scalar == found.scalar ? start + 1 + $0.offset : nil } ?? start)
        }
        return text
    }

    /// The string's text, and whether it was written as printable ASCII without escapes.
    private mutating func parseRawString() throws -> (text: String, isPrintableASCII: Bool) {
        let start = index
        index += 1
        // The common case: no escapes, so the string is the bytes up to the closing quote.
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        let plain = bytes.withUnsafeBufferPointer { buffer -> (end: Int, text: String?, isPrintableASCII: Bool)? in
            // Eight bytes at a time, to the first quote, backslash or control character.
            let end = ByteWords.firstIndex(in: buffer, from: index,
                                           marks: { ByteWords.equal($0, quote) | ByteWords.equal($0, backslash) | ByteWords.belowSpace($0) },
                                           isStop: { $0 == quote || $0 == backslash || $0 < 0x20 })
            guard end < buffer.count && buffer[end] == quote else { return nil }
            // Read straight from the buffer; only text that is not plain ASCII needs the validator.
            // (The scan stopped at any control character, so ASCII here is printable but for DEL.)
            let text = UnsafeBufferPointer(rebasing: buffer[index..<end])
            guard ByteWords.allASCII(text) else { return (end, String.validatingUTF8(text), false) }
            return (end, String(decoding: text, as: UTF8.self), text.isEmpty || memchr(text.baseAddress!, 0x7F, text.count) == nil)
        }
        if let plain {
            guard let text = plain.text else { throw error("string is not valid UTF-8", at: start) }
            index = plain.end + 1
            return (text, plain.isPrintableASCII)
        }
        var result: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("unterminated string", at: start) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String.validatingUTF8(result) else { throw error("string is not valid UTF-8", at: start) }
                return (text, false)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error("unterminated string", at: start) }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): result.append(0x22)
                case UInt8(ascii: "\\"): result.append(0x5C)
                case UInt8(ascii: "/"): result.append(0x2F)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate in \\u escape")
                        }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                    result += Array(String(Character(unicode)).utf8)
                default:
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))'", at: index - 2)
                }
            default:
                if byte < 0x20 { throw error("control character in string (escape it)") }
                // Copy the run of ordinary bytes up to the next quote, backslash or control.
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
                    end += 1
                }
                result += bytes[index..<end]
                index = end
            }
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}

/// The characters a document cannot carry, refused wherever text enters pit (arguments, batch
/// cells, JSON strings, templates, `authority.json`, `exemption.json`): C0 controls (tab, line
/// feed and carriage return only where a text may break lines), DEL, the C1 controls, the
/// byte-order mark U+FEFF anywhere but at the very start of a file (where it is stripped), and
/// the noncharacters U+FFFE and U+FFFF. XML 1.0 (so .docx) cannot hold most of them, and the rest
/// are invisible in a signed document. (Swift strings cannot hold lone surrogates.)
public enum ForbiddenCharacters {
    /// The first forbidden character of UTF-8 `bytes`: its byte offset and scalar value.
    public static func first(in bytes: UnsafeBufferPointer<UInt8>, allowingLineBreaks: Bool) -> (offset: Int, scalar: UInt32)? {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes of printable ASCII at once; otherwise the next eight one by one.
            if index + 8 <= count && ByteWords.isPrintableASCII(ByteWords.word(bytes, at: index)) {
                index += 8
                continue
            }
            let stop = min(index + 8, count)
            while index < stop {
                let byte = bytes[index]
                if byte < 0x20 {
                    if !(allowingLineBreaks && (byte == 0x09 || byte == 0x0A || byte == 0x0D)) { return (index, UInt32(byte)) }
                } else if byte == 0x7F {
                    return (index, 0x7F)
                } else if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) {
                    return (index, UInt32(bytes[index + 1]))  // U+0080 to U+009F
                } else if byte == 0xEF, index + 2 < count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0xBB && third == 0xBF { return (index, 0xFEFF) }
                    if second == 0xBF && (third == 0xBE || third == 0xBF) { return (index, third == 0xBE ? 0xFFFE : 0xFFFF) }
                }
                index += 1
            }
        }
        return nil
    }

    /// The first forbidden character of `text`: its byte offset and scalar value.
    public static func first(in text: String, allowingLineBreaks: Bool) -> (offset: Int, scalar: UInt32)? {
        text.withUTF8Bytes { first(in: $0, allowingLineBreaks: allowingLineBreaks) }
    }

    /// Whether `text` holds a forbidden character.
    public static func contained(in text: String, allowingLineBreaks: Bool) -> Bool {
        first(in: text, allowingLineBreaks: allowingLineBreaks) != nil
    }

    /// What the character is, for an error: `a control character (U+0000)`.
    public static func describe(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar {
        case 0xFEFF: return "a byte-order mark (\(code))"
        case 0xFFFE, 0xFFFF: return "a noncharacter (\(code))"
        case 0x09, 0x0A, 0x0D: return "a line break or tab (\(code))"
        default: return "a control character (\(code))"
        }
    }

    /// Throws, when `text` holds a forbidden character, an error of `kind`:
    /// `--ref holds a control character (U+0007), which a document cannot carry`.
    public static func check(_ text: String, allowingLineBreaks: Bool, _ kind: PITError.Kind, subject: @autoclosure () -> String) throws {
        try text.withUTF8Bytes { try check($0, allowingLineBreaks: allowingLineBreaks, kind, subject: subject()) }
    }

    /// `check` on UTF-8 `bytes`.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>, allowingLineBreaks: Bool, _ kind: PITError.Kind,
                             subject: @autoclosure () -> String) throws {
        if let found = first(in: bytes, allowingLineBreaks: allowingLineBreaks) {
            throw PITError(kind, "\(subject()) holds \(describe(found.scalar)), which a document cannot carry")
        }
    }
}

/// A place in UTF-8 text: its line and column (counted in Unicode scalars), both from 1.
public struct TextPosition: Equatable, Sendable {
    public let line: Int
    public let column: Int

    /// The position of byte `offset` of `bytes`; `firstLine` is the line the bytes start on.
    public init<Bytes: RandomAccessCollection>(offset: Int, in bytes: Bytes, firstLine: Int = 1) where Bytes.Element == UInt8, Bytes.Index == Int {
        let end = min(max(offset, 0), bytes.count) + bytes.startIndex
        var line = firstLine
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < end {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        var column = 1
        for position in lineStart..<end where bytes[position] & 0xC0 != 0x80 { column += 1 }
        self.line = line
        self.column = column
    }

    /// The position of byte `offset` of `text`.
    public init(offset: Int, in text: String) {
        self = text.withUTF8Bytes { TextPosition(offset: offset, in: $0) }
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

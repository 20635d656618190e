/// One CSV record read from bytes in memory: the RFC 4180 state machine of `CSVReader`, run over
/// a buffer with no call per byte. A record that runs past the buffer's end asks for more input
/// (`needsMore`) and is scanned again from its start once there is more: records are small beside
/// the reader's buffer, so that happens about once a buffer.
enum CSVRecordScan {
    /// How a scan ended.
    enum Outcome: Equatable {
        /// A whole record of `length` bytes (its line break included), holding `newlines` line breaks.
        case record(length: Int, newlines: Int)
        /// A malformed record: `message` says why; it was read up to `length` bytes (the byte at
        /// fault included) and the rest of its line is to be skipped.
        case problem(String, length: Int, newlines: Int)
        /// The bytes end inside the record, and the input has more.
        case needsMore
        /// A quoted field runs to the end of the input.
        case unclosedQuote
        /// The record's text is longer than `InputLimits.rowBytes`.
        case tooLong
    }

    /// Where each field of a record lies in its bytes.
    struct Fields {
        /// A field's text: `start..<end` of the record's bytes, with each doubled quote in it
        /// standing for one quote when `escaped`.
        struct Field {
            var start: Int
            var end: Int
            var escaped = false
        }

        var list: [Field] = []
        /// Whether any byte of the fields' text is not ASCII.
        var nonASCII = false

        mutating func removeAll() {
            list.removeAll(keepingCapacity: true)
            nonASCII = false
        }

        /// A line with no field text (a blank line, or a lone `""`), which readers skip.
        var isBlank: Bool { list.count == 1 && list[0].start == list[0].end }
    }

    /// Scans the record at the start of `bytes`; `atEnd`: the input has nothing after them.
    /// The length limit is checked after each run of text, as the record is read.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool, into fields: inout Fields) -> Outcome {
        let count = bytes.count
        var index = 0
        var length = 0  // the bytes of field text so far
        var newlines = 0
        var quoted = false, fieldStarted = false, afterQuote = false

        var field = Fields.Field(start: 0, end: 0)
        // The bytes of text so far (and perhaps a few bytes after them) or-ed together: ASCII
        // while no top bit is set. (A byte after the record that is not ASCII only costs the
        // record a check of its UTF-8 that it passes.)
        var seen: UInt64 = 0

        /// Counts the text `bytes[from..<to]`; false when the record is then too long.
        func addText(_ from: Int, _ to: Int) -> Bool {
            length += to - from
            return length <= InputLimits.rowBytes
        }

        /// Ends the field, and starts the next (empty until text is found) at `index`.
        func endField() {
            fields.list.append(field)
            field = Fields.Field(start: index, end: index)
            fields.nonASCII = seen & ByteWords.tops != 0
        }

        while index < count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    guard index < count || atEnd else { return .needsMore }
                    if index < count && bytes[index] == UInt8(ascii: "\"") {
                        index += 1
                        field.escaped = true
                        length += 1
                    } else {
                        quoted = false
                        afterQuote = true
                        field.end = index - 1
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { newlines += 1 }
                    seen |= UInt64(byte)
                    let end = runEnd(bytes, from: index, quoted: true, seen: &seen)
                    guard end < count || atEnd else { return .needsMore }
                    guard addText(index - 1, end) else { return .tooLong }
                    index = end
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endField()
                fieldStarted = false
                afterQuote = false
            case UInt8(ascii: "\r"):
                guard index < count || atEnd else { return .needsMore }
                if index < count && bytes[index] == UInt8(ascii: "\n") { continue }
                return .problem("a carriage return outside quotes", length: index, newlines: newlines)
            case UInt8(ascii: "\n"):
                endField()
                return .record(length: index, newlines: newlines + 1)
            case UInt8(ascii: "\""):
                guard !fieldStarted else {
                    return .problem("a quote inside an unquoted field (quote the whole field and double the quote)", length: index, newlines: newlines)
                }
                quoted = true
                fieldStarted = true
                field = Fields.Field(start: index, end: index)
            default:
                if afterQuote {
                    return .problem("text after a closing quote (a quote inside a field is doubled: \"\")", length: index, newlines: newlines)
                }
                fieldStarted = true
                seen |= UInt64(byte)
                let end = runEnd(bytes, from: index, quoted: false, seen: &seen)
                guard end < count || atEnd else { return .needsMore }
                guard addText(index - 1, end) else { return .tooLong }
                field = Fields.Field(start: index - 1, end: end)
                index = end
            }
        }
        guard atEnd else { return .needsMore }
        if quoted { return .unclosedQuote }
        endField()
        return .record(length: count, newlines: newlines)
    }

    /// Where the record at the start of `bytes` ends, found by its quotes and line ends alone, when
    /// it is well formed and no longer than `InputLimits.rowBytes` bytes in all: `.record` (the same
    /// length and line breaks `scan` finds) or `.needsMore`; nil for a record only `scan` can judge
    /// (malformed, never closed, or long). For a reader that only needs to know where records end.
    static func end(of bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> Outcome? {
        let count = bytes.count
        let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n")
        let comma = UInt8(ascii: ","), carriageReturn = UInt8(ascii: "\r")
        /// Where the input runs out inside the record.
        func ranOut() -> Outcome? {
            count > InputLimits.rowBytes || atEnd ? nil : .needsMore
        }
        var index = 0
        var newlines = 0
        while true {
            // The first quote, carriage return or line feed.
            let lineEnd = find(lineFeed, in: bytes, from: index, to: count)
            index = find(carriageReturn, in: bytes, from: index, to: find(quote, in: bytes, from: index, to: lineEnd))
            if index == count {
                return atEnd && count <= InputLimits.rowBytes ? .record(length: count, newlines: newlines) : ranOut()
            }
            let end: Int
            switch bytes[index] {
            case lineFeed:
                end = index + 1
            case carriageReturn:
                guard index + 1 < count else { return ranOut() }
                guard bytes[index + 1] == lineFeed else { return nil }
                end = index + 2
            default:
                // A quote: only where a field starts; its field ends at a quote not doubled.
                guard index == 0 || bytes[index - 1] == comma else { return nil }
                index += 1
                while true {
                    let closing = find(quote, in: bytes, from: index, to: count)
                    var lineBreak = find(lineFeed, in: bytes, from: index, to: closing)
                    while lineBreak < closing {
                        newlines += 1
                        lineBreak = find(lineFeed, in: bytes, from: lineBreak + 1, to: closing)
                    }
                    index = closing
                    guard index + 1 < count else {
                        // The closing quote last of all is the end of the input's last record.
                        let closedLast = index + 1 == count && atEnd && count <= InputLimits.rowBytes
                        return closedLast ? .record(length: count, newlines: newlines) : ranOut()
                    }
                    index += 1
                    guard bytes[index] == quote else { break }
                    index += 1
                }
                let next = bytes[index]
                guard next == comma || next == carriageReturn || next == lineFeed else { return nil }
                continue
            }
            return end <= InputLimits.rowBytes ? .record(length: end, newlines: newlines + 1) : nil
        }
    }

    /// The index of the first `byte` of `bytes[from..<to]`, or `to` (`memchr`: many bytes a step).
    @inline(__always)
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let found = memchr(bytes.baseAddress! + from, Int32(byte), to - from) else { return to }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Where the run of ordinary text from `start` ends: at the next quote or line feed inside
    /// quotes; outside them, also at a comma or carriage return. The bytes looked at (the run's,
    /// and perhaps a few after it) are or-ed into `seen`.
    @inline(__always)
    private static func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, quoted: Bool, seen: inout UInt64) -> Int {
        let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n")
        let comma = UInt8(ascii: ","), carriageReturn = UInt8(ascii: "\r")
        if quoted {
            return ByteWords.firstIndex(in: bytes, from: start,
                                        marks: { word in
                                            seen |= word
                                            return ByteWords.equal(word, quote) | ByteWords.equal(word, lineFeed)
                                        },
                                        isStop: { byte in
                                            seen |= UInt64(byte)
                                            return byte == quote || byte == lineFeed
                                        })
        }
        return ByteWords.firstIndex(in: bytes, from: start,
                                    marks: { word in
                                        seen |= word
                                        return ByteWords.equal(word, comma) | ByteWords.equal(word, quote)
                                            | ByteWords.equal(word, carriageReturn) | ByteWords.equal(word, lineFeed)
                                    },
                                    isStop: { byte in
                                        seen |= UInt64(byte)
                                        return byte == comma || byte == quote || byte == carriageReturn || byte == lineFeed
                                    })
    }
}

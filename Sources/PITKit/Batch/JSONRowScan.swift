/// A JSON Lines row read straight from its bytes into a `BatchRow`, with no `JSONValue` tree in
/// between, for the lines batch input mostly holds: one object whose members are known options,
/// each null, true, false, a string or an array of strings, every string without escapes.
///
/// It never reports an error: a line it does not take, for whatever reason (an escape, a number,
/// an unknown or repeated key, a value of the wrong type, a forbidden character, a syntax error),
/// is left to `JSONValue.parse` and `BatchRow.set(_:json:)`, which read any JSON and say what is
/// wrong. So a row's values, and its problem, are the same whichever reads it; a line this
/// reader takes is one they would take with the same values.
enum JSONRowScan {
    /// The row `line` gives (its bytes, a byte-order mark already removed), or nil when the line
    /// is not one this reader takes. Its texts are made through `texts`.
    static func row(_ line: UnsafeBufferPointer<UInt8>, number: Int, texts: inout RecentTexts) -> BatchRow? {
        var scan = Cursor(bytes: line)
        var row = BatchRow(number: number)
        var seen: UInt32 = 0
        scan.skipWhiteSpace()
        guard scan.take(UInt8(ascii: "{")) else { return nil }
        scan.skipWhiteSpace()
        if !scan.take(UInt8(ascii: "}")) {
            row.reserveCapacity(32)  // room for a few lists of items
            repeat {
                scan.skipWhiteSpace()
                guard let key = scan.string(), let column = DraftOption(utf8: key), seen & 1 << column.index == 0 else { return nil }
                seen |= 1 << column.index
                scan.skipWhiteSpace()
                guard scan.take(UInt8(ascii: ":")) else { return nil }
                scan.skipWhiteSpace()
                guard scan.value(column, into: &row, texts: &texts) else { return nil }
                scan.skipWhiteSpace()
            } while scan.take(UInt8(ascii: ","))
            guard scan.take(UInt8(ascii: "}")) else { return nil }
        }
        scan.skipWhiteSpace()
        return scan.index == line.count ? row : nil
    }

    /// A place in the line's bytes.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        /// Moves past `byte` when it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func skipWhiteSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += 1
            }
        }

        /// Moves past `word` (`true`, `false`, `null`) when it is next.
        mutating func take(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count,
                  memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0 else { return false }
            index += count
            return true
        }

        /// The text of a string with no escapes, checked as `JSONValue.parse` checks a string
        /// (UTF-8, no forbidden character, not too long); nil for any other string or none.
        mutating func string() -> UnsafeBufferPointer<UInt8>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
            var ascii = true
            while true {
                // Stops at a quote, a backslash, and any byte that is not printable ASCII.
                index = ByteWords.firstIndex(in: bytes, from: index,
                                             marks: { word in
                                                 ByteWords.equal(word, quote) | ByteWords.equal(word, backslash)
                                                     | ((word | (word &- ByteWords.ones &* 0x20) | (word &+ ByteWords.ones)) & ByteWords.tops)
                                             },
                                             isStop: { $0 == quote || $0 == backslash || $0 < 0x20 || $0 >= 0x7F })
                guard index < bytes.count, bytes[index] >= 0x80 else { break }
                ascii = false
                index += 1
            }
            guard index < bytes.count, bytes[index] == quote, index + 1 - (start - 1) <= InputLimits.valueBytes else { return nil }
            let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            if !ascii {
                guard String(validating: text, as: UTF8.self) != nil,
                      ForbiddenCharacters.first(in: text, allowingLineBreaks: true) == nil else { return nil }
            }
            return text
        }

        /// Reads the value of `column` into `row`, as `BatchRow.set(_:json:)` would; false when
        /// that would fail or the value is not one this reader takes.
        mutating func value(_ column: DraftOption, into row: inout BatchRow, texts: inout RecentTexts) -> Bool {
            guard index < bytes.count else { return false }
            let cell = column.cell
            switch bytes[index] {
            case UInt8(ascii: "n"):
                return take("null")
            case UInt8(ascii: "t"), UInt8(ascii: "f"):
                guard cell == .flag else { return false }
                let flag = bytes[index] == UInt8(ascii: "t")
                guard take(flag ? "true" : "false") else { return false }
                row.set(column, flag: flag)
                return true
            case UInt8(ascii: "\""):
                guard let text = string() else { return false }
                guard cell == .flag else {
                    row.give(column) { $0.append(texts.text(text)) }
                    return true
                }
                guard let flag = try? BatchRow.flag(text, column) else { return false }
                row.set(column, flag: flag)
                return true
            case UInt8(ascii: "["):
                guard cell == .list || cell == .lines else { return false }
                index += 1
                var read = true
                row.give(column) { values in
                    skipWhiteSpace()
                    if take(UInt8(ascii: "]")) { return }
                    repeat {
                        skipWhiteSpace()
                        guard let text = string() else { return read = false }
                        values.append(texts.text(text))
                        skipWhiteSpace()
                    } while take(UInt8(ascii: ","))
                    read = take(UInt8(ascii: "]"))
                }
                return read
            default:
                return false
            }
        }
    }
}

/// One row of batch input: its number (the CSV line or JSON Lines line it starts on) and the
/// draft options it gives, by the same names as `pit draft`'s options.
public struct BatchRow: Sendable {
    public let number: Int
    /// Each column's values, by `DraftOption` (nil: not given).
    private var cells: [[String]?] = Array(repeating: nil, count: DraftOption.allCases.count)
    /// Set when the row could not be read; the row then fails with this reason.
    public var problem: String?

    public init(number: Int) { self.number = number }

    public subscript(column: DraftOption) -> [String]? { cells[column.index] }

    /// Sets a column from a CSV cell's UTF-8 text (an empty cell sets nothing).
    mutating func set(_ column: DraftOption, csvCell cell: UnsafeBufferPointer<UInt8>) throws {
        guard !cell.isEmpty else { return }
        if cell.count > InputLimits.valueBytes {
            throw PITError.data("column '\(column.rawValue)': a value of more than \(InputLimits.valueBytes) bytes")
        }
        try ForbiddenCharacters.check(cell, allowingLineBreaks: true, .data, subject: "column '\(column.rawValue)'")
        switch column.cell {
        case .flag:
            cells[column.index] = try Self.flag(Self.text(cell), column) ? [] : nil
        case .list:
            guard cell.contains(UInt8(ascii: ";")) else {
                cells[column.index] = [Self.trimmedText(cell)]
                return
            }
            // Each item between semicolons, trimmed; empty ones dropped.
            var items: [String] = []
            var start = 0
            for index in 0...cell.count where index == cell.count || cell[index] == UInt8(ascii: ";") {
                let item = Self.trimmedText(UnsafeBufferPointer(rebasing: cell[start..<index]))
                if !item.isEmpty { items.append(item) }
                start = index + 1
            }
            cells[column.index] = items
        case .lines:
            var lines: [String] = []
            var start = 0
            for index in 0...cell.count where index == cell.count || cell[index] == UInt8(ascii: "\n") {
                var end = index
                if end > start && cell[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if end > start { lines.append(Self.text(UnsafeBufferPointer(rebasing: cell[start..<end]))) }
                start = index + 1
            }
            cells[column.index] = lines
        case .single:
            cells[column.index] = [Self.text(cell)]
        }
    }

    @inline(__always)
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The text of `bytes` with `trimmingSpaces`: for ASCII, spaces are cut off byte by byte
    /// (each is a character of its own); other text is trimmed as a `String`.
    private static func trimmedText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return text(bytes).trimmingSpaces }
        var start = 0, end = bytes.count
        while start < end && bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return text(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// Sets a column from a JSON Lines value.
    mutating func set(_ column: DraftOption, json value: JSONValue) throws {
        let kind = column.cell
        switch value {
        case .null:
            return
        case .bool(let flag):
            guard kind == .flag else { throw PITError.data("'\(column.rawValue)' must be a string, not a boolean") }
            cells[column.index] = flag ? [] : nil
        case .string(let text):
            if kind == .flag {
                cells[column.index] = try Self.flag(text, column) ? [] : nil
            } else {
                cells[column.index] = [text]
            }
        case .array(let items):
            guard kind == .list || kind == .lines else {
                throw PITError.data("'\(column.rawValue)' takes one value, not an array")
            }
            cells[column.index] = try items.map { item in
                guard case .string(let text) = item else { throw PITError.data("'\(column.rawValue)' must be an array of strings") }
                return text
            }
        case .object(let members) where column == .set || column == .evidence:
            cells[column.index] = try members.map { member in
                guard case .string(let text) = member.value else { throw PITError.data("'\(column.rawValue)' values must be strings") }
                return "\(member.key)=\(text)"
            }
        default:
            throw PITError.data("'\(column.rawValue)' must be a string\(kind == .list || kind == .lines ? " or an array of strings" : ""), not \(value.typeName)")
        }
    }

    private static func flag(_ text: String, _ column: DraftOption) throws -> Bool {
        switch text.trimmingSpaces.lowercased() {
        case "true", "yes", "1", "y": return true
        case "false", "no", "0", "n", "": return false
        default: throw PITError.data("'\(column.rawValue)' must be true or false, not '\(text)'")
        }
    }
}

extension DraftOption {
    /// The option's place in `allCases`, for tables indexed by option.
    var index: Int {
        switch self {
        case .ref: return 0
        case .exemption: return 1
        case .limbs: return 2
        case .likelihood: return 3
        case .ncnd: return 4
        case .variant: return 5
        case .question: return 6
        case .fact: return 7
        case .evidence: return 8
        case .purposes: return 9
        case .outcome: return 10
        case .alternative: return 11
        case .separateParts: return 12
        case .authority: return 13
        case .authorityShort: return 14
        case .authorityKind: return 15
        case .regime: return 16
        case .emissions: return 17
        case .date: return 18
        case .set: return 19
        case .format: return 20
        case .output: return 21
        case .strict: return 22
        }
    }
}

/// One row of batch input: its number (the CSV line or JSON Lines line it starts on) and the
/// draft options it gives, by the same names as `pit draft`'s options.
public struct BatchRow: Sendable {
    public let number: Int
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    /// Set when the row could not be read; the row then fails with this reason.
    public var problem: String?

    public init(number: Int) {
        self.number = number
        values.reserveCapacity(Self.columns.count)
    }

    /// The column names a batch may use: the draft options, plus `format` and `output`.
    public static let columns = DraftOptions.names + ["format", "output"]
    /// Columns whose cell holds several values separated by `;` (CSV) or an array (JSON Lines).
    static let listColumns: Set = ["exemption", "limbs", "variant", "set"]
    /// Columns whose cell holds one value a line (CSV) or an array (JSON Lines).
    static let lineColumns: Set = ["question", "fact"]

    /// Sets a column from a CSV cell (an empty cell sets nothing).
    mutating func set(_ column: String, csvCell cell: String) throws {
        guard !cell.isEmpty else { return }
        if column == "ncnd" {
            if try Self.flag(cell, column) { flags.insert(column) }
        } else if Self.listColumns.contains(column) {
            values[column] = cell.containsByte(where: { $0 == UInt8(ascii: ";") })
                ? cell.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                : [cell.trimmingSpaces]
        } else if Self.lineColumns.contains(column) {
            values[column] = cell.withUTF8Bytes { bytes in
                var lines: [String] = []
                var start = 0
                for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                    var end = index
                    if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    if end > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
                    start = index + 1
                }
                return lines
            }
        } else {
            values[column] = [cell]
        }
    }

    /// Sets a column from a JSON Lines value.
    mutating func set(_ column: String, json value: JSONValue) throws {
        switch value {
        case .null:
            return
        case .bool(let flag):
            guard column == "ncnd" else { throw PITError.data("'\(column)' must be a string, not a boolean") }
            if flag { flags.insert(column) }
        case .string(let text):
            if column == "ncnd" {
                if try Self.flag(text, column) { flags.insert(column) }
            } else {
                values[column] = [text]
            }
        case .array(let items):
            guard Self.listColumns.contains(column) || Self.lineColumns.contains(column) else {
                throw PITError.data("'\(column)' takes one value, not an array")
            }
            values[column] = try items.map { item in
                guard case .string(let text) = item else { throw PITError.data("'\(column)' must be an array of strings") }
                return text
            }
        case .object(let members) where column == "set":
            values[column] = try members.map { member in
                guard case .string(let text) = member.value else { throw PITError.data("'set' values must be strings") }
                return "\(member.key)=\(text)"
            }
        default:
            throw PITError.data("'\(column)' must be a string\(Self.listColumns.union(Self.lineColumns).contains(column) ? " or an array of strings" : ""), not \(value.typeName)")
        }
    }

    private static func flag(_ text: String, _ column: String) throws -> Bool {
        switch text.trimmingSpaces.lowercased() {
        case "true", "yes", "1", "y": return true
        case "false", "no", "0", "n", "": return false
        default: throw PITError.data("'\(column)' must be true or false, not '\(text)'")
        }
    }
}

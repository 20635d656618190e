/// One row of batch input: its number (the CSV line or JSON Lines line it starts on) and the
/// draft options it gives, by the same names as `pit draft`'s options.
public struct BatchRow: Sendable, DraftOptionValues {
    public private(set) var number: Int
    /// Set when the row could not be read; the row then fails with this reason.
    public var problem: String?
    /// Every value of the row, each option's together (an option set twice leaves its old values
    /// here, unused).
    private var values: [String] = []
    /// Where each option's values lie in `values`, by `DraftOption.index`: `starts[i]..<ends[i]`.
    /// (SIMD vectors serve as fixed-size tables inside the row: no allocation of their own.)
    private var starts = SIMD32<UInt32>(), ends = SIMD32<UInt32>()
    /// The options given, a bit each by `DraftOption.index` (a flag that is on has no values).
    private var given: UInt32 = 0

    public init(number: Int) { self.number = number }

    /// Makes the row an empty one numbered `number`, keeping its values' room (a reader reads
    /// each row into the same one).
    mutating func reset(number: Int) {
        self.number = number
        problem = nil
        values.removeAll(keepingCapacity: true)
        given = 0
    }

    /// Makes room for `count` values, before they are set.
    mutating func reserveCapacity(_ count: Int) { values.reserveCapacity(count) }

    /// The option's values, in order (nil: not given).
    @inline(__always)
    public subscript(option: DraftOption) -> ArraySlice<String>? {
        let index = option.index
        guard given & 1 << index != 0 else { return nil }
        return values[Int(starts[index])..<Int(ends[index])]
    }

    @inline(__always)
    public func last(_ option: DraftOption) -> String? {
        let index = option.index
        guard given & 1 << index != 0, ends[index] > starts[index] else { return nil }
        return values[Int(ends[index]) - 1]
    }

    @inline(__always)
    public func isGiven(_ option: DraftOption) -> Bool { given & 1 << option.index != 0 }

    /// Gives `option` the values `body` appends to `values` (none, for a flag that is on).
    mutating func give(_ option: DraftOption, _ body: (inout [String]) throws -> Void) rethrows {
        let index = option.index
        starts[index] = UInt32(values.count)
        try body(&values)
        ends[index] = UInt32(values.count)
        given |= 1 << index
    }

    /// Sets a flag on or off.
    mutating func set(_ option: DraftOption, flag: Bool) {
        if flag { give(option) { _ in } } else { given &= ~(1 << option.index) }
    }

    /// Sets a column from a CSV cell's UTF-8 text (an empty cell sets nothing); `plain`: the cell
    /// is known to be ASCII with no forbidden character (`CSVReader.Record.isPlain`). Its texts
    /// are made through `texts`.
    mutating func set(_ column: DraftOption, csvCell cell: UnsafeBufferPointer<UInt8>, plain: Bool = false,
                      texts: inout RecentTexts) throws {
        guard !cell.isEmpty else { return }
        if cell.count > InputLimits.valueBytes {
            throw PITError.data("column '\(column.rawValue)': a value of more than \(InputLimits.valueBytes) bytes")
        }
        if !plain { try ForbiddenCharacters.check(cell, allowingLineBreaks: true, .data, subject: "column '\(column.rawValue)'") }
        switch column.cell {
        case .flag:
            set(column, flag: try Self.flag(cell, column))
        case .list:
            // Each item between semicolons, trimmed; empty ones dropped (a cell of one item is
            // kept, empty or not).
            give(column) { values in
                guard Self.index(of: UInt8(ascii: ";"), in: cell, from: 0) < cell.count else {
                    return values.append(Self.trimmedText(cell, ascii: plain, texts: &texts))
                }
                Self.forEachPart(of: cell, separatedBy: UInt8(ascii: ";")) { part in
                    let item = Self.trimmedText(part, ascii: plain, texts: &texts)
                    if !item.isEmpty { values.append(item) }
                }
            }
        case .lines:
            // Each line not empty, without its carriage return.
            give(column) { values in
                Self.forEachPart(of: cell, separatedBy: UInt8(ascii: "\n")) { line in
                    let end = line.last == UInt8(ascii: "\r") ? line.count - 1 : line.count
                    if end > 0 { values.append(texts.text(UnsafeBufferPointer(rebasing: line[..<end]))) }
                }
            }
        case .single:
            give(column) { $0.append(texts.text(cell)) }
        }
    }

    /// The index of the first `byte` of `bytes` from `start`, or `bytes.count`.
    @inline(__always)
    private static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteWords.firstIndex(in: bytes, from: start, marks: { ByteWords.equal($0, byte) }, isStop: { $0 == byte })
    }

    /// Calls `body` with each part of `bytes` between `separator`s, empty ones too.
    @inline(__always)
    private static func forEachPart(of bytes: UnsafeBufferPointer<UInt8>, separatedBy separator: UInt8,
                                    _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        while start <= bytes.count {
            let end = index(of: separator, in: bytes, from: start)
            body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            start = end + 1
        }
    }

    /// The text of `bytes` with `trimmingSpaces`: for ASCII (`ascii`: known to be), spaces are cut
    /// off byte by byte (each is a character of its own); other text is trimmed as a `String`.
    private static func trimmedText(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, texts: inout RecentTexts) -> String {
        guard ascii || !bytes.contains(where: { $0 >= 0x80 }) else { return texts.text(bytes).trimmingSpaces }
        return texts.text(trimmedASCII(bytes))
    }

    /// ASCII `bytes` without the spaces at either end.
    private static func trimmedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end && bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Sets a column from a JSON Lines value.
    mutating func set(_ column: DraftOption, json value: JSONValue) throws {
        let kind = column.cell
        switch value {
        case .null:
            return
        case .bool(let flag):
            guard kind == .flag else { throw PITError.data("'\(column.rawValue)' must be a string, not a boolean") }
            set(column, flag: flag)
        case .string(let text):
            if kind == .flag {
                set(column, flag: try text.withUTF8Bytes { try Self.flag($0, column) })
            } else {
                give(column) { $0.append(text) }
            }
        case .array(let items):
            guard kind == .list || kind == .lines else {
                throw PITError.data("'\(column.rawValue)' takes one value, not an array")
            }
            try give(column) { values in
                for item in items {
                    guard case .string(let text) = item else { throw PITError.data("'\(column.rawValue)' must be an array of strings") }
                    values.append(text)
                }
            }
        case .object(let members) where column == .set || column == .evidence:
            try give(column) { values in
                for member in members {
                    guard case .string(let text) = member.value else { throw PITError.data("'\(column.rawValue)' values must be strings") }
                    values.append("\(member.key)=\(text)")
                }
            }
        default:
            throw PITError.data("'\(column.rawValue)' must be a string\(kind == .list || kind == .lines ? " or an array of strings" : ""), not \(value.typeName)")
        }
    }

    /// A flag's UTF-8 text, read as `trimmingSpaces.lowercased()` would have it: only ASCII text
    /// can be one of the words (no other character lower-cases to their letters).
    static func flag(_ bytes: UnsafeBufferPointer<UInt8>, _ column: DraftOption) throws -> Bool {
        if !bytes.contains(where: { $0 >= 0x80 }) {
            let word = trimmedASCII(bytes)
            func equals(_ name: StaticString) -> Bool {
                word.count == name.utf8CodeUnitCount
                    && zip(word, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)).allSatisfy { byte, letter in
                        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == letter
                    }
            }
            if equals("true") || equals("yes") || equals("1") || equals("y") { return true }
            if equals("false") || equals("no") || equals("0") || equals("n") || word.isEmpty { return false }
        }
        throw PITError.data("'\(column.rawValue)' must be true or false, not '\(String(decoding: bytes, as: UTF8.self))'")
    }
}

extension DraftOption {
    /// The option named by the UTF-8 bytes `name`, as `init(rawValue:)` finds it, without making
    /// a string of them (JSON Lines rows name an option in every member).
    init?(utf8 name: UnsafeBufferPointer<UInt8>) {
        guard let option = Self.names.option(named: name) else { return nil }
        self = option
    }

    /// Every option's name in one run of bytes, the options by the length of their names: a
    /// name is looked up among those of its length with nothing to retain but the table's arrays.
    private struct NameTable {
        let bytes: [UInt8]
        /// The options, shortest name first, and where each name starts in `bytes`.
        let entries: [(option: DraftOption, start: Int)]
        /// `entries[firsts[n]..<firsts[n + 1]]` are the options whose names have `n` bytes.
        let firsts: [Int]

        init() {
            let options = DraftOption.allCases.sorted { $0.rawValue.utf8.count < $1.rawValue.utf8.count }
            var bytes: [UInt8] = [], entries: [(option: DraftOption, start: Int)] = [], firsts = [0]
            for option in options {
                let name = option.rawValue.utf8
                while firsts.count <= name.count { firsts.append(entries.count) }
                entries.append((option, bytes.count))
                bytes += name
            }
            firsts.append(entries.count)
            self.bytes = bytes
            self.entries = entries
            self.firsts = firsts
        }

        func option(named name: UnsafeBufferPointer<UInt8>) -> DraftOption? {
            guard name.count + 1 < firsts.count else { return nil }
            return bytes.withUnsafeBufferPointer { bytes in
                for index in firsts[name.count]..<firsts[name.count + 1]
                where memcmp(bytes.baseAddress! + entries[index].start, name.baseAddress!, name.count) == 0 {
                    return entries[index].option
                }
                return nil
            }
        }
    }

    private static let names = NameTable()

    /// The option's place in `allCases`, for tables indexed by option (at most 32 of them: `BatchRow`).
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

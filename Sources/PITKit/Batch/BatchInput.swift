/// Batch input, CSV or JSON Lines, read one row at a time.
public final class BatchInput {
    /// The two input formats.
    public enum Kind: String, Sendable { case csv, jsonLines = "json-lines" }

    public let kind: Kind
    private let reader: ByteReader
    private let source: String
    private var csv: CSVReader?
    private var columns: [DraftOption] = []
    private var jsonLine = 0
    /// The texts of recent rows (`RecentTexts`), taken out while a row is read (then a local,
    /// it is not checked for exclusive access at every value).
    private var texts: RecentTexts? = RecentTexts()

    /// Opens `path` (`-` for standard input, read whole: at most `InputLimits.standardInputBytes`);
    /// the kind comes from the extension (`.csv`, `.jsonl`, `.ndjson`), or for standard input from
    /// its first character other than white space and a byte-order mark (`{` means JSON Lines).
    /// CSV is read through once before any row is given out, so that an error that would stop
    /// the run (a quoted field never closed, a bad header) stops it before anything is drafted.
    public init(path: String) throws {
        source = path == "-" ? "stdin" : path
        reader = path == "-"
            ? ByteReader(bytes: try FileSystem.readStandardInput(limit: InputLimits.standardInputBytes), name: "standard input")
            : try ByteReader(path: path)
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") {
            kind = .csv
        } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            kind = .jsonLines
        } else if path == "-" {
            kind = Self.sniff(reader)
        } else {
            throw PITError.usage("\(path): cannot tell the input format: name it .csv, .jsonl or .ndjson")
        }
        if kind == .csv {
            try CSVReader.checkStructure(of: reader, source: source)
            try reader.rewind()
            try readHeader()
        }
    }

    /// The first byte that is not white space or a byte-order mark: `{` is JSON Lines.
    private static func sniff(_ reader: ByteReader) -> Kind {
        var bytes = reader.prefix(1 << 16)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let first = bytes.first { !(0x20 == $0 || 0x09 == $0 || 0x0A == $0 || 0x0D == $0) }
        return first == UInt8(ascii: "{") ? .jsonLines : .csv
    }

    private func readHeader() throws {
        let csv = CSVReader(input: reader, source: source)
        self.csv = csv
        guard let header = try csv.next() else { throw PITError.data("\(source): empty input: no header row") }
        let place = "\(source):\(header.line)"
        if let problem = header.problem { throw PITError.data("\(place): the header row: \(problem)") }
        let names = DraftOption.allCases.map(\.rawValue)
        columns = try csv.fieldTexts.enumerated().map { number, field in
            let name = field.trimmingSpaces.lowercased()
            guard let column = DraftOption(rawValue: name) else {
                throw PITError.data("\(place): field \(number + 1): unknown column '\(field)'\(Suggestion.didYouMean(name, in: names)) (columns: \(names.joined(separator: ", ")))")
            }
            return column
        }
        if let duplicate = columns.indices.first(where: { index in columns[..<index].contains(columns[index]) }) {
            throw PITError.data("\(place): field \(duplicate + 1): column '\(columns[duplicate].rawValue)' appears twice")
        }
        for required in [DraftOption.ref, .exemption] where !columns.contains(required) {
            throw PITError.data("\(place): no '\(required.rawValue)' column")
        }
    }

    /// The next row, or nil at the end. A row that cannot be read comes back with a `problem`.
    public func next() throws -> BatchRow? {
        var row = BatchRow(number: 0)
        return try next(into: &row) ? row : nil
    }

    /// Reads the next row into `row`, as `next()` gives it; false at the end. A CSV row is read
    /// into the room of the one before (no new row, nor list of values, at every row).
    func next(into row: inout BatchRow) throws -> Bool {
        guard kind == .csv else {
            guard let next = try nextJSONLine() else { return false }
            row = next
            return true
        }
        return try nextCSV(into: &row)
    }

    private func nextCSV(into row: inout BatchRow) throws -> Bool {
        guard let csv, let record = try csv.next() else { return false }
        row.reset(number: record.line)
        if let problem = record.problem {
            row.problem = problem
            return true
        }
        guard csv.fieldCount == columns.count else {
            row.problem = "has \(csv.fieldCount) fields; the header has \(columns.count)"
            return true
        }
        row.reserveCapacity(2 * columns.count)  // room for a few lists of items
        var texts = self.texts.take()!
        defer { self.texts = texts }
        do {
            for (index, column) in columns.enumerated() {
                try csv.withField(index) { try row.set(column, csvCell: $0, plain: record.isPlain, texts: &texts) }
            }
        } catch let error as PITError {
            row.problem = error.message
        }
        return true
    }

    private func nextJSONLine() throws -> BatchRow? {
        var line: [UInt8] = []
        while true {
            line.removeAll(keepingCapacity: true)
            guard try reader.readLine(into: &line, limit: InputLimits.rowBytes + 1) else { return nil }
            jsonLine += 1
            if line.count > InputLimits.rowBytes {
                var row = BatchRow(number: jsonLine)
                row.problem = "a line of more than \(InputLimits.rowBytes >> 20) MiB"
                return row
            }
            if jsonLine == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { continue }
            var texts = self.texts.take()!
            defer { self.texts = texts }
            return try line.withUnsafeBufferPointer { JSONRowScan.row($0, number: jsonLine, texts: &texts) }
                ?? Self.jsonRow(line, number: jsonLine, source: source)
        }
    }

    /// The row of a JSON Lines line read as any JSON (`JSONValue`): the way for a line that
    /// `JSONRowScan` does not take, which says what is wrong with it if anything is.
    static func jsonRow(_ line: [UInt8], number: Int, source: String) throws -> BatchRow {
        var row = BatchRow(number: number)
        do {
            let value = try JSONValue.parse(line, source: source, firstLine: number)
            guard case .object(let members) = value else { throw PITError.data("a line must be a JSON object, not \(value.typeName)") }
            row.reserveCapacity(members.count + 2)
            for (key, value) in members {
                guard let column = DraftOption(rawValue: key) else {
                    throw PITError.data("unknown key '\(key)'\(Suggestion.didYouMean(key, in: DraftOption.allCases.map(\.rawValue)))")
                }
                try row.set(column, json: value)
            }
        } catch let error as PITError {
            row.problem = error.message
        }
        return row
    }
}

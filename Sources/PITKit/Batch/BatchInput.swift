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

    /// Opens `path` (`-` for standard input); the kind comes from the extension (`.csv`,
    /// `.jsonl`, `.ndjson`), or from the first character for standard input (`{` means JSON Lines).
    public init(path: String) throws {
        reader = try ByteReader(path: path)
        source = path == "-" ? "stdin" : path
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") {
            kind = .csv
        } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            kind = .jsonLines
        } else if path == "-" {
            kind = try Self.sniff(reader)
        } else {
            throw PITError.usage("\(path): cannot tell the input format: name it .csv, .jsonl or .ndjson")
        }
        if kind == .csv { try readHeader() }
    }

    /// The first byte that is not white space or a byte-order mark: `{` is JSON Lines.
    private static func sniff(_ reader: ByteReader) throws -> Kind {
        try reader.peek() == UInt8(ascii: "{") ? .jsonLines : .csv
    }

    private func readHeader() throws {
        let csv = CSVReader(input: reader, source: source)
        self.csv = csv
        guard let header = try csv.next() else { throw PITError.data("\(source): empty input: no header row") }
        if let problem = header.problem { throw PITError.data(problem) }
        let names = DraftOption.allCases.map(\.rawValue)
        columns = try header.fields.map { field in
            let name = field.trimmingSpaces.lowercased()
            guard let column = DraftOption(rawValue: name) else {
                throw PITError.data("\(source):\(header.line): unknown column '\(field)'\(Suggestion.didYouMean(name, in: names)) (columns: \(names.joined(separator: ", ")))")
            }
            return column
        }
        if let duplicate = columns.first(where: { column in columns.filter { $0 == column }.count > 1 }) {
            throw PITError.data("\(source):\(header.line): column '\(duplicate.rawValue)' appears twice")
        }
        for required in [DraftOption.ref, .exemption] where !columns.contains(required) {
            throw PITError.data("\(source):\(header.line): no '\(required.rawValue)' column")
        }
    }

    /// The next row, or nil at the end. A row that cannot be read comes back with a `problem`.
    public func next() throws -> BatchRow? {
        switch kind {
        case .csv: return try nextCSV()
        case .jsonLines: return try nextJSONLine()
        }
    }

    private func nextCSV() throws -> BatchRow? {
        guard let record = try csv!.next() else { return nil }
        var row = BatchRow(number: record.line)
        if let problem = record.problem {
            row.problem = problem
            return row
        }
        guard record.fields.count == columns.count else {
            row.problem = "has \(record.fields.count) fields; the header has \(columns.count)"
            return row
        }
        do {
            for (column, cell) in zip(columns, record.fields) { try row.set(column, csvCell: cell) }
        } catch let error as PITError {
            row.problem = error.message
        }
        return row
    }

    private func nextJSONLine() throws -> BatchRow? {
        var line: [UInt8] = []
        while true {
            line.removeAll(keepingCapacity: true)
            guard try reader.readLine(into: &line) else { return nil }
            jsonLine += 1
            if jsonLine == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { continue }
            var row = BatchRow(number: jsonLine)
            do {
                let value = try JSONValue.parse(line, source: source, firstLine: jsonLine)
                guard case .object(let members) = value else { throw PITError.data("a line must be a JSON object, not \(value.typeName)") }
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
}

/// An RFC 4180 CSV reader that streams records: quoted fields, doubled quotes, line breaks inside
/// quotes, CRLF or LF, and an optional UTF-8 byte-order mark.
public final class CSVReader {
    /// One record: the line of the file it starts on, and why it could not be read, if it could
    /// not (the reader has then moved on to the next line). Its fields are read from the reader
    /// (`fieldCount`, `withField`, `fieldTexts`) until the next record is read.
    public struct Record {
        public let line: Int
        public var problem: String?
        /// Whether its text is ASCII with no character a document cannot carry (line breaks and
        /// tabs aside), so that its fields need no check of their own: one check a record.
        public var isPlain = false
    }

    private let input: ByteReader
    private let source: String
    /// The bytes of the record read last (in `input`'s buffer, which keeps them until it next
    /// reads), and where its fields are in them (the list is kept between records).
    private var record = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var fields = CSVRecordScan.Fields()
    /// A field's text with its doubled quotes made single, when it has any.
    private var unescaped: [UInt8] = []
    private var line = 1
    private var startedInput = false

    public init(input: ByteReader, source: String) {
        self.input = input
        self.source = source
    }

    /// Reads the whole input for the errors that stop a run, not one row — a quoted field never
    /// closed (it would swallow every row after it) and a row longer than `InputLimits.rowBytes` —
    /// so that a batch stops on them before it drafts any row. Leaves `input` at its end.
    public static func checkStructure(of input: ByteReader, source: String) throws {
        let reader = CSVReader(input: input, source: source)
        while try reader.skipRecord() {}
    }

    /// Moves past the next record as `nextRecord` does, looking only for where it ends when it is
    /// well formed (`CSVRecordScan.end`); false at the end of the input.
    private func skipRecord() throws -> Bool {
        guard startedInput else { return try nextRecord() != nil }
        var atEnd = false
        while true {
            if input.unread.isEmpty {
                guard try input.readMore() else { return false }
            }
            switch CSVRecordScan.end(of: input.unread, atEnd: atEnd) {
            case .needsMore?:
                atEnd = !(try input.readMore())
            case .record(let length, let newlines)?:
                input.consume(length)
                line += newlines
                return true
            default:
                return try nextRecord() != nil
            }
        }
    }

    /// The next record, or nil at the end of the input. Blank lines are skipped. A quoted field
    /// never closed, or a row longer than `InputLimits.rowBytes`, is an error (a record that is
    /// otherwise malformed, or not UTF-8, comes back with its `problem`).
    public func next() throws -> Record? {
        guard let (startLine, problem) = try nextRecord() else { return nil }
        if let problem { return Record(line: startLine, problem: problem) }
        // Removing one quote of each doubled pair cannot make bytes UTF-8 or stop them being so.
        if fields.nonASCII, fields.list.contains(where: { String(validating: record[$0.start..<$0.end], as: UTF8.self) == nil }) {
            return Record(line: startLine, problem: "not UTF-8 text")
        }
        return Record(line: startLine, isPlain: !fields.nonASCII && ForbiddenCharacters.first(in: record, allowingLineBreaks: true) == nil)
    }

    /// The number of fields of the record read last.
    public var fieldCount: Int { fields.list.count }

    /// Calls `body` with the UTF-8 text of field `index` (from 0) of the record read last.
    public func withField<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let field = fields.list[index]
        let raw = UnsafeBufferPointer(rebasing: record[field.start..<field.end])
        guard field.escaped else { return try body(raw) }
        unescaped.removeAll(keepingCapacity: true)
        var index = 0
        while index < raw.count {
            unescaped.append(raw[index])
            index += raw[index] == UInt8(ascii: "\"") ? 2 : 1  // a quote in a quoted field is doubled
        }
        return try unescaped.withUnsafeBufferPointer(body)
    }

    /// The fields of the record read last, as text.
    public var fieldTexts: [String] {
        (0..<fieldCount).map { index in withField(index) { String(decoding: $0, as: UTF8.self) } }
    }

    /// Scans the next record that is not blank into `fields`: the line it starts on, and why it
    /// is malformed if it is; nil at the end of the input.
    private func nextRecord() throws -> (line: Int, problem: String?)? {
        if !startedInput {
            startedInput = true
            try skipByteOrderMark()
        }
        var atEnd = false
        while true {
            if input.unread.isEmpty {
                guard try input.readMore() else { return nil }
            }
            let startLine = line
            fields.removeAll()
            switch CSVRecordScan.scan(input.unread, atEnd: atEnd, into: &fields) {
            case .needsMore:
                atEnd = !(try input.readMore())
            case .unclosedQuote:
                throw PITError.data("\(source):\(startLine): a quoted field is never closed")
            case .tooLong:
                throw PITError.data("\(source):\(startLine): a row of more than \(InputLimits.rowBytes >> 20) MiB (is a quote never closed?)")
            case .record(let length, let newlines):
                record = UnsafeBufferPointer(rebasing: input.unread[..<length])
                input.consume(length)
                line += newlines
                if !fields.isBlank { return (startLine, nil) }
            case .problem(let message, let length, let newlines):
                input.consume(length)
                line += newlines
                try skipRestOfLine()
                return (startLine, message)
            }
        }
    }

    /// Moves past the end of the current line, after a record that could not be read.
    private func skipRestOfLine() throws {
        repeat {
            let unread = input.unread
            if let newline = unread.firstIndex(of: UInt8(ascii: "\n")) {
                input.consume(newline + 1)
                line += 1
                return
            }
            input.consume(unread.count)
        } while try input.readMore()
    }

    private func skipByteOrderMark() throws {
        while input.unread.count < 3, try input.readMore() {}
        let bytes = input.unread
        guard bytes.first == 0xEF else { return }
        guard bytes.count >= 3, bytes[1] == 0xBB, bytes[2] == 0xBF else {
            throw PITError.data("\(source):1: not UTF-8 text")
        }
        input.consume(3)
    }
}

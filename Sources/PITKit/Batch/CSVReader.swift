/// An RFC 4180 CSV reader that streams records: quoted fields, doubled quotes, line breaks inside
/// quotes, CRLF or LF, and an optional UTF-8 byte-order mark.
public final class CSVReader {
    /// One record and the line of the file it starts on.
    public struct Record {
        public let line: Int
        public let fields: [String]
        /// Why the record could not be read (the reader has moved on to the next line).
        public var problem: String?
    }

    /// The bytes that end a run of ordinary text outside quotes, and inside them.
    private static let unquotedStops = stops(",\"\r\n")
    private static let quotedStops = stops("\"\n")

    private static func stops(_ bytes: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in bytes.utf8 { table[Int(byte)] = true }
        return table
    }

    private let input: ByteReader
    /// The bytes of the record being read and where each of its fields ends, kept between records.
    private var field: [UInt8] = []
    private var fieldEnds: [Int] = []
    private let source: String
    private var line = 1
    private var startedInput = false
    /// Whether records are only read through, for the errors that stop a run (`checkStructure`).
    private let checkingOnly: Bool

    public convenience init(input: ByteReader, source: String) {
        self.init(input: input, source: source, checkingOnly: false)
    }

    private init(input: ByteReader, source: String, checkingOnly: Bool) {
        self.input = input
        self.source = source
        self.checkingOnly = checkingOnly
    }

    /// Reads the whole input for the errors that stop a run, not one row — a quoted field never
    /// closed (it would swallow every row after it) and a row longer than `InputLimits.rowBytes` —
    /// so that a batch stops on them before it drafts any row. Leaves `input` at its end.
    public static func checkStructure(of input: ByteReader, source: String) throws {
        let reader = CSVReader(input: input, source: source, checkingOnly: true)
        while try reader.next() != nil {}
    }

    /// The next record, or nil at the end of the input. Blank lines are skipped. A quoted field
    /// never closed, or a row longer than `InputLimits.rowBytes`, is an error (a record that is
    /// otherwise malformed comes back with its `problem`).
    public func next() throws -> Record? {
        if !startedInput {
            startedInput = true
            try skipByteOrderMark()
        }
        while true {
            guard try input.peek() != nil else { return nil }
            let startLine = line
            // The fields' bytes, one after another, and where each field ends.
            field.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            var quoted = false
            var fieldStarted = false
            var afterQuote = false
            do {
            recordLoop: while true {
                guard let byte = try input.next() else {
                    if quoted { throw PITError.data("\(source):\(startLine): a quoted field is never closed") }
                    fieldEnds.append(field.count)
                    break recordLoop
                }
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if try input.peek() == UInt8(ascii: "\"") {
                            _ = try input.next()
                            field.append(byte)
                        } else {
                            quoted = false
                            afterQuote = true
                        }
                    } else {
                        if byte == UInt8(ascii: "\n") { line += 1 }
                        field.append(byte)
                        try input.appendRun(into: &field, stoppingAt: Self.quotedStops)
                        try checkLength(startLine)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: ","):
                    fieldEnds.append(field.count)
                    fieldStarted = false
                    afterQuote = false
                case UInt8(ascii: "\r"):
                    if try input.peek() == UInt8(ascii: "\n") { continue }
                    throw RecordProblem(message: "a carriage return outside quotes")
                case UInt8(ascii: "\n"):
                    line += 1
                    fieldEnds.append(field.count)
                    break recordLoop
                case UInt8(ascii: "\""):
                    guard !fieldStarted else {
                        throw RecordProblem(message: "a quote inside an unquoted field (quote the whole field and double the quote)")
                    }
                    quoted = true
                    fieldStarted = true
                default:
                    if afterQuote {
                        throw RecordProblem(message: "text after a closing quote (a quote inside a field is doubled: \"\")")
                    }
                    fieldStarted = true
                    field.append(byte)
                    try input.appendRun(into: &field, stoppingAt: Self.unquotedStops)
                    try checkLength(startLine)
                }
            }
            } catch let error as RecordProblem {
                try skipRestOfLine()
                return Record(line: startLine, fields: [], problem: error.message)
            }
            if fieldEnds == [0] { continue }  // a blank line
            if checkingOnly { return Record(line: startLine, fields: []) }
            var texts: [String] = []
            texts.reserveCapacity(fieldEnds.count)
            var fieldStart = 0
            for fieldEnd in fieldEnds {
                guard let text = String.validatingUTF8(field[fieldStart..<fieldEnd]) else {
                    return Record(line: startLine, fields: [], problem: "not UTF-8 text")
                }
                texts.append(text)
                fieldStart = fieldEnd
            }
            return Record(line: startLine, fields: texts)
        }
    }

    @inline(__always)
    private func checkLength(_ startLine: Int) throws {
        if field.count > InputLimits.rowBytes {
            throw PITError.data("\(source):\(startLine): a row of more than \(InputLimits.rowBytes >> 20) MiB (is a quote never closed?)")
        }
    }

    /// Moves past the end of the current line, after a record that could not be read.
    private func skipRestOfLine() throws {
        while let byte = try input.next() {
            if byte == UInt8(ascii: "\n") {
                line += 1
                return
            }
        }
    }

    private struct RecordProblem: Error { let message: String }

    private func skipByteOrderMark() throws {
        guard try input.peek() == 0xEF else { return }
        _ = try input.next()
        guard try input.next() == 0xBB, try input.next() == 0xBF else {
            throw PITError.data("\(source):1: not UTF-8 text")
        }
    }
}

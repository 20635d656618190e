import Foundation
@testable import PITKit
import Testing

/// The CSV record scanner on its own, and the reader over it on inputs that cross its buffer.
struct CSVRecordScanTests {
    typealias Read = BatchInputTests.Read

    func scan(_ text: String, atEnd: Bool) -> (CSVRecordScan.Outcome, [String]) {
        var fields = CSVRecordScan.Fields()
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            let outcome = CSVRecordScan.scan(buffer, atEnd: atEnd, into: &fields)
            return (outcome, fields.list.map { String(decoding: buffer[$0.start..<$0.end], as: UTF8.self) })
        }
    }

    @Test func fieldsLieInTheRecordsBytes() {
        let (outcome, fields) = scan("plain,\"quoted, with comma\",\"say \"\"hi\"\"\",,\"two\nlines\"\r\nnext", atEnd: false)
        #expect(outcome == .record(length: 54, newlines: 2))
        // An escaped field is given raw: the reader makes its doubled quotes single.
        #expect(fields == ["plain", "quoted, with comma", "say \"\"hi\"\"", "", "two\nlines"])
    }

    @Test(arguments: [
        "a,b",          // the record may go on
        "\"a\"",        // the quote may be doubled
        "a\r",          // a line feed may follow
        "\"open\nstill",
    ])
    func aRecordCutByTheBufferAsksForMore(_ text: String) {
        #expect(scan(text, atEnd: false).0 == .needsMore)
    }

    @Test func atTheEndOfTheInputARecordEnds() {
        #expect(scan("a,b", atEnd: true).0 == .record(length: 3, newlines: 0))
        #expect(scan("\"a\"", atEnd: true).1 == ["a"])
        #expect(scan("a\r", atEnd: true).0 == .problem("a carriage return outside quotes", length: 2, newlines: 0))
        #expect(scan("\"open\nstill", atEnd: true).0 == .unclosedQuote)
    }

    @Test func malformedRecordsSayWhereTheyStop() {
        #expect(scan("ab\"c,d\n", atEnd: true).0
            == .problem("a quote inside an unquoted field (quote the whole field and double the quote)", length: 3, newlines: 0))
        #expect(scan("\"a\nb\"c\n", atEnd: true).0
            == .problem("text after a closing quote (a quote inside a field is doubled: \"\")", length: 6, newlines: 1))
    }

    /// `end` finds a well-formed record's end as `scan` does, in every buffer it may be cut to,
    /// and leaves a malformed record to `scan`.
    @Test(arguments: [
        ("a,b\n", true),
        ("\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nrest", true),
        ("plain,,last", true),
        ("\"\"\n", true),
        ("\n", true),
        ("a,\"q\"\r\n", true),
        ("\"q\"", true),
        ("ab\"c,d\n", false),
        ("\"a\"b\n", false),
        ("a\rb\n", false),
        ("\"open\nstill", false),
    ])
    func whereARecordEndsIsFoundAsTheScanFindsIt(_ text: String, _ wellFormed: Bool) {
        let bytes = Array(text.utf8)
        for count in 0...bytes.count {
            for atEnd in [false, true] {
                var fields = CSVRecordScan.Fields()
                let (end, scanned) = bytes[..<count].withUnsafeBufferPointer { buffer in
                    (CSVRecordScan.end(of: buffer, atEnd: atEnd), CSVRecordScan.scan(buffer, atEnd: atEnd, into: &fields))
                }
                if let end { #expect(end == scanned, "\(text.debugDescription) cut at \(count), atEnd \(atEnd)") }
            }
        }
        let whole = bytes.withUnsafeBufferPointer { CSVRecordScan.end(of: $0, atEnd: true) }
        #expect((whole != nil) == wellFormed)
    }

    @Test func blankLinesAndALoneEmptyQuoteAreSkipped() throws {
        let records = try BatchInputTests().records("\n\r\n\"\"\na\n\n")
        #expect(records == [Read(line: 4, fields: ["a"], problem: nil)])
    }

    /// A quote in a line that is already malformed opens nothing: the rest of the line is skipped.
    @Test func aQuoteInASkippedLineOpensNothing() throws {
        let records = try BatchInputTests().records("x\"y,\"z\nq,r\n")
        #expect(records.map(\.line) == [1, 2])
        #expect(records[1].fields == ["q", "r"])
    }

    @Test(arguments: [
        ("a\n\"x,y\n", 2),         // never closed, at the end
        ("a\n\"x\ny\nz\n", 2),     // never closed, swallowing the rows after it
        ("a\nx\"y\n\"z\nq\n", 3),  // after a malformed line
    ])
    func aQuoteNeverClosedStopsTheReader(_ csv: String, _ line: Int) throws {
        #expect(throws: PITError.data("t.csv:\(line): a quoted field is never closed")) { try BatchInputTests().records(csv) }
    }

    @Test func aRowLongerThanTheLimitStopsTheReader() throws {
        let long = String(repeating: "x", count: InputLimits.rowBytes)
        #expect(try BatchInputTests().records("a\n\(long)\n", chunkSize: 1 << 16).last?.fields.first?.utf8.count == InputLimits.rowBytes)
        #expect(throws: PITError.data("t.csv:2: a row of more than 1 MiB (is a quote never closed?)")) {
            try BatchInputTests().records("a\n\(long),y\n", chunkSize: 1 << 16)
        }
        #expect(throws: PITError.data("t.csv:2: a row of more than 1 MiB (is a quote never closed?)")) {
            try BatchInputTests().records("a\n\"\(long)y", chunkSize: 1 << 16)
        }
    }

    @Test func aBrokenByteOrderMarkIsNotUTF8() throws {
        #expect(throws: PITError.data("t.csv:1: not UTF-8 text")) { try BatchInputTests().records([0xEF, 0xBB, 0x61, 0x0A]) }
        #expect(try BatchInputTests().records([0xEF, 0xBB, 0xBF, 0x61]) == [Read(line: 1, fields: ["a"], problem: nil)])
    }

    @Test func bytesThatAreNotUTF8AreARowProblemQuotedOrNot() throws {
        let records = try BatchInputTests().records([0x22, 0xC3, 0x22, 0x22, 0xA9, 0x22, 0x0A, 0xC3, 0xA9, 0x2C, 0x22, 0xC3, 0xA9, 0x22, 0x0A])
        #expect(records == [Read(line: 1, fields: [], problem: "not UTF-8 text"), Read(line: 2, fields: ["é", "é"], problem: nil)])
    }

    /// However the input falls into buffers, the records are the same.
    @Test func everyChunkSizeReadsTheSame() throws {
        let csv = "\u{FEFF}ref,\"fact\"\r\n\"a \"\"b\"\"\",\"two\r\nlines\"\r\n\r\nx\"y,z\nc\rd\n\"q\"r\né,\"\"\"\"\nlast,\"\""
        let whole = try BatchInputTests().records(csv, chunkSize: 1 << 16)
        #expect(whole.map(\.line) == [1, 2, 5, 6, 7, 8, 9])
        #expect(whole[1].fields == ["a \"b\"", "two\r\nlines"])
        #expect(whole[5].fields == ["é", "\""])
        for chunkSize in 1...12 {
            #expect(try BatchInputTests().records(csv, chunkSize: chunkSize) == whole, "chunk size \(chunkSize)")
        }
    }
}

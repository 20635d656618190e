import Foundation
@testable import PITKit
import Testing

/// The batch readers and output naming, on their own.
struct BatchInputTests {
    func temporaryCSV(_ csv: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pit-csv-\(UUID().uuidString).csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A record as read: its line, its fields' texts (none when it has a problem), its problem.
    struct Read: Equatable {
        let line: Int
        let fields: [String]
        let problem: String?
    }

    func records(_ csv: String, chunkSize: Int = 7) throws -> [Read] {
        try records(Array(csv.utf8), chunkSize: chunkSize)
    }

    /// The records of `bytes`, read from a file in chunks of `chunkSize` bytes.
    func records(_ bytes: [UInt8], chunkSize: Int = 7) throws -> [Read] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pit-csv-\(UUID().uuidString).csv").path
        try #require(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try Self.read(CSVReader(input: try ByteReader(path: path, chunkSize: chunkSize), source: "t.csv"))
    }

    static func read(_ reader: CSVReader) throws -> [Read] {
        var records: [Read] = []
        while let record = try reader.next() {
            records.append(Read(line: record.line, fields: record.problem == nil ? reader.fieldTexts : [], problem: record.problem))
        }
        return records
    }

    /// Sets a column from a CSV cell given as text.
    func set(_ row: inout BatchRow, _ column: DraftOption, _ cell: String) throws {
        var texts = RecentTexts()
        try Array(cell.utf8).withUnsafeBufferPointer { try row.set(column, csvCell: $0, texts: &texts) }
    }

    /// A row read into the one before it gives what a row of its own gives: nothing of the row
    /// before is left (values, options given, problem), whichever rows come in whichever order.
    @Test func aRowReadIntoTheOneBeforeIsTheSameAsOneOfItsOwn() throws {
        let csv = "ref,exemption,variant,question,ncnd,outcome\n1,s31;s24,default,\"Q one?\nQ two?\",true,withhold\n"
            + "2,s38,,,,\nbad,\"x\"y,,,,\n3,s43,closed,Q?,no,partial\n4,s31\n5,s36,,,,disclose\n"
        let path = try temporaryCSV(csv)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fresh = try BatchInput(path: path), reused = try BatchInput(path: path)
        var row = BatchRow(number: 0), count = 0
        while let own = try fresh.next() {
            #expect(try reused.next(into: &row))
            #expect(row.number == own.number && row.problem == own.problem)
            for option in DraftOption.allCases {
                #expect(row[option] == own[option] && row.isGiven(option) == own.isGiven(option), "row \(own.number): \(option)")
            }
            count += 1
        }
        #expect(try !reused.next(into: &row))
        #expect(count == 6)
    }

    @Test func readsRFC4180() throws {
        let records = try records("\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nplain,,last\n")
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["plain", "", "last"]])
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test func aBrokenRecordIsReportedAndReadingGoesOn() throws {
        let records = try records("a,b\nx\"y,z\n\"q\"r,s\nok,1\n")
        #expect(records.count == 4)
        #expect(records[1].problem?.contains("a quote inside an unquoted field") == true)
        #expect(records[2].problem?.contains("text after a closing quote") == true)
        #expect(records[3].fields == ["ok", "1"] && records[3].line == 4)
    }

    @Test func invalidUTF8IsARowProblem() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pit-csv-\(UUID().uuidString).csv").path
        _ = FileManager.default.createFile(atPath: path, contents: Data([0x61, 0x0A, 0xFF, 0x0A, 0x62, 0x0A]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = CSVReader(input: try ByteReader(path: path), source: "t.csv")
        #expect(try Self.read(reader) == [Read(line: 1, fields: ["a"], problem: nil), Read(line: 2, fields: [], problem: "not UTF-8 text"),
                                          Read(line: 3, fields: ["b"], problem: nil)])
    }

    @Test(arguments: [
        ("658A/22", "658A-22"), ("FOI-027538", "FOI-027538"), ("a:b*c?d\"e<f>g|h\\i", "a-b-c-d-e-f-g-h-i"),
        ("trailing. ", "trailing"), (".hidden", "_.hidden"), ("CON", "_CON"), ("lpt1.final", "_lpt1.final"),
        ("café 🙂", "café 🙂"), ("...", "_"),
    ])
    func referencesBecomeSafeFileNames(_ reference: String, _ name: String) throws {
        #expect(try OutputNaming.path(in: "out", output: nil, reference: reference, format: .text) == "out/\(name).txt")
        #expect(try OutputNaming.path(in: "out", output: nil, reference: reference, format: .docx) == "out/\(name).docx")
    }

    @Test func outputsMustBePlainNames() throws {
        #expect(try OutputNaming.path(in: "out", output: "a.docx", reference: "x", format: .text) == "out/a.docx")
        for bad in ["../x.txt", "dir/x.txt", "..", "", ".txt", ".hidden.docx", "a\u{FEFF}.txt", String(repeating: "x", count: 201)] {
            #expect(throws: PITError.self) { try OutputNaming.path(in: "out", output: bad, reference: "x", format: .text) }
        }
    }

    @Test func optionIndicesFollowTheirOrder() {
        #expect(DraftOption.allCases.enumerated().allSatisfy { $0.offset == $0.element.index })
        #expect(DraftOption.allCases.count <= 32)  // a row's tables have 32 places
    }

    @Test func csvCellsSplitAsTheOptionsDo() throws {
        var row = BatchRow(number: 2)
        try set(&row, .exemption, "s24; s31")
        try set(&row, .question, "First?\r\nSecond?\n")
        try set(&row, .ncnd, "Yes")
        try set(&row, .ref, "")
        #expect(row[.exemption] == ["s24", "s31"])
        #expect(row[.question] == ["First?", "Second?"])
        #expect(row[.ncnd] != nil)
        #expect(row[.ref] == nil)
        #expect(throws: PITError.self) { try set(&row, .ncnd, "perhaps") }
    }

    /// A character of many combining marks is cut at a scalar, never dropped whole to leave `.txt`.
    @Test func aLongCharacterIsCutNotDropped() throws {
        func safeName(_ reference: String) throws -> String {
            String(try OutputNaming.path(in: "out", output: nil, reference: reference, format: .text).dropFirst(4).dropLast(4))
        }
        let name = try safeName("a" + String(repeating: "\u{301}", count: 60_000))
        #expect(name.utf8.count <= OutputNaming.maximumBytes)
        #expect(name.utf8.first == UInt8(ascii: "a"))
        #expect(try !safeName(String(repeating: ".", count: 300) + "x").hasPrefix("."))
    }

    @Test func csvCellsWithForbiddenCharactersOrTooLongAreRefused() {
        var row = BatchRow(number: 2)
        #expect(throws: PITError.data("column 'ref' holds a byte-order mark (U+FEFF), which a document cannot carry")) {
            try set(&row, .ref, "\u{FEFF}A1")
        }
        #expect(throws: PITError.data("column 'fact' holds a control character (U+0000), which a document cannot carry")) {
            try set(&row, .fact, "a\u{0}b")
        }
        #expect(throws: PITError.self) { try set(&row, .fact, String(repeating: "x", count: InputLimits.valueBytes + 1)) }
        #expect(throws: Never.self) { try set(&row, .fact, "two\nlines\tand a tab") }
    }

    /// A quote never closed near the end is found by reading the input through, before any row.
    @Test func aLateUnclosedQuoteIsFoundBeforeAnyRow() throws {
        let rows = ["ref,exemption"] + (0..<3000).map { "R\($0),s31" } + ["X,\"s31"]
        let path = try temporaryCSV(rows.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: PITError.data("\(path):3002: a quoted field is never closed")) { try BatchInput(path: path) }
    }

    @Test func headerErrorsNameTheLineAndField() throws {
        let path = try temporaryCSV("\n\nref,ref,exemption\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: PITError.data("\(path):3: field 2: column 'ref' appears twice")) { try BatchInput(path: path) }
    }
}

@testable import PITKit

/// Batch input read as `pit batch` reads it, with what must hold of every row.
enum BatchRows {
    static let today = DocumentDate(year: 2026, month: 1, day: 2)!

    /// Reads every row of the batch file at `path`; for each row that reads, its request and the
    /// file name it would be written to, which must stay inside the output folder.
    static func check(_ path: String) {
        guard let input = try? BatchInput(path: path) else { return }
        while true {
            guard let row = try? input.next() else { return }
            guard row.problem == nil, let request = try? DraftOptions.request(row, today: { today }) else { continue }
            let output = row[.output]?.last
            for format in OutputFormat.allCases {
                guard let path = try? OutputNaming.path(in: "out", output: output, reference: request.reference, format: format) else { continue }
                precondition(path.hasPrefix("out/"), "row \(row.number) would be written to '\(path)'")
                let name = String(path.dropFirst(4))
                precondition(!name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\\")
                             && !name.utf8.contains(where: { $0 < 0x20 }) && name.utf8.count <= 255,
                             "row \(row.number) would be written to '\(name)'")
            }
        }
    }

    /// A JSON Lines line that `JSONRowScan` reads straight must give the row `JSONValue` gives.
    static func checkJSONLine(_ line: [UInt8]) {
        var texts = RecentTexts()
        guard let row = line.withUnsafeBufferPointer({ JSONRowScan.row($0, number: 2, texts: &texts) }) else { return }
        let parsed = try? BatchInput.jsonRow(line, number: 2, source: "fuzz.jsonl")
        precondition(parsed.map(contents) == contents(row), "a line read two ways gives two rows: \(String(decoding: line, as: UTF8.self))")
    }

    /// A row's number, every option's values (or that it is not given) and its problem.
    private static func contents(_ row: BatchRow) -> [String] {
        ["\(row.number)"] + DraftOption.allCases.map { option in row[option].map { "\(option.rawValue)=\(Array($0))" } ?? "-" }
            + [row.problem ?? "-"]
    }
}

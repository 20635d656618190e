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
}

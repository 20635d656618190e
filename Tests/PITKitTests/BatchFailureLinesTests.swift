import Foundation
@testable import PITKit
import Testing

/// A failed row is reported one line a reason, each line naming the row: a failure of several
/// findings as several lines, a failure of one as that line.
struct BatchFailureLinesTests {
    @Test func eachFindingIsALineNamingItsRow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pit-lines-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/rows.csv"
        try """
        ref,exemption,fact,authority
        A/1,s31,Releasing the rota would embarrass the council. TODO,Northshire Council
        B/2,s31,,Northshire Council

        """.write(toFile: path, atomically: true, encoding: .utf8)
        var options = BatchOptions(outputFolder: folder + "/out", jobs: 1)
        options.dryRun = true
        options.strict = true
        let runner = BatchRunner(drafter: try Drafter(library: TemplateLibrary(layers: [.builtIn])), options: options,
                                 today: DocumentDate(year: 2026, month: 1, day: 2)!)
        var lines: [String] = []
        let summary = try runner.run(try BatchInput(path: path), report: { lines.append($0) })
        #expect(summary.failed == 2)
        #expect(lines.count == 3, "\(lines)")
        guard lines.count == 3 else { return }
        #expect(lines[0].hasPrefix("row 2: line 15: PIT005 weighs embarrassment ('embarrass')"))
        #expect(lines[1] == "row 2: line 15: PIT007 a placeholder is left in: 'TODO'")
        #expect(lines[2] == "row 3: line 11: PIT003 nothing specific to the case: no --fact was given, so every argument is the library's own text")
    }
}

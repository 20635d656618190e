import Foundation
@testable import PITKit

/// A dry-run batch over a file of rows written for the test (`name`, `contents`), with the
/// built-in library and a fixed date: its summary and the lines it reported.
func dryRunBatch(_ name: String, _ contents: String, strict: Bool = false) throws -> (summary: BatchSummary, lines: [String]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pit-batch-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/" + name
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    var options = BatchOptions(outputFolder: folder + "/out", jobs: 1)
    options.dryRun = true
    options.strict = strict
    let runner = BatchRunner(drafter: try Drafter(library: TemplateLibrary(layers: [.builtIn])), options: options,
                             today: DocumentDate(year: 2026, month: 1, day: 2)!)
    var lines: [String] = []
    let summary = try runner.run(try BatchInput(path: path), report: { lines.append($0) })
    return (summary, lines)
}

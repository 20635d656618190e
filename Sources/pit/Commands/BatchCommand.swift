import PITKit

/// `pit batch`: many drafts from CSV or JSON Lines, one file a row.
enum BatchCommand: Command {
    static let name = "batch"
    static let abstract = "draft many PITs from CSV or JSON Lines, one file a row"
    static let usage = "FILE|- --out-dir DIR [options]"
    static let discussion = """
        Columns (CSV) or keys (JSON Lines) are the draft options: ref, exemption, limbs, likelihood,
        ncnd, variant, question, fact, authority, authority-short, date, set, format, output. In CSV,
        exemption, limbs, variant and set hold several values separated by ';', question and fact
        one a line; in JSON Lines they are arrays. A bad row fails alone, with its row number; the
        rest are drafted. Exit 0 when every row drafted, 65 when any failed.
        """
    static let options: [OptionSpec] = [
        .value("out-dir", "DIR", "the folder the drafts are written to (created if missing; required)"),
        .value("format", "FORMAT", "the format of rows that name none: \(OutputFormat.allCases.map(\.rawValue).joined(separator: "|"))"),
        .value("templates", "DIR", "an overlay folder on the built-in library; later wins (also PIT_TEMPLATES)", repeatable: true),
        .value("reference-docx", "FILE", "the authority's Word document or template for every .docx row (read once)"),
        .value("jobs", "N", "draft on N threads (default: the number of processors)"),
        .flag("overwrite", "replace files that already exist"),
        .flag("fail-fast", "stop at the first row that fails (drafts one row at a time)"),
        .flag("dry-run", "check and draft every row in memory; write nothing"),
        .flag("quiet", "no progress line"),
    ]
    static let arguments = [ArgumentSpec(name: "FILE", help: "the input: a .csv, .jsonl or .ndjson file, or - for standard input")]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        guard let folder = arguments.value("out-dir") else { throw PITError.usage("batch: missing --out-dir") }
        var options = BatchOptions(outputFolder: folder)
        options.format = try arguments.value("format").map { try DraftOptions.format(named: $0, output: nil) }
        if let jobs = arguments.value("jobs") {
            guard let count = Int(jobs), (1...256).contains(count) else {
                throw PITError.usage("batch: --jobs must be a whole number from 1 to 256, not '\(jobs)'")
            }
            options.jobs = count
        }
        options.overwrite = arguments.flag("overwrite")
        options.failFast = arguments.flag("fail-fast")
        options.dryRun = arguments.flag("dry-run")
        let library = try arguments.templateLibrary()
        let reference = try ReferenceDocx.resolve(path: arguments.value("reference-docx"), library: library)
        let drafter = try Drafter(library: library, referenceDocx: reference)
        let input = try BatchInput(path: arguments.positional(0)!)
        let showsProgress = !arguments.flag("quiet") && FileSystem.isTerminal(2)
        let summary = try BatchRunner(drafter: drafter, options: options).run(
            input,
            report: { line in
                if showsProgress { FileSystem.writeStandardError("\r\u{1B}[K") }
                FileSystem.writeStandardError("pit: \(line)\n")
            },
            progress: { summary in
                guard showsProgress else { return }
                let done = summary.drafted + summary.failed
                let rate = summary.seconds > 0 ? Int(Double(done) / summary.seconds) : 0
                FileSystem.writeStandardError("\r\u{1B}[K\(done) rows, \(rate)/s, \(summary.failed) failed")
            })
        if showsProgress { FileSystem.writeStandardError("\r\u{1B}[K") }
        FileSystem.writeStandardError("pit: \(summary.line)\n")
        if summary.failed > 0 { throw BatchFailed() }
        return []
    }
}

/// Some rows failed: each was reported, so the exit code (65) is all that is left to say.
struct BatchFailed: Error {}

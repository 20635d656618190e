import PITKit

/// `pit batch`: many drafts from CSV or JSON Lines, one file a row.
enum BatchCommand: Command {
    static let name = "batch"
    static let abstract = "draft many PITs from CSV or JSON Lines, one file a row"
    static let usage = "FILE|- --out-dir DIR [options]"
    static let discussion = """
        Columns (CSV) or keys (JSON Lines) are the draft options, by the same names (below). A
        bad row fails alone, with its row number; the rest are drafted. Exit 0 when every row
        drafted, 65 when any failed.
        """
    static let table: (title: String, rows: [(String, String)])? = ("Columns", DraftOption.batchColumns.map { ($0.name, $0.description) })
    static let options: [OptionSpec] = [
        .value("out-dir", "DIR", "the folder the drafts are written to (created if missing; required)")
            .completing(.directories),
        .value("format", "FORMAT", "the format of rows that name none: \(OutputFormat.allCases.map(\.rawValue).joined(separator: "|"))")
            .choices(OutputFormat.allCases.map(\.rawValue)),
        .value("templates", "DIR", "an overlay folder on the built-in library; later wins (also PIT_TEMPLATES)", repeatable: true)
            .completing(.directories),
        .value("reference-docx", "FILE", "the authority's Word document or template for every .docx row (read once)")
            .completing(.files),
        .value("jobs", "N", "draft on N threads (default: the number of processors)"),
        .flag("overwrite", "replace files that already exist"),
        .flag("fail-fast", "stop at the first row that fails (drafts one row at a time)"),
        .flag("dry-run", "check and draft every row in memory; write nothing"),
        .flag("strict", "run the quality checks on every row (as the column 'strict' does for one): a row with findings fails"),
        .flag("quiet", "no progress line"),
    ]
    static let arguments = [
        ArgumentSpec(name: "FILE", help: "the input: a .csv, .jsonl or .ndjson file, or - for standard input", completion: .files),
    ]
    static let examples = [
        Example("One text file a row of a CSV file", "pit batch cases.csv --out-dir drafts"),
        Example("Word documents from JSON Lines, on four threads", "pit batch cases.jsonl --out-dir drafts --format docx --jobs 4"),
        Example("Check every row of standard input, writing nothing", "export-cases | pit batch - --out-dir drafts --dry-run"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        guard let folder = arguments.value("out-dir") else { throw PITError.usage("batch: missing --out-dir") }
        // An empty name would put every file at the top of the file system (`"" + "/" + name`).
        guard !folder.isEmpty else { throw PITError.usage("batch: --out-dir is empty: name the folder to write to") }
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
        options.strict = arguments.flag("strict")
        // The input first: an input that would stop the run stops it before anything else is said.
        let input = try BatchInput(path: arguments.positional(0)!)
        let library = try arguments.templateLibrary()
        let reference = try ReferenceDocx.resolve(path: arguments.value("reference-docx"), library: library)
        let drafter = try Drafter(library: library, referenceDocx: reference)
        let runner = BatchRunner(drafter: drafter, options: options)
        ProcessLifetime.keep(runner)  // its cache of shapes is not torn down at exit
        try runner.prepareOutputFolder()
        if let warning = drafter.placeholderAuthorityWarning() {
            FileSystem.writeStandardError("pit: \(warning) (rows with no 'authority' use it)\n")
        }
        let showsProgress = !arguments.flag("quiet") && FileSystem.isTerminal(2)
        // A chunk's lines go out together, after the chunk (one write, not one a failed row).
        var pending = ""
        func flush() {
            guard !pending.isEmpty else { return }
            if showsProgress { FileSystem.writeStandardError("\r\u{1B}[K") }
            FileSystem.writeStandardError(pending)
            pending.removeAll(keepingCapacity: true)
        }
        defer { flush() }
        let summary = try runner.run(
            input,
            report: { line in
                // Appended piece by piece: an interpolated line would be made first, then copied.
                pending += "pit: "
                pending += line
                pending += "\n"
            },
            progress: { summary in
                flush()
                guard showsProgress else { return }
                let done = summary.drafted + summary.failed
                let rate = summary.seconds > 0 ? Int(Double(done) / summary.seconds) : 0
                FileSystem.writeStandardError("\r\u{1B}[K\(done) rows, \(rate)/s, \(summary.failed) failed")
            })
        if showsProgress { FileSystem.writeStandardError("\r\u{1B}[K") }
        FileSystem.writeStandardError("pit: \(summary.line)\n")
        if summary.failed > 0 { throw AlreadyReported() }
        return []
    }
}

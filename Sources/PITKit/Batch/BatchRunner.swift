/// How a batch run drafts and writes.
public struct BatchOptions: Sendable {
    public var outputFolder: String
    /// `--format`: the format of rows that name none; nil means from the row's output, else text.
    public var format: OutputFormat?
    public var jobs: Int
    public var overwrite = false
    public var failFast = false
    public var dryRun = false
    /// `--strict`: every row runs the quality checks, and a row with findings fails.
    public var strict = false

    public init(outputFolder: String, format: OutputFormat? = nil, jobs: Int = ParallelWork.processorCount) {
        self.outputFolder = outputFolder
        self.format = format
        self.jobs = jobs
    }
}

/// What a batch run did.
public struct BatchSummary: Sendable, Equatable {
    public var drafted = 0
    public var failed = 0
    public var skipped = 0
    public var seconds = 0.0

    /// `9997 drafted, 3 failed, 0 skipped in 0.41 s`.
    public var line: String {
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(drafted) drafted, \(failed) failed, \(skipped) skipped in \(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }
}

/// Drafts every row of a batch: rows are read and named in order on one thread, drafted and
/// written on `jobs` threads a chunk at a time, and reported in order, so the files and messages
/// are the same whatever `jobs` is. Memory is bounded by one chunk, however long the input.
public final class BatchRunner {
    /// The drafter, wrapped in a cache of shapes: a batch's rows share a few shapes.
    let drafter: CachedDrafter
    let options: BatchOptions
    let today: DocumentDate
    /// What a run remembers of the rows it has read: the rows that claimed each output name, by
    /// a 64-bit hash of the name without case (FNV-1a, the same in every run, so two names that
    /// happen to share one fail the same row every time), the rows' dates in long form, made
    /// once for a run of rows of the same date, and what was read from their option texts. A
    /// local of `run`, so that it is not checked for exclusive access at every row.
    private struct ReadRows {
        var outputNames = ClaimedNames()
        var dates = RecentDates()
        var options = RowOptionsMemo()
    }

    /// Rows per chunk for each job: enough to keep threads busy, few enough to bound memory.
    static let rowsPerJob = 256

    public init(drafter: Drafter, options: BatchOptions, today: DocumentDate = .today()) {
        self.drafter = CachedDrafter(drafter)
        self.options = options
        self.today = today
    }

    /// One row made ready to draft, or the reason it cannot be: its request, format, date in
    /// long form, and path (nil when no file is written or looked at: a dry run into a folder
    /// that does not exist).
    enum Prepared {
        case failed(String)
        case ready(DraftRequest, OutputFormat, date: String, path: String?)
    }

    /// Runs the batch; `report` receives each failure's line (`row N: reason`) in row order and
    /// `progress` the counts after each chunk.
    public func run(_ input: BatchInput, report: (String) -> Void, progress: (BatchSummary) -> Void = { _ in }) throws -> BatchSummary {
        let started = Platform.monotonicSeconds()
        var summary = BatchSummary()
        try prepareOutputFolder()
        // A dry run into a folder that does not exist yet: no file in it exists either, so no
        // row's output needs looking at, nor a path.
        let nothingThere = options.dryRun && FileSystem.type(of: options.outputFolder) == .missing
        let jobs = options.failFast ? 1 : max(1, options.jobs)
        let chunkSize = options.failFast ? 1 : jobs * Self.rowsPerJob
        var stopped = false
        var read = ReadRows()
        var row = BatchRow(number: 0)  // each row read into the room of the one before
        while true {
            // Each row is made ready as it is read, so only its number is kept (once stopped,
            // the rows left are only counted).
            var numbers: [Int] = [], prepared: [Prepared] = []
            numbers.reserveCapacity(chunkSize)
            prepared.reserveCapacity(chunkSize)
            while numbers.count < chunkSize, try input.next(into: &row) {
                if stopped {
                    summary.skipped += 1
                    continue
                }
                numbers.append(row.number)
                prepared.append(prepare(row, needsPath: !nothingThere, read: &read))
            }
            if numbers.isEmpty { break }
            let outcomes = draftAll(prepared, jobs: jobs)
            for (number, outcome) in zip(numbers, outcomes) {
                if stopped {
                    summary.skipped += 1
                } else if let failure = outcome {
                    summary.failed += 1
                    // One line a reason (missing evidence, findings), each naming the row.
                    let prefix = "row \(number): "
                    failure.withUTF8Bytes { bytes in
                        var start = 0
                        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                            // A failure of one line (most are) is reported as it is, not decoded again.
                            report(prefix + (start == 0 && index == bytes.count ? failure
                                : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)))
                            start = index + 1
                        }
                    }
                    stopped = options.failFast
                } else {
                    summary.drafted += 1
                }
            }
            summary.seconds = Platform.monotonicSeconds() - started
            progress(summary)
        }
        summary.seconds = Platform.monotonicSeconds() - started
        return summary
    }

    /// Makes the output folder, or (with `dryRun`) checks that it could be made: a file in its
    /// place fails the run once, before any row. `run` calls it; calling it first as well checks
    /// the folder before anything else is said.
    public func prepareOutputFolder() throws {
        guard options.dryRun else { return try FileSystem.createFolder(options.outputFolder) }
        let type = FileSystem.type(of: options.outputFolder)
        if type != .directory && type != .missing {
            throw PITError(.cannotCreate, "\(options.outputFolder): cannot create the folder: it exists and is not a folder")
        }
    }

    /// Reads a row's options, chooses its format and file name, and claims the name. The path
    /// is made only when `needsPath` (a name from the reference is claimed without it).
    private func prepare(_ row: BatchRow, needsPath: Bool, read: inout ReadRows) -> Prepared {
        if let problem = row.problem { return .failed(problem) }
        do {
            var request = try DraftOptions.request(row, today: { today }, memo: &read.options)
            if options.strict { request.strict = true }
            request.textsRead = true  // every cell or string was checked as it was read
            let output = row.last(.output)
            let format = try row.last(.format).map { try DraftOptions.format(named: $0, output: nil) }
                ?? options.format ?? output.flatMap(OutputFormat.init(fileName:)) ?? .text
            let folder = options.outputFolder, reference = request.reference
            // A row's `output` is checked as its path is made.
            let made = needsPath || output != nil
                ? try OutputNaming.path(in: folder, output: output, reference: reference, format: format) : nil
            let nameStart = folder.utf8.count + 1
            let key = made.map { made in made.withUTF8Bytes { OutputNaming.caseFreeHash(UnsafeBufferPointer(rebasing: $0[nameStart...])) } }
                ?? OutputNaming.caseFreeHash(reference: reference, format: format)
            if let earlier = read.outputNames.claim(key, row: Int32(clamping: row.number)) {
                let path = try made ?? OutputNaming.path(in: folder, output: output, reference: reference, format: format)
                return .failed("output '\(String(decoding: path.utf8.dropFirst(nameStart), as: UTF8.self))' is already the output of row \(earlier)")
            }
            let date = read.dates.longForm(request.date)
            return .ready(consume request, format, date: date, path: made)
        } catch let error as PITError {
            return .failed(error.message)
        } catch {
            return .failed("\(error)")
        }
    }

    /// Drafts and writes the ready rows on `jobs` threads; nil where a row succeeded.
    private func draftAll(_ prepared: [Prepared], jobs: Int) -> [String?] {
        let drafter = self.drafter
        let options = self.options
        return ParallelWork.map(jobs: jobs, count: prepared.count) { index -> String? in
            switch prepared[index] {
            case .failed(let reason):
                return reason
            case .ready(let request, let format, let date, let path):
                do {
                    let bytes = try drafter.writeInChunks(request, as: format, date: date)
                    if let path {  // nil only in a dry run into a folder that does not exist
                        if !options.dryRun {
                            try FileSystem.writeAtomically(bytes, to: path, replacing: options.overwrite)
                        } else {
                            try FileSystem.checkWritable(path, replacing: options.overwrite)
                        }
                    }
                    return nil
                } catch let failed as ChecksFailed {  // the more common failure, so tried first
                    return failed.lines
                } catch let error as PITError {
                    return error.message
                } catch {
                    return "\(error)"
                }
            }
        }
    }
}

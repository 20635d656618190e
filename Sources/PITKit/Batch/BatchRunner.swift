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
    /// The rows that claimed each output name, by a 64-bit hash of the name without case. The
    /// hash is FNV-1a, the same in every run, so two names that happen to share one fail the same
    /// row every time.
    private var outputNames = ClaimedNames()

    /// Rows per chunk for each job: enough to keep threads busy, few enough to bound memory.
    static let rowsPerJob = 256

    public init(drafter: Drafter, options: BatchOptions, today: DocumentDate = .today()) {
        self.drafter = CachedDrafter(drafter)
        self.options = options
        self.today = today
    }

    /// One row made ready to draft, or the reason it cannot be.
    enum Prepared {
        case failed(String)
        case ready(DraftRequest, OutputFormat, path: String)
    }

    /// Runs the batch; `report` receives each failure's line (`row N: reason`) in row order and
    /// `progress` the counts after each chunk.
    public func run(_ input: BatchInput, report: (String) -> Void, progress: (BatchSummary) -> Void = { _ in }) throws -> BatchSummary {
        let started = Platform.monotonicSeconds()
        var summary = BatchSummary()
        try prepareOutputFolder()
        // A dry run into a folder that does not exist yet: no file in it exists either, so no
        // row's output needs looking at.
        let nothingThere = options.dryRun && FileSystem.type(of: options.outputFolder) == .missing
        let jobs = options.failFast ? 1 : max(1, options.jobs)
        let chunkSize = options.failFast ? 1 : jobs * Self.rowsPerJob
        var stopped = false
        while true {
            // Each row is made ready as it is read, so only its number is kept (once stopped,
            // the rows left are only counted).
            var numbers: [Int] = [], prepared: [Prepared] = []
            numbers.reserveCapacity(chunkSize)
            prepared.reserveCapacity(chunkSize)
            while numbers.count < chunkSize, let row = try input.next() {
                if stopped {
                    summary.skipped += 1
                    continue
                }
                numbers.append(row.number)
                prepared.append(prepare(row))
            }
            if numbers.isEmpty { break }
            let outcomes = draftAll(prepared, jobs: jobs, nothingThere: nothingThere)
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

    /// Reads a row's options, chooses its format and file name, and claims the name.
    private func prepare(_ row: BatchRow) -> Prepared {
        if let problem = row.problem { return .failed(problem) }
        do {
            var request = try DraftOptions.request(row, today: { today })
            if options.strict { request.strict = true }
            request.textsRead = true  // every cell or string was checked as it was read
            let output = row.last(.output)
            let format = try row.last(.format).map { try DraftOptions.format(named: $0, output: nil) }
                ?? options.format ?? output.flatMap(OutputFormat.init(fileName:)) ?? .text
            let path = try OutputNaming.path(in: options.outputFolder, output: output, reference: request.reference, format: format)
            let nameStart = options.outputFolder.utf8.count + 1
            let key = path.withUTF8Bytes { Self.caseFreeHash(UnsafeBufferPointer(rebasing: $0[nameStart...])) }
            if let earlier = outputNames.claim(key, row: Int32(clamping: row.number)) {
                return .failed("output '\(String(decoding: path.utf8.dropFirst(nameStart), as: UTF8.self))' is already the output of row \(earlier)")
            }
            return .ready(consume request, format, path: path)
        } catch let error as PITError {
            return .failed(error.message)
        } catch {
            return .failed("\(error)")
        }
    }

    /// The FNV-1a hash of a name's lower-cased text, from its UTF-8 bytes; an ASCII name is
    /// lower-cased a byte at a time.
    static func caseFreeHash(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard !name.contains(where: { $0 >= 0x80 }) else { return FNV1a.hash(String(decoding: name, as: UTF8.self).lowercased().utf8) }
        return FNV1a.hash(name.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
    }

    /// Drafts and writes the ready rows on `jobs` threads; nil where a row succeeded.
    /// `nothingThere`: the outputs' folder is known to be missing (a dry run), so are they.
    private func draftAll(_ prepared: [Prepared], jobs: Int, nothingThere: Bool) -> [String?] {
        let drafter = self.drafter
        let options = self.options
        return ParallelWork.map(jobs: jobs, count: prepared.count) { index -> String? in
            switch prepared[index] {
            case .failed(let reason):
                return reason
            case .ready(let request, let format, let path):
                do {
                    let bytes = try drafter.writeInChunks(request, as: format)
                    if !options.dryRun {
                        try FileSystem.writeAtomically(bytes, to: path, replacing: options.overwrite)
                    } else if !nothingThere {
                        try FileSystem.checkWritable(path, replacing: options.overwrite)
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

import TestSupport
import Foundation
import Testing

/// SIGINT, SIGTERM and SIGHUP while pit writes: no temporary file is ever left, pit exits with
/// 128 + the signal, and every file it wrote is whole. Each signal interrupts 30 runs, at whatever
/// point of the writing it lands (no timing is asserted: a batch run is signalled once its first
/// file is there, while the rest of its 20,000 rows are being written).
///
/// Skipped where the test process ignores the signal: pit, started with it ignored (`nohup`, a
/// shell's background job), keeps it ignored as it should, so nothing could interrupt it.
@Suite(.serialized)
struct InterruptTests {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let runs = 30
    /// Enough rows that a run is still writing when it is signalled.
    static let rows = 20_000
    static let date = "2026-01-01"

    /// Whether this process ignores `signal` (so pit, started from it, would too).
    static func ignored(_ signal: Int32) -> Bool {
        let previous = Foundation.signal(signal, SIG_IGN)
        Foundation.signal(signal, previous)
        return unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    static let noneIgnored = signals.allSatisfy { !ignored($0) }

    /// Starts `pit` with `arguments`, its output and errors discarded, with the three signals
    /// unblocked as a shell would start it. (`Process` starts a program with the signal mask of
    /// the calling thread, and the test's threads block nearly every signal: started so, a pit
    /// that did not handle a signal would not die of it either, and the test could not fail.)
    static func start(_ arguments: [String], executable: URL = Pit.binary) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = Pit.environment()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var unblocked = sigset_t(), previous = sigset_t()
        sigemptyset(&unblocked)
        for signal in signals { sigaddset(&unblocked, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try process.run()
        return process
    }

    /// The document every row of the batch drafts (all rows have the same options).
    static func expectedDocument() throws -> Data {
        let draft = try Pit.run(["draft", "--ref", "R/1", "--exemption", "s31", "--date", date])
        #expect(draft.status == 0)
        return draft.stdout
    }

    /// A CSV of `rows` identical rows, each naming its own output file.
    static func writeRows(to file: URL) throws {
        var text = "ref,exemption,date,output\n"
        for number in 0..<rows { text += "R/1,s31,\(date),f\(number).txt\n" }
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    /// Waits, polling, until `folder` holds a finished output file or the process has ended.
    static func waitForFirstFile(in folder: URL, of process: Process) {
        while process.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if names.contains(where: { $0.hasSuffix(".txt") }) { return }
            usleep(2_000)
        }
    }

    /// No temporary file in `folder`, and every other file is `expected`, byte for byte.
    static func expectWholeFiles(in folder: URL, _ expected: Data, _ context: String) throws -> Int {
        let names = (try? Pit.contents(of: folder)) ?? []
        let temporary = names.filter { $0.hasSuffix(".tmp") }
        #expect(temporary.isEmpty, "\(context): left \(temporary)")
        for name in names where !name.hasSuffix(".tmp") {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == expected, "\(context): \(name) is not whole")
        }
        return names.count
    }

    @Test(.enabled(if: noneIgnored, "the test process ignores SIGINT, SIGTERM or SIGHUP, so pit would too"), arguments: signals)
    func aSignalDuringABatchLeavesNoTemporaryFile(_ signal: Int32) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = folder.appendingPathComponent("rows.csv")
        try Self.writeRows(to: rows)
        let expected = try Self.expectedDocument()
        for run in 1...Self.runs {
            let out = folder.appendingPathComponent("out-\(run)")
            let process = try Self.start(["batch", rows.path, "--out-dir", out.path, "--jobs", "2"])
            Self.waitForFirstFile(in: out, of: process)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let context = "signal \(signal), run \(run)"
            _ = try Self.expectWholeFiles(in: out, expected, context)
            try #require(process.terminationReason == .exit, "\(context): killed by the signal instead of handling it")
            try #require(process.terminationStatus == 128 + signal, "\(context): \(process.terminationStatus)")
            try FileManager.default.removeItem(at: out)
        }
    }

    /// `pit draft --output`: a signal at any point of the run (after pit has started handling
    /// signals) leaves the old file or the whole new one, and no temporary file.
    @Test(.enabled(if: noneIgnored, "the test process ignores SIGINT, SIGTERM or SIGHUP, so pit would too"),
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "no /proc to tell when pit handles signals"),
          arguments: signals)
    func aSignalDuringADraftLeavesNoTemporaryFile(_ signal: Int32) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = try Self.expectedDocument()
        let output = folder.appendingPathComponent("draft.txt")
        for run in 1...Self.runs {
            let process = try Self.start(["draft", "--ref", "R/1", "--exemption", "s31", "--date", Self.date, "--output", output.path])
            Self.waitUntilHandling(signal, process)
            usleep(useconds_t(run % 10) * 1_000)  // lands at a different point of each run
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let context = "signal \(signal), run \(run)"
            _ = try Self.expectWholeFiles(in: folder, expected, context)
            #expect(process.terminationReason == .exit, "\(context): killed by the signal instead of handling it")
            #expect([0, 128 + signal].contains(process.terminationStatus), "\(context): \(process.terminationStatus)")
            try? FileManager.default.removeItem(at: output)
        }
    }

    /// Waits, polling, until the process blocks `signal` (pit's first act, to wait for it on a
    /// thread of its own), or has ended.
    static func waitUntilHandling(_ signal: Int32, _ process: Process) {
        let status = "/proc/\(process.processIdentifier)/status"
        while process.isRunning, let text = try? String(contentsOfFile: status, encoding: .utf8) {
            let blocked = text.split(separator: "\n").first { $0.hasPrefix("SigBlk:") }
                .flatMap { UInt64($0.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespaces), radix: 16) } ?? 0
            if blocked & (1 << UInt64(signal - 1)) != 0 { return }
            usleep(500)
        }
    }

    /// Started with SIGHUP ignored (`nohup`), pit keeps ignoring it and finishes the batch.
    @Test(.enabled(if: ExternalTool.path("nohup") != nil, "nohup is not installed"))
    func aHangUpIgnoredAtTheStartStaysIgnored() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "ref,exemption,date,output\n"
        for number in 0..<2_000 { text += "R/1,s31,\(Self.date),f\(number).txt\n" }
        let rows = folder.appendingPathComponent("rows.csv")
        try text.write(to: rows, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let process = try Self.start([Pit.binary.path, "batch", rows.path, "--out-dir", out.path, "--jobs", "2"],
                                     executable: URL(fileURLWithPath: ExternalTool.path("nohup")!))
        Self.waitForFirstFile(in: out, of: process)
        kill(process.processIdentifier, SIGHUP)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(try Self.expectWholeFiles(in: out, Self.expectedDocument(), "nohup") == 2_000)
    }
}

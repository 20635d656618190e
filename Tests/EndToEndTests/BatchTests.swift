import Foundation
import Testing

/// `pit batch` end to end: CSV and JSON Lines in, one file a row out, bad rows reported by number.
struct BatchTests {
    /// A CSV with a byte-order mark, CRLF line endings, quoted fields holding commas, quotes and
    /// line breaks, and four bad rows.
    static let csv = "\u{FEFF}ref,exemption,variant,question,fact,date,ncnd\r\n"
        + "658A/22,s31,statistics,\"How many offences, by month?\",\"The figures are broken down by ward.\r\nThe request names \"\"hot spots\"\".\",2026-11-21,\r\n"
        + "349A/22,s24;s31,,,,2026-11-21,\r\n"
        + "BAD/1,s13,,,,2026-11-21,\r\n"
        + ",s31,,,,2026-11-21,\r\n"
        + "BAD/3,s31,,,,2026-02-30,\r\n"
        + "658A/22,s31,,,,2026-11-21,\r\n"
        + "FOI-027538,s23;s24,,,,2026-11-21,yes\r\n"

    static let jsonLines = """
        {"ref": "658A/22", "exemption": ["s31"], "variant": ["statistics"], "question": ["How many offences, by month?"], "fact": ["The figures are broken down by ward.", "The request names \\"hot spots\\"."], "date": "2026-11-21"}
        {"ref": "349A/22", "exemption": "s24,s31", "date": "2026-11-21"}
        {"ref": "BAD/1", "exemption": ["s13"], "date": "2026-11-21"}
        {"exemption": ["s31"], "date": "2026-11-21"}
        {"ref": "BAD/3", "exemption": ["s31"], "date": "2026-02-30"}
        {"ref": "658A/22", "exemption": ["s31"], "date": "2026-11-21"}
        {"ref": "FOI-027538", "exemption": ["s23", "s24"], "ncnd": true, "date": "2026-11-21"}

        """

    /// The `pit draft` arguments that give the same documents as the good rows.
    static let equivalentDrafts: [String: [String]] = [
        "658A-22.txt": ["--ref", "658A/22", "--exemption", "s31", "--variant", "statistics",
                        "--question", "How many offences, by month?", "--fact", "The figures are broken down by ward.",
                        "--fact", "The request names \"hot spots\".", "--date", "2026-11-21"],
        "349A-22.txt": ["--ref", "349A/22", "--exemption", "s24,s31", "--date", "2026-11-21"],
        "FOI-027538.txt": ["--ref", "FOI-027538", "--exemption", "s23,s24", "--ncnd", "--date", "2026-11-21"],
    ]

    /// The file, its text, the numbers of its bad rows, and the number of the first row.
    @Test(arguments: [("rows.csv", csv, [5, 6, 7, 8], 2), ("rows.jsonl", jsonLines, [3, 4, 5, 6], 1)])
    func goodRowsAreDraftedAndBadRowsReportedByNumber(_ name: String, _ input: String, _ badRows: [Int], _ firstRow: Int) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try input.write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try Pit.run(["batch", file.path, "--out-dir", out.path, "--jobs", "2"])

        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(try Pit.contents(of: out) == Self.equivalentDrafts.keys.sorted())
        for (output, arguments) in Self.equivalentDrafts {
            let draft = try Pit.run(["draft"] + arguments)
            #expect(draft.status == 0)
            #expect(try Data(contentsOf: out.appendingPathComponent(output)) == draft.stdout, "\(name): \(output)")
        }
        let lines = result.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("pit: warning:") }
        #expect(lines.count == 5, "\(result.stderr)")
        #expect(lines[0].hasPrefix("pit: row \(badRows[0]): unknown exemption 's13'"))
        #expect(lines[1].hasPrefix("pit: row \(badRows[1]): missing --ref"))
        #expect(lines[2].hasPrefix("pit: row \(badRows[2]): invalid date '2026-02-30'"))
        #expect(lines[3] == "pit: row \(badRows[3]): output '658A-22.txt' is already the output of row \(firstRow)")
        #expect(lines[4].hasPrefix("pit: 3 drafted, 4 failed, 0 skipped in "))
        #expect(!(try Pit.contents(of: out).contains { $0.contains(".tmp") }))
    }

    @Test func oneJobAndFourJobsWriteIdenticalFolders() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = "ref,exemption,variant,fact,evidence,alternative,outcome\n"
        let cases = [("s31", "statistics", "", "", "partial"), ("s24;s31", "", "", "", ""), ("s38", "individual", "", "", "disclose"),
                     ("s43", "live-tender", "own-interests=the re-tender of the contract", "", ""), ("s30;s31", "", "", "yes", "")]
        for number in 0..<120 {
            let (exemption, variant, evidence, alternative, outcome) = cases[number % cases.count]
            rows += "R\(number)/26,\(exemption),\(variant),\"Fact \(number), with a comma.\",\(evidence),\(alternative),\(outcome)\n"
        }
        let file = folder.appendingPathComponent("rows.csv")
        try rows.write(to: file, atomically: true, encoding: .utf8)
        for format in ["text", "docx"] {
            let one = folder.appendingPathComponent("one-\(format)"), four = folder.appendingPathComponent("four-\(format)")
            let first = try Pit.run(["batch", file.path, "--out-dir", one.path, "--jobs", "1", "--format", format])
            let second = try Pit.run(["batch", file.path, "--out-dir", four.path, "--jobs", "4", "--format", format])
            #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
            let names = try Pit.contents(of: one)
            #expect(names.count == 120)
            #expect(try Pit.contents(of: four) == names)
            for name in names {
                #expect(try Data(contentsOf: one.appendingPathComponent(name)) == Data(contentsOf: four.appendingPathComponent(name)))
            }
        }
    }

    @Test func existingFilesNeedOverwriteAndDryRunWritesNothing() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rows.jsonl")
        try "{\"ref\": \"A/1\", \"exemption\": \"s31\", \"date\": \"2026-11-21\"}\n".write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let dryRun = try Pit.run(["batch", file.path, "--out-dir", out.path, "--dry-run"])
        #expect(dryRun.status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.path), "--dry-run writes nothing")
        #expect(try Pit.run(["batch", file.path, "--out-dir", out.path]).status == 0)
        try "an older draft".write(to: out.appendingPathComponent("A-1.txt"), atomically: true, encoding: .utf8)
        let again = try Pit.run(["batch", file.path, "--out-dir", out.path])
        #expect(again.status == 65)
        #expect(again.stderr.contains("row 1:") && again.stderr.contains("already exists (use --overwrite to replace it)"))
        #expect(try String(contentsOf: out.appendingPathComponent("A-1.txt"), encoding: .utf8) == "an older draft")
        let overwritten = try Pit.run(["batch", file.path, "--out-dir", out.path, "--overwrite"])
        #expect(overwritten.status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent("A-1.txt"), encoding: .utf8).contains("Section 31(1)(a)(b)"))
        #expect(try Pit.contents(of: out) == ["A-1.txt"])
    }

    @Test func failFastStopsAtTheFirstFailure() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rows.csv")
        try "ref,exemption\nA/1,s31\nB/2,s99\nC/3,s31\nD/4,s31\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Pit.run(["batch", file.path, "--out-dir", folder.appendingPathComponent("out").path, "--fail-fast"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("pit: row 3: unknown exemption 's99'"))
        #expect(result.stderr.contains("1 drafted, 1 failed, 2 skipped"))
        #expect(try Pit.contents(of: folder.appendingPathComponent("out")) == ["A-1.txt"])
    }

    @Test func standardInputIsSniffedAndRowsNameTheirOutputAndFormat() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = "{\"ref\": \"A/1\", \"exemption\": [\"s31\"], \"output\": \"first.html\"}\n{\"ref\": \"B/2\", \"exemption\": [\"s31\"], \"format\": \"json\"}\n"
        let result = try Pit.run(["batch", "-", "--out-dir", folder.path], stdin: Data(lines.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Pit.contents(of: folder) == ["B-2.json", "first.html"])
        #expect(try String(contentsOf: folder.appendingPathComponent("first.html"), encoding: .utf8).hasPrefix("<!doctype html>"))
        let csv = try Pit.run(["batch", "-", "--out-dir", folder.appendingPathComponent("csv").path], stdin: Data("ref,exemption\nC/3,s31\n".utf8))
        #expect(csv.status == 0)
        #expect(try Pit.contents(of: folder.appendingPathComponent("csv")) == ["C-3.txt"])
    }

    @Test(arguments: [
        ("ref,exemptoin\nA,s31\n", "rows.csv:1: field 2: unknown column 'exemptoin' — did you mean 'exemption'?", Int32(65)),
        ("exemption\ns31\n", "rows.csv:1: no 'ref' column", Int32(65)),
        ("ref,exemption\nA,\"s31\n", "rows.csv:2: a quoted field is never closed", Int32(65)),
    ])
    func fileLevelProblemsStopBeforeAnyRow(_ input: String, _ message: String, _ status: Int32) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rows.csv")
        try input.write(to: file, atomically: true, encoding: .utf8)
        let result = try Pit.run(["batch", file.path, "--out-dir", folder.appendingPathComponent("out").path])
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/A.txt").path))
    }

    @Test(.enabled(if: Pit.script != nil, "script is not installed: pit cannot be given a terminal"))
    func progressShowsOnATerminalOnly() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "ref,exemption\nA/1,s31\nB/2,s31\n".write(to: folder.appendingPathComponent("rows.csv"), atomically: true, encoding: .utf8)
        let shown = try Pit.runOnTerminal(["batch", "rows.csv", "--out-dir", "out"], in: folder)
        #expect(shown.status == 0)
        #expect(shown.transcript.contains("2 rows, "), "\(shown.transcript)")
        #expect(shown.transcript.contains("/s, 0 failed"))
        #expect(shown.transcript.contains("pit: 2 drafted, 0 failed, 0 skipped in "))
        let quiet = try Pit.runOnTerminal(["batch", "rows.csv", "--out-dir", "quiet", "--quiet"], in: folder)
        #expect(!quiet.transcript.contains(" rows, "))
        #expect(quiet.transcript.contains("pit: 2 drafted, 0 failed, 0 skipped in "))
    }

    @Test func noProgressInAPipe() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "ref,exemption\nA/1,s31\nB/2,s31\n".write(to: folder.appendingPathComponent("rows.csv"), atomically: true, encoding: .utf8)
        let piped = try Pit.run(["batch", "rows.csv", "--out-dir", "piped"], in: folder)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains(" rows, "), "no progress line in a pipe")
        #expect(piped.stderr.contains("pit: 2 drafted, 0 failed, 0 skipped in "))
    }

    @Test func usageErrors() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "ref,exemption\n".write(to: folder.appendingPathComponent("rows.txt"), atomically: true, encoding: .utf8)
        #expect(try Pit.run(["batch", "rows.csv"]).stderr.contains("missing --out-dir"))
        #expect(try Pit.run(["batch", "/nonexistent/rows.csv", "--out-dir", "/tmp/x"]).status == 66)
        let unnamed = try Pit.run(["batch", "rows.txt", "--out-dir", "out"], in: folder)
        #expect(unnamed.status == 64)
        #expect(unnamed.stderr.contains("cannot tell the input format"))
        #expect(try Pit.run(["batch", "-", "--out-dir", "/tmp/x", "--jobs", "0"]).status == 64)
    }

    @Test func anInterruptedBatchLeavesNoTemporaryFile() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = "ref,exemption,variant\n"
        for number in 0..<40_000 { rows += "R\(number),s31,\(["statistics", "systems", "default"][number % 3])\n" }
        let file = folder.appendingPathComponent("rows.csv")
        try rows.write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = Pit.binary
        process.arguments = ["batch", file.path, "--out-dir", out.path, "--format", "docx", "--quiet"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Interrupt once some files exist.
        let deadline = Date().addingTimeInterval(20)
        while (try? Pit.contents(of: out).count) ?? 0 < 50 && Date() < deadline { usleep(2_000) }
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130 || process.terminationReason == .uncaughtSignal)
        let names = try Pit.contents(of: out)
        #expect(!names.isEmpty)
        #expect(names.allSatisfy { $0.hasSuffix(".docx") }, "temporary files left: \(names.filter { !$0.hasSuffix(".docx") })")
    }
}

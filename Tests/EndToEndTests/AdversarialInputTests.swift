import Foundation
import Testing

/// The adversarial suite for reading input (issue 13): hostile arguments, templates, library
/// metadata and batch files, each refused with its exit code and one line on stderr naming the
/// place, nothing on stdout, and the file system as it was (hidden files included).
struct AdversarialInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// Run in a new folder; `ROOT` in an argument is that folder's path.
        let arguments: [String]
        /// Files to write first (relative path → bytes).
        var files: [String: [UInt8]] = [:]
        var stdin: [UInt8]?
        let status: Int32
        /// Fragments of the stderr lines, in order: one line each (a failed batch row adds its summary).
        let lines: [String]
        var testDescription: String { name }
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let draft = ["draft", "--ref", "658A/22", "--date", "2026-11-21", "--exemption", "s31"]
    static let authority = ["ov/authority.json": text(#"{"name": "West Midlands Police", "short": "WMP"}"#)]
    static let s31 = try! String(contentsOf: Pit.repository.appendingPathComponent("Templates/exemptions/s31/exemption.json"), encoding: .utf8)
    /// A CSV of 2,000 good rows and, last, a quoted field never closed.
    static let lateUnclosedQuote = text((["ref,exemption"] + (1...2000).map { "R\($0),s31" } + ["X,\"s31"]).joined(separator: "\n") + "\n")

    static let cases: [Case] = [
        // Arguments.
        Case(name: "a byte-order mark in --ref", arguments: draft + ["--ref", "\u{FEFF}A1"], status: 64,
             lines: ["--ref holds a byte-order mark (U+FEFF), which a document cannot carry"]),
        Case(name: "a C1 control in --fact", arguments: draft + ["--fact", "a\u{85}b"], status: 64,
             lines: ["--fact holds a control character (U+0085)"]),
        Case(name: "a noncharacter in --set", arguments: draft + ["--set", "x=a\u{FFFF}"], status: 64,
             lines: ["--set holds a noncharacter (U+FFFF)"]),
        Case(name: "a reference of combining marks", arguments: ["draft", "--exemption", "s31", "--ref", "a" + String(repeating: "\u{301}", count: 60_000)],
             status: 64, lines: ["--ref must be 1 to 64 characters and at most 256 bytes"]),
        // Templates.
        Case(name: "a byte-order mark inside a template", arguments: draft + ["--templates", "ov"],
             files: ["ov/exemptions/s31/harm/default.mustache": text("First line.\nThen\u{FEFF} {{ref}}\n")], status: 65,
             lines: ["ov/exemptions/s31/harm/default.mustache:2:5: a byte-order mark (U+FEFF)"]),
        Case(name: "a template not UTF-8", arguments: draft + ["--templates", "ov"],
             files: ["ov/exemptions/s31/harm/default.mustache": text("First line.\nab") + [0xFF, 0x0A]], status: 65,
             lines: ["ov/exemptions/s31/harm/default.mustache:2:3: not UTF-8 text"]),
        Case(name: "DEL in a template", arguments: draft + ["--templates", "ov"],
             files: ["ov/partials/case-facts.mustache": text("x\u{7F}\n")], status: 65,
             lines: ["ov/partials/case-facts.mustache:1:2: a control character (U+007F)"]),
        Case(name: "{{questions}} in a variable tag", arguments: draft + ["--templates", "ov", "--question", "How many?"],
             files: ["ov/exemptions/s31/harm/default.mustache": text("Asked: {{questions}}\n")], status: 65,
             lines: ["ov/exemptions/s31/harm/default.mustache:1:8: 'questions' has no text to print here (a list)"]),
        // Library metadata.
        Case(name: "NUL and the private-use character in authority.json", arguments: draft + ["--templates", "ov"],
             files: ["ov/authority.json": text(#"{"name": "West\u0000\uE000", "short": "W"}"#)], status: 65,
             lines: ["ov/authority.json:1:10: the string holds a control character (U+0000), which a document cannot carry"]),
        Case(name: "a line break in the authority's name", arguments: draft + ["--templates", "ov"],
             files: ["ov/authority.json": text("{\n  \"name\": \"West\\nMidlands\",\n  \"short\": \"W\"\n}")], status: 65,
             lines: ["ov/authority.json:2:11: 'name' holds a line break or tab (U+000A)"]),
        Case(name: "NUL in exemption.json", arguments: draft + ["--templates", "ov"],
             files: ["ov/exemptions/s31/exemption.json": text(s31.replacingOccurrences(of: "\"Law enforcement\"", with: "\"Law\\u0000\""))],
             status: 65, lines: ["ov/exemptions/s31/exemption.json:3:12: the string holds a control character (U+0000)"]),
        Case(name: "a field of exemption.json of the wrong type", arguments: draft + ["--templates", "ov"],
             files: ["ov/exemptions/s31/exemption.json": text(s31.replacingOccurrences(of: "\"Law enforcement\"", with: "7"))],
             status: 65, lines: ["ov/exemptions/s31/exemption.json:3:12: 'title' must be a non-empty string, not a number"]),
        Case(name: "an upper-case exemption folder", arguments: ["draft", "--ref", "A", "--exemption", "S99", "--templates", "ov"],
             files: ["ov/exemptions/S99/exemption.json": text(s31)], status: 65,
             lines: ["ov/exemptions/S99/exemption.json: the folder 'S99' must be named in lower case ('s99')"]),
        // Batch input: errors that stop the run before any row.
        Case(name: "a late quote never closed", arguments: ["batch", "rows.csv", "--out-dir", "out"],
             files: ["rows.csv": lateUnclosedQuote], status: 65, lines: ["rows.csv:2002: a quoted field is never closed"]),
        Case(name: "a late quote never closed, on standard input", arguments: ["batch", "-", "--out-dir", "out"],
             stdin: lateUnclosedQuote, status: 65, lines: ["stdin:2002: a quoted field is never closed"]),
        Case(name: "a row of more than 1 MiB", arguments: ["batch", "rows.csv", "--out-dir", "out"],
             files: ["rows.csv": text("ref,exemption\nA,s31\nB,\"" + String(repeating: "x", count: 1_100_000) + "\"\n")], status: 65,
             lines: ["rows.csv:3: a row of more than 1 MiB"]),
        Case(name: "an unknown column in the header", arguments: ["batch", "rows.csv", "--out-dir", "out"],
             files: ["rows.csv": text("\nref,exemptoin\nA,s31\n")], status: 65,
             lines: ["rows.csv:2: field 2: unknown column 'exemptoin' — did you mean 'exemption'?"]),
        // Batch input: a bad row fails alone, naming it (and the run says its summary).
        Case(name: "a byte-order mark in a CSV cell", arguments: ["batch", "rows.csv", "--out-dir", "out", "--templates", "ov"],
             files: authority.merging(["rows.csv": bom + text("ref,exemption\n") + bom + text("A1,s31\n")]) { $1 }, status: 65,
             lines: ["row 2: column 'ref' holds a byte-order mark (U+FEFF)", "0 drafted, 1 failed"]),
        Case(name: "NUL in a JSON line", arguments: ["batch", "rows.jsonl", "--out-dir", "out", "--templates", "ov"],
             files: authority.merging(["rows.jsonl": text(#"{"ref": "A\u0000\uE000", "exemption": "s31"}"#)]) { $1 }, status: 65,
             lines: ["row 1: rows.jsonl:1:9: the string holds a control character (U+0000)", "0 drafted, 1 failed"]),
        Case(name: "an output that is a hidden file", arguments: ["batch", "rows.csv", "--out-dir", "out", "--templates", "ov"],
             files: authority.merging(["rows.csv": text("ref,exemption,output\nA1,s31,.txt\n")]) { $1 }, status: 65,
             lines: ["row 2: output '.txt' must be a plain file name inside --out-dir", "0 drafted, 1 failed"]),
        Case(name: "a reference of combining marks in a row", arguments: ["batch", "rows.csv", "--out-dir", "out", "--templates", "ov"],
             files: authority.merging(["rows.csv": text("ref,exemption\n." + String(repeating: "\u{301}", count: 20_000) + ",s31\n")]) { $1 },
             status: 65, lines: ["row 2: --ref must be 1 to 64 characters and at most 256 bytes", "0 drafted, 1 failed"]),
        Case(name: "a value of more than 64 KiB in a JSON line", arguments: ["batch", "-", "--out-dir", "out", "--templates", "ov"],
             files: authority, stdin: text("{\"ref\": \"A\", \"exemption\": \"s31\", \"fact\": \"" + String(repeating: "x", count: 70_000) + "\"}\n"),
             status: 65, lines: ["row 1: stdin:1:42: a string of more than 65536 bytes", "0 drafted, 1 failed"]),
    ]

    @Test(arguments: cases)
    func hostileInputIsRefusedCleanly(_ test: Case) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write(test.files, into: folder)
        if test.arguments.contains("out") {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        }
        let before = Self.everything(under: folder)
        let result = try Pit.run(test.arguments, stdin: test.stdin.map { Data($0) }, in: folder)
        #expect(result.status == test.status, "\(test.name): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(test.name): stdout must be empty")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == test.lines.count, "\(test.name): \(test.lines.count) line(s) on stderr, got \(result.stderr)")
        for (line, fragment) in zip(lines, test.lines) {
            #expect(line.hasPrefix("pit: ") && line.contains(fragment), "\(test.name): '\(fragment)' not in \(line)")
        }
        #expect(Self.everything(under: folder) == before, "\(test.name): the file system changed")
    }

    /// Arguments that are not UTF-8 cannot be given through `Process` (its arguments are
    /// strings), so these go through the shell's `printf`.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/sh"), "needs /bin/sh to pass bytes that are not UTF-8"),
          arguments: [
              ("--ref \"$(printf 'A\\377')\"", "argument 3 (the value of --ref) is not UTF-8 text"),
              ("--ref A --output \"$(printf 'x\\376.txt')\"", "argument 5 (the value of --output) is not UTF-8 text"),
              ("--ref A \"$(printf -- '--output=x\\376.txt')\"", "argument 4 (--output) is not UTF-8 text"),
          ])
    func argumentsThatAreNotUTF8AreRefused(_ words: String, _ message: String) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = "cd '\(folder.path)' && exec '\(Pit.binary.path)' draft \(words) --exemption s31"
        let result = try Pit.runTool("/bin/sh", ["-c", command])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "pit: \(message)\n")
        #expect(Self.everything(under: folder).isEmpty, "nothing written")
    }

    /// A byte-order mark at the start of a file is not part of its text: not in the document,
    /// not in a file name.
    @Test func aLeadingByteOrderMarkIsDropped() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write([
            "ov/authority.json": Self.bom + Self.text(#"{"name": "West Midlands Police", "short": "WMP"}"#),
            "ov/exemptions/s31/harm/default.mustache": Self.bom + Self.text("The harm to {{ref}}.\n"),
            "rows.csv": Self.bom + Self.text("ref,exemption\nA1,s31\n"),
        ], into: folder)
        let drafted = try Pit.run(Self.draft + ["--templates", "ov"], in: folder)
        #expect(drafted.status == 0, "\(drafted.stderr)")
        #expect(!drafted.text.contains("\u{FEFF}"))
        #expect(drafted.text.contains("West Midlands Police"))
        #expect(drafted.text.contains("The harm to 658A/22."))
        let batch = try Pit.run(["batch", "rows.csv", "--out-dir", "out", "--templates", "ov"], in: folder)
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(try Pit.contents(of: folder.appendingPathComponent("out")) == ["A1.txt"])
    }

    /// JSON Lines on standard input is known by its first `{`, past blank lines and a byte-order mark.
    @Test func jsonLinesOnStandardInputMayStartWithBlankLines() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.bom + Self.text("\n  \r\n{\"ref\": \"J/1\", \"exemption\": \"s31\", \"authority\": \"A\", \"authority-short\": \"A\"}\n")
        let result = try Pit.run(["batch", "-", "--out-dir", "out"], stdin: Data(input), in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Pit.contents(of: folder.appendingPathComponent("out")) == ["J-1.txt"])
    }

    /// Exemption ids are matched without case.
    @Test func exemptionIDsAreMatchedWithoutCase() throws {
        let upper = try Pit.run(["draft", "--ref", "A", "--date", "2026-11-21", "--exemption", "S31", "--authority", "A", "--authority-short", "A"])
        let lower = try Pit.run(["draft", "--ref", "A", "--date", "2026-11-21", "--exemption", "s31", "--authority", "A", "--authority-short", "A"])
        #expect(upper.status == 0, "\(upper.stderr)")
        #expect(upper.stdout == lower.stdout)
    }

    static func write(_ files: [String: [UInt8]], into folder: URL) throws {
        for (path, bytes) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        }
    }

    /// Every path below `folder`, hidden ones included, with each file's size.
    static func everything(under folder: URL) -> [String] {
        let root = folder.resolvingSymlinksInPath().path
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            let size = (try? FileManager.default.attributesOfItem(atPath: root + "/" + path)[.size] as? Int) ?? 0
            found.append("\(path) \(size)")
        }
        return found.sorted()
    }
}

import Foundation
import Testing

/// Bad input, end to end: each case gets its exit code and one clear line on stderr naming the
/// place, nothing on stdout, no file left behind, and never a crash.
struct ErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        /// Overlay files to write first (relative path → text), used with `--templates OVERLAY`.
        var overlay: [String: String] = [:]
        let status: Int32
        let message: [String]
        var testDescription: String { name }
    }

    static let base = ["draft", "--ref", "658A/22", "--date", "2026-11-21"]

    static let cases: [Case] = [
        Case(name: "unknown exemption", arguments: base + ["--exemption", "s13"], status: 65,
             message: ["unknown exemption 's13'", "did you mean 's31'?"]),
        Case(name: "unknown variant", arguments: base + ["--exemption", "s31", "--variant", "statstics"], status: 65,
             message: ["unknown variant 'statstics'", "did you mean 'statistics'?"]),
        Case(name: "unknown section variant", arguments: base + ["--exemption", "s31", "--variant", "harm=sytems"], status: 65,
             message: ["unknown variant 'sytems' for s31 harm", "did you mean 'systems'?"]),
        Case(name: "unknown option", arguments: base + ["--exemption", "s31", "--refs", "x"], status: 64,
             message: ["unknown option '--refs'", "did you mean '--ref'?"]),
        Case(name: "missing --ref", arguments: ["draft", "--exemption", "s31"], status: 64, message: ["missing --ref"]),
        Case(name: "missing --exemption", arguments: ["draft", "--ref", "1"], status: 64, message: ["missing --exemption"]),
        Case(name: "bad --date", arguments: ["draft", "--ref", "1", "--exemption", "s31", "--date", "2026-02-30"], status: 64,
             message: ["invalid date '2026-02-30'"]),
        Case(name: "control character in --ref", arguments: ["draft", "--ref", "a\u{7}b", "--exemption", "s31"], status: 64,
             message: ["--ref holds a control character (U+0007), which a document cannot carry"]),
        Case(name: "reference too long", arguments: ["draft", "--ref", String(repeating: "x", count: 65), "--exemption", "s31"],
             status: 64, message: ["--ref must be 1 to 64 characters"]),
        Case(name: "unknown format", arguments: base + ["--exemption", "s31", "--format", "pdf"], status: 64,
             message: ["unknown format 'pdf'"]),
        Case(name: "unknown limb", arguments: base + ["--exemption", "s31", "--limbs", "a,z"], status: 65,
             message: ["s31 has no limb 'z'"]),
        Case(name: "bad likelihood", arguments: base + ["--exemption", "s31", "--likelihood", "maybe"], status: 64,
             message: ["unknown likelihood 'maybe'", "--likelihood takes would, likely"]),
        Case(name: "absolute exemption alone", arguments: base + ["--exemption", "s21"], status: 65,
             message: ["absolute exemption", "no public interest test applies"]),
        Case(name: "NCND without a subsection", arguments: base + ["--exemption", "s43-1", "--ncnd"], status: 65,
             message: ["s43-1", "has no neither-confirm-nor-deny subsection"]),
        Case(name: "unknown command", arguments: ["draught"], status: 64, message: ["unknown command 'draught'", "did you mean 'draft'?"]),
        Case(name: "missing overlay folder", arguments: base + ["--exemption", "s31", "--templates", "/nonexistent/pit-overlay"],
             status: 66, message: ["template folder '/nonexistent/pit-overlay' does not exist"]),
        Case(name: "syntax error in an overlay template", arguments: base + ["--exemption", "s31", "--templates", "OVERLAY"],
             overlay: ["exemptions/s31/harm/default.mustache": "First line.\n\nSecond {{#open}} line.\n"], status: 65,
             message: ["OVERLAY/exemptions/s31/harm/default.mustache:3:8:", "'open' is never closed"]),
        Case(name: "syntax error in an overlay partial", arguments: base + ["--exemption", "s31", "--templates", "OVERLAY"],
             overlay: ["partials/conclusion.mustache": "x {{#a}}\n"], status: 65,
             message: ["OVERLAY/partials/conclusion.mustache:1:3:", "'a' is never closed"]),
        Case(name: "a block inside its own override", arguments: base + ["--exemption", "s31", "--templates", "OVERLAY"],
             overlay: ["document.mustache": "{{<layout}}{{$title}}{{$title}}{{/title}}{{/title}}{{/layout}}\n"], status: 65,
             message: ["OVERLAY/document.mustache:1:22:", "blocks nest more than 64 deep at 'title'"]),
        Case(name: "undefined variable in an overlay template", arguments: base + ["--exemption", "s31", "--templates", "OVERLAY"],
             overlay: ["exemptions/s31/for/default.mustache": "Text.\n\nOfficer: {{case_officer}}.\n"], status: 65,
             message: ["OVERLAY/exemptions/s31/for/default.mustache:3:10:",
                       "undefined variable 'case_officer' (define it with --set NAME=VALUE, or fix the template)"]),
        Case(name: "partial that includes itself", arguments: base + ["--exemption", "s31", "--templates", "OVERLAY"],
             overlay: ["partials/case-facts.mustache": "Again {{> case-facts}}\n"], status: 65,
             message: ["OVERLAY/partials/case-facts.mustache:1:7:", "does it include itself?"]),
        Case(name: "bad exemption.json in an overlay", arguments: base + ["--exemption", "s31", "--templates", "OVERLAY"],
             overlay: ["exemptions/s31/exemption.json": "{\"section\": \"31\",\n \"kind\": \"sometimes\"}"], status: 65,
             message: ["OVERLAY/exemptions/s31/exemption.json:", "'kind' must be one of prejudice, class, absolute"]),
        Case(name: "unwritable --output", arguments: base + ["--exemption", "s31", "--output", "/nonexistent/folder/pit.txt"],
             status: 73, message: ["/nonexistent/folder/pit.txt: cannot create"]),
    ]

    @Test(arguments: cases)
    func badInputFailsCleanly(_ test: Case) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let overlay = folder.appendingPathComponent("overlay")
        for (path, text) in test.overlay {
            let file = overlay.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let arguments = test.arguments.map { $0 == "OVERLAY" ? overlay.path : $0 }
        let before = try Pit.contents(of: folder)
        let result = try Pit.run(arguments, in: folder)

        #expect(result.status == test.status, "\(test.name): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(test.name): stdout must be empty")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(test.name): one line on stderr, got \(result.stderr)")
        let expected = test.message.map { $0.replacingOccurrences(of: "OVERLAY", with: overlay.path) }
        for fragment in expected {
            #expect(result.stderr.contains(fragment), "\(test.name): '\(fragment)' not in \(result.stderr)")
        }
        #expect(try Pit.contents(of: folder) == before, "\(test.name): a file was left behind")
    }

    @Test func failedOutputLeavesNoFileAndKeepsTheOldOne() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("draft.txt")
        try "the earlier draft\n".write(to: output, atomically: true, encoding: .utf8)
        let result = try Pit.run(Self.base + ["--exemption", "s13", "--output", output.path])
        #expect(result.status == 65)
        #expect(try String(contentsOf: output, encoding: .utf8) == "the earlier draft\n")
        #expect(try Pit.contents(of: folder) == ["draft.txt"])
    }
}

import Foundation
import Testing

/// The quality checks through the binary: `pit draft --strict`, `pit batch --strict`, `pit check`
/// on Markdown, text, Word and standard input, and `pit lint` (issue 9).
struct QualityCheckCommandTests {
    static let draft = ["draft", "--ref", "QC/1", "--date", "2026-11-21", "--exemption", "s31"]
    static let sound = draft + ["--authority", "Northshire Council", "--fact", "The rota shows the hours when the town centre has nobody on foot patrol."]

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pit-qc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    // MARK: draft --strict

    @Test func strictFailsWithFindingsOnStandardErrorAndWritesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("qc.txt")
        let result = try Pit.run(Self.draft + ["--strict", "--output", output.path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(result.stderr.contains("pit: \(output.path):11: PIT003 nothing specific to the case"))
        #expect(result.stderr.contains("PIT007 a placeholder is left in: '[Authority name]'"))
        #expect(result.stderr.hasSuffix("nothing written (see 'pit help check')\n"))
        let onStdout = try Pit.run(Self.draft + ["--strict"])
        #expect(onStdout.status == 65 && onStdout.stdout.isEmpty && onStdout.stderr.contains("pit: draft:11: PIT003"))
    }

    @Test func strictPassesASoundDraftUnchanged() throws {
        let strict = try Pit.run(Self.sound + ["--strict"])
        let plain = try Pit.run(Self.sound)
        #expect(strict.status == 0, "\(strict.stderr)")
        #expect(strict.stdout == plain.stdout && strict.stderr.isEmpty)
        // Without --strict nothing changes, findings or not.
        #expect(try Pit.run(Self.draft).status == 0)
    }

    // MARK: batch --strict

    @Test func batchStrictFailsTheRowsWithFindings() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("rows.csv")
        try """
        ref,exemption,fact,authority,strict
        A/1,s31,The rota shows the hours when the town centre has nobody on foot patrol.,Northshire Council,
        B/2,s31,Releasing the rota would embarrass the council.,Northshire Council,
        C/3,s31,,Northshire Council,
        D/4,s31,,Northshire Council,true

        """.write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let plain = try Pit.run(["batch", input.path, "--out-dir", out.path, "--quiet"])
        #expect(plain.status == 65, "the strict column fails D/4 alone: \(plain.stderr)")
        #expect(plain.stderr.contains("pit: row 5: line 11: PIT003 nothing specific to the case"))
        #expect(plain.stderr.contains("3 drafted, 1 failed"))
        try FileManager.default.removeItem(at: out)
        let strict = try Pit.run(["batch", input.path, "--out-dir", out.path, "--quiet", "--strict"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("pit: row 3: line 15: PIT005 weighs embarrassment ('embarrass')"), "\(strict.stderr)")
        #expect(strict.stderr.contains("pit: row 4: line 11: PIT003"))
        #expect(strict.stderr.contains("1 drafted, 3 failed"))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(written == ["A-1.txt"])
    }

    // MARK: check

    @Test func checkReadsMarkdownTextAndStandardInput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["md", "txt"] {
            let sound = folder.appendingPathComponent("sound.\(format)")
            #expect(try Pit.run(Self.sound + ["--output", sound.path]).status == 0)
            let clean = try Pit.run(["check", sound.path])
            #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.isEmpty, "\(clean.text)\(clean.stderr)")
            let flawed = folder.appendingPathComponent("flawed.\(format)")
            #expect(try Pit.run(Self.draft + ["--output", flawed.path]).status == 0)
            let found = try Pit.run(["check", flawed.path])
            #expect(found.status == 65 && found.stderr.isEmpty)
            #expect(found.text.hasPrefix("\(flawed.path):11: PIT003 nothing specific to the case"), "\(found.text)")
            #expect(found.text.contains("\(flawed.path):13: PIT007 a placeholder is left in: '[Authority name]'"))
        }
        let piped = try Pit.run(["check", "-", "--outcome", "disclose"], stdin: try Pit.run(Self.sound).stdout)
        #expect(piped.status == 65)
        #expect(piped.text.contains("stdin:") && piped.text.contains("PIT004") && piped.text.contains("but the outcome is that it is disclosed"))
    }

    @Test func checkReadsAWordDocumentByParagraph() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = folder.appendingPathComponent("flawed.docx")
        #expect(try Pit.run(Self.draft + ["--output", docx.path]).status == 0)
        let found = try Pit.run(["check", docx.path])
        #expect(found.status == 65)
        // Paragraph 6 is the harm's heading: title, reference, date, "Exemption applied", the citation, "Harm".
        #expect(found.text.hasPrefix("\(docx.path):6: PIT003 nothing specific to the case"), "\(found.text)")
        let sound = folder.appendingPathComponent("sound.docx")
        #expect(try Pit.run(Self.sound + ["--output", sound.path]).status == 0)
        #expect(try Pit.run(["check", sound.path]).status == 0)
    }

    @Test func checkWritesJSONAndTakesWhatTheTextCannotTell() throws {
        let text = try Pit.run(Self.sound + ["--format", "markdown"]).stdout
        let json = try Pit.run(["check", "-", "--format", "json", "--outcome", "partial"], stdin: text)
        #expect(json.status == 65)
        let report = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(report["file"] as? String == "stdin")
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["id"] as? String == "PIT004")
        #expect(findings.first?["section"] as? String == "Balancing test")
        #expect((findings.first?["why"] as? String)?.contains("s2(2)(b)") == true)
        #expect(findings.first?["fix"] as? String != nil && findings.first?["line"] as? Int != nil)
        let clean = try Pit.run(["check", "-", "--format", "json"], stdin: text)
        #expect(clean.status == 0 && clean.text.contains("\"findings\": []"))
        // Told it is an NCND draft, the same text confirms and argues about disclosure.
        let told = try Pit.run(["check", "-", "--exemption", "s31", "--ncnd"], stdin: text)
        #expect(told.status == 65 && told.text.contains("PIT010"))
    }

    @Test func checkErrorsHaveTheirOwnCodes() throws {
        let missing = try Pit.run(["check", "no-such-draft.md"])
        #expect(missing.status == 66 && missing.stdout.isEmpty && missing.stderr == "pit: no-such-draft.md: no such file\n")
        let unknown = try Pit.run(["check", "-", "--exemption", "s13"], stdin: Data("# x\n".utf8))
        #expect(unknown.status == 65 && unknown.stderr.contains("did you mean"))
        let nothing = try Pit.run(["check", "-"], stdin: Data("Some text with no citation.\n".utf8))
        #expect(nothing.status == 64 && nothing.stdout.isEmpty && nothing.stderr.contains("--exemption"))
        let notWord = try Pit.run(["check", "-", "--input", "docx"], stdin: Data("PK not really".utf8))
        #expect(notWord.status == 65 && notWord.stderr.contains("not a Word document pit can read"))
    }

    /// Default drafts of the kinds of exemption, through the binary: drafted with --strict, then
    /// read back by pit check (every exemption is covered in-process by LibraryChecksTests).
    @Test(arguments: [
        ["s31"], ["s24"], ["s38", "--ncnd"], ["s40", "--limbs", "second", "--evidence", "objection=made in writing on 1 March 2026"],
        ["s36", "--evidence", "qualified-person=Jane Smith, Chief Executive", "--evidence", "opinion-date=2026-05-05", "--evidence", "opinion-basis=the draft report"],
        ["s43", "--evidence", "third-party=Acme Ltd", "--evidence", "representations=Acme Ltd wrote on 3 March 2026 that its rates would help its rivals"],
        ["s24,s31", "--ncnd"], ["s30,s31", "--alternative"],
        // Every other regime, read back with no --regime: the citations say which law.
        ["12-5-b", "--regime", "eir"], ["12-5-a", "--regime", "eir", "--ncnd"], ["12-4-e,12-5-b", "--regime", "eir"],
        ["s35", "--regime", "foisa"], ["s30", "--regime", "foisa", "--ncnd"], ["s34", "--regime", "foisa"],
        ["10-5-b", "--regime", "eisr"], ["10-4-e", "--regime", "eisr"],
    ])
    func defaultDraftsPassCheckThroughTheBinary(_ options: [String]) throws {
        let arguments = ["draft", "--ref", "D/1", "--authority", "Northshire Council", "--format", "markdown", "--strict",
                         "--fact", "The request asks for the figures by ward, which would show where patrols are thinnest at night.",
                         "--exemption"] + options
        let drafted = try Pit.run(arguments)
        #expect(drafted.status == 0, "\(options): \(drafted.stderr)")
        let checked = try Pit.run(["check", "-"], stdin: drafted.stdout)
        #expect(checked.status == 0, "\(options): \(checked.text)\(checked.stderr)")
    }

    /// `pit check --regime` says the law where the text cannot; a bad regime is a usage error.
    @Test func checkTakesTheRegime() throws {
        let drafted = try Pit.run(["draft", "--ref", "D/2", "--authority", "Northshire Council", "--format", "markdown", "--regime", "eisr",
                                   "--exemption", "10-5-b", "--fact", "The survey records where the contractor found the buried drums."])
        #expect(drafted.status == 0, "\(drafted.stderr)")
        let checked = try Pit.run(["check", "-", "--regime", "eisr", "--exemption", "10-5-b"], stdin: drafted.stdout)
        #expect(checked.status == 0, "\(checked.text)\(checked.stderr)")
        // Read as the EIR, the same text cites no exception of the EIR.
        let wrong = try Pit.run(["check", "-", "--regime", "eir"], stdin: drafted.stdout)
        #expect(wrong.status == 64 && wrong.stderr.contains("cites no exception of the Environmental Information Regulations 2004"), "\(wrong.stderr)")
        let bad = try Pit.run(["check", "-", "--regime", "scotland"], stdin: drafted.stdout)
        #expect(bad.status == 64 && bad.stdout.isEmpty && bad.stderr.contains("unknown regime 'scotland'"))
        // Without the presumption, an EIR draft is found wanting (PIT012).
        let text = String(decoding: drafted.stdout, as: UTF8.self)
            .replacingOccurrences(of: "presumption in favour of disclosure", with: "starting point")
        let found = try Pit.run(["check", "-"], stdin: Data(text.utf8))
        #expect(found.status == 65 && found.text.contains("PIT012 does not state the presumption in favour of disclosure that regulation 10(2) of the Environmental Information (Scotland) Regulations 2004 requires"), "\(found.text)")
    }

    // MARK: lint

    @Test func theBuiltInLibraryPassesLint() throws {
        let result = try Pit.run(["lint"])
        #expect(result.status == 0, "\(result.text)\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "\(result.text)")
    }

    @Test func lintFindsErrorsAndWarningsInAnOverlay() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let harm = folder.appendingPathComponent("exemptions/s31/harm")
        try FileManager.default.createDirectory(at: harm, withIntermediateDirectories: true)
        try "{{! summary: a test }}\n{{exemption.citation}} applies.\n\nRelease {{likelihood}} prejudice crime and embarrass the council; {{case_officer}} agrees.\n"
            .write(to: harm.appendingPathComponent("flawed.mustache"), atomically: true, encoding: .utf8)
        try "No summary {{exemption.tset}} {{case_ref}}\n".write(to: harm.appendingPathComponent("typo.mustache"), atomically: true, encoding: .utf8)
        try "notes\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try Pit.run(["lint", folder.path, "--allow-set", "case_officer"])
        #expect(result.status == 65)
        let root = folder.path
        #expect(result.text.contains("\(root)/exemptions/s31/harm/typo.mustache:1:12: error: unknown variable 'exemption.tset'"), "\(result.text)")
        #expect(result.text.contains("\(root)/exemptions/s31/harm/typo.mustache:1:31: error: unknown variable 'case_ref' (see the README, \"Variables\"; a --set key needs --allow-set)"))
        #expect(result.text.contains("\(root)/notes.txt: warning: the library never uses this file"))
        #expect(result.text.contains("\(root)/exemptions/s31/harm/typo.mustache: warning: no summary line"))
        // The allowed --set key drafts, and the check finds the irrelevant factor on its line.
        #expect(result.text.contains("\(root)/exemptions/s31/harm/flawed.mustache:4: PIT005 weighs embarrassment"), "\(result.text)")
        #expect(!result.text.contains("case_officer"))
        // Warnings alone exit 0.
        try FileManager.default.removeItem(at: harm)
        let warnings = try Pit.run(["lint", folder.path, "--format", "json"])
        #expect(warnings.status == 0, "\(warnings.text)")
        #expect(warnings.text.contains("\"errors\": 0") && warnings.text.contains("\"warnings\": 1"))
    }

    /// A broken partial is reported once, in its own file, not again for every draft that includes it.
    @Test func lintReportsABrokenPartialOnce() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let partials = folder.appendingPathComponent("partials")
        try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
        try "{{! summary: a test }}\n{{no_such_thing}}\n".write(to: partials.appendingPathComponent("case-facts.mustache"), atomically: true, encoding: .utf8)
        let result = try Pit.run(["lint", folder.path])
        #expect(result.status == 65)
        #expect(result.text.contains("\(folder.path)/partials/case-facts.mustache:2:1: error: unknown variable 'no_such_thing'"), "\(result.text)")
        #expect(!result.text.contains("fails:"), "\(result.text)")
    }

    /// `pit lint` drafts every regime's templates: an EIR harm that argues "would be likely to" is found in its file.
    @Test func lintChecksEveryRegime() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let harm = folder.appendingPathComponent("regimes/eir/exemptions/12-5-b/harm")
        try FileManager.default.createDirectory(at: harm, withIntermediateDirectories: true)
        try "{{! summary: a flawed harm }}\n{{exemption.citation}} applies.\n\nRelease would be likely to adversely affect the course of justice.\n"
            .write(to: harm.appendingPathComponent("flawed.mustache"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("regimes/foisa/exemptions/s99"), withIntermediateDirectories: true)
        try #"{"section": "99", "title": "A test exemption", "kind": "class", "provision": "99(1)"}"#
            .write(to: folder.appendingPathComponent("regimes/foisa/exemptions/s99/exemption.json"), atomically: true, encoding: .utf8)
        let result = try Pit.run(["lint", folder.path])
        #expect(result.status == 65)
        #expect(result.text.contains("\(folder.path)/regimes/eir/exemptions/12-5-b/harm/flawed.mustache:4: PIT002 the harm for Regulation 12(5)(b) argues that disclosure 'would be likely to adversely affect'"), "\(result.text)")
        #expect(result.text.contains("\(folder.path)/regimes/foisa/exemptions/s99/exemption.json: warning: s99 has no wording"), "\(result.text)")
    }
}

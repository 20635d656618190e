import Foundation
import TestSupport
import Testing

/// `--reference-docx` and `referenceDocx` in `authority.json`, through the binary: the
/// authority's template frames every .docx (its header, footer and page are in the output, its
/// body is not), and a missing or unusable template stops the run before anything is written.
struct ReferenceDocxTests {
    static let draft = ["draft", "--ref", "658A/22", "--exemption", "s31", "--date", "2026-11-21", "--authority", "Northshire Constabulary"]

    /// A folder holding `house.docx`, a Word template made as Word makes one.
    static func folderWithTemplate(_ word: WordLikeDocx = WordLikeDocx()) throws -> URL {
        let folder = try Pit.temporaryFolder()
        try Data(word.bytes).write(to: folder.appendingPathComponent("house.docx"))
        return folder
    }

    /// Whether `bytes` hold `part` exactly as the template stores it (pit copies it as it is).
    static func holds(_ bytes: Data, _ part: String, of word: WordLikeDocx = WordLikeDocx()) -> Bool {
        guard let archived = word.archived(part) else { return false }
        return bytes.range(of: Data(archived)) != nil
    }

    /// Whether `bytes` hold `text` (the parts pit writes itself are stored, so their text shows).
    static func contains(_ bytes: Data, _ text: String) -> Bool { bytes.range(of: Data(text.utf8)) != nil }

    @Test func theTemplatesHeaderFooterAndPageFrameTheDraft() throws {
        let folder = try Self.folderWithTemplate()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("draft.docx")
        let result = try Pit.run(Self.draft + ["--reference-docx", folder.appendingPathComponent("house.docx").path, "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
        let bytes = try Data(contentsOf: output)
        for part in ["word/header1.xml", "word/footer1.xml", "word/theme/theme1.xml", "word/media/image1.png"] {
            #expect(Self.holds(bytes, part), "\(part)")
        }
        #expect(Self.contains(bytes, WordLikeDocx.pageSize + WordLikeDocx.pageMargins))
        #expect(Self.contains(bytes, "Balancing test"))
        #expect(!Self.contains(bytes, WordLikeDocx.templateBody))
        #expect(!Self.contains(bytes, "docProps/thumbnail.jpeg"))

        // The same run gives the same bytes; to standard output as well.
        let piped = try Pit.run(Self.draft + ["--reference-docx", folder.appendingPathComponent("house.docx").path, "--format", "docx"])
        #expect(piped.status == 0)
        #expect(piped.stdout == bytes)
    }

    @Test func aTemplateWithoutAFooterGetsPitsFooter() throws {
        var word = WordLikeDocx()
        word.hasFooter = false
        let folder = try Self.folderWithTemplate(word)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Pit.run(Self.draft + ["--reference-docx", folder.appendingPathComponent("house.docx").path, "--format", "docx"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.holds(result.stdout, "word/header1.xml", of: word))
        #expect(Self.contains(result.stdout, "Public Interest Test – 658A/22</w:t></w:r><w:r><w:t xml:space=\"preserve\"> · Page </w:t>"))
        #expect(Self.contains(result.stdout, "<w:fldSimple w:instr=\" NUMPAGES \">"))
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        let name: String
        let file: [UInt8]?
        let status: Int32
        let message: String
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "missing", file: nil, status: 66, message: "house.docx: no such file (the reference Word document)"),
        Failure(name: "not a Word document", file: Array("Dear requester, this letter is plain text, not a Word document.\n".utf8), status: 65,
                message: "house.docx: not a usable Word document: it is not a ZIP archive"),
        Failure(name: "macro-enabled", file: { var word = WordLikeDocx(); word.isMacroEnabled = true; return word.bytes }(), status: 65,
                message: "house.docx: not a usable Word document: it is macro-enabled"),
        Failure(name: "cut short", file: Array(WordLikeDocx().bytes.dropLast(30)), status: 65,
                message: "house.docx: not a usable Word document: it is not a ZIP archive"),
    ]

    @Test(arguments: failures)
    func aMissingOrUnusableTemplateWritesNothing(_ failure: Failure) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("house.docx")
        if let file = failure.file { try Data(file).write(to: template) }
        let output = folder.appendingPathComponent("draft.docx")
        try Data("the old draft".utf8).write(to: output)

        let draft = try Pit.run(Self.draft + ["--reference-docx", template.path, "--output", output.path])
        #expect(draft.status == failure.status)
        #expect(draft.stdout.isEmpty)
        #expect(draft.stderr.hasPrefix("pit: "), "\(draft.stderr)")
        #expect(draft.stderr.contains(failure.message), "\(draft.stderr)")
        #expect(draft.stderr.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: output) == Data("the old draft".utf8))

        let rows = folder.appendingPathComponent("rows.csv")
        try Data("ref,exemption,format\n1/22,s31,docx\n2/22,s31,text\n".utf8).write(to: rows)
        let out = folder.appendingPathComponent("out")
        let batch = try Pit.run(["batch", rows.path, "--out-dir", out.path, "--reference-docx", template.path])
        #expect(batch.status == failure.status)
        #expect(batch.stdout.isEmpty)
        #expect(batch.stderr.contains(failure.message), "\(batch.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func batchReadsTheTemplateOnceForEveryDocxRow() throws {
        let folder = try Self.folderWithTemplate()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = folder.appendingPathComponent("rows.csv")
        try Data("ref,exemption,format,date\n1/22,s31,docx,2026-11-21\n2/22,s24;s31,docx,2026-11-21\n3/22,s31,text,2026-11-21\n".utf8).write(to: rows)
        let out = folder.appendingPathComponent("out")
        let result = try Pit.run(["batch", rows.path, "--out-dir", out.path, "--jobs", "2",
                                  "--reference-docx", folder.appendingPathComponent("house.docx").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Pit.contents(of: out) == ["1-22.docx", "2-22.docx", "3-22.txt"])
        for name in ["1-22.docx", "2-22.docx"] {
            let bytes = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(Self.holds(bytes, "word/header1.xml"), "\(name)")
            #expect(Self.contains(bytes, WordLikeDocx.pageSize), "\(name)")
        }
        // Each .docx is the one `pit draft` writes with the template.
        let single = try Pit.run(["draft", "--ref", "1/22", "--exemption", "s31", "--date", "2026-11-21", "--format", "docx",
                                  "--reference-docx", folder.appendingPathComponent("house.docx").path])
        #expect(try Data(contentsOf: out.appendingPathComponent("1-22.docx")) == single.stdout)
        let text = try Pit.run(["draft", "--ref", "3/22", "--exemption", "s31", "--date", "2026-11-21"])
        #expect(try Data(contentsOf: out.appendingPathComponent("3-22.txt")) == text.stdout)
    }

    @Test func authorityJSONNamesTheTemplateBesideIt() throws {
        let folder = try Self.folderWithTemplate()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"name": "Northshire Constabulary", "short": "NC", "referenceDocx": "house.docx"}"#.utf8)
            .write(to: folder.appendingPathComponent("authority.json"))
        let docx = try Pit.run(Self.draft + ["--templates", folder.path, "--format", "docx"])
        #expect(docx.status == 0, "\(docx.stderr)")
        #expect(Self.holds(docx.stdout, "word/header1.xml"))
        #expect(Self.contains(docx.stdout, "<dc:creator>Northshire Constabulary</dc:creator>"))

        // Named but missing: a .docx cannot be drafted; text, which does not use it, can.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("house.docx"))
        let missing = try Pit.run(Self.draft + ["--templates", folder.path, "--format", "docx"])
        #expect(missing.status == 66)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("house.docx: no such file (the reference Word document) (named by 'referenceDocx' in \(folder.path)/authority.json)"))
        let text = try Pit.run(Self.draft + ["--templates", folder.path])
        #expect(text.status == 0, "\(text.stderr)")
    }

    @Test func helpNamesTheOption() throws {
        for command in ["draft", "batch"] {
            let help = try Pit.run(["help", command])
            #expect(help.text.contains("--reference-docx FILE"), "\(command)")
        }
    }
}

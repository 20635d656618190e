import Foundation
import Testing

/// `pit init` and the user's own overlay, end to end.
struct InitTests {
    static let drafts: [[String]] = [
        ["--exemption", "s31"],
        ["--exemption", "s24,s31", "--ncnd", "--format", "markdown"],
        ["--exemption", "s23,s24", "--ncnd", "--format", "html"],
        ["--exemption", "s42", "--format", "rtf"],
        ["--exemption", "s31", "--variant", "statistics", "--format", "docx"],
        ["--exemption", "s24", "--variant", "harm=covert-techniques", "--question", "Which cameras?", "--fact", "A fact."],
    ].map { ["draft", "--ref", "658A/22", "--date", "2026-11-21"] + $0 }

    @Test func draftsWithACopiedLibraryAreByteIdenticalUntilAFileIsEdited() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("copy")
        let made = try Pit.run(["init", copy.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.isEmpty)
        let templates = Pit.repository.appendingPathComponent("Templates")
        let files = Pit.files(under: copy)
        #expect(files == Pit.files(under: templates), "every file of Templates/, and nothing else")
        #expect(made.stderr == "pit: wrote \(files.count) files of the built-in library to \(copy.path)\n")
        for path in files {
            #expect(try Data(contentsOf: copy.appendingPathComponent(path)) == Data(contentsOf: templates.appendingPathComponent(path)),
                    "\(path) differs from Templates/")
        }
        for draft in Self.drafts {
            let builtIn = try Pit.run(draft)
            let copied = try Pit.run(draft + ["--templates", copy.path])
            #expect(builtIn.status == 0 && copied.status == 0, "\(draft): \(copied.stderr)")
            #expect(copied.stdout == builtIn.stdout, "\(draft) differs with --templates \(copy.path)")
        }
        try "{\"name\": \"Northshire Constabulary\", \"short\": \"NC\"}"
            .write(to: copy.appendingPathComponent("authority.json"), atomically: true, encoding: .utf8)
        let edited = try Pit.run(Self.drafts[0] + ["--templates", copy.path])
        #expect(edited.text.contains("Northshire Constabulary"))
    }

    @Test func aFolderThatIsNotEmptyIsRefusedWithoutForce() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Pit.write(["notes.txt": "mine", "exemptions/s31/harm/default.mustache": "my own"], into: folder)
        let refused = try Pit.run(["init", folder.path, "--only", "exemptions/s31"])
        #expect(refused.status == 73)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "pit: \(folder.path): the folder is not empty (use --force to write into it)\n")
        #expect(Pit.files(under: folder) == ["exemptions/s31/harm/default.mustache", "notes.txt"], "nothing written")
        let forced = try Pit.run(["init", folder.path, "--only", "exemptions/s31", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine", "other files stay")
        #expect(try String(contentsOf: folder.appendingPathComponent("exemptions/s31/harm/default.mustache"), encoding: .utf8) != "my own",
                "--force replaces the files pit writes")
        let hidden = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: hidden) }
        try Pit.write([".git/HEAD": "x"], into: hidden)
        #expect(try Pit.run(["init", hidden.path]).status == 73, "a hidden file makes a folder not empty too")
        let file = folder.appendingPathComponent("notes.txt")
        #expect(try Pit.run(["init", file.path]).stderr == "pit: \(file.path): not a folder\n")
    }

    @Test func onlyCopiesAPartOfTheLibrary() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = Pit.repository.appendingPathComponent("Templates")
        let s31 = Pit.files(under: templates.appendingPathComponent("exemptions/s31")).map { "exemptions/s31/" + $0 }
        #expect(try Pit.run(["init", folder.appendingPathComponent("a").path, "--only", "exemptions/s31"]).status == 0)
        #expect(Pit.files(under: folder.appendingPathComponent("a")) == s31)
        #expect(try Pit.run(["init", folder.appendingPathComponent("b").path, "--only", "s31/", "--only", "partials/layout.mustache"]).status == 0)
        #expect(Pit.files(under: folder.appendingPathComponent("b")) == (s31 + ["partials/layout.mustache"]).sorted())
        let unknown = try Pit.run(["init", folder.appendingPathComponent("c").path, "--only", "exemptions/s13"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "pit: the built-in library has no 'exemptions/s13' — did you mean 'exemptions/s31'?\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c").path), "nothing made")
    }

    @Test func initWithoutAFolderMakesTheUsersOwnOverlayWhichEveryCommandReads() throws {
        let configuration = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: configuration) }
        let environment: [String: String?] = ["XDG_CONFIG_HOME": configuration.path]
        let overlay = configuration.appendingPathComponent("pit")
        let made = try Pit.run(["init"], environment: environment)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.isEmpty)
        #expect(made.stderr.contains(overlay.path))
        #expect(Pit.files(under: overlay) == ["README.md", "authority.json"])
        let readme = try String(contentsOf: overlay.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("authority.json"))
        // As made, it changes nothing.
        let plain = try Pit.run(Self.drafts[0])
        #expect(try Pit.run(Self.drafts[0], environment: environment).stdout == plain.stdout)
        #expect(try Pit.run(["init"], environment: environment).status == 73, "made once")

        // Filled in, it is used without being named.
        try Pit.write(["authority.json": "{\"name\": \"Northshire Constabulary\", \"short\": \"NC\"}",
                       "exemptions/s31/harm/anpr.mustache": "{{! summary: cameras that read number plates }}\nCameras.\n",
                       "exemptions/s99/exemption.json": "{\"section\": \"99\", \"title\": \"A test exemption\", \"kind\": \"class\", \"provision\": \"99(1)\"}"],
                      into: overlay)
        let drafted = try Pit.run(Self.drafts[0], environment: environment)
        #expect(drafted.status == 0, "\(drafted.stderr)")
        #expect(drafted.text.contains("Northshire Constabulary"))
        let variant = try Pit.run(Self.drafts[0] + ["--variant", "harm=anpr"], environment: environment)
        #expect(variant.text.contains("\nCameras.\n"), "\(variant.stderr)")

        // PIT_TEMPLATES, then --templates, come after it: a later layer wins.
        let other = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: other) }
        try Pit.write(["authority.json": "{\"name\": \"Southshire Police\", \"short\": \"SP\"}"], into: other)
        let third = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: third) }
        try Pit.write(["authority.json": "{\"name\": \"Eastshire Police\", \"short\": \"EP\"}"], into: third)
        var layered = environment
        layered["PIT_TEMPLATES"] = other.path
        #expect(try Pit.run(Self.drafts[0], environment: layered).text.contains("Southshire Police"))
        #expect(try Pit.run(Self.drafts[0] + ["--templates", third.path], environment: layered).text.contains("Eastshire Police"))

        // pit list and pit show say which layer each exemption and variant comes from.
        let list = try Pit.run(["list"], environment: environment)
        #expect(list.text.contains("s31    Section 31(1)   prejudice       built-in, \(overlay.path)  Law enforcement\n"), "\(list.text)")
        #expect(list.text.contains("s30    Section 30(1)   class           built-in  "))
        let s99 = list.text.split(separator: "\n").first { $0.hasPrefix("s99 ") }
        #expect(s99?.contains("class           \(overlay.path) ") == true, "\(String(describing: s99))")
        #expect(s99?.hasSuffix("  A test exemption") == true && s99?.contains("built-in") == false)
        let show = try Pit.run(["show", "s31"], environment: environment)
        #expect(show.text.contains("layers: built-in, \(overlay.path)\n"))
        let harm = show.text.components(separatedBy: "\nharm:\n")[1].components(separatedBy: "\n\n")[0]
        #expect(harm.contains("  anpr        \(overlay.path)  cameras that read number plates"), "\(harm)")
        #expect(harm.contains("  default     built-in"), "\(harm)")
    }

    @Test func theUsersOverlayIsFoundFromHomeWithoutXDGConfigHome() throws {
        let home = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        for configuration: String? in [nil, "", "relative/config"] {
            let made = try Pit.run(["init", "--force"], environment: ["XDG_CONFIG_HOME": configuration, "HOME": home.path])
            #expect(made.status == 0, "\(made.stderr)")
            #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(".config/pit/authority.json").path),
                    "XDG_CONFIG_HOME \(String(describing: configuration)): the overlay is ~/.config/pit")
        }
    }
}

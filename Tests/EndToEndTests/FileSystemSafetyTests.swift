import Foundation
import Testing

/// What pit reads and writes on disk when the disk is not what a template folder or an output
/// should be: links that loop, system folders, pipes, links where a file should go, a file where
/// a folder should go. Each case: its exit code, one line on stderr, nothing on stdout, and the
/// file system as it was.
struct FileSystemSafetyTests {
    static let manager = FileManager.default

    /// The lines pit wrote on standard error.
    static func lines(_ result: Pit.Result) -> [Substring] { result.stderr.split(separator: "\n") }

    // MARK: - Template folders

    @Test func linksToFoldersInATemplateFolderAreRefusedNotWalked() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? Self.manager.removeItem(at: folder) }
        let overlay = folder.appendingPathComponent("ov")
        try Self.manager.createDirectory(at: overlay, withIntermediateDirectories: true)
        // Each link leads back to the folder itself: followed, 40 of them are 2^40 paths.
        for name in ["a", "b"] {
            try Self.manager.createSymbolicLink(atPath: overlay.appendingPathComponent(name).path, withDestinationPath: ".")
        }
        let runs = [["list", "--templates", overlay.path], ["lint", overlay.path],
                    ["draft", "--ref", "A/1", "--exemption", "s31", "--templates", overlay.path]]
        for arguments in runs {
            let result = try Pit.run(arguments)
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(Self.lines(result).count == 1, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("pit: template folder '\(overlay.path)': '"))
            #expect(result.stderr.contains("' is a symbolic link to a folder"))
        }
    }

    @Test func aPartialsFolderFollowsTheSameRule() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? Self.manager.removeItem(at: folder) }
        try Pit.write(["page.mustache": "{{> header}}\n", "partials/header.mustache": "Header\n"], into: folder)
        try Self.manager.createSymbolicLink(atPath: folder.appendingPathComponent("partials/loop").path, withDestinationPath: "..")
        let partials = folder.appendingPathComponent("partials").path
        let result = try Pit.run(["render", folder.appendingPathComponent("page.mustache").path, "--partials", partials])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "pit: partials folder '\(partials)': 'loop' is a symbolic link to a folder (pit follows no link to a folder inside a partials folder: copy the folder in, or give it as a folder of its own)\n")
    }

    /// A link to a file is read as the file; a pipe (which would block a read) and a link to
    /// nothing are skipped; the overlay folder itself may be a link.
    @Test func linksToFilesAreReadAndPipesSkipped() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? Self.manager.removeItem(at: folder) }
        try Pit.write(["shared/authority.json": "{\"name\": \"Northshire Council\", \"short\": \"NC\"}\n"], into: folder)
        let overlay = folder.appendingPathComponent("ov")
        try Self.manager.createDirectory(at: overlay, withIntermediateDirectories: true)
        try Self.manager.createSymbolicLink(atPath: overlay.appendingPathComponent("authority.json").path,
                                           withDestinationPath: folder.appendingPathComponent("shared/authority.json").path)
        try Self.manager.createSymbolicLink(atPath: overlay.appendingPathComponent("gone.mustache").path, withDestinationPath: "nowhere")
        #expect(mkfifo(overlay.appendingPathComponent("pipe.mustache").path, 0o644) == 0)
        let linkedOverlay = folder.appendingPathComponent("linked")
        try Self.manager.createSymbolicLink(atPath: linkedOverlay.path, withDestinationPath: overlay.path)
        let result = try Pit.run(["draft", "--ref", "A/1", "--exemption", "s31", "--templates", linkedOverlay.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.contains("Northshire Council"))
        #expect(result.stderr.isEmpty)
    }

    @Test func aTemplateFolderTooDeepIsRefused() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? Self.manager.removeItem(at: folder) }
        let deep = (1...33).map { "d\($0)" }.joined(separator: "/")
        try Pit.write(["\(deep)/note.txt": "deep\n"], into: folder)
        let result = try Pit.run(["list", "--templates", folder.path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "pit: template folder '\(folder.path)': '\(deep)' is too deep: pit reads at most 32 levels of folders\n")
    }

    /// `/sys` is full of links to folders and of files: reading it as templates ends at once.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/sys/class"), "there is no /sys (not Linux)"))
    func aSystemFolderAsTemplatesEndsWithAnError() throws {
        let result = try Pit.run(["list", "--templates", "/sys"])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(Self.lines(result).count == 1)
        #expect(result.stderr.hasPrefix("pit: template folder '/sys': "))
    }

    // MARK: - Batch output folder

    @Test func anEmptyOutDirIsAUsageError() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? Self.manager.removeItem(at: folder) }
        let reference = "PIT-EMPTY-OUT-DIR-\(UUID().uuidString)"
        let rows = folder.appendingPathComponent("rows.csv")
        try "ref,exemption\n\(reference),s31\n".write(to: rows, atomically: true, encoding: .utf8)
        let result = try Pit.run(["batch", rows.path, "--out-dir", ""])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "pit: batch: --out-dir is empty: name the folder to write to\n")
        #expect(!Self.manager.fileExists(atPath: "/\(reference).txt"), "nothing written at the top of the file system")
    }

    @Test(arguments: [[], ["--dry-run"]])
    func anOutDirThatIsAFileFailsOnceBeforeAnyRow(_ extra: [String]) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? Self.manager.removeItem(at: folder) }
        let rows = folder.appendingPathComponent("rows.csv")
        try "ref,exemption\nA/1,s31\nB/2,s31\nC/3,s31\n".write(to: rows, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        try "not a folder".write(to: out, atomically: true, encoding: .utf8)
        let result = try Pit.run(["batch", rows.path, "--out-dir", out.path] + extra)
        #expect(result.status == 73)
        #expect(result.stdout.isEmpty)
        #expect(Self.lines(result).count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("pit: \(out.path): cannot create the folder: "))
        #expect(result.stderr.contains("exists and is not a folder"))
        #expect(try String(contentsOf: out, encoding: .utf8) == "not a folder")
        #expect(try Pit.contents(of: folder) == ["out", "rows.csv"])
    }

    // MARK: - Outputs that are not regular files

    /// What stands at the output path before the run, and how to recognise it after.
    enum Occupant: String, CaseIterable, Sendable {
        case linkToFile, linkToDevice, pipe, folder

        func make(at path: String, in folder: URL) throws {
            switch self {
            case .linkToFile:
                try "the linked file".write(to: folder.appendingPathComponent("target.txt"), atomically: true, encoding: .utf8)
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "target.txt")
            case .linkToDevice: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/null")
            case .pipe: #expect(mkfifo(path, 0o644) == 0)
            case .folder: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            }
        }

        /// The `S_IFMT` bits of what `make` puts there.
        var type: mode_t {
            switch self {
            case .linkToFile, .linkToDevice: return S_IFLNK
            case .pipe: return S_IFIFO
            case .folder: return S_IFDIR
            }
        }

        var message: String {
            switch self {
            case .linkToFile, .linkToDevice: return "is a symbolic link; pit neither replaces a link nor writes through one (name the file it points to)"
            case .pipe: return "is a pipe, a device or a socket; pit writes only regular files"
            case .folder: return "is a folder, not a file"
            }
        }
    }

    /// The file system below `folder` is as `occupant` left it: the same type at `path`, and a
    /// linked file unchanged; no temporary file.
    static func expectUnchanged(_ path: String, _ occupant: Occupant, in folder: URL) throws {
        var info = stat()
        #expect(lstat(path, &info) == 0)
        #expect(info.st_mode & S_IFMT == occupant.type, "\(occupant)")
        if occupant == .linkToFile {
            #expect(try String(contentsOf: folder.appendingPathComponent("target.txt"), encoding: .utf8) == "the linked file")
        }
        #expect(!(try Pit.contents(of: folder).contains { $0.hasSuffix(".tmp") }))
    }

    @Test(arguments: Occupant.allCases)
    func draftOutputNeverReplacesWhatIsNotARegularFile(_ occupant: Occupant) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? Self.manager.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.txt").path
        try occupant.make(at: output, in: folder)
        let result = try Pit.run(["draft", "--ref", "A/1", "--exemption", "s31", "--output", output])
        #expect(result.status == 73)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "pit: \(output): \(occupant.message)\n")
        try Self.expectUnchanged(output, occupant, in: folder)
    }

    @Test(arguments: Occupant.allCases)
    func batchOverwriteNeverReplacesWhatIsNotARegularFile(_ occupant: Occupant) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? Self.manager.removeItem(at: folder) }
        let rows = folder.appendingPathComponent("rows.csv")
        try "ref,exemption,output\nA/1,s31,out.txt\nB/2,s31,\n".write(to: rows, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.txt").path
        try occupant.make(at: output, in: folder)
        for extra in [["--dry-run"], []] {
            let result = try Pit.run(["batch", rows.path, "--out-dir", folder.path, "--overwrite"] + extra)
            #expect(result.status == 65)
            #expect(result.stdout.isEmpty)
            let lines = Self.lines(result).filter { !$0.hasPrefix("pit: warning:") }
            #expect(lines.first == "pit: row 2: \(output): \(occupant.message)"[...], "\(result.stderr)")
            #expect(lines.count == 2 && lines[1].hasPrefix("pit: 1 drafted, 1 failed, 0 skipped in "), "\(result.stderr)")
            try Self.expectUnchanged(output, occupant, in: folder)
        }
        #expect(Self.manager.fileExists(atPath: folder.appendingPathComponent("B-2.txt").path), "the other row is written")
    }

    @Test func anEmptyOutputIsAUsageError() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? Self.manager.removeItem(at: folder) }
        let result = try Pit.run(["draft", "--ref", "A/1", "--exemption", "s31", "--output", ""], in: folder)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "pit: draft: --output is empty: name the file to write, or leave it out for standard output\n")
        #expect(try Pit.contents(of: folder).isEmpty)
    }
}

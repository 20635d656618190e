import Foundation
@testable import PITKit
import Testing

/// Reading a folder of templates is bounded: files, depth and bytes each end with an error
/// naming the folder (small limits here; `FolderLimits.templates` in pit).
struct FolderReadingTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pit-folder-\(UUID().uuidString)")
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let small = FileSystem.FolderLimits(files: 3, depth: 2, bytes: 10)

    @Test func withinTheLimitsEveryWantedFileIsRead() throws {
        let folder = try Self.folder(["a.mustache": "abc", "sub/b.mustache": "defg", "sub/c.txt": "skipped", ".hidden/d": "x"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = try FileSystem.texts(under: folder.path, role: "template folder", limits: Self.small) { $0.hasSuffix(".mustache") }
        #expect(texts.map(\.path) == ["a.mustache", "sub/b.mustache"])
        #expect(texts.map(\.text) == ["abc", "defg"])
    }

    @Test func tooManyFiles() throws {
        let folder = try Self.folder(["1": "", "2": "", "3": "", "4": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PITError(.data, "template folder '\(folder.path)': more than 3 files (pit reads at most that many from one folder)")) {
            try FileSystem.files(under: folder.path, role: "template folder", limits: Self.small)
        }
    }

    @Test func tooDeep() throws {
        let folder = try Self.folder(["a/b/c/d.mustache": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PITError(.data, "partials folder '\(folder.path)': 'a/b/c' is too deep: pit reads at most 2 levels of folders")) {
            try FileSystem.files(under: folder.path, role: "partials folder", limits: Self.small)
        }
    }

    /// The bytes of the files read count, not those of the files left out.
    @Test func tooManyBytes() throws {
        let folder = try Self.folder(["a.mustache": "123456", "b.mustache": "12345", "c.docx": String(repeating: "x", count: 100)])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PITError(.data, "template folder '\(folder.path)': more than 10 bytes of files (pit reads at most that much from one folder)")) {
            try FileSystem.texts(under: folder.path, role: "template folder", limits: Self.small) { $0.hasSuffix(".mustache") }
        }
        let withoutB = try FileSystem.texts(under: folder.path, role: "template folder", limits: Self.small) { $0 != "b.mustache" && $0 != "c.docx" }
        #expect(withoutB.map(\.path) == ["a.mustache"])
    }
}

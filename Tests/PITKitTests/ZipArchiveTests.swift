import Foundation
@testable import PITKit
import TestSupport
import Testing

/// The ZIP writer, read back by a reader of its own and by Info-ZIP's unzip where installed.
struct ZipArchiveTests {
    static let files: [(String, [UInt8])] = [
        ("[Content_Types].xml", Array("<Types/>".utf8)),
        ("folder/nested/data.bin", (0..<300).map { UInt8($0 % 256) }),
        ("empty.txt", []),
        ("café.txt", Array("crème brûlée 🙂\n".utf8)),
    ]

    static func archive() -> ZipArchive {
        var archive = ZipArchive()
        for (name, data) in files { archive.add(name, data) }
        return archive
    }

    @Test func readsBackNamesSizesAndChecksums() throws {
        let read = try CheckedZipReader(Self.archive().bytes)
        #expect(read.entries.map(\.name) == Self.files.map(\.0))
        for (entry, (_, data)) in zip(read.entries, Self.files) {
            #expect(entry.data == data)
            #expect(entry.crc == CRC32.checksum(data))
        }
    }

    /// A block of entries gives the very bytes its entries give one by one, and is one chunk.
    @Test func aBlockIsItsEntriesInOneChunk() throws {
        let entries = Self.files.map { ZipArchive.Entry(name: $0.0, data: $0.1) }
        var blocked = ZipArchive()
        blocked.add(entries[0])
        blocked.add(ZipArchive.Block(Array(entries[1...2])))
        blocked.add(entries[3])
        #expect(blocked.bytes == Self.archive().bytes)
        #expect(blocked.chunks.chunks.count == 4)  // three items and the central directory
    }

    /// An entry filled in place at its size gives the bytes of one made from the file whole.
    @Test func anEntryFilledInPlaceIsTheEntryOfItsBytes() throws {
        let (name, data) = Self.files[1]
        let filled = ZipArchive.Entry(name: name, size: data.count) { buffer in
            _ = buffer.initialize(fromContentsOf: data)
            return CRC32.checksum(data)
        }
        var archive = ZipArchive(), whole = ZipArchive()
        archive.add(filled)
        whole.add(name, data)
        #expect(archive.bytes == whole.bytes)
        #expect(try CheckedZipReader(archive.bytes).entries.map(\.data) == [data])
    }

    @Test func utf8NamesAreFlaggedAndASCIINamesAreNot() throws {
        let zip = try CheckedZipReader(Self.archive().bytes)
        #expect(zip.entries.map { $0.flags & 0x0800 != 0 } == [false, false, false, true])
    }

    @Test func fixedTimestampMakesIdenticalBytes() throws {
        let first = Self.archive().bytes
        let second = Self.archive().bytes
        #expect(first == second)
        let zip = try CheckedZipReader(first)
        #expect(zip.entries.allSatisfy { $0.dosDate == 0x0021 && $0.dosTime == 0 })
    }

    @Test func emptyArchiveIsJustTheEndRecord() throws {
        let bytes = ZipArchive().bytes
        #expect(bytes.count == 22)
        #expect(try CheckedZipReader(bytes).entries.isEmpty)
    }

    static let unzip = ExternalTool.path("unzip")

    @Test(.enabled(if: unzip != nil, "unzip (Info-ZIP) is not installed"))
    func infoZipAgrees() throws {
        let unzip = try #require(Self.unzip)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pit-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("test.zip")
        try Data(Self.archive().bytes).write(to: file)

        func run(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: unzip)
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self))
        }
        let (testStatus, testOutput) = try run(["-t", file.path])
        #expect(testStatus == 0, "\(testOutput)")
        #expect(testOutput.contains("No errors detected"))

        let extracted = folder.appendingPathComponent("out")
        let (status, output) = try run(["-q", file.path, "-d", extracted.path])
        #expect(status == 0, "\(output)")
        for (name, data) in Self.files {
            let contents = try Data(contentsOf: extracted.appendingPathComponent(name))
            #expect(Array(contents) == data, "\(name)")
        }
    }
}

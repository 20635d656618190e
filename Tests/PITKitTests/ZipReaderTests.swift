@testable import PITKit
import TestSupport
import Testing

/// The ZIP reader: deflated and stored entries, with and without data descriptors, and every
/// kind of broken or hostile archive refused with an error saying what is wrong.
struct ZipReaderTests {
    static let files: [TestZip.Entry] = [
        .init("[Content_Types].xml", text: "<Types/>"),
        .init("word/document.xml", text: String(repeating: "<w:p><w:r><w:t>Deflated text.</w:t></w:r></w:p>", count: 200)),
        .init("word/media/image1.png", WordLikeDocx.logo, deflated: false),
        .init("empty.txt", []),
    ]

    @Test(arguments: [false, true])
    func readsDeflatedAndStoredEntries(dataDescriptors: Bool) throws {
        let archive = try ZipReader(TestZip.archive(Self.files, dataDescriptors: dataDescriptors))
        #expect(archive.entries.map(\.name) == Self.files.map(\.name))
        #expect(archive.entries.map(\.method) == [8, 8, 0, 8])
        for (entry, file) in zip(archive.entries, Self.files) {
            #expect(try archive.data(entry) == file.data, "\(file.name)")
        }
        let document = try #require(archive.entry("word/document.xml"))
        #expect(document.dataRange.count < document.size / 10)
    }

    @Test func readsWhatZipArchiveWrites() throws {
        var archive = ZipArchive()
        archive.add("a.txt", Array("stored".utf8))
        let source = try ZipReader(TestZip.archive(Self.files))
        archive.add(source.archived(source.entry("word/document.xml")!))
        let zip = try ZipReader(archive.bytes)
        #expect(try zip.data(zip.entries[0]) == Array("stored".utf8))
        #expect(try zip.data(zip.entries[1]) == Self.files[1].data)
        #expect(zip.entries[1].method == 8)
    }

    /// An archive of `files`, changed by `damage` (given the bytes and where the central
    /// directory starts).
    static func damaged(_ damage: (inout [UInt8], Int) -> Void) -> [UInt8] {
        var bytes = TestZip.archive(files)
        let end = bytes.count - 22
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16 | Int(bytes[end + 19]) << 24
        damage(&bytes, directory)
        return bytes
    }

    static func set32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
        for shift in 0..<4 { bytes[at + shift] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(shift))) }
    }

    static let broken: [(name: String, bytes: [UInt8], reason: String)] = [
        ("not a zip", Array("just some text, long enough to be looked at".utf8), "not a ZIP archive"),
        ("too short", [0x50, 0x4B], "too short"),
        ("cut short", Array(TestZip.archive(files).prefix(200)), "not a ZIP archive"),
        ("encrypted", damaged { bytes, directory in bytes[directory + 8] |= 1 }, "encrypted"),
        ("other method", damaged { bytes, directory in bytes[directory + 10] = 12 }, "compression method 12"),
        ("zip64", damaged { bytes, directory in set32(&bytes, directory + 24, 0xFFFF_FFFF) }, "ZIP64"),
        ("bomb", damaged { bytes, directory in set32(&bytes, directory + 24, 300 << 20) }, "more than 256 MiB"),
        ("wrong checksum", damaged { bytes, directory in bytes[directory + 16] ^= 0xFF }, "does not match its checksum"),
        ("size larger than its data", damaged { bytes, directory in set32(&bytes, directory + 24, 9) }, "does not match its checksum"),
        ("missing local header", damaged { bytes, directory in set32(&bytes, directory + 42, 7) }, "local header"),
        ("outside", damaged { bytes, directory in set32(&bytes, directory + 20, 1 << 20) }, "runs outside"),
        ("directory outside", damaged { bytes, _ in set32(&bytes, bytes.count - 6, 1 << 20) }, "central directory lies outside"),
        ("several disks", damaged { bytes, _ in bytes[bytes.count - 18] = 1 }, "several disks"),
        ("damaged directory", damaged { bytes, directory in bytes[directory] = 0 }, "central directory is damaged"),
    ]

    @Test(arguments: broken.map(\.name))
    func brokenArchivesFailWithTheirReason(_ name: String) throws {
        let broken = try #require(Self.broken.first { $0.name == name })
        let error = #expect(throws: PITError.self) {
            let zip = try ZipReader(broken.bytes)
            for entry in zip.entries { _ = try zip.data(entry) }
        }
        #expect(error?.kind == .data)
        #expect(error?.message.contains(broken.reason) == true, "\(error?.message ?? "")")
    }

    @Test func overlappingAndDuplicateEntriesAreRefused() throws {
        // Two directory records for one local entry: the same bytes counted twice.
        let single = TestZip.archive([Self.files[1]])
        let end = single.count - 22
        let directoryStart = Int(single[end + 16]) | Int(single[end + 17]) << 8
        let record = Array(single[directoryStart..<end])
        var doubled = Array(single[..<directoryStart]) + record + record + Array(single[end...])
        doubled[doubled.count - 12] = 2
        doubled[doubled.count - 14] = 2
        Self.set32(&doubled, doubled.count - 10, UInt32(record.count * 2))
        let overlap = #expect(throws: PITError.self) { try ZipReader(doubled) }
        #expect(overlap?.message.contains("is in it twice") == true)

        var renamed = record
        renamed[46] = UInt8(ascii: "W")
        var overlapping = Array(single[..<directoryStart]) + record + renamed + Array(single[end...])
        overlapping[overlapping.count - 12] = 2
        overlapping[overlapping.count - 14] = 2
        Self.set32(&overlapping, overlapping.count - 10, UInt32(record.count * 2))
        let error = #expect(throws: PITError.self) { try ZipReader(overlapping) }
        #expect(error?.message.contains("overlap") == true)
    }

    @Test func aDeflatedEntryLongerThanItsSizeIsStoppedAtItsSize() throws {
        // A deflated entry that says it holds 10 bytes but expands to 10,000.
        let bytes = Self.damaged { bytes, directory in
            let nameLength = Int(bytes[directory + 28])
            let second = directory + 46 + nameLength
            Self.set32(&bytes, second + 24, 10)
        }
        let error = #expect(throws: PITError.self) {
            let zip = try ZipReader(bytes)
            _ = try zip.data(zip.entries[1])
        }
        #expect(error?.message.contains("more than the 10 bytes expected") == true, "\(error?.message ?? "")")
    }
}

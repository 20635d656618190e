@testable import PITKit

/// Reads back the ZIP archives `ZipArchive` writes (stored entries, and deflated ones copied from
/// a reference document, inflated with PITKit's `Inflate`), checking each local header against the
/// central directory, for the tests of the archive and of the DOCX writer.
struct CheckedZipReader {
    struct Entry: Equatable {
        let name: String
        let data: [UInt8]
        let crc: UInt32
        let flags: UInt16
        let dosTime: UInt16
        let dosDate: UInt16
        let method: UInt16
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let entries: [Entry]

    init(_ bytes: [UInt8]) throws {
        func u16(_ at: Int) throws -> UInt16 {
            guard at + 2 <= bytes.count else { throw Failure(description: "truncated at \(at)") }
            return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> UInt32 {
            UInt32(try u16(at)) | UInt32(try u16(at + 2)) << 16
        }
        func name(_ at: Int, _ length: Int) throws -> String {
            guard at + length <= bytes.count else { throw Failure(description: "truncated name at \(at)") }
            return String(decoding: bytes[at..<at + length], as: UTF8.self)
        }
        // The end record has no comment, so it is the last 22 bytes.
        let end = bytes.count - 22
        guard end >= 0, try u32(end) == 0x0605_4B50 else { throw Failure(description: "no end of central directory record") }
        let count = Int(try u16(end + 10))
        guard try u16(end + 8) == count else { throw Failure(description: "entry counts differ") }
        let directorySize = Int(try u32(end + 12))
        var position = Int(try u32(end + 16))
        guard position + directorySize == end else { throw Failure(description: "central directory does not end at the end record") }

        var entries: [Entry] = []
        for _ in 0..<count {
            guard try u32(position) == 0x0201_4B50 else { throw Failure(description: "bad central header at \(position)") }
            let flags = try u16(position + 8)
            let method = try u16(position + 10)
            guard method == 0 || method == 8 else { throw Failure(description: "entry is neither stored nor deflated") }
            let time = try u16(position + 12)
            let date = try u16(position + 14)
            let crc = try u32(position + 16)
            let compressed = Int(try u32(position + 20))
            let size = Int(try u32(position + 24))
            let nameLength = Int(try u16(position + 28))
            let extra = Int(try u16(position + 30))
            let comment = Int(try u16(position + 32))
            let offset = Int(try u32(position + 42))
            let entryName = try name(position + 46, nameLength)
            position += 46 + nameLength + extra + comment

            guard method == 8 || compressed == size else { throw Failure(description: "\(entryName): sizes differ") }
            guard try u32(offset) == 0x0403_4B50 else { throw Failure(description: "\(entryName): bad local header") }
            guard try u16(offset + 6) == flags, try u16(offset + 8) == method, try u16(offset + 10) == time,
                  try u16(offset + 12) == date, try u32(offset + 14) == crc, Int(try u32(offset + 18)) == compressed,
                  Int(try u32(offset + 22)) == size else {
                throw Failure(description: "\(entryName): local header differs from the central directory")
            }
            let localNameLength = Int(try u16(offset + 26))
            let localExtra = Int(try u16(offset + 28))
            guard try name(offset + 30, localNameLength) == entryName else { throw Failure(description: "\(entryName): local name differs") }
            let start = offset + 30 + localNameLength + localExtra
            guard start + compressed <= bytes.count else { throw Failure(description: "\(entryName): data runs past the end") }
            let stored = bytes[start..<start + compressed]
            let data = method == 8 ? try Inflate.decompress(stored, limit: size) : Array(stored)
            guard data.count == size, CRC32.checksum(data) == crc else { throw Failure(description: "\(entryName): wrong size or CRC") }
            entries.append(Entry(name: entryName, data: data, crc: crc, flags: flags, dosTime: time, dosDate: date, method: method))
        }
        guard position == end else { throw Failure(description: "central directory size is wrong") }
        self.entries = entries
    }

    subscript(name: String) -> [UInt8]? { entries.first { $0.name == name }?.data }
}

/// Reads a ZIP archive (PKWARE APPNOTE) as Office documents are packed: entries found through
/// the central directory, stored (method 0) or deflated (method 8), with or without data
/// descriptors (the central directory has the sizes either way). Anything else — encryption,
/// ZIP64, other methods, entries that overlap or run outside the archive, sizes beyond the
/// bounds below, a checksum that does not match — is an error (`.data`) saying what is wrong.
struct ZipReader {
    /// One file of the archive, as its central directory describes it.
    struct Entry {
        let name: String
        /// 0: stored; 8: deflated.
        let method: UInt16
        let crc: UInt32
        /// The size of the file once decompressed.
        let size: Int
        /// Where the entry's data (compressed, for method 8) lies in the archive.
        let dataRange: Range<Int>
    }

    /// The most an archive may hold, decompressed, and its most entries: far beyond any Word
    /// document or template, and small enough that a "ZIP bomb" cannot exhaust memory.
    static let maximumTotalSize = 256 << 20
    static let maximumEntryCount = 10_000

    let bytes: [UInt8]
    let entries: [Entry]

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        let end = try Self.endRecord(bytes)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

        guard u16(end + 4) == 0, u16(end + 6) == 0, u16(end + 8) == u16(end + 10) else {
            throw Self.failure("it spans several disks")
        }
        let count = u16(end + 10)
        let directorySize = u32(end + 12)
        let directoryStart = u32(end + 16)
        guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryStart != 0xFFFF_FFFF else {
            throw Self.failure("it is a ZIP64 archive")
        }
        guard count <= Self.maximumEntryCount else { throw Self.failure("it has more than \(Self.maximumEntryCount) entries") }
        guard directoryStart + directorySize <= end else { throw Self.failure("its central directory lies outside it") }

        var entries: [Entry] = []
        var names: Set<String> = []
        var spans: [Range<Int>] = []
        var total = 0
        var position = directoryStart
        for _ in 0..<count {
            guard position + 46 <= end, u32(position) == 0x0201_4B50 else {
                throw Self.failure("its central directory is damaged")
            }
            let flags = u16(position + 8)
            let method = UInt16(u16(position + 10))
            let crc = UInt32(u32(position + 16))
            let compressedSize = u32(position + 20)
            let size = u32(position + 24)
            let nameLength = u16(position + 28)
            let next = position + 46 + nameLength + u16(position + 30) + u16(position + 32)
            let offset = u32(position + 42)
            guard next <= end else { throw Self.failure("its central directory is damaged") }
            let name = String(decoding: bytes[position + 46..<position + 46 + nameLength], as: UTF8.self)
            position = next

            guard compressedSize != 0xFFFF_FFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
                throw Self.failure("it is a ZIP64 archive")
            }
            guard flags & 0x41 == 0 else { throw Self.failure("'\(name)' is encrypted") }
            guard method == 0 || method == 8 else {
                throw Self.failure("'\(name)' uses compression method \(method) (only stored and deflated are read)")
            }
            guard method == 8 || compressedSize == size else { throw Self.failure("'\(name)' has inconsistent sizes") }
            guard names.insert(name).inserted else { throw Self.failure("'\(name)' is in it twice") }
            total += size
            guard total <= Self.maximumTotalSize else {
                throw Self.failure("it would expand to more than \(Self.maximumTotalSize >> 20) MiB")
            }

            guard offset + 30 <= directoryStart, u32(offset) == 0x0403_4B50 else {
                throw Self.failure("the local header of '\(name)' is missing")
            }
            let dataStart = offset + 30 + u16(offset + 26) + u16(offset + 28)
            guard dataStart + compressedSize <= directoryStart else { throw Self.failure("'\(name)' runs outside it") }
            spans.append(offset..<dataStart + compressedSize)
            if !name.hasSuffix("/") {
                entries.append(Entry(name: name, method: method, crc: crc, size: size, dataRange: dataStart..<dataStart + compressedSize))
            }
        }
        // Entries that share bytes are how the smallest ZIP bombs multiply their size.
        spans.sort { $0.lowerBound < $1.lowerBound }
        for (first, second) in zip(spans, spans.dropFirst()) where second.lowerBound < first.upperBound {
            throw Self.failure("two of its entries overlap")
        }
        self.entries = entries
    }

    func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }

    /// An entry's bytes, decompressed and checked against its size and CRC-32.
    func data(_ entry: Entry) throws -> [UInt8] {
        let stored = bytes[entry.dataRange]
        let data = entry.method == 8 ? try Inflate.decompress(stored, limit: entry.size) : Array(stored)
        guard data.count == entry.size, CRC32.checksum(data) == entry.crc else {
            throw Self.failure("'\(entry.name)' does not match its checksum")
        }
        return data
    }

    /// The entry as it is stored, to copy it into another archive without decompressing it again.
    func archived(_ entry: Entry, as name: String? = nil) -> ZipArchive.Entry {
        ZipArchive.Entry(name: name ?? entry.name, stored: Array(bytes[entry.dataRange]), method: entry.method,
                         crc: entry.crc, size: entry.size)
    }

    /// The end of central directory record: the last one whose comment reaches the archive's end.
    private static func endRecord(_ bytes: [UInt8]) throws -> Int {
        guard bytes.count >= 22 else { throw failure("it is too short to be a ZIP archive") }
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while at >= lowest {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x05, bytes[at + 3] == 0x06,
               at + 22 + (Int(bytes[at + 20]) | Int(bytes[at + 21]) << 8) == bytes.count {
                return at
            }
            at -= 1
        }
        throw failure("it is not a ZIP archive")
    }

    static func failure(_ reason: String) -> PITError { PITError(.data, reason) }
}

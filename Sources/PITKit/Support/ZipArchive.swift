/// A minimal ZIP writer (PKWARE APPNOTE): stored (uncompressed) entries, or deflated ones copied
/// as they are from another archive, each with its local header, then the central directory and
/// the end record. Every entry carries the same fixed
/// timestamp (1 January 1980, the earliest ZIP can say), so the same entries always give the same
/// bytes. No ZIP64: an archive holds fewer than 65,535 entries of under 4 GiB each.
public struct ZipArchive: Sendable {
    /// One file of the archive.
    public struct Entry: Sendable {
        public let name: String
        /// The bytes as the archive holds them: the file itself, or its deflated form.
        public let data: [UInt8]
        /// 0: stored; 8: deflated.
        public let method: UInt16
        /// The CRC-32 of the file, computed when the entry is made (so a shared entry costs it once).
        public let crc: UInt32
        /// The size of the file (of `data` once decompressed).
        public let size: Int

        public init(name: String, data: [UInt8]) {
            self.init(name: name, stored: data, method: 0, crc: CRC32.checksum(data), size: data.count)
        }

        /// An entry as another archive stores it (`method` 0 or 8), copied without decompressing.
        init(name: String, stored data: [UInt8], method: UInt16, crc: UInt32, size: Int) {
            self.name = name
            self.data = data
            self.method = method
            self.crc = crc
            self.size = size
        }

        /// A text file, encoded as UTF-8.
        public init(name: String, text: String) {
            self.init(name: name, data: Array(text.utf8))
        }
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// Adds a file; `name` is its path in the archive, with `/` between folders.
    public mutating func add(_ name: String, _ data: [UInt8]) {
        entries.append(Entry(name: name, data: data))
    }

    /// Adds a file made beforehand.
    public mutating func add(_ entry: Entry) {
        entries.append(entry)
    }

    /// The archive's bytes.
    public var bytes: [UInt8] {
        precondition(entries.count < 0xFFFF, "too many entries for a ZIP without ZIP64")
        var output: [UInt8] = []
        output.reserveCapacity(entries.reduce(22) { $0 + 30 + $1.name.utf8.count + $1.data.count })
        var directory: [UInt8] = []
        for entry in entries {
            precondition(entry.data.count < 0xFFFF_FFFF && entry.size < 0xFFFF_FFFF, "entry too large for a ZIP without ZIP64")
            let name = Array(entry.name.utf8)
            let crc = entry.crc
            let compressedSize = UInt32(entry.data.count)
            let size = UInt32(entry.size)
            let offset = UInt32(output.count)
            // Bit 11: the name is UTF-8 (only said when it is not plain ASCII).
            let flags: UInt16 = name.contains { $0 >= 0x80 } ? 0x0800 : 0

            output.append(le32: 0x0403_4B50)
            output.append(le16: Self.versionNeeded)
            output.append(le16: flags)
            output.append(le16: entry.method)
            output.append(le16: Self.dosTime)
            output.append(le16: Self.dosDate)
            output.append(le32: crc)
            output.append(le32: compressedSize)
            output.append(le32: size)
            output.append(le16: UInt16(name.count))
            output.append(le16: 0)  // extra field length
            output += name
            output += entry.data

            directory.append(le32: 0x0201_4B50)
            directory.append(le16: Self.versionMadeBy)
            directory.append(le16: Self.versionNeeded)
            directory.append(le16: flags)
            directory.append(le16: entry.method)
            directory.append(le16: Self.dosTime)
            directory.append(le16: Self.dosDate)
            directory.append(le32: crc)
            directory.append(le32: compressedSize)
            directory.append(le32: size)
            directory.append(le16: UInt16(name.count))
            directory.append(le16: 0)  // extra field length
            directory.append(le16: 0)  // comment length
            directory.append(le16: 0)  // disk number start
            directory.append(le16: 0)  // internal attributes
            directory.append(le32: Self.fileMode)  // external attributes
            directory.append(le32: offset)
            directory += name
        }
        let directoryOffset = UInt32(output.count)
        output += directory
        output.append(le32: 0x0605_4B50)
        output.append(le16: 0)  // this disk
        output.append(le16: 0)  // the disk the central directory starts on
        output.append(le16: UInt16(entries.count))
        output.append(le16: UInt16(entries.count))
        output.append(le32: UInt32(directory.count))
        output.append(le32: directoryOffset)
        output.append(le16: 0)  // comment length
        return output
    }

    /// ZIP 2.0, the version that reads stored and deflated entries in folders.
    private static let versionNeeded: UInt16 = 20
    /// Unix, ZIP 2.0: so unzip tools take the external attributes as a file mode and a UTF-8
    /// name as it is (for an MS-DOS host some convert names from a code page).
    private static let versionMadeBy: UInt16 = 3 << 8 | 20
    /// A regular file, rw-r--r--, in the high half of the external attributes.
    private static let fileMode: UInt32 = 0o100644 << 16
    /// 00:00:00 in MS-DOS format.
    private static let dosTime: UInt16 = 0
    /// 1980-01-01 in MS-DOS format: (year - 1980) << 9 | month << 5 | day.
    private static let dosDate: UInt16 = 0 << 9 | 1 << 5 | 1
}

private extension Array where Element == UInt8 {
    /// Appends a little-endian 16-bit value.
    mutating func append(le16 value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    /// Appends a little-endian 32-bit value.
    mutating func append(le32 value: UInt32) {
        for shift in [0, 8, 16, 24] as [UInt32] { append(UInt8(truncatingIfNeeded: value >> shift)) }
    }
}

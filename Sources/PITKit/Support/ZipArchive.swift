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
        /// The local header (name included) and the central directory record (its offset left
        /// zero), made with the entry, so an entry shared by many archives costs them once.
        let localHeader: [UInt8]
        let centralRecord: [UInt8]

        public init(name: String, data: [UInt8]) {
            self.init(name: name, stored: data, method: 0, crc: CRC32.checksum(data), size: data.count)
        }

        /// A text file, encoded as UTF-8.
        public init(name: String, text: String) {
            self.init(name: name, data: Array(text.utf8))
        }

        /// An entry as another archive stores it (`method` 0 or 8), copied without decompressing.
        init(name: String, stored data: [UInt8], method: UInt16, crc: UInt32, size: Int) {
            precondition(data.count < 0xFFFF_FFFF && size < 0xFFFF_FFFF, "entry too large for a ZIP without ZIP64")
            self.name = name
            self.data = data
            self.method = method
            self.crc = crc
            self.size = size
            let nameBytes = Array(name.utf8)
            // Bit 11: the name is UTF-8 (only said when it is not plain ASCII).
            let flags: UInt16 = nameBytes.contains { $0 >= 0x80 } ? 0x0800 : 0
            var local: [UInt8] = []
            local.reserveCapacity(30 + nameBytes.count)
            local.append(le32: 0x0403_4B50)
            local.append(le16: ZipArchive.versionNeeded)
            local.append(le16: flags)
            local.append(le16: method)
            local.append(le16: ZipArchive.dosTime)
            local.append(le16: ZipArchive.dosDate)
            local.append(le32: crc)
            local.append(le32: UInt32(data.count))
            local.append(le32: UInt32(size))
            local.append(le16: UInt16(nameBytes.count))
            local.append(le16: 0)  // extra field length
            local += nameBytes
            localHeader = local

            var central: [UInt8] = []
            central.reserveCapacity(46 + nameBytes.count)
            central.append(le32: 0x0201_4B50)
            central.append(le16: ZipArchive.versionMadeBy)
            central.append(contentsOf: local[4..<28])  // version needed to the name's length, as in the local header
            central.append(le16: 0)  // extra field length
            central.append(le16: 0)  // comment length
            central.append(le16: 0)  // disk number start
            central.append(le16: 0)  // internal attributes
            central.append(le32: ZipArchive.fileMode)  // external attributes
            central.append(le32: 0)  // the local header's offset, set when the archive is written
            central += nameBytes
            centralRecord = central
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

    /// The archive's bytes, written into one buffer of exactly their size.
    public var bytes: [UInt8] {
        precondition(entries.count < 0xFFFF, "too many entries for a ZIP without ZIP64")
        let directorySize = entries.reduce(0) { $0 + $1.centralRecord.count }
        let directoryOffset = entries.reduce(0) { $0 + $1.localHeader.count + $1.data.count }
        precondition(directoryOffset < 0xFFFF_FFFF, "archive too large for a ZIP without ZIP64")
        return [UInt8](unsafeUninitializedCapacity: directoryOffset + directorySize + 22) { buffer, count in
            func copy(_ bytes: [UInt8]) {
                bytes.withUnsafeBufferPointer { source in
                    guard let base = source.baseAddress else { return }
                    (buffer.baseAddress! + count).update(from: base, count: source.count)
                    count += source.count
                }
            }
            func put(le32 value: UInt32, at position: Int) {
                for index in 0..<4 { buffer[position + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
            }
            var offsets: [Int] = []
            offsets.reserveCapacity(entries.count)
            for entry in entries {
                offsets.append(count)
                copy(entry.localHeader)
                copy(entry.data)
            }
            for (entry, offset) in zip(entries, offsets) {
                copy(entry.centralRecord)
                put(le32: UInt32(offset), at: count - entry.name.utf8.count - 4)
            }
            var end: [UInt8] = []
            end.append(le32: 0x0605_4B50)
            end.append(le16: 0)  // this disk
            end.append(le16: 0)  // the disk the central directory starts on
            end.append(le16: UInt16(entries.count))
            end.append(le16: UInt16(entries.count))
            end.append(le32: UInt32(directorySize))
            end.append(le32: UInt32(directoryOffset))
            end.append(le16: 0)  // comment length
            copy(end)
        }
    }

    /// ZIP 2.0, the version that reads stored and deflated entries in folders.
    fileprivate static let versionNeeded: UInt16 = 20
    /// Unix, ZIP 2.0: so unzip tools take the external attributes as a file mode and a UTF-8
    /// name as it is (for an MS-DOS host some convert names from a code page).
    fileprivate static let versionMadeBy: UInt16 = 3 << 8 | 20
    /// A regular file, rw-r--r--, in the high half of the external attributes.
    fileprivate static let fileMode: UInt32 = 0o100644 << 16
    /// 00:00:00 in MS-DOS format.
    fileprivate static let dosTime: UInt16 = 0
    /// 1980-01-01 in MS-DOS format: (year - 1980) << 9 | month << 5 | day.
    fileprivate static let dosDate: UInt16 = 0 << 9 | 1 << 5 | 1
}

private extension Array where Element == UInt8 {
    /// Appends a little-endian 16-bit value.
    mutating func append(le16 value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    /// Appends a little-endian 32-bit value.
    mutating func append(le32 value: UInt32) {
        append(le16: UInt16(truncatingIfNeeded: value))
        append(le16: UInt16(truncatingIfNeeded: value >> 16))
    }
}

/// A minimal ZIP writer (PKWARE APPNOTE): stored (uncompressed) entries, or deflated ones copied
/// as they are from another archive, each with its local header, then the central directory and
/// the end record. Every entry carries the same fixed
/// timestamp (1 January 1980, the earliest ZIP can say), so the same entries always give the same
/// bytes. An entry keeps its local header and central record, made once, so the archives of a
/// batch share the entries they have in common and write them in chunks (`chunks`) without
/// copying them. No ZIP64: an archive holds fewer than 65,535 entries of under 4 GiB each.
public struct ZipArchive: Sendable {
    /// One file of the archive, with its local header made as the entry is (the header does not
    /// depend on where the entry goes), so an entry shared by many archives is written from
    /// where it is (`chunks`), never copied.
    public struct Entry: Sendable {
        public let name: String
        /// 0: stored; 8: deflated.
        public let method: UInt16
        /// The CRC-32 of the file, computed when the entry is made (so a shared entry costs it once).
        public let crc: UInt32
        /// The size of the file (of its bytes in the archive once decompressed).
        public let size: Int
        /// Bit 11: the name is UTF-8 (only said when it is not plain ASCII).
        let flags: UInt16
        /// The entry as the archive holds it: the local header, then the file or its deflated form.
        private(set) var record: [UInt8] = []
        /// The number of bytes after the local header.
        let storedSize: Int
        /// The entry's central directory record, as if its local header were at offset 0.
        private(set) var centralRecord: [UInt8] = []

        public init(name: String, data: [UInt8]) {
            self.init(name: name, capacity: data.count) { record in
                record += data
                return CRC32.checksum(data)
            }
        }

        /// A text file, encoded as UTF-8.
        public init(name: String, text: String) {
            self.init(name: name, data: Array(text.utf8))
        }

        /// A stored file whose bytes `write` appends to the entry's record, returning their
        /// CRC-32: made in place, not copied. `capacity`: about how many bytes it appends.
        init(name: String, capacity: Int, writing write: (inout [UInt8]) -> UInt32) {
            self.init(name: name, method: 0, size: nil, capacity: capacity, writing: write)
        }

        /// An entry as another archive stores it (`method` 0 or 8), copied without decompressing.
        init(name: String, stored data: [UInt8], method: UInt16, crc: UInt32, size: Int) {
            self.init(name: name, method: method, size: size, capacity: data.count) { record in
                record += data
                return crc
            }
        }

        /// `size`: the file's, when `write` appends its deflated form; nil when it appends the file.
        private init(name: String, method: UInt16, size: Int?, capacity: Int, writing write: (inout [UInt8]) -> UInt32) {
            precondition(name.utf8.count < 0xFFFF, "entry name too long for a ZIP")
            self.name = name
            self.method = method
            flags = name.utf8.contains { $0 >= 0x80 } ? 0x0800 : 0
            let headerSize = 30 + name.utf8.count
            var record: [UInt8] = []
            record.reserveCapacity(headerSize + capacity)
            record.append(contentsOf: repeatElement(0, count: headerSize))  // the header, once the rest is known
            crc = write(&record)
            storedSize = record.count - headerSize
            self.size = size ?? storedSize
            precondition(storedSize < 0xFFFF_FFFF && self.size < 0xFFFF_FFFF, "entry too large for a ZIP without ZIP64")
            let entry = self
            record.withUnsafeMutableBytes { buffer in
                var output = Output(buffer: buffer)
                output.putLocalHeader(entry)
            }
            self.record = record
            centralRecord = [UInt8](unsafeUninitializedCapacity: entry.centralRecordSize) { buffer, count in
                var output = Output(buffer: UnsafeMutableRawBufferPointer(buffer))
                output.putCentralRecord(entry, localHeaderAt: 0)
                count = output.offset
            }
        }

        /// The local header: 30 bytes and the name.
        var localHeaderSize: Int { 30 + name.utf8.count }
        /// The central directory record: 46 bytes and the name.
        var centralRecordSize: Int { 46 + name.utf8.count }
    }

    /// Entries that many archives have in the same order, their records joined once, so that
    /// each archive writes them as one chunk (`chunks`) and copies none of them.
    public struct Block: Sendable {
        /// The entries' records, joined.
        let bytes: [UInt8]
        let entryCount: Int
        /// Their central directory records, joined, each local header's offset counted from the
        /// block's start.
        let centralRecords: [UInt8]
        /// Where in `centralRecords` each of those offsets is.
        let offsetFields: [Int]

        public init(_ entries: [Entry]) {
            var bytes: [UInt8] = [], centralRecords: [UInt8] = [], offsetFields: [Int] = []
            for entry in entries {
                offsetFields.append(centralRecords.count + 42)
                centralRecords += entry.centralRecord
                centralRecords.withUnsafeMutableBytes { buffer in
                    buffer.storeBytes(of: UInt32(bytes.count).littleEndian, toByteOffset: offsetFields[offsetFields.count - 1], as: UInt32.self)
                }
                bytes += entry.record
            }
            self.bytes = bytes
            self.centralRecords = centralRecords
            self.offsetFields = offsetFields
            entryCount = entries.count
        }
    }

    /// An entry, or a block of them.
    private enum Item {
        case entry(Entry)
        case block(Block)

        /// What the archive holds of it before the central directory.
        var bytes: [UInt8] {
            switch self {
            case .entry(let entry): return entry.record
            case .block(let block): return block.bytes
            }
        }
    }

    private var items: [Item] = []

    public init() {}

    /// Makes room for `count` entries or blocks in all.
    public mutating func reserveCapacity(_ count: Int) {
        items.reserveCapacity(count)
    }

    /// Adds a file; `name` is its path in the archive, with `/` between folders.
    public mutating func add(_ name: String, _ data: [UInt8]) {
        items.append(.entry(Entry(name: name, data: data)))
    }

    /// Adds a file made beforehand.
    public mutating func add(_ entry: Entry) {
        items.append(.entry(entry))
    }

    /// Adds files made beforehand, as a block.
    public mutating func add(_ block: Block) {
        items.append(.block(block))
    }

    /// The archive's bytes in one array.
    public var bytes: [UInt8] { chunks.joined }

    /// The archive's bytes as chunks: each entry's record and each block's records as they are,
    /// then the central directory and the end record, made at their size.
    public var chunks: ByteChunks {
        var entryCount = 0, directorySize = 0
        var chunks = ByteChunks()
        chunks.reserveCapacity(items.count + 1)
        for item in items {
            chunks.append(item.bytes)
            switch item {
            case .entry(let entry):
                entryCount += 1
                directorySize += entry.centralRecord.count
            case .block(let block):
                entryCount += block.entryCount
                directorySize += block.centralRecords.count
            }
        }
        precondition(entryCount < 0xFFFF, "too many entries for a ZIP without ZIP64")
        let directoryOffset = chunks.count
        precondition(directoryOffset < 0xFFFF_FFFF, "archive too large for a ZIP without ZIP64")
        let size = directorySize + 22
        chunks.append([UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var output = Output(buffer: UnsafeMutableRawBufferPointer(buffer))
            var offset = 0
            for item in items {
                switch item {
                case .entry(let entry):
                    output.put(entry.centralRecord, offsetFields: CollectionOfOne(42), localHeadersAt: offset)
                    offset += entry.record.count
                case .block(let block):
                    output.put(block.centralRecords, offsetFields: block.offsetFields, localHeadersAt: offset)
                    offset += block.bytes.count
                }
            }
            output.put(le32: 0x0605_4B50)  // end of central directory record
            output.put(le16: 0)  // this disk
            output.put(le16: 0)  // the disk the central directory starts on
            output.put(le16: UInt16(entryCount))
            output.put(le16: UInt16(entryCount))
            output.put(le32: UInt32(directorySize))
            output.put(le32: UInt32(directoryOffset))
            output.put(le16: 0)  // comment length
            precondition(output.offset == size, "the central directory's size was miscounted")
            count = size
        })
        return chunks
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

/// An entry's local header, or the central directory, written in order into a buffer made at its size.
private struct Output {
    let buffer: UnsafeMutableRawBufferPointer
    private(set) var offset = 0

    init(buffer: UnsafeMutableRawBufferPointer) {
        self.buffer = buffer
    }

    private mutating func put(raw source: UnsafeRawBufferPointer) {
        UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<offset + source.count]).copyMemory(from: source)
        offset += source.count
    }

    /// Central directory records made beforehand (`Entry.centralRecord`, `Block.centralRecords`),
    /// the offsets of their local headers moved by `start`, where the first of them is.
    mutating func put<Fields: Sequence<Int>>(_ records: [UInt8], offsetFields: Fields, localHeadersAt start: Int) {
        let at = offset
        records.withUnsafeBytes { put(raw: $0) }
        for field in offsetFields {
            let relative = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at + field, as: UInt32.self))
            buffer.storeBytes(of: (relative + UInt32(start)).littleEndian, toByteOffset: at + field, as: UInt32.self)
        }
    }

    /// A little-endian 16-bit value.
    mutating func put(le16 value: UInt16) {
        buffer.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt16.self)
        offset += 2
    }

    /// A little-endian 32-bit value.
    mutating func put(le32 value: UInt32) {
        buffer.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt32.self)
        offset += 4
    }

    mutating func putLocalHeader(_ entry: ZipArchive.Entry) {
        put(le32: 0x0403_4B50)
        putSharedFields(entry)
        put(le16: 0)  // extra field length
        putName(entry)
    }

    /// The central directory record of the entry whose local header is at `offset`.
    mutating func putCentralRecord(_ entry: ZipArchive.Entry, localHeaderAt localOffset: Int) {
        put(le32: 0x0201_4B50)
        put(le16: ZipArchive.versionMadeBy)
        putSharedFields(entry)
        put(le16: 0)  // extra field length
        put(le16: 0)  // comment length
        put(le16: 0)  // disk number start
        put(le16: 0)  // internal attributes
        put(le32: ZipArchive.fileMode)  // external attributes
        put(le32: UInt32(localOffset))
        putName(entry)
    }

    /// The fields the local header and the central record share, in the same order: version
    /// needed to the name's length.
    private mutating func putSharedFields(_ entry: ZipArchive.Entry) {
        put(le16: ZipArchive.versionNeeded)
        put(le16: entry.flags)
        put(le16: entry.method)
        put(le16: ZipArchive.dosTime)
        put(le16: ZipArchive.dosDate)
        put(le32: entry.crc)
        put(le32: UInt32(entry.storedSize))
        put(le32: UInt32(entry.size))
        put(le16: UInt16(entry.name.utf8.count))
    }

    private mutating func putName(_ entry: ZipArchive.Entry) {
        var name = entry.name
        name.withUTF8 { put(raw: UnsafeRawBufferPointer($0)) }
    }
}

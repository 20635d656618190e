/// A minimal ZIP writer (PKWARE APPNOTE): stored (uncompressed) entries, or deflated ones copied
/// as they are from another archive, each with its local header, then the central directory and
/// the end record. Every entry carries the same fixed
/// timestamp (1 January 1980, the earliest ZIP can say), so the same entries always give the same
/// bytes. An entry keeps its local header, made once, so the archives of a batch share the
/// entries they have in common and write them in chunks (`chunks`) without copying them; the
/// central directory is written as the entries are added. No ZIP64: an archive holds fewer than
/// 65,535 entries of under 4 GiB each.
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
        let record: [UInt8]
        /// The number of bytes after the local header.
        let storedSize: Int

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

        /// A stored file of exactly `size` bytes, which `fill` puts in the buffer it is given,
        /// returning their CRC-32: made in place, not copied, and with no room to spare.
        init(name: String, size: Int, filling fill: (UnsafeMutableBufferPointer<UInt8>) -> UInt32) {
            self.init(name: name, method: 0, size: nil) { headerSize in
                var crc: UInt32 = 0
                let record = [UInt8](unsafeUninitializedCapacity: headerSize + size) { buffer, count in
                    UnsafeMutableBufferPointer(rebasing: buffer[..<headerSize]).initialize(repeating: 0)
                    crc = fill(UnsafeMutableBufferPointer(rebasing: buffer[headerSize..<headerSize + size]))
                    count = headerSize + size
                }
                return (record, crc)
            }
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
            self.init(name: name, method: method, size: size) { headerSize in
                // Zeros for the header, filled in once the rest is known.
                var record = [UInt8](unsafeUninitializedCapacity: headerSize + capacity) { buffer, count in
                    UnsafeMutableBufferPointer(rebasing: buffer[..<headerSize]).initialize(repeating: 0)
                    count = headerSize
                }
                let crc = write(&record)
                return (record, crc)
            }
        }

        /// `make` makes the record from the size of its local header: that many zeros (the header
        /// is put there once the rest is known), then the file or its deflated form; and the
        /// file's CRC-32. `size`: the file's, when the record holds its deflated form.
        private init(name: String, method: UInt16, size: Int?, making make: (_ headerSize: Int) -> (record: [UInt8], crc: UInt32)) {
            var name = name
            let (record, flags, crc, storedSize, size) = name.withUTF8 { name in
                precondition(name.count < 0xFFFF, "entry name too long for a ZIP")
                let flags: UInt16 = name.contains { $0 >= 0x80 } ? 0x0800 : 0
                let headerSize = 30 + name.count
                var (record, crc) = make(headerSize)
                let storedSize = record.count - headerSize
                let size = size ?? storedSize
                precondition(storedSize < 0xFFFF_FFFF && size < 0xFFFF_FFFF, "entry too large for a ZIP without ZIP64")
                record.withUnsafeMutableBytes { buffer in
                    var output = Output(buffer: buffer)
                    output.put(le32: 0x0403_4B50)  // local file header
                    output.put(le16: ZipArchive.versionNeeded)
                    output.put(le16: flags)
                    output.put(le16: method)
                    output.put(le16: ZipArchive.dosTime)
                    output.put(le16: ZipArchive.dosDate)
                    output.put(le32: crc)
                    output.put(le32: UInt32(storedSize))
                    output.put(le32: UInt32(size))
                    output.put(le16: UInt16(name.count))
                    output.put(le16: 0)  // extra field length
                    output.put(raw: UnsafeRawBufferPointer(name))
                }
                return (record, flags, crc, storedSize, size)
            }
            self.name = name
            self.method = method
            self.flags = flags
            self.crc = crc
            self.storedSize = storedSize
            self.size = size
            self.record = record
        }

        var centralRecordSize: Int { ZipArchive.centralRecordSize(name: name) }
    }

    /// Entries that many archives have in the same order, their records joined once, so that
    /// each archive writes them as one chunk (`chunks`) and copies none of them. A class: the
    /// archives refer to it without copying its fields.
    public final class Block: Sendable {
        /// The entries' records, joined.
        let bytes: [UInt8]
        let entryCount: Int
        /// Their central directory records, joined, each local header's offset counted from the
        /// block's start.
        let centralRecords: [UInt8]
        /// Where in `centralRecords` each of those offsets is.
        let offsetFields: [Int]

        public init(_ entries: [Entry]) {
            // The entries as an archive of their own, without its end record.
            var archive = ZipArchive()
            var offsetFields: [Int] = []
            for entry in entries {
                offsetFields.append(archive.directorySize + 42)
                archive.add(entry)
            }
            bytes = archive.records.joined
            centralRecords = Array(archive.directory[..<archive.directorySize])
            self.offsetFields = offsetFields
            entryCount = entries.count
        }
    }

    /// The records of the entries and blocks added, in order: the archive up to its central directory.
    private var records = ByteChunks()
    /// The central directory records of the entries added, in its first `directorySize` bytes;
    /// zeros after them, room made beforehand (`reserveCapacity`) that records are put in place.
    private var directory: [UInt8] = []
    private var directorySize = 0
    private var entryCount = 0

    public init() {}

    /// Makes room for `count` entries or blocks in all, whose central directory records take
    /// `directorySize` bytes.
    public mutating func reserveCapacity(_ count: Int, directorySize: Int) {
        records.reserveCapacity(count + 1)
        makeDirectoryRoom(directorySize + Self.endRecordSize)
    }

    /// Makes sure the directory has `count` bytes of room after its records.
    private mutating func makeDirectoryRoom(_ count: Int) {
        let missing = directorySize + count - directory.count
        guard missing > 0 else { return }
        if directory.isEmpty {
            directory = [UInt8](repeating: 0, count: missing)
        } else {
            directory.append(contentsOf: repeatElement(0, count: missing))
        }
    }

    /// Puts `count` bytes, which `write` puts in order, exactly, after the directory's records.
    private mutating func putInDirectory(_ count: Int, _ write: (inout Output) -> Void) {
        makeDirectoryRoom(count)
        let at = directorySize
        directory.withUnsafeMutableBytes { buffer in
            var output = Output(buffer: UnsafeMutableRawBufferPointer(rebasing: buffer[at..<at + count]))
            write(&output)
            precondition(output.offset == count, "a ZIP record's size was miscounted")
        }
        directorySize += count
    }

    /// Adds a file; `name` is its path in the archive, with `/` between folders.
    public mutating func add(_ name: String, _ data: [UInt8]) {
        add(Entry(name: name, data: data))
    }

    /// Adds a file made beforehand.
    public mutating func add(_ entry: Entry) {
        let offset = records.count
        putInDirectory(entry.centralRecordSize) { $0.putCentralRecord(entry, localHeaderAt: offset) }
        records.append(entry.record)
        entryCount += 1
    }

    /// Adds files made beforehand, as a block.
    public mutating func add(_ block: Block) {
        let start = UInt32(records.count)
        putInDirectory(block.centralRecords.count) { output in
            block.centralRecords.withUnsafeBytes { output.put(raw: $0) }
            guard let at = output.buffer.baseAddress else { return }  // an empty block
            for field in block.offsetFields {
                let relative = UInt32(littleEndian: at.loadUnaligned(fromByteOffset: field, as: UInt32.self))
                at.storeBytes(of: (relative + start).littleEndian, toByteOffset: field, as: UInt32.self)
            }
        }
        records.append(block.bytes)
        entryCount += block.entryCount
    }

    /// The archive's bytes in one array.
    public var bytes: [UInt8] { chunks.joined }

    /// The archive's bytes as chunks: each entry's record and each block's records as they are,
    /// then the central directory and the end record.
    public var chunks: ByteChunks {
        consuming get {
            precondition(entryCount < 0xFFFF, "too many entries for a ZIP without ZIP64")
            let directoryOffset = records.count
            precondition(directoryOffset < 0xFFFF_FFFF, "archive too large for a ZIP without ZIP64")
            let recordsSize = directorySize
            let entryCount = entryCount
            putInDirectory(Self.endRecordSize) { output in
                output.put(le32: 0x0605_4B50)  // end of central directory record
                output.put(le16: 0)  // this disk
                output.put(le16: 0)  // the disk the central directory starts on
                output.put(le16: UInt16(entryCount))
                output.put(le16: UInt16(entryCount))
                output.put(le32: UInt32(recordsSize))
                output.put(le32: UInt32(directoryOffset))
                output.put(le16: 0)  // comment length
            }
            if directory.count > directorySize { directory.removeLast(directory.count - directorySize) }
            records.append(directory)
            return records
        }
    }

    /// The size of the central directory record of an entry named `name`: 46 bytes and the name.
    static func centralRecordSize(name: String) -> Int { 46 + name.utf8.count }

    private static let endRecordSize = 22

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

    mutating func put(raw source: UnsafeRawBufferPointer) {
        UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<offset + source.count]).copyMemory(from: source)
        offset += source.count
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

    /// The central directory record of the entry whose local header is at `offset`: the fields
    /// it shares with the local header, and the name, copied from the header in the entry's record.
    mutating func putCentralRecord(_ entry: ZipArchive.Entry, localHeaderAt localOffset: Int) {
        entry.record.withUnsafeBytes { record in
            let headerSize = record.count - entry.storedSize
            put(le32: 0x0201_4B50)
            put(le16: ZipArchive.versionMadeBy)
            put(raw: UnsafeRawBufferPointer(rebasing: record[4..<30]))  // version needed to the extra field's length (0)
            put(le16: 0)  // comment length
            put(le16: 0)  // disk number start
            put(le16: 0)  // internal attributes
            put(le32: ZipArchive.fileMode)  // external attributes
            put(le32: UInt32(localOffset))
            put(raw: UnsafeRawBufferPointer(rebasing: record[30..<headerSize]))  // the name
        }
    }
}

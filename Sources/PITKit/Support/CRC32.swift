/// The CRC-32 of ZIP and PNG (ISO-HDLC: reflected polynomial 0xEDB88320), table-driven.
public enum CRC32 {
    /// The checksum of `bytes`: `checksum("123456789".utf8)` is 0xCBF43926.
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        if let crc = bytes.withContiguousStorageIfAvailable(checksum(buffer:)) { return crc }
        return Array(bytes).withUnsafeBufferPointer(checksum(buffer:))
    }

    /// Slicing by sixteen: sixteen bytes a step, read as four little-endian words, each byte
    /// through its own table; then byte by byte for the rest.
    private static func checksum(buffer bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        tables.withUnsafeBufferPointer { tables in
            let raw = UnsafeRawBufferPointer(bytes)
            var index = 0
            let blocksEnd = bytes.count & ~15
            while index < blocksEnd {
                crc = remainder(word(raw, index) ^ crc, followedBy: 12, tables) ^ remainder(word(raw, index &+ 4), followedBy: 8, tables)
                    ^ remainder(word(raw, index &+ 8), followedBy: 4, tables) ^ remainder(word(raw, index &+ 12), followedBy: 0, tables)
                index &+= 16
            }
            while index < bytes.count {
                crc = tables[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index &+= 1
            }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The little-endian word at `offset`.
    @inline(__always)
    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// The remainders of a word's four bytes followed by `zeros` zero bytes, combined.
    @inline(__always)
    private static func remainder(_ word: UInt32, followedBy zeros: Int, _ tables: UnsafeBufferPointer<UInt32>) -> UInt32 {
        tables[(zeros &+ 3) &* 256 &+ Int(word & 0xFF)] ^ tables[(zeros &+ 2) &* 256 &+ Int((word >> 8) & 0xFF)]
            ^ tables[(zeros &+ 1) &* 256 &+ Int((word >> 16) & 0xFF)] ^ tables[zeros &* 256 &+ Int(word >> 24)]
    }

    /// Sixteen tables of 256, computed once: the first is the remainder of each byte value;
    /// table k is the remainder of a byte followed by k zero bytes.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 16 * 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 {
                value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
            }
            tables[index] = value
        }
        for slice in 1..<16 {
            for index in 0..<256 {
                let previous = tables[(slice - 1) * 256 + index]
                tables[slice * 256 + index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()
}

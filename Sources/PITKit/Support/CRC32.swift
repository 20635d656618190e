/// The CRC-32 of ZIP and PNG (ISO-HDLC: reflected polynomial 0xEDB88320), table-driven.
public enum CRC32 {
    /// The checksum of `bytes`: `checksum("123456789".utf8)` is 0xCBF43926.
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        if let crc = bytes.withContiguousStorageIfAvailable(checksum(buffer:)) { return crc }
        return checksum(buffer: Array(bytes))
    }

    private static func checksum(buffer bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer(checksum(buffer:))
    }

    /// Slicing by four: four bytes a step through four tables, then byte by byte for the rest.
    private static func checksum(buffer bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        tables.withUnsafeBufferPointer { tables in
            var index = 0
            while index + 4 <= bytes.count {
                crc ^= UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                    | UInt32(bytes[index + 3]) << 24
                crc = tables[768 + Int(crc & 0xFF)] ^ tables[512 + Int((crc >> 8) & 0xFF)]
                    ^ tables[256 + Int((crc >> 16) & 0xFF)] ^ tables[Int(crc >> 24)]
                index += 4
            }
            while index < bytes.count {
                crc = tables[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// Four tables of 256, computed once: the first is the remainder of each byte value; table
    /// k is the remainder of a byte followed by k zero bytes.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 1024)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 {
                value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
            }
            tables[index] = value
        }
        for slice in 1..<4 {
            for index in 0..<256 {
                let previous = tables[(slice - 1) * 256 + index]
                tables[slice * 256 + index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()
}

@testable import PITKit
import Testing

/// The CRC-32 that ZIP archives record.
struct CRC32Tests {
    @Test func checkValue() {
        #expect(CRC32.checksum("123456789".utf8) == 0xCBF4_3926)
    }

    @Test func emptyInput() {
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func sentence() {
        #expect(CRC32.checksum("The quick brown fox jumps over the lazy dog".utf8) == 0x414F_A339)
    }

    /// A megabyte of pseudo-random bytes, from a linear congruential generator.
    static let megabyte: [UInt8] = {
        var state: UInt32 = 1
        return (0..<(1 << 20)).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
    }()

    /// The answers of the byte-at-a-time table the checksum used before slicing.
    @Test func megabyteAndAnUnalignedSliceOfIt() {
        #expect(CRC32.checksum(Self.megabyte) == 0x300B_6991)
        #expect(CRC32.checksum(Self.megabyte[3..<1003]) == 0xC45B_69D8)
    }

    /// The checksum bit by bit, as the polynomial defines it.
    static func bitwise(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// Every length up to five blocks of sixteen, from every offset in a block: the sliced steps
    /// and the byte-by-byte rest agree with the definition.
    @Test func everyLengthAndOffsetAgreesWithTheDefinition() {
        let bytes = Self.megabyte[..<(16 + 80)]
        for offset in 0..<16 {
            for length in 0...80 {
                let slice = bytes[offset..<offset + length]
                #expect(CRC32.checksum(slice) == Self.bitwise(slice), "offset \(offset), length \(length)")
            }
        }
    }

    /// A checksum continued over more bytes, and one combined from two parts' checksums and the
    /// second's length, are the checksum of the whole, at every split of a text (empty parts too).
    @Test func continuedAndCombined() {
        let text = Array(Self.megabyte[100..<400])
        let whole = CRC32.checksum(text)
        for split in [0, 1, 15, 16, 17, 150, 299, 300] {
            let first = CRC32.checksum(text[..<split]), second = CRC32.checksum(text[split...])
            let continued = text[split...].withUnsafeBufferPointer { CRC32.checksum($0, continuing: first) }
            #expect(continued == whole, "continued at \(split)")
            #expect(CRC32.combine(first, second, shift: CRC32.Shift(count: text.count - split)) == whole, "combined at \(split)")
        }
        #expect(CRC32.combine(0xCBF4_3926, 0, shift: CRC32.Shift(count: 0)) == 0xCBF4_3926)
    }

    /// Combined by the second part's length alone (no `Shift`), the checksum is the whole's too,
    /// for lengths within the table of short powers and beyond it (4,096 bytes and more).
    @Test func combinedByLength() {
        let text = Array(Self.megabyte[..<80_000])
        let whole = CRC32.checksum(text)
        for split in [0, 1, 31, 32, 75_904, 75_905, 75_903, 70_000, 10_000, 79_999, 80_000] {
            let first = CRC32.checksum(text[..<split]), second = CRC32.checksum(text[split...])
            #expect(CRC32.combine(first, second, count: text.count - split) == whole, "combined at \(split)")
        }
    }
}

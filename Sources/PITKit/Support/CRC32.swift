/// The CRC-32 of ZIP and PNG (ISO-HDLC: reflected polynomial 0xEDB88320), table-driven.
public enum CRC32 {
    /// The checksum of `bytes`: `checksum("123456789".utf8)` is 0xCBF43926.
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        if let crc = bytes.withContiguousStorageIfAvailable({ checksum($0, continuing: 0) }) { return crc }
        return Array(bytes).withUnsafeBufferPointer { checksum($0, continuing: 0) }
    }

    /// The checksum of bytes whose checksum is `previous` followed by `bytes`. Slicing by
    /// sixteen: sixteen bytes a step, read as four little-endian words, each byte through its own
    /// table; then eight and four bytes a step as the rest allows, and byte by byte for the last
    /// few (short texts, which most of a batch's checksums are, are mostly that rest).
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>, continuing previous: UInt32) -> UInt32 {
        var crc = previous ^ 0xFFFF_FFFF
        tables.withUnsafeBufferPointer { tables in
            let raw = UnsafeRawBufferPointer(bytes)
            var index = 0
            let blocksEnd = bytes.count & ~15
            while index < blocksEnd {
                crc = remainder(word(raw, index) ^ crc, followedBy: 12, tables) ^ remainder(word(raw, index &+ 4), followedBy: 8, tables)
                    ^ remainder(word(raw, index &+ 8), followedBy: 4, tables) ^ remainder(word(raw, index &+ 12), followedBy: 0, tables)
                index &+= 16
            }
            if bytes.count &- index >= 8 {
                crc = remainder(word(raw, index) ^ crc, followedBy: 4, tables) ^ remainder(word(raw, index &+ 4), followedBy: 0, tables)
                index &+= 8
            }
            if bytes.count &- index >= 4 {
                crc = remainder(word(raw, index) ^ crc, followedBy: 0, tables)
                index &+= 4
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

    /// What following a checksummed text with `count` more bytes does to its checksum (the
    /// polynomial x^(8·count) modulo the CRC's), found once for bytes that are appended again and
    /// again: see `combine`.
    struct Shift: Sendable {
        /// For each four bits of a checksum, lowest first, the product of each of their sixteen
        /// values and the polynomial: the product of a checksum is the sum of its eight.
        fileprivate let products: [UInt32]

        init(count: Int) {
            var factor = CRC32.power(count)
            // Bit 31 - i of a checksum stands for x^i; the product of x^i is factor times x^i.
            var multiples = [UInt32](repeating: 0, count: 32)
            for bit in (0..<32).reversed() {
                multiples[bit] = factor
                factor = CRC32.timesX(factor)
            }
            var products = [UInt32](repeating: 0, count: 8 * 16)
            for group in 0..<8 {
                for value in 1..<16 {
                    let lowest = value.trailingZeroBitCount
                    products[group * 16 + value] = products[group * 16 + (value & (value - 1))] ^ multiples[group * 4 + lowest]
                }
            }
            self.products = products
        }

        /// The shift of `count` bytes, remembered by the count: made once for the many texts of
        /// one length a batch combines (the pieces of its shapes, the endings of its dates).
        static func remembered(count: Int) -> Shift {
            memo.value(count) { Shift(count: count) }
        }

        private static let memo = NumberMemo<Shift>(slotBits: 12)
    }

    /// The checksum of A followed by B, from A's checksum, B's, and the shift of B's length (as
    /// zlib's `crc32_combine`): a text whose pieces are fixed needs only the rest checksummed.
    static func combine(_ first: UInt32, _ second: UInt32, shift: Shift) -> UInt32 {
        shift.products.withUnsafeBufferPointer { products in
            var product = second
            for group in 0..<8 {
                product ^= products[group &* 16 &+ Int((first >> UInt32(group &* 4)) & 0xF)]
            }
            return product
        }
    }

    /// The checksum of A followed by B, from A's checksum, B's, and B's length, with no `Shift`
    /// made: slower than with one (a multiplication of polynomials), for lengths combined too
    /// seldom to make one.
    static func combine(_ first: UInt32, _ second: UInt32, count: Int) -> UInt32 {
        multiply(power(count), first) ^ second
    }

    /// x^(8·count) modulo the polynomial: the product of x^(2^k) for each bit k set in 8·count,
    /// the lowest twelve bits of `count` at once (`shortPowers`).
    private static func power(_ count: Int) -> UInt32 {
        precondition(count >= 0, "a negative length")
        var factor = shortPowers[count & (shortPowers.count - 1)]
        var rest = count >> 12
        var power = 15  // 8 · 2^12 = 2^15
        while rest != 0 {
            if rest & 1 == 1 { factor = multiply(powersOfX[power], factor) }
            rest >>= 1
            power += 1
        }
        return factor
    }

    /// x^(8·n) modulo the polynomial for n from 0 to 4,095, computed once (16 KiB).
    private static let shortPowers: [UInt32] = {
        var powers = [UInt32](repeating: 0, count: 1 << 12)
        var factor: UInt32 = 1 << 31  // 1, bits reflected as the CRC's are
        for count in powers.indices {
            powers[count] = factor
            for _ in 0..<8 { factor = timesX(factor) }
        }
        return powers
    }()

    /// A polynomial times x, modulo the CRC's.
    @inline(__always)
    private static func timesX(_ value: UInt32) -> UInt32 {
        value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
    }

    /// The product of two polynomials modulo the CRC's, bits reflected.
    private static func multiply(_ a: UInt32, _ b: UInt32) -> UInt32 {
        guard a != 0 else { return 0 }
        var product: UInt32 = 0
        var b = b
        var mask: UInt32 = 1 << 31
        while true {
            if a & mask != 0 {
                product ^= b
                if a & (mask - 1) == 0 { return product }  // no more bits of a
            }
            mask >>= 1
            b = timesX(b)
        }
    }

    /// x^(2^k) modulo the polynomial, for k from 0 to 63 (lengths up to 2^60 bytes).
    private static let powersOfX: [UInt32] = {
        var powers: [UInt32] = [1 << 30]  // x
        for _ in 1..<64 { powers.append(multiply(powers[powers.count - 1], powers[powers.count - 1])) }
        return powers
    }()

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

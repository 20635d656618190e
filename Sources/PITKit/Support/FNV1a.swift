/// The 64-bit FNV-1a hash: fast, and the same in every process and on every platform (unlike
/// `hashValue`, which Swift seeds afresh for each run), so whatever depends on it is reproducible.
/// Hash bytes at once with `hash(_:)`, or several fields one after another with `add`.
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var fnv = FNV1a()
        for byte in bytes { fnv.add(byte: byte) }
        return fnv.value
    }

    /// Adds a text's UTF-8 bytes, then a separator (0xFF, in no UTF-8 text), so that the fields
    /// "ab", "c" and "a", "bc" hash differently.
    mutating func add(_ text: String) {
        text.withUTF8Bytes { bytes in
            for byte in bytes { add(byte: byte) }
        }
        add(byte: 0xFF)
    }

    /// Adds a number's eight bytes, least significant first.
    mutating func add(_ number: Int) {
        var number = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            add(byte: UInt8(truncatingIfNeeded: number))
            number >>= 8
        }
    }

    @inline(__always)
    mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}

/// The 64-bit FNV-1a hash: fast, and the same in every process and on every platform (unlike
/// `hashValue`, which Swift seeds afresh for each run), so whatever depends on it is reproducible.
enum FNV1a {
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

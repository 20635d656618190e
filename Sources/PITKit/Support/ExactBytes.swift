/// A byte string as a dictionary key, hashed and compared byte for byte: its bytes are
/// digested once, eight bytes at a step, and the hasher takes the digest, where a `String` key
/// would be hashed through Unicode normalization and an `[UInt8]` key a byte at a time. Two keys
/// are equal when their bytes are.
struct ExactBytes: Hashable, Sendable {
    let bytes: [UInt8]
    /// A digest of `bytes` (FxHash's step): equal bytes, equal digests.
    private let digest: UInt64

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        digest = bytes.withUnsafeBytes(Self.digest)
    }

    static func digest(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var digest = UInt64(truncatingIfNeeded: buffer.count)
        func add(_ word: UInt64) {
            digest = ((digest << 5 | digest >> 59) ^ word) &* 0x517C_C1B7_2722_0A95
        }
        var offset = 0
        while offset + 8 <= buffer.count {
            add(buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < buffer.count {
            var last: UInt64 = 0
            for index in offset..<buffer.count { last = last << 8 | UInt64(buffer[index]) }
            add(last)
        }
        return digest
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    static func == (left: ExactBytes, right: ExactBytes) -> Bool {
        left.digest == right.digest && left.bytes.count == right.bytes.count && left.bytes.withUnsafeBytes { one in
            right.bytes.withUnsafeBytes { other in one.count == 0 || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0 }
        }
    }
}

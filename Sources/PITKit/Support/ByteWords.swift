/// Byte tests eight at a time: eight bytes read as one little-endian `UInt64` word, each test
/// setting the top bit of the bytes it finds. Scans of text (CSV records, forbidden characters,
/// line breaks) skip plain words this way and look at single bytes only near what they seek.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let tops: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes of `bytes` from `offset` (there must be eight).
    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// The bytes of `word` equal to `byte`. Only the lowest byte marked is sure to be one (a
    /// borrow from it may mark bytes above it); with none equal, none is marked.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & tops
    }

    /// The bytes of `word` below 0x20 (control characters). As with `equal`, only the lowest byte
    /// marked is sure to be one; a byte of 0x80 or more is never marked.
    @inline(__always)
    static func belowSpace(_ word: UInt64) -> UInt64 {
        // A byte below 0x20 borrows when 0x20 is taken from it.
        (word &- ones &* 0x20) & ~word & tops
    }

    /// Whether every byte of `word` is printable ASCII (0x20 to 0x7E).
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        // With no top bit set, subtracting 0x20 borrows only from a byte below 0x20, and adding
        // one sets a top bit only in a byte of 0x7F.
        (word | (word &- ones &* 0x20) | (word &+ ones)) & tops == 0
    }

    /// Whether every byte of `bytes` is ASCII (below 0x80).
    @inline(__always)
    static func allASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var seen: UInt64 = 0
        var index = 0
        while index + 8 <= bytes.count {
            seen |= word(bytes, at: index)
            index += 8
        }
        while index < bytes.count {
            seen |= UInt64(bytes[index])
            index += 1
        }
        return seen & tops == 0
    }

    /// The index of the first byte of `bytes` from `start` that `marks` marks in its word (the
    /// lowest byte it marks must be exact, as `equal`'s is) or that `isStop` accepts, or `count`.
    @inline(__always)
    static func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                           marks: (UInt64) -> UInt64, isStop: (UInt8) -> Bool) -> Int {
        var index = start
        let count = bytes.count
        while index + 8 <= count {
            let marked = marks(word(bytes, at: index))
            if marked != 0 { return index + marked.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count && !isStop(bytes[index]) { index += 1 }
        return index
    }
}

extension ByteWords {
    /// The eight bytes of `bytes` from `offset` as `word` reads them, with zeros past the end.
    @inline(__always)
    static func paddedWord(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        if offset + 8 <= bytes.count { return word(bytes, at: offset) }
        // The last eight bytes, shifted down past those before `offset`.
        if bytes.count >= 8 { return word(bytes, at: bytes.count - 8) >> UInt64(8 * (offset + 8 - bytes.count)) }
        var word: UInt64 = 0
        for index in stride(from: bytes.count - 1, through: offset, by: -1) { word = word << 8 | UInt64(bytes[index]) }
        return word
    }

    /// The bytes of `word` that are `byte` or above; every byte of `word` must be ASCII.
    @inline(__always)
    static func atLeast(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        (word &+ ones &* UInt64(0x80 - byte)) & tops
    }

    /// The bytes of `word` that are ASCII letters (either case) or digits, or not ASCII: the
    /// bytes of words, as `FoldedText.isWord` tells them.
    @inline(__always)
    static func wordBytes(_ word: UInt64) -> UInt64 {
        let ascii = word & ~tops
        let lowered = ascii | ones &* 0x20
        let letters = atLeast(lowered, 0x61) & ~atLeast(lowered, 0x7B)
        let digits = atLeast(ascii, 0x30) & ~atLeast(ascii, 0x3A)
        return letters | digits | word & tops
    }
}

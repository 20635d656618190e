/// A small DEFLATE compressor for tests (RFC 1951): greedy LZ77 matches over a 32 KiB window,
/// written with the fixed Huffman codes, so tests can make archives deflated as Word makes them
/// without any tool outside Swift. Not fast, not tight: correct.
public enum TestDeflate {
    public static func compress(_ data: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.write(1, bits: 1)  // final block
        writer.write(1, bits: 2)  // fixed Huffman codes
        var heads: [Int: Int] = [:]
        var previous = [Int](repeating: -1, count: data.count)
        var index = 0
        func key(_ at: Int) -> Int { Int(data[at]) << 16 | Int(data[at + 1]) << 8 | Int(data[at + 2]) }
        func remember(_ at: Int) {
            guard at + 2 < data.count else { return }
            previous[at] = heads[key(at)] ?? -1
            heads[key(at)] = at
        }
        while index < data.count {
            var bestLength = 0
            var bestDistance = 0
            if index + 2 < data.count {
                var candidate = heads[key(index)] ?? -1
                var tries = 0
                while candidate >= 0 && index - candidate <= 32768 && tries < 64 {
                    var length = 0
                    while length < 258 && index + length < data.count && data[candidate + length] == data[index + length] { length += 1 }
                    if length > bestLength { bestLength = length; bestDistance = index - candidate }
                    candidate = previous[candidate]
                    tries += 1
                }
            }
            if bestLength >= 3 {
                writeLength(bestLength, &writer)
                writeDistance(bestDistance, &writer)
                for at in index..<index + bestLength { remember(at) }
                index += bestLength
            } else {
                writeSymbol(Int(data[index]), &writer)
                remember(index)
                index += 1
            }
        }
        writeSymbol(256, &writer)
        return writer.finish()
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                                       2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// A literal/length symbol in the fixed code (codes are sent most significant bit first).
    private static func writeSymbol(_ symbol: Int, _ writer: inout BitWriter) {
        switch symbol {
        case 0..<144: writer.writeCode(0x30 + symbol, length: 8)
        case 144..<256: writer.writeCode(0x190 + symbol - 144, length: 9)
        case 256..<280: writer.writeCode(symbol - 256, length: 7)
        default: writer.writeCode(0xC0 + symbol - 280, length: 8)
        }
    }

    private static func writeLength(_ length: Int, _ writer: inout BitWriter) {
        let code = lengthBase.lastIndex { $0 <= length }!
        writeSymbol(257 + code, &writer)
        writer.write(length - lengthBase[code], bits: lengthExtra[code])
    }

    private static func writeDistance(_ distance: Int, _ writer: inout BitWriter) {
        let code = distanceBase.lastIndex { $0 <= distance }!
        writer.writeCode(code, length: 5)
        writer.write(distance - distanceBase[code], bits: distanceExtra[code])
    }
}

/// Bits packed least significant first, as DEFLATE sends them.
public struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer = 0
    private var count = 0

    public init() {}

    /// `value`'s low `bits` bits, least significant first (header fields and extra bits).
    public mutating func write(_ value: Int, bits: Int) {
        for bit in 0..<bits {
            buffer |= (value >> bit & 1) << count
            count += 1
            if count == 8 { bytes.append(UInt8(buffer)); buffer = 0; count = 0 }
        }
    }

    /// A Huffman code of `length` bits, most significant first.
    public mutating func writeCode(_ code: Int, length: Int) {
        for bit in stride(from: length - 1, through: 0, by: -1) { write(code >> bit & 1, bits: 1) }
    }

    /// The bytes, the last one padded with zero bits.
    public mutating func finish() -> [UInt8] {
        if count > 0 { bytes.append(UInt8(buffer)); buffer = 0; count = 0 }
        return bytes
    }
}

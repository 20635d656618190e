/// Raw DEFLATE decompression (RFC 1951), as ZIP entries of method 8 hold it: stored, fixed
/// Huffman and dynamic Huffman blocks. Every malformed stream is an error (`.data`), never a crash
/// or a hang: each step reads at least one bit or writes at least one byte, reading past the
/// input is an error, and the output may not grow beyond `limit` bytes.
enum Inflate {
    /// The decompressed bytes of `input`; more than `limit` bytes of output is an error.
    static func decompress(_ input: ArraySlice<UInt8>, limit: Int) throws -> [UInt8] {
        try input.withUnsafeBufferPointer { buffer in
            var state = Inflater(input: BitReader(bytes: buffer), limit: limit)
            try state.run()
            return state.output
        }
    }

    static func failure(_ reason: String) -> PITError { PITError(.data, "compressed data is broken: \(reason)") }

    // MARK: - Tables of RFC 1951, section 3.2.5

    /// The base length of length codes 257…285, and their extra bits.
    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                    67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// The base distance of distance codes 0…29, and their extra bits.
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                      1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
                                       11, 11, 12, 12, 13, 13]
    /// The order in which a dynamic block gives the code lengths of the code-length alphabet.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The fixed literal/length and distance codes of block type 1, made once.
    fileprivate static let fixedCodes: (literals: Huffman, distances: Huffman) = {
        var lengths = [Int](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        // Both fixed codes are complete (distance codes 30 and 31 exist but are invalid), so
        // building them cannot fail.
        return (try! Huffman(lengths: lengths, allowIncomplete: false),
                try! Huffman(lengths: [Int](repeating: 5, count: 32), allowIncomplete: false))
    }()
}

/// Bits of the input, least significant first, as DEFLATE packs them.
private struct BitReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    private var buffer: UInt64 = 0
    private var count = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next `width` bits (at most 32) as a number.
    mutating func bits(_ width: Int) throws -> Int {
        while count < width {
            guard position < bytes.count else { throw Inflate.failure("it ends too soon") }
            buffer |= UInt64(bytes[position]) << UInt64(count)
            position += 1
            count += 8
        }
        let value = Int(buffer & ((1 << UInt64(width)) - 1))
        buffer >>= UInt64(width)
        count -= width
        return value
    }

    /// Drops the bits left in the current byte (fewer than 8: bytes are loaded only as needed).
    mutating func alignToByte() {
        buffer = 0
        count = 0
    }
}

/// A canonical Huffman code, decoded a bit at a time (zlib's "puff" method): the number of codes
/// of each length, and the symbols in code order.
private struct Huffman {
    private var counts = [Int](repeating: 0, count: 16)
    private var symbols: [Int] = []

    /// The code whose symbol `s` has code length `lengths[s]` (0: unused). An over-subscribed
    /// set of lengths is an error; so is an incomplete one, except (with `allowIncomplete`) a code
    /// of one symbol of length 1, which RFC 1951 allows for distances and zlib accepts.
    init(lengths: [Int], allowIncomplete: Bool) throws {
        for length in lengths { counts[length] += 1 }
        let used = lengths.count - counts[0]
        var left = 1
        for length in 1...15 {
            left = left * 2 - counts[length]
            if left < 0 { throw Inflate.failure("a Huffman code is over-subscribed") }
        }
        if left > 0 && used > 0 && !(allowIncomplete && used == 1 && counts[1] == 1) {
            throw Inflate.failure("a Huffman code is incomplete")
        }
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        symbols = [Int](repeating: 0, count: used)
        for (symbol, length) in lengths.enumerated() where length != 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
        counts[0] = 0
    }

    /// Reads one symbol.
    fileprivate func decode(_ reader: inout BitReader) throws -> Int {
        var code = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            code |= try reader.bits(1)
            let count = counts[length]
            if code - first < count { return symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw Inflate.failure("an invalid Huffman code")
    }
}

/// One decompression: the input, the output so far, and its bound.
private struct Inflater {
    var input: BitReader
    let limit: Int
    var output: [UInt8] = []

    init(input: BitReader, limit: Int) {
        self.input = input
        self.limit = limit
    }

    mutating func run() throws {
        var last = false
        while !last {
            last = try input.bits(1) == 1
            switch try input.bits(2) {
            case 0: try stored()
            case 1: try codes(Inflate.fixedCodes.literals, Inflate.fixedCodes.distances)
            case 2:
                let (literals, distances) = try dynamicCodes()
                try codes(literals, distances)
            default: throw Inflate.failure("a block of the reserved type 3")
            }
        }
    }

    private mutating func stored() throws {
        input.alignToByte()
        let length = try input.bits(16)
        let complement = try input.bits(16)
        guard length == ~complement & 0xFFFF else { throw Inflate.failure("a stored block's length check fails") }
        guard input.position + length <= input.bytes.count else { throw Inflate.failure("it ends too soon") }
        try reserve(length)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input.bytes[input.position..<input.position + length]))
        input.position += length
    }

    private mutating func dynamicCodes() throws -> (Huffman, Huffman) {
        let literalCount = try input.bits(5) + 257
        let distanceCount = try input.bits(5) + 1
        let lengthCount = try input.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw Inflate.failure("too many codes in a dynamic block") }
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for index in 0..<lengthCount { codeLengthLengths[Inflate.codeLengthOrder[index]] = try input.bits(3) }
        let codeLengths = try Huffman(lengths: codeLengthLengths, allowIncomplete: false)

        var lengths: [Int] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try codeLengths.decode(&input)
            let repeated: Int
            let value: Int
            switch symbol {
            case 0..<16:
                lengths.append(symbol)
                continue
            case 16:
                guard let previous = lengths.last else { throw Inflate.failure("a repeated length with nothing before it") }
                value = previous
                repeated = 3 + (try input.bits(2))
            case 17:
                value = 0
                repeated = 3 + (try input.bits(3))
            default:
                value = 0
                repeated = 11 + (try input.bits(7))
            }
            guard lengths.count + repeated <= literalCount + distanceCount else {
                throw Inflate.failure("code lengths run past their count")
            }
            lengths += repeatElement(value, count: repeated)
        }
        guard lengths[256] != 0 else { throw Inflate.failure("a dynamic block without an end-of-block code") }
        return (try Huffman(lengths: Array(lengths[..<literalCount]), allowIncomplete: true),
                try Huffman(lengths: Array(lengths[literalCount...]), allowIncomplete: true))
    }

    private mutating func codes(_ literals: Huffman, _ distances: Huffman) throws {
        while true {
            let symbol = try literals.decode(&input)
            if symbol < 256 {
                try reserve(1)
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < Inflate.lengthBase.count else { throw Inflate.failure("an invalid length code") }
            let length = Inflate.lengthBase[lengthIndex] + (try input.bits(Inflate.lengthExtra[lengthIndex]))
            let distanceIndex = try distances.decode(&input)
            guard distanceIndex < Inflate.distanceBase.count else { throw Inflate.failure("an invalid distance code") }
            let distance = Inflate.distanceBase[distanceIndex] + (try input.bits(Inflate.distanceExtra[distanceIndex]))
            guard distance <= output.count else { throw Inflate.failure("a distance reaches back before the start") }
            try reserve(length)
            var from = output.count - distance
            for _ in 0..<length {
                output.append(output[from])
                from += 1
            }
        }
    }

    /// Checks that `count` more bytes stay within the limit.
    private func reserve(_ count: Int) throws {
        guard output.count + count <= limit else {
            throw Inflate.failure("it expands to more than the \(limit) bytes expected")
        }
    }
}

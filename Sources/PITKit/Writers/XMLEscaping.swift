/// Makes text safe as XML 1.0 (and HTML) character data or attribute values: `&`, `<`, `>`, `"`
/// and `'` become character references, and characters XML 1.0 does not allow (C0 controls other
/// than tab, line feed and carriage return; U+FFFE and U+FFFF) are dropped.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// What a tab and a line feed become instead of themselves, a carriage return then being
    /// dropped: in a WordprocessingML run, the elements that say them.
    struct Breaks {
        let tab: StaticString
        let lineFeed: StaticString
    }

    /// Appends `text`, escaped, to `output`: the stretches between the bytes that need something
    /// done are copied whole. With `breaks`, tabs and line feeds are replaced by them.
    static func append(_ text: String, to output: inout [UInt8], breaks: Breaks? = nil) {
        var text = text
        text.withUTF8 { append(bytes: $0, to: &output, breaks: breaks) }
    }

    /// Appends UTF-8 `bytes` (whole characters), escaped, to `output`, as `append` does a text.
    static func append(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], breaks: Breaks? = nil) {
        var copied = 0
        var index = 0
        while let found = ByteClass.nextFlagged(in: bytes, from: index) {
            let (length, replacement) = replacement(in: bytes, at: found, breaks: breaks)
            index = found + length
            guard let replacement else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<found]))
            output.append(replacement)
            copied = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }

    /// Whether `append` may change UTF-8 `bytes`: false when it would append them as they are
    /// (none of them needs anything done), found sixteen bytes at a time.
    static func mayChange(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 16 else { return ByteClass.nextFlagged(in: bytes, from: 0) != nil }
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index + 16 <= bytes.count {
            if ByteClass.flagsAny(raw.loadUnaligned(fromByteOffset: index, as: ByteClass.Block.self)) { return true }
            index += 16
        }
        // The last sixteen bytes, the rest among them (the others looked at again).
        return index < bytes.count && ByteClass.flagsAny(raw.loadUnaligned(fromByteOffset: bytes.count - 16, as: ByteClass.Block.self))
    }

    /// For a byte `ByteClass` flags: how many bytes it starts, and what they become (nil: they
    /// stay as they are; an empty string: they are dropped).
    private static func replacement(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, breaks: Breaks?) -> (Int, StaticString?) {
        switch bytes[index] {
        case UInt8(ascii: "&"): return (1, "&amp;")
        case UInt8(ascii: "<"): return (1, "&lt;")
        case UInt8(ascii: ">"): return (1, "&gt;")
        case UInt8(ascii: "\""): return (1, "&quot;")
        case UInt8(ascii: "'"): return (1, "&#39;")
        case 0x09: return (1, breaks?.tab)
        case 0x0A: return (1, breaks?.lineFeed)
        case 0x0D: return (1, breaks == nil ? nil : "")
        case 0x00..<0x20: return (1, "")
        case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
            return (3, "")  // U+FFFE or U+FFFF
        default: return (1, nil)
        }
    }

    /// The bytes that may need replacing or dropping, found sixteen at a time.
    private enum ByteClass {
        /// The flagged bytes: `&<>"'`, C0 controls, and 0xEF (which starts U+FFFE and U+FFFF).
        static let flagged: [Bool] = (0..<256).map { (byte: Int) -> Bool in
            byte < 0x20 || "&<>\"'".utf8.contains(UInt8(byte)) || byte == 0xEF
        }

        /// The index of the first flagged byte at or after `start`, if any: whole blocks of
        /// sixteen are passed over while none of their bytes is flagged (the usual case in
        /// prose), the rest is looked up in `flagged` a byte at a time.
        static func nextFlagged(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            let raw = UnsafeRawBufferPointer(bytes)
            var index = start
            while index + 16 <= bytes.count, !flagsAny(raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)) {
                index += 16
            }
            return flagged.withUnsafeBufferPointer { flagged in
                while index < bytes.count {
                    if flagged[Int(bytes[index])] { return index }
                    index += 1
                }
                return nil
            }
        }

        typealias Block = SIMD16<UInt8>
        typealias Mask = SIMDMask<SIMD16<Int8>>

        /// Whether any byte of `block` is flagged: the same test as `flagged`, made on sixteen
        /// bytes at once (`&` and `'` are 0x26 and 0x27, `<` and `>` 0x3C and 0x3E).
        @inline(__always)
        static func flagsAny(_ block: Block) -> Bool {
            let control: Mask = block .< Block(repeating: 0x20)
            let quote: Mask = block .== Block(repeating: UInt8(ascii: "\""))
            let ampersandOrApostrophe: Mask = (block | Block(repeating: 1)) .== Block(repeating: UInt8(ascii: "'"))
            let angleBracket: Mask = (block | Block(repeating: 2)) .== Block(repeating: UInt8(ascii: ">"))
            let ef: Mask = block .== Block(repeating: 0xEF)
            let any: Mask = control .| quote .| ampersandOrApostrophe .| angleBracket .| ef
            // The lanes of a mask are all ones or all zeros: any lane set leaves a nonzero word.
            let words = unsafeBitCast(any, to: SIMD2<UInt64>.self)
            return words[0] | words[1] != 0
        }
    }
}

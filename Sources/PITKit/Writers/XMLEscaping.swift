/// Makes text safe as XML 1.0 (and HTML) character data or attribute values: `&`, `<`, `>`, `"`
/// and `'` become character references, and characters XML 1.0 does not allow (C0 controls other
/// than tab, line feed and carriage return; U+FFFE and U+FFFF) are dropped.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes that may need replacing or dropping: `&<>"'`, controls, and 0xEF (U+FFFE, U+FFFF).
    private static let needsAttention: [Bool] = (0..<256).map { (byte: Int) -> Bool in
        let isControl = byte < 0x20
        return isControl || "&<>\"'".utf8.contains(UInt8(byte)) || byte == 0xEF
    }

    /// Appends `text`, escaped, to `output`.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if !needsAttention[Int(byte)] {
                    index += 1
                    continue
                }
                let replacement: StaticString?
                var skip = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case 0x09, 0x0A, 0x0D:
                    index += 1
                    continue
                case 0x00..<0x20:
                    replacement = ""
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    replacement = ""  // U+FFFE or U+FFFF
                    skip = 3
                default:
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                if let replacement {
                    output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                }
                index += skip
                start = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }
}

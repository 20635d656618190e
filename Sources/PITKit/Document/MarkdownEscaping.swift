import Mustache

/// Keeps user text literal on its way through the Markdown the templates render to: every
/// character the reader would take as markup gets a backslash, and line breaks become spaces (a
/// user value is never more than one paragraph's worth of text).
public enum MarkdownEscaping {
    /// What each byte needs: 0 nothing, 1 a backslash before it (a character `MarkdownReader`
    /// gives a meaning to), 2 to become a space (a line break).
    static let treatment: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in "\\*#-.+_`[]<>!|".utf8 { table[Int(byte)] = 1 }
        table[0x0A] = 2
        table[0x0D] = 2
        return table
    }()

    public static let escaper = Escaper { text, output in
        text.withUTF8Bytes { bytes in
            treatment.withUnsafeBufferPointer { treatment in
                // Runs of bytes that need nothing are copied whole.
                var start = 0
                for index in 0..<bytes.count {
                    let need = treatment[Int(bytes[index])]
                    guard need != 0 else { continue }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    if need == 1 {
                        output.append(UInt8(ascii: "\\"))
                        output.append(bytes[index])
                    } else {
                        output.append(UInt8(ascii: " "))
                    }
                    start = index + 1
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
            }
        }
    }
}

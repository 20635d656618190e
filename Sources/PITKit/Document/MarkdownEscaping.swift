import Mustache

/// Keeps user text literal on its way through the Markdown the templates render to: every
/// character the reader would take as markup gets a backslash, and line breaks become spaces (a
/// user value is never more than one paragraph's worth of text).
public enum MarkdownEscaping {
    /// The characters `MarkdownReader` gives a meaning to.
    static let special: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "\\*#-.+_`[]<>!|".utf8 { table[Int(byte)] = true }
        return table
    }()

    public static let escaper = Escaper { text, output in
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                output.append(UInt8(ascii: " "))
                continue
            }
            if special[Int(byte)] { output.append(UInt8(ascii: "\\")) }
            output.append(byte)
        }
    }
}

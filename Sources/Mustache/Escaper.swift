/// How interpolated text is escaped before it joins the output. Pluggable: HTML for web output,
/// none for plain text, or any escaping a caller's markup language needs.
public struct Escaper: Sendable {
    /// Appends `text`, escaped, to `output`.
    public let escape: @Sendable (_ text: String, _ output: inout [UInt8]) -> Void

    public init(_ escape: @escaping @Sendable (_ text: String, _ output: inout [UInt8]) -> Void) {
        self.escape = escape
    }

    /// The Mustache spec's escaping: `&`, `<`, `>`, `"` and `'` become character references.
    public static let html = Escaper { text, output in
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
    }

    /// No escaping: text is written as it is.
    public static let none = Escaper { text, output in output.append(contentsOf: text.utf8) }
}

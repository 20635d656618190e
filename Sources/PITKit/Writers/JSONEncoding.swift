/// Writes a `JSONValue` as JSON text: members in the order the value holds them (so a writer
/// chooses a stable key order), two-space indentation, strings escaped per RFC 8259 (`\"`, `\\`,
/// the short escapes, `\u00XX` for other controls; other characters stay UTF-8).
extension JSONValue {
    /// The value as indented JSON text, without a final newline.
    func encoded(indent: String = "") -> String {
        var output = ""
        encode(into: &output, indent: indent)
        return output
    }

    private func encode(into output: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(_, let text): output += text
        case .string(let text): output += Self.quoted(text)
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += inner
                item.encode(into: &output, indent: inner)
                output += index + 1 < items.count ? ",\n" : "\n"
            }
            output += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (index, member) in members.enumerated() {
                output += inner + Self.quoted(member.key) + ": "
                member.value.encode(into: &output, indent: inner)
                output += index + 1 < members.count ? ",\n" : "\n"
            }
            output += indent + "}"
        }
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{2028}", "\u{2029}": output += scalar == "\u{2028}" ? "\\u2028" : "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = Array("0123456789abcdef")
                    output += "\\u00" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 0xF)])
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}

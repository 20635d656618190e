/// Reads back the text of the RTF `RTFWriter` writes, one string per paragraph (`\par`): control
/// symbols and `\uN?` escapes decoded, `\tab` and `\line` as tab and line feed, the font table,
/// stylesheet, info, header and footer groups and ignorable (`\*`) destinations skipped. Enough
/// RTF to prove the writer's escaping round-trips.
enum RTFTextReader {
    static let skippedDestinations: Set = ["fonttbl", "stylesheet", "info", "header", "footer"]

    /// The paragraphs of the body, or with `destination` those of that group alone (`footer`).
    static func paragraphs(_ rtf: String, destination: String? = nil) -> [String] {
        let scalars = Array(rtf.unicodeScalars)
        var index = 0
        var paragraphs: [String] = []
        var current: [UInt16] = []
        // Per open group: whether its text is read.
        var reading: [Bool] = [destination == nil]
        func read() -> Bool { reading.last ?? false }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "{":
                reading.append(read())
                index += 1
            case "}":
                if reading.count > 1 { reading.removeLast() }
                index += 1
            case "\n", "\r":
                index += 1
            case "\\":
                index += 1
                guard index < scalars.count else { break }
                guard scalars[index].properties.isAlphabetic && scalars[index].isASCII else {
                    if scalars[index] == "*" {
                        reading[reading.count - 1] = false
                    } else if read() {
                        current += String(scalars[index]).utf16
                    }
                    index += 1
                    continue
                }
                var word = ""
                while index < scalars.count, scalars[index].isASCII, scalars[index].properties.isAlphabetic {
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                var parameter = ""
                if index < scalars.count, scalars[index] == "-" { parameter = "-"; index += 1 }
                while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                    parameter.unicodeScalars.append(scalars[index])
                    index += 1
                }
                if index < scalars.count, scalars[index] == " " { index += 1 }
                if word == destination { reading[reading.count - 1] = true }
                if skippedDestinations.contains(word) && word != destination { reading[reading.count - 1] = false }
                guard read() else { continue }
                switch word {
                case "par":
                    paragraphs.append(String(decoding: current, as: UTF16.self))
                    current = []
                case "tab": current.append(0x09)
                case "line": current.append(0x0A)
                case "u":
                    current.append(UInt16(bitPattern: Int16(parameter) ?? 0))
                    index += 1  // the fallback character
                default: break
                }
            default:
                if read() { current += String(scalar).utf16 }
                index += 1
            }
        }
        return paragraphs
    }

    /// Whether the braces balance, escaped ones aside.
    static func bracesBalance(_ rtf: String) -> Bool {
        var depth = 0
        var escaped = false
        for scalar in rtf.unicodeScalars {
            if escaped { escaped = false; continue }
            switch scalar {
            case "\\": escaped = true
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth < 0 { return false }
            default: break
            }
        }
        return depth == 0
    }
}

/// Fills words into lines no wider than a given number of columns, for help that fits a terminal.
enum TextWrapping {
    /// `text`'s paragraphs (separated by blank lines) re-filled to `width` columns, each line
    /// starting with `indent`; paragraphs stay separated by a blank line.
    static func paragraphs(_ text: String, width: Int, indent: String = "") -> String {
        paragraphList(text).map { fill($0, width: width, indent: indent) }.joined(separator: "\n")
    }

    /// The paragraphs of `text`, each one line (its line breaks become spaces).
    static func paragraphList(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " }) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line.drop { $0 == " " })
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }

    /// `text` filled to `width` columns: the first line starts with `indent`, the others with
    /// `hangingIndent` (by default `indent`); ends with a line break. A word wider than the
    /// space stays whole on its own line.
    static func fill(_ text: String, width: Int, indent: String, hangingIndent: String? = nil) -> String {
        fill(words: text.split(separator: " ").map(String.init), width: width, indent: indent, hangingIndent: hangingIndent)
    }

    /// A usage line filled to `width` columns, never breaking inside `[...]`.
    static func usage(_ text: String, width: Int, hangingIndent: String) -> String {
        fill(words: groupedWords(text), width: width, indent: "", hangingIndent: hangingIndent)
    }

    /// A shell command filled to `width` columns: broken between words (never inside quotes),
    /// each broken line ending with ` \\` so that the whole still pastes into a shell.
    static func command(_ text: String, width: Int, indent: String, hangingIndent: String) -> String {
        fill(words: groupedWords(text), width: width, indent: indent, hangingIndent: hangingIndent, continuation: " \\")
    }

    /// Words filled into lines; a line broken before a word ends with `continuation`.
    private static func fill(words: [String], width: Int, indent: String, hangingIndent: String?,
                             continuation: String = "") -> String {
        var output = ""
        var line = indent
        var lineHasWord = false
        for word in words {
            if lineHasWord && line.count + 1 + word.count + continuation.count > width {
                output += line + continuation + "\n"
                line = hangingIndent ?? indent
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        return output + line + "\n"
    }

    /// The words of a command or usage line, split at spaces outside quotes and brackets, each
    /// kept as typed.
    private static func groupedWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var depth = 0
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "[" {
                depth += 1
            } else if character == "]" {
                depth = max(0, depth - 1)
            } else if character == " " && depth == 0 {
                if !word.isEmpty { words.append(word) }
                word = ""
                continue
            }
            word.append(character)
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}

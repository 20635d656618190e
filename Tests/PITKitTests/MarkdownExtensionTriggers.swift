/// Reads Markdown as GFM and pandoc's Markdown would, for what their extensions act on beyond
/// CommonMark, and lists every place where an unescaped character would trigger one: strike-through
/// and subscripts (`~`), superscripts and notes (`^`), maths (`$`), citations, mentions and email
/// links (`@`), smart quotes, dashes and ellipses, bare URLs (`www.`, `scheme:`), emoji
/// (`:name:`), entity references, and the line starts pandoc reads as lists, definitions or
/// title blocks — besides CommonMark's own markup characters. For the plain paragraphs and list
/// items the tests write: the writer's own block markers (`#`, `-`, `*`, `1.`) are passed over.
enum MarkdownExtensionTriggers {
    static let markup: Set<Character> = ["~", "^", "$", "@", "\"", "*", "_", "`", "[", "]", "<", ">", "!", "|", "{", "}", "#", "\\"]

    static func find(in markdown: String) -> [String] {
        var found: [String] = []
        for (number, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(contentOf(line))
            // Each character with whether a backslash escapes it.
            var text: [(character: Character, escaped: Bool)] = []
            var index = 0
            while index < characters.count {
                if characters[index] == "\\", index + 1 < characters.count, characters[index + 1].isASCII, characters[index + 1].isPunctuation || characters[index + 1].isSymbol {
                    text.append((characters[index + 1], true))
                    index += 2
                } else {
                    text.append((characters[index], false))
                    index += 1
                }
            }
            func plain(_ at: Int) -> Character? { text.indices.contains(at) && !text[at].escaped ? text[at].character : nil }
            func isWord(_ at: Int) -> Bool { text.indices.contains(at) && (text[at].character.isLetter || text[at].character.isNumber) }
            func report(_ what: String, _ at: Int) { found.append("line \(number + 1), column \(at + 1): \(what)") }

            if let first = plain(0), "-+~:(%=".contains(first) { report("'\(first)' at the start of a line", 0) }
            let run = text.prefix { $0.character.isASCII && ($0.character.isLetter || $0.character.isNumber) }.map(\.character)
            if !run.isEmpty, let after = plain(run.count), after == "." || after == ")" {
                let word = String(run)
                if word.allSatisfy(\.isNumber) || word.count == 1 || word.allSatisfy({ "ivxlcdm".contains($0) }) || word.allSatisfy({ "IVXLCDM".contains($0) }) {
                    report("a list marker '\(word)\(after)'", run.count)
                }
            }
            for at in text.indices {
                guard let character = plain(at) else { continue }
                if markup.contains(character) { report("'\(character)'", at) }
                switch character {
                case "'" where !(isWord(at - 1) && isWord(at + 1)): report("a smart quote", at)
                case "-" where plain(at - 1) == "-": report("a smart dash", at)
                case "." where plain(at - 1) == ".": report("a smart ellipsis", at)
                case "." where at >= 3 && String(text[at - 3..<at].map(\.character)).lowercased() == "www" && !isWord(at - 4):
                    report("a www. autolink", at)
                case ":" where text.indices.contains(at + 1) && !text[at + 1].character.isWhitespace && !text[at + 1].character.isNumber:
                    report("a URL scheme or emoji", at)
                case "&" where text.indices.contains(at + 1) && (text[at + 1].character == "#" || text[at + 1].character.isLetter):
                    report("an entity reference", at)
                default: break
                }
            }
        }
        return found
    }

    /// A line without the writer's own block marker.
    static func contentOf(_ line: Substring) -> Substring {
        var rest = line
        if rest.hasPrefix("#") { rest = rest.drop { $0 == "#" }.dropFirst() }
        else if rest.hasPrefix("- ") || rest.hasPrefix("* ") { rest = rest.dropFirst(2) }
        else if let dot = rest.firstIndex(of: "."), dot > rest.startIndex, rest[..<dot].allSatisfy(\.isNumber),
                rest[rest.index(after: dot)...].hasPrefix(" ") {
            rest = rest[rest.index(dot, offsetBy: 2)...]
        }
        return rest
    }
}

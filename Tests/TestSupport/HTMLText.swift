import Foundation

/// Reading pit's HTML back in tests: the text of each block, as a reader of the page sees it.
public enum HTMLText {
    /// The text of each paragraph, heading and list item (one a line in pit's HTML), tags
    /// removed and character references decoded.
    public static func blocks(_ html: String) -> [String] {
        html.split(separator: "\n").filter { line in
            ["<p>", "<li>", "<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>"].contains { line.hasPrefix($0) }
        }.map { line in
            var text = ""
            var inTag = false
            for character in line {
                if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
            }
            return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}

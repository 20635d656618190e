import Foundation

/// pandoc, where it is installed, reading Markdown as a user's tools would.
public enum Pandoc {
    public static let path: String? = ["/usr/bin/pandoc", "/usr/local/bin/pandoc", "/opt/homebrew/bin/pandoc"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    public static var isInstalled: Bool { path != nil }

    /// The text of each paragraph pandoc reads in `markdown` as `format` (commonmark, gfm,
    /// markdown): words and spaces as they are, any other inline element as `<Type>` (so a
    /// strike-through, link, quotation or formula shows), any other block as `<Type>`.
    public static func paragraphTexts(_ markdown: String, from format: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["-f", format, "-t", "json"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let blocks = json?["blocks"] as? [[String: Any]] ?? []
        func inline(_ nodes: [[String: Any]]) -> String {
            nodes.map { node in
                switch node["t"] as? String {
                case "Str": return node["c"] as? String ?? ""
                case "Space", "SoftBreak": return " "
                case let type: return "<\(type ?? "?")>"
                }
            }.joined()
        }
        return blocks.map { block in
            let type = block["t"] as? String ?? "?"
            guard type == "Para" || type == "Plain" else { return "<\(type)>" }
            return inline(block["c"] as? [[String: Any]] ?? [])
        }
    }
}

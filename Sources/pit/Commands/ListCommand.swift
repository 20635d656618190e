import PITKit

/// `pit list`: every exemption the library knows, with its kind, layers and title.
enum ListCommand: Command {
    static let name = "list"
    static let abstract = "list the exemptions the template library knows"
    static let usage = "[--templates DIR...]"
    static let discussion = """
        One line an exemption: its id, its provision, its kind, the layers its files come from
        (built-in, then each overlay folder that adds or replaces any of them) and its title.
        """
    static let options: [OptionSpec] = [
        OptionSpec.value("templates", "DIR", "an overlay folder on the built-in library (also PIT_TEMPLATES)", repeatable: true)
            .completing(.directories),
    ]
    static let examples = [
        Example("The exemptions, with those your overlay adds or changes", "pit list --templates house-style"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let library = try arguments.templateLibrary()
        let exemptions = try library.exemptionIDs.map(library.exemption)
        let rows = exemptions.map { exemption in
            [exemption.id, "Section \(exemption.provision)", kinds(exemption),
             library.layerNames(under: "exemptions/\(exemption.id)").joined(separator: ", "), exemption.title]
        }
        return Array(columns(rows).utf8)
    }

    /// Rows of cells, each column but the last padded to its widest cell and two spaces.
    static func columns(_ rows: [[String]]) -> String {
        guard let count = rows.first?.count else { return "" }
        let widths = (0..<count).map { column in (rows.map { $0[column].count }.max() ?? 0) + 2 }
        return rows.map { row in
            row.indices.map { $0 == row.count - 1 ? row[$0] : pad(row[$0], widths[$0]) }.joined() + "\n"
        }.joined()
    }

    /// The exemption's kind, or its limbs' kinds where they differ: `absolute/class` for s37.
    static func kinds(_ exemption: Exemption) -> String {
        var kinds: [String] = []
        for kind in exemption.limbs.map({ $0.kind ?? exemption.kind }) + [exemption.kind] where !kinds.contains(kind.rawValue) {
            kinds.append(kind.rawValue)
        }
        return exemption.limbs.isEmpty ? exemption.kind.rawValue : kinds.joined(separator: "/")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}

import PITKit

/// `pit list`: every exemption the library knows, with its kind, layers and title.
enum ListCommand: Command {
    static let name = "list"
    static let abstract = "list the exemptions the template library knows"
    static let usage = "[--regime foia|eir|foisa|eisr] [--templates DIR...]"
    static let discussion = """
        One line an exemption: its id, its provision, its kind, the layers its files come from
        (built-in, then each overlay folder that adds or replaces any of them) and its title.
        The regime is --regime, else authority.json's, else FOIA.
        """
    static let options: [OptionSpec] = [
        OptionSpec.regime("the access regime (default: authority.json's, else foia)"),
        OptionSpec.value("templates", "DIR", "an overlay folder on the built-in library (also PIT_TEMPLATES)", repeatable: true)
            .completing(.directories),
    ]
    static let examples = [
        Example("The exemptions, with those your overlay adds or changes", "pit list --templates house-style"),
        Example("The exceptions of the Environmental Information Regulations 2004", "pit list --regime eir"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let library = try arguments.templateLibrary()
        let regime = try arguments.regime(in: library)
        let exemptions = try library.exemptionIDs(in: regime).map { try library.exemption($0, regime: regime) }
        let rows = exemptions.map { exemption in
            [exemption.id, "\(capitalized(exemption.word)) \(exemption.provision)", kinds(exemption),
             library.layerNames(under: "\(regime.exemptionsFolder)/\(exemption.id)").joined(separator: ", "), exemption.title]
        }
        return Array(columns(rows).utf8)
    }

    /// `section` → `Section`.
    static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

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

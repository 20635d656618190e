import PITKit

/// `pit list`: every exemption the library knows, with its kind and title.
enum ListCommand: Command {
    static let name = "list"
    static let abstract = "list the exemptions the template library knows"
    static let usage = "[--templates DIR...]"
    static let options: [OptionSpec] = [
        .value("templates", "DIR", "an overlay folder on the built-in library (also PIT_TEMPLATES)", repeatable: true),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let library = try arguments.templateLibrary()
        let exemptions = try library.exemptionIDs.map(library.exemption)
        let idWidth = (exemptions.map(\.id.count).max() ?? 0) + 2
        let citationWidth = (exemptions.map { "Section \($0.provision)".count }.max() ?? 0) + 2
        let kinds = exemptions.map(Self.kinds)
        let kindWidth = (kinds.map(\.count).max() ?? 0) + 2
        var output = ""
        for (exemption, kind) in zip(exemptions, kinds) {
            output += pad(exemption.id, idWidth) + pad("Section \(exemption.provision)", citationWidth)
                + pad(kind, kindWidth) + exemption.title + "\n"
        }
        return Array(output.utf8)
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

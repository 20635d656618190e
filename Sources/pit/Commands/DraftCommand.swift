import PITKit

/// `pit draft`: one PIT, on standard output or into a file.
enum DraftCommand: Command {
    static let name = "draft"
    static let abstract = "draft the public interest test for a request"
    static let usage = "--ref REF --exemption ID[,ID...] [options]"
    static let discussion = """
        The document goes to standard output (or to --output, written atomically); every message
        goes to standard error. Example: pit draft --ref 658A/22 --exemption s31
        """
    static let options: [OptionSpec] = [
        .value("ref", "REF", "the request reference (required; 1-64 characters)"),
        .value("exemption", "ID[,ID...]", "the exemptions applied, in order (required; see 'pit list')", repeatable: true),
        .value("limbs", "[ID=]a,b", "the lettered limbs that apply (default: the exemption's own)", repeatable: true),
        .value("likelihood", "would|likely", "the level of likelihood of prejudice (default: the exemption's own)"),
        .flag("ncnd", "neither confirm nor deny: cite each exemption's NCND subsection"),
        .value("variant", "[[ID.]SECTION=]NAME", "choose a variant of the sections (see 'pit show ID')", repeatable: true),
        .value("question", "TEXT", "a question of the request, quoted in the document", repeatable: true),
        .value("fact", "TEXT", "a case-specific point, placed where the templates put facts", repeatable: true),
        .value("authority", "NAME", "the authority's name (default: the library's authority.json)"),
        .value("authority-short", "SHORT", "the authority's short name"),
        .value("date", "YYYY-MM-DD", "the document date (default: today)"),
        .value("set", "KEY=VALUE", "an extra template variable", repeatable: true),
        .value("format", "FORMAT", "output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: "|")) (default: text, or from --output)"),
        .value("output", "FILE", "write the document to FILE instead of standard output"),
        .value("templates", "DIR", "an overlay folder on the built-in library; later wins (also PIT_TEMPLATES)", repeatable: true),
        .value("reference-docx", "FILE", "the authority's Word document or template: its styles, header and footer frame .docx output"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let format = try DraftOptions.format(named: arguments.value("format"), output: arguments.value("output"))
        let request = try DraftOptions.request(values: { arguments.values[$0.rawValue] }, ncnd: arguments.flag("ncnd"),
                                               today: DocumentDate.today)
        let library = try arguments.templateLibrary()
        let referencePath = arguments.value("reference-docx")
        let reference = format == .docx || referencePath != nil ? try ReferenceDocx.resolve(path: referencePath, library: library) : nil
        let bytes = try Drafter(library: library, referenceDocx: reference).write(request, as: format)
        if let output = arguments.value("output") {
            try FileSystem.writeAtomically(bytes, to: output)
            return []
        }
        if format.isBinary && FileSystem.isTerminal(1) {
            throw PITError.usage("the \(format.rawValue) format is binary: give --output FILE or redirect standard output")
        }
        return bytes
    }
}

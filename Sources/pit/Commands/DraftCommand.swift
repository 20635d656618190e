import PITKit

/// `pit draft`: one PIT, on standard output or into a file.
enum DraftCommand: Command {
    static let name = "draft"
    static let abstract = "draft the public interest test for a request"
    static let usage = "--ref REF --exemption ID[,ID...] [options]"
    static let discussion = """
        The document goes to standard output (or to --output, written atomically); every message
        goes to standard error.
        """
    /// Every draft option as declared in `DraftOption`, then the command's own (for help,
    /// completion and the manual page; parsing asks `form(ofOption:)`).
    static var options: [OptionSpec] { DraftOption.allCases.map(OptionSpec.init(draftOption:)) + ownOptions }
    /// The options of `pit draft` that are not draft options.
    private static let ownOptions: [OptionSpec] = [
        .value("templates", "DIR", "an overlay folder on the built-in library; later wins (also PIT_TEMPLATES)", repeatable: true)
            .completing(.directories),
        .value("reference-docx", "FILE", "the authority's Word document or template: its styles, header and footer frame .docx output")
            .completing(.files),
    ]
    /// How parsing reads the option called `name`, from its declaration alone: a draft starts
    /// without building the whole table. (Found among `allCases`: `init(rawValue:)` of so many
    /// cases builds a table of them at its first use.)
    static func form(ofOption name: String) -> OptionForm {
        if let option = DraftOption.allCases.first(where: { $0.rawValue == name }) { return OptionSpec(draftOption: option).form }
        return ownOptions.form(of: name)
    }
    static let examples = [
        Example("The default section 31 PIT, dated, for a named force",
                "pit draft --ref 658A/22 --exemption s31 --date 2022-06-01 --authority \"West Midlands Police\" --authority-short WMP"),
        Example("A variant in every section that has it", "pit draft --ref 658A/22 --exemption s31 --variant statistics"),
        Example("A variant for one section of one exemption", "pit draft --ref 349A/22 --exemption s24,s31 --variant s24.harm=covert-techniques"),
        Example("Neither confirm nor deny", "pit draft --ref FOI-027538 --exemption s31 --ncnd"),
        Example("Section 36, with the evidence the law needs, concluding for partial disclosure",
                "pit draft --ref 12/26 --exemption s36 --evidence \"qualified-person=Jane Smith, Chief Executive\" --evidence opinion-date=2026-05-05 --evidence \"opinion-basis=the draft report\" --outcome partial"),
        Example("An exclusive pair, relied on in the alternative", "pit draft --ref 77/26 --exemption s30,s31 --alternative"),
        Example("A Word document, in your house style", "pit draft --ref 658A/22 --exemption s31 --templates house-style --output 658A-22.docx"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        if arguments.value("output") == "" { throw PITError.usage("draft: --output is empty: name the file to write, or leave it out for standard output") }
        let format = try DraftOptions.format(named: arguments.value("format"), output: arguments.value("output"))
        let request = try DraftOptions.request(arguments, today: DocumentDate.today)
        let library = try arguments.templateLibrary()
        let referencePath = arguments.value("reference-docx")
        let reference = format == .docx || referencePath != nil ? try ReferenceDocx.resolve(path: referencePath, library: library) : nil
        let drafter = try Drafter(library: library, referenceDocx: reference)
        ProcessLifetime.keep(drafter)
        let draft = try drafter.draft(request)
        // Its document is many small objects too: kept, not freed one by one before the exit.
        ProcessLifetime.keep(draft)
        let bytes: [UInt8]
        do {
            bytes = try drafter.write(draft, strict: request.strict, as: format)
        } catch let failed as ChecksFailed {
            let place = arguments.value("output") ?? "draft"
            for finding in failed.findings { FileSystem.writeStandardError("pit: \(finding.line(file: place))\n") }
            FileSystem.writeStandardError("pit: --strict: \(failed.findings.count) finding\(failed.findings.count == 1 ? "" : "s"); nothing written (see 'pit help check')\n")
            throw AlreadyReported()
        }
        // Warnings are said once the draft is out, never beside an error.
        let warn = { for warning in drafter.warnings(for: request) { FileSystem.writeStandardError("pit: \(warning)\n") } }
        if let output = arguments.value("output") {
            try FileSystem.writeAtomically(bytes, to: output)
            warn()
            return []
        }
        if format.isBinary && FileSystem.isTerminal(1) {
            throw PITError.usage("the \(format.rawValue) format is binary: give --output FILE or redirect standard output")
        }
        warn()
        return bytes
    }
}

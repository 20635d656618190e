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
    /// Every draft option as declared in `DraftOption`, then the command's own.
    static let options: [OptionSpec] = DraftOption.allCases.map(OptionSpec.init(draftOption:)) + [
        .value("templates", "DIR", "an overlay folder on the built-in library; later wins (also PIT_TEMPLATES)", repeatable: true),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let format = try DraftOptions.format(named: arguments.value("format"), output: arguments.value("output"))
        let request = try DraftOptions.request(values: arguments.draftValues, today: DocumentDate.today)
        let library = try arguments.templateLibrary()
        let drafter = try Drafter(library: library)
        let bytes = try drafter.write(request, as: format)
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

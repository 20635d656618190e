import PITKit

/// `pit lint [DIR]`: checks a template library, the built-in one with overlays.
enum LintCommand: Command {
    static let name = "lint"
    static let abstract = "check a template folder: templates, variables, metadata, and the text each variant drafts"
    static let usage = "[DIR] [--templates DIR...] [--allow-set KEY...] [--format text|json]"
    static let discussion = """
        Checks the built-in library with DIR on top as an overlay (without DIR: with your own
        overlay, PIT_TEMPLATES and --templates, as pit draft reads them): every template parses;
        every name it uses is a documented variable, an evidence name its exemption declares, or a
        --set key allowed with --allow-set; each qualified exemption has a default variant of every
        section it needs, and its NCND forms where it has an NCND provision; exemption.json and
        authority.json are valid; every variant has a summary line; no file is one the library
        never uses; and the quality checks (see 'pit help check') find nothing in the text each
        variant drafts. Errors read FILE:LINE:COLUMN: error: message; a check's finding,
        FILE:LINE: PITnnn message. Exit 65 when there are errors; warnings alone exit 0.
        """
    static let options: [OptionSpec] = [
        .value("templates", "DIR", "an overlay folder on the built-in library; later wins (also PIT_TEMPLATES)", repeatable: true)
            .completing(.directories),
        .value("allow-set", "KEY", "a --set key the templates may use", repeatable: true),
        .value("format", "text|json", "the report: lines (default) or JSON").choices(["text", "json"]),
    ]
    static let arguments = [
        ArgumentSpec(name: "DIR", help: "the overlay folder to check (default: the library pit draft uses)", optional: true,
                     completion: .directories),
    ]
    static let examples = [
        Example("Check the built-in library", "pit lint"),
        Example("Check a house style that uses --set case_officer", "pit lint house-style --allow-set case_officer"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let json: Bool
        switch arguments.value("format") {
        case nil, "text": json = false
        case "json": json = true
        case let other?: throw PITError.usage("lint: --format must be 'text' or 'json', not '\(other)'")
        }
        let library = try arguments.positional(0).map { try TemplateLibrary(overlays: [$0]) } ?? arguments.templateLibrary()
        let findings = LibraryLinter.lint(library, allowedSetKeys: arguments.all("allow-set"))
        let report = json ? LintReport.json(findings) : LintReport.text(findings)
        guard !findings.contains(where: { $0.severity == .error }) else {
            try FileSystem.writeStandardOutput(Array(report.utf8))
            throw AlreadyReported()
        }
        return Array(report.utf8)
    }
}

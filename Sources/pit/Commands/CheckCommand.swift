import PITKit

/// `pit check [FILE|-]`: the quality checks on a draft a person may have edited.
enum CheckCommand: Command {
    static let name = "check"
    static let abstract = "run the quality checks on a draft: Markdown, text or a Word document"
    static let usage = "[FILE|-] [--regime R] [--exemption ID[,ID...]] [--ncnd] [--outcome OUTCOME] [--format text|json]"
    static let discussion = """
        Reads a draft (a .md, .txt or .docx file, or standard input) and reports what the checks
        below find, one line each: FILE:LINE: PITnnn message (in a Word document, LINE is the
        paragraph's number), or a JSON report with --format json, on standard output. The law it
        applies, the exemptions applied, and whether the draft neither confirms nor denies, are
        read from its citations unless --regime, --exemption and --ncnd say; --outcome adds the check that the balancing test
        concludes as the response does. Exit 0 when nothing is found, 65 when anything is, 66 when
        the file does not exist. The checks are below; the README says why each matters, and how
        to fix what it finds.
        """
    static let table: (title: String, rows: [(String, String)])? = ("Checks", Check.allCases.map { ($0.id, $0.summary) })
    static let options: [OptionSpec] = [
        .regime("the access regime (default: the one its citations show, else authority.json's, else foia)"),
        .value("exemption", "ID[,ID...]", "the exemptions applied, when the text cannot tell (default: its citations)", repeatable: true)
            .completing(.exemptions),
        .flag("ncnd", "the draft neither confirms nor denies (default: when it cites only NCND provisions)"),
        .value("outcome", "OUTCOME", "the response's outcome, which the balancing test must conclude (default: not checked)")
            .choices(Outcome.allCases.map(\.rawValue)),
        .value("format", "text|json", "the report: FILE:LINE lines (default) or JSON").choices(["text", "json"]),
        .value("input", "markdown|text|docx", "how to read the file (default: from its extension, else its content)")
            .choices(["markdown", "text", "docx"]),
        .value("templates", "DIR", "an overlay folder on the built-in library; later wins (also PIT_TEMPLATES)", repeatable: true)
            .completing(.directories),
    ]
    static let arguments = [
        ArgumentSpec(name: "FILE", help: "the draft: .md, .txt or .docx, or - for standard input (the default)", optional: true, completion: .files),
    ]
    static let examples = [
        Example("Check a draft after editing it in Word", "pit check 658A-22.docx"),
        Example("Check an NCND draft whose citations do not say so", "pit check draft.md --exemption s31 --ncnd"),
        Example("Check a Scottish EIR draft that cites no exception", "pit check draft.md --regime eisr --exemption 10-5-b"),
        Example("Check that a draft concludes to disclose in part, as JSON", "pit check draft.txt --outcome partial --format json"),
        Example("Check a draft as it is made", "pit draft --ref 1 --exemption s31 --fact \"...\" | pit check -"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let json: Bool
        switch arguments.value("format") {
        case nil, "text": json = false
        case "json": json = true
        case let other?: throw PITError.usage("check: --format must be 'text' or 'json', not '\(other)'")
        }
        let input = try arguments.value("input").map { name in
            guard let format = CheckDocument.Format(rawValue: name) else {
                throw PITError.usage("check: --input must be 'markdown', 'text' or 'docx', not '\(name)'")
            }
            return format
        }
        let outcome = try arguments.value("outcome").map { name in
            guard let outcome = Outcome(rawValue: name) else {
                let known = Outcome.allCases.map(\.rawValue)
                throw PITError.usage("unknown outcome '\(name)'\(Suggestion.didYouMean(name, in: known)) (--outcome takes \(known.joined(separator: ", ")))")
            }
            return outcome
        }
        let ids = arguments.all("exemption").flatMap { $0.split(separator: ",").map { String($0.trimmingBlanks) } }
        let library = try arguments.templateLibrary()
        let source = try FileSystem.readInput(arguments.positional(0) ?? "-")
        let findings = try FileCheck.run(source.bytes, name: source.name, format: input, library: library,
                                         regime: try arguments.givenRegime(), exemptionIDs: ids,
                                         ncnd: arguments.flag("ncnd") ? true : nil, outcome: outcome)
        let report = json ? FindingsReport.json(findings, file: source.name) : FindingsReport.text(findings, file: source.name)
        guard findings.isEmpty else {
            try FileSystem.writeStandardOutput(Array(report.utf8))
            throw AlreadyReported()
        }
        return json ? Array(report.utf8) : []
    }
}

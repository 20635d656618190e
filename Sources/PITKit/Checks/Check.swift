/// The quality checks, each with a stable id, what it looks for, why it matters (with its source
/// in the Act or the Information Commissioner's guidance) and how to fix what it finds. The ids
/// never change meaning; a new check takes the next number.
public enum Check: String, CaseIterable, Sendable {
    case missingPart = "PIT001"
    case harmTest = "PIT002"
    case caseSpecific = "PIT003"
    case balanceConclusion = "PIT004"
    case irrelevantFactor = "PIT005"
    case evidence = "PIT006"
    case placeholder = "PIT007"
    case sectionNotApplied = "PIT008"
    case exclusiveWeighedTogether = "PIT009"
    case ncndFraming = "PIT010"
    case absoluteWithTest = "PIT011"
    case presumption = "PIT012"

    public var id: String { rawValue }

    /// What the check looks for, in a few words.
    public var summary: String {
        switch self {
        case .missingPart: return "a required part is missing or empty: harm (prejudice-based), factors for, factors against, balancing test"
        case .harmTest: return "the harm does not state the provision's own test and level of likelihood"
        case .caseSpecific: return "nothing specific to the case: no --fact, only library text"
        case .balanceConclusion: return "the balancing test states no conclusion, or one that contradicts the outcome"
        case .irrelevantFactor: return "an irrelevant factor is weighed"
        case .evidence: return "evidence the exemption needs is not stated"
        case .placeholder: return "a placeholder is left in: {{, [insert, [Authority name], TODO, XXX"
        case .sectionNotApplied: return "an exemption is cited that is not among those applied"
        case .exclusiveWeighedTogether: return "exclusive exemptions are weighed together"
        case .ncndFraming: return "an NCND draft confirms or denies, or argues about disclosure"
        case .absoluteWithTest: return "an absolute exemption is given a public interest test"
        case .presumption: return "an EIR or Scottish EIR draft does not state the presumption in favour of disclosure"
        }
    }

    /// Why it matters, with the source.
    public var why: String {
        switch self {
        case .missingPart:
            return "A prejudice-based exemption is engaged only if disclosure would, or would be likely to, cause the prejudice, and a qualified one applies only if the public interest in maintaining it outweighs that in disclosure (FOIA s2(2)(b)); a PIT that leaves out the harm, either side of the balance or the weighing does not show either (ICO guidance \"The prejudice test\" and \"The public interest test\")."
        case .harmTest:
            return "The test is the provision's own: \"would, or would be likely to, prejudice\" (FOIA s31(1), s43(2) and most others), \"inhibit\" (s36(2)(b)), \"endanger\" (s38(1)), \"required for the purpose of safeguarding national security\" (s24(1), with no level of likelihood); under FOISA and the Scottish EIR the prejudice must be substantial (\"would, or would be likely to, prejudice substantially\": FOISA s33(1)(b), s35(1), Scottish EIR reg 10(5)); an EIR exception in regulation 12(5) applies only where disclosure \"would adversely affect\" the interest, with no \"likely to\" level (EIR reg 12(5); ICO guidance \"How exceptions and the public interest test work in the Environmental Information Regulations\"). Where the test has a level, the authority must say which it relies on: \"would\" (more probable than not) or \"would be likely to\" (a real and significant risk) (ICO guidance \"The prejudice test\"; Hogan and Oxford City Council v IC, EA/2005/0026 and 0030)."
        case .caseSpecific:
            return "The public interest is weighed in the circumstances of the case (FOIA s2(2)(b)); arguments that would fit any request do not show that this information would cause the harm claimed (ICO guidance \"The public interest test\" and \"The prejudice test\")."
        case .balanceConclusion:
            return "Information is withheld only if the public interest in maintaining the exemption outweighs that in disclosure (FOIA s2(2)(b); s2(1)(b) for the duty to confirm or deny): the PIT must say which way the balance falls, and say the same as the response does."
        case .irrelevantFactor:
            return "Embarrassment, the requester's identity or motive, the risk that the public would misunderstand the information, and the information being technical or complex are not public interest factors (ICO guidance \"The public interest test\", \"Irrelevant factors\"; Hogan and Oxford City Council v IC, EA/2005/0026 and 0030); the cost of answering is section 12's ground, not the public interest's; and each request is weighed \"in all the circumstances of the case\" (FOIA s2(2)(b)), so a precedent it might set is not a factor either."
        case .evidence:
            return "Some exemptions rest on facts the PIT must state: s36 the qualified person's reasonable opinion, who gave it and when (s36(2), (5)); s31(1)(g)-(i) the s31(2) purpose and the function it serves; s43 whose commercial interests, and for a third party its own representations (ICO guidance on s36, s31 and s43; Derry City Council v IC, EA/2006/0014)."
        case .placeholder:
            return "A response is a public document signed by the authority: text left for someone to fill in (\"[insert …]\", \"[Authority name]\", TODO, XXX, an unrendered {{tag}}) shows the reasoning was not finished."
        case .sectionNotApplied:
            return "A refusal notice must state the exemption relied on (FOIA s17(1)(b)); a PIT that argues a section the response does not apply, often left from another case, misstates the grounds."
        case .exclusiveWeighedTogether:
            return "Some exemptions cannot apply to the same information: s31(1) covers only information not exempt under s30, s36 only information not exempt under s35 (s36(1)(a)), s24(1) only information outside s23(1). They are relied on in the alternative, or for different parts of the information, never weighed together (ICO guidance \"How sections 23 and 24 interact\")."
        case .ncndFraming:
            return "Where the duty to confirm or deny is excluded (e.g. s31(3), s24(2)), the test is whether to confirm or deny (FOIA s1(1)(a), s2(1)(b)): a PIT that says information is or is not held, or weighs disclosing it, gives away what the response withholds (ICO guidance \"When to refuse to confirm or deny holding information\")."
        case .absoluteWithTest:
            return "No public interest test applies to an absolute exemption (FOIA s2(3); FOISA s2(2); EIR reg 13(1)(a) and Scottish EIR reg 11(2)(a) for personal data by the first condition): weighing one suggests the authority thinks it could be outweighed, and misstates the law."
        case .presumption:
            return "Under the environmental regulations the authority must apply a presumption in favour of disclosure (EIR reg 12(2); Scottish EIR reg 10(2), which also requires the exceptions to be interpreted in a restrictive way): the balance starts from disclosure, and a PIT that does not say so does not show that it was applied."
        }
    }

    /// How to fix what it finds.
    public var fix: String {
        switch self {
        case .missingPart: return "Add the missing part under its own heading: the harm (which interest, how disclosure causes the prejudice, how likely), the factors on each side, and the balancing test with its conclusion."
        case .harmTest: return "Use the provision's test words and state the level relied on, e.g. \"disclosure would be likely to prejudice the prevention or detection of crime\"; for s24, that exemption is \"required\" for national security, with no level."
        case .caseSpecific: return "Add what is particular to this request: what the information is, why its release would cause the harm (give it with --fact)."
        case .balanceConclusion: return "End the balancing test with its conclusion, matching the outcome: withheld, disclosed in part, or disclosed (for NCND: neither confirm nor deny, or confirm or deny)."
        case .irrelevantFactor: return "Remove the factor, or say that it has not been taken into account; argue only the interest the exemption protects."
        case .evidence: return "State the evidence (pit draft takes it with --evidence NAME=TEXT and --purposes; see 'pit show ID')."
        case .placeholder: return "Replace the placeholder with the text it stands for (the authority's name: --authority, or authority.json)."
        case .sectionNotApplied: return "Remove the reference, or apply that exemption too (--exemption), or say why it does not apply."
        case .exclusiveWeighedTogether: return "Rely on them in the alternative (--alternative) or for different parts of the information (--separate-parts), and weigh each alone."
        case .ncndFraming: return "Argue about confirming or denying whether information is held, never about its content or its release, and say nothing that shows whether it is held."
        case .absoluteWithTest: return "Drop the public interest test for that exemption: note that it is absolute (FOIA s2(3)) and weigh only the qualified ones."
        case .presumption: return "State the presumption in favour of disclosure, with its regulation, and weigh from it: the information is withheld only where the public interest in maintaining the exception outweighs that in disclosure."
        }
    }
}

/// One thing a check found, and where.
public struct Finding: Sendable, Equatable {
    public let check: Check
    /// One line saying what is wrong here.
    public let message: String
    /// The line (the paragraph number, in a Word document) it applies to.
    public let line: Int
    /// The heading of the section it is in; empty before the first heading.
    public let section: String

    public init(_ check: Check, _ message: String, line: Int, section: String) {
        self.check = check
        self.message = message
        self.line = line
        self.section = section
    }

    /// `FILE:LINE: PITnnn message`.
    public func line(file: String) -> String { "\(file):\(line): \(check.id) \(message)" }

    /// The finding with its check's explanation, as JSON.
    var json: JSONValue {
        .object([
            ("id", .string(check.id)), ("line", .number(Double(line), text: String(line))), ("section", .string(section)),
            ("message", .string(message)), ("why", .string(check.why)), ("fix", .string(check.fix)),
        ])
    }

    /// In the order of the document, then of the checks.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        var ordered: [Finding] = []
        ordered.reserveCapacity(findings.count)
        // Sorted, a finding found twice stands next to itself.
        for finding in findings.sorted(by: { ($0.line, $0.check.rawValue, $0.message) < ($1.line, $1.check.rawValue, $1.message) }) {
            if let last = ordered.last, last.line == finding.line, last.check == finding.check, last.message == finding.message { continue }
            ordered.append(finding)
        }
        return ordered
    }
}

/// Findings as a report: one `FILE:LINE: PITnnn message` line each, or JSON.
public enum FindingsReport {
    public static func text(_ findings: [Finding], file: String) -> String {
        findings.map { $0.line(file: file) + "\n" }.joined()
    }

    public static func json(_ findings: [Finding], file: String) -> String {
        JSONValue.object([("file", .string(file)), ("findings", .array(findings.map(\.json)))]).encoded() + "\n"
    }

    /// The README's table of the checks: id, what it finds, why it matters, how to fix it.
    public static var markdownTable: String {
        var table = "| id | finds | why it matters | how to fix |\n|---|---|---|---|\n"
        for check in Check.allCases {
            let cells = [check.id, check.summary, check.why, check.fix].map { cell in cell.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
            table += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return table
    }
}

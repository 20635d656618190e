@testable import PITKit
import Testing

/// The built-in library passes its own checks (`pit lint` finds nothing in it: see
/// QualityCheckCommandTests), and every default draft of every qualified exemption of every
/// regime that has wording (its required evidence and one fact given), alone and in the usual
/// pairs, normal and NCND, for each outcome, passes the checks — as drafted (`--strict`), and as
/// `pit check` reads its Markdown, text and Word forms, told neither the regime nor the
/// exemptions (its citations say).
struct LibraryChecksTests {
    static let library = LibraryWalkTests.library
    static let drafter = LibraryWalkTests.drafter

    static let pairs: [Regime.ID: [[String]]] = [
        .foia: [["s24", "s31"], ["s23", "s24"], ["s30", "s31"], ["s35", "s36"], ["s21", "s31"], ["s40-1", "s40"], ["s31", "s43"], ["s27", "s27-2"]],
        .eir: [["12-5-b", "12-5-e"], ["12-4-e", "12-5-f"], ["12-5-a", "13"]],
        .foisa: [["s30", "s33"], ["s35", "s39"], ["s25", "s35"]],
        .eisr: [["10-5-b", "10-5-e"], ["10-4-d", "10-4-e"]],
    ]

    /// Each exemption with wording alone and the usual pairs, as `regime id+id`.
    static let subjects: [String] = Regime.ID.allCases.flatMap { regime in
        (library.exemptionIDs(in: regime).map { [$0] } + (pairs[regime] ?? [])).compactMap { ids -> String? in
            let exemptions = ids.compactMap { try? library.exemption($0, regime: regime) }
            guard exemptions.contains(where: LibraryWalkTests.hasTemplates),
                  exemptions.allSatisfy({ !$0.isQualified || LibraryWalkTests.hasTemplates($0) }) else { return nil }
            return "\(regime.rawValue) \(ids.joined(separator: "+"))"
        }
    }

    @Test(arguments: subjects)
    func everyDefaultDraftPassesTheChecks(_ subject: String) throws {
        let parts = subject.split(separator: " ")
        let regime = try #require(Regime.ID(rawValue: String(parts[0])))
        let ids = parts[1].split(separator: "+").map(String.init)
        let exemptions = try ids.map { try Self.library.exemption($0, regime: regime) }
        for ncnd in exemptions.allSatisfy({ $0.ncnd != nil }) ? [false, true] : [false] {
            for outcome in Outcome.allCases {
                var request = DraftRequest(reference: "P/1", exemptionIDs: ids, date: LibraryWalkTests.date)
                request.regime = regime
                request.neitherConfirmNorDeny = ncnd
                for exemption in exemptions where exemption.isQualified {
                    let limbs = LibraryWalkTests.qualifiedLimbs(exemption)
                    if limbs != exemption.defaultLimbs { request.limbChoices.append(try LimbChoice(parsing: "\(exemption.id)=\(limbs.joined(separator: ","))")) }
                    request.evidence += LibraryWalkTests.evidence(exemption, limbs: limbs, all: false)
                }
                if exemptions.contains(where: { $0.exclusions.contains { ids.contains($0.id) } }) { request.relation = .alternative }
                request.authorityName = "Northshire Council"
                request.facts = ["The request asks for the figures by ward, which would show where patrols are thinnest at night."]
                request.outcome = outcome
                let label = "\(subject) \(ncnd ? "NCND " : "")\(outcome)"
                let draft = try Self.drafter.draft(request)
                #expect(try Self.drafter.findings(request).map { $0.line(file: "strict") } == [], "\(label)")
                // Every outcome as Markdown; the text and Word forms read the same (CheckReadingTests), once.
                var forms = [(CheckDocument.Format.markdown, MarkdownWriter().write(draft))]
                if outcome == .withhold { forms += [(.text, TextWriter().write(draft)), (.docx, DOCXWriter().write(draft))] }
                for (format, bytes) in forms {
                    let found = try FileCheck.run(bytes, name: format.rawValue, format: format, library: Self.library, exemptionIDs: [],
                                                  ncnd: nil, outcome: outcome)
                    #expect(found.map { $0.line(file: format.rawValue) } == [], "\(label) as \(format.rawValue)")
                }
            }
        }
    }

    /// What a template may use, as `pit lint` knows it, is what the drafter defines.
    @Test func theDocumentedVariablesAreTheDrafters() throws {
        var request = DraftRequest(reference: "1", exemptionIDs: ["s31", "s24"], date: LibraryWalkTests.date)
        request.authorityName = "N"
        let preparation = try Self.drafter.prepare(request, dateText: nil)
        let base = preparation.globals
        let laterGlobals: Set = ["questions", "has_questions", "facts", "has_facts",
                                 "exemptions", "exemption", "qualified_exemptions", "absolute_exemptions", "balance"]
        let exemptionType = TemplateVariables.exemption(limbKeys: [], evidence: [])
        let documented = TemplateVariables.globals(exemption: exemptionType, setKeys: [])
        #expect(Set(base.keys).union(laterGlobals) == Set(documented.keys))
        guard case .object(let authority)? = base["authority"], case .object(let fields)? = documented["authority"] else {
            Issue.record("authority is an object")
            return
        }
        #expect(Set(authority.keys) == Set(fields.keys))
        guard case .object(let regime)? = base["regime"], case .object(let regimeFields)? = documented["regime"] else {
            Issue.record("regime is an object")
            return
        }
        #expect(Set(regime.keys) == Set(regimeFields.keys))
        let variables = preparation.exemptions[0].variables
        guard case .object(let known) = exemptionType else { return }
        let sections = Set(Exemption.Section.allCases.map(\.rawValue))
        #expect(Set(variables.keys).union(sections) == Set(known.keys))
    }
}

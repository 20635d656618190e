import Foundation
@testable import PITKit
import Testing

/// Every check catches a planted defect and leaves a near miss alone, on a short PIT a person
/// might have written (Markdown, read as `pit check` reads it).
struct QualityCheckTests {
    static let library = LibraryWalkTests.library

    /// A sound section 31 PIT in the project's own words: no check finds anything in it.
    static let sound = """
        # Public Interest Test

        **Request reference:** 12/26

        ## Exemption applied

        - Section 31(1)(a) – Law enforcement

        ## Harm

        Section 31(1)(a) exempts information whose disclosure would, or would be likely to, prejudice the prevention or detection of crime. We consider that disclosure of the patrol rota would be likely to prejudice the prevention of crime, because it shows the hours when the town centre has nobody on foot patrol.

        ## Factors favouring disclosure

        Publishing the rota would show how the community safety budget is spent and let residents judge whether cover matches the calls they make.

        ## Factors favouring non-disclosure

        Anyone planning a burglary could read the rota and choose the unwatched hours, so the protection the patrols give would fall.

        ## Balancing test

        We have weighed openness about spending against the risk to the prevention of crime. We have concluded that the public interest in maintaining the exemption outweighs the public interest in disclosure, and the rota is therefore withheld.
        """

    static func findings(_ markdown: String, ids: [String] = [], ncnd: Bool? = nil, outcome: Outcome? = .withhold) throws -> [Finding] {
        try FileCheck.run(Array(markdown.utf8), name: "pit.md", format: .markdown, library: library, exemptionIDs: ids,
                          ncnd: ncnd, outcome: outcome)
    }

    /// The ids `markdown` gets, each once.
    static func ids(_ markdown: String, ids: [String] = [], ncnd: Bool? = nil, outcome: Outcome? = .withhold) throws -> Set<String> {
        Set(try findings(markdown, ids: ids, ncnd: ncnd, outcome: outcome).map(\.check.id))
    }

    static func replacing(_ old: String, with new: String, in text: String = sound) -> String {
        precondition(text.contains(old), "the fixture has no '\(old)'")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test func theSoundPITHasNoFinding() throws {
        #expect(try Self.findings(Self.sound).map { $0.line(file: "pit.md") } == [])
    }

    // MARK: PIT001

    @Test func missingPartIsFound() throws {
        let planted = Self.replacing("## Factors favouring disclosure\n\nPublishing the rota would show how the community safety budget is spent and let residents judge whether cover matches the calls they make.\n\n", with: "")
        let found = try Self.findings(planted)
        #expect(found.contains { $0.check == .missingPart && $0.message.contains("factors favouring disclosure") })
        let empty = Self.replacing("Publishing the rota would show how the community safety budget is spent and let residents judge whether cover matches the calls they make.", with: "")
        #expect(try Self.findings(empty).contains { $0.check == .missingPart && $0.message == "the section 'Factors favouring disclosure' is empty" && $0.line == 13 })
    }

    @Test func aHouseStylesOwnHeadingsAreParts() throws {
        var nearMiss = Self.replacing("## Factors favouring disclosure", with: "## Reasons for disclosure")
        nearMiss = Self.replacing("## Factors favouring non-disclosure", with: "## Reasons against disclosure", in: nearMiss)
        nearMiss = Self.replacing("## Balancing test", with: "## Conclusion", in: nearMiss)
        #expect(try !Self.ids(nearMiss).contains("PIT001"))
    }

    // MARK: PIT002

    @Test func harmWithoutItsTestOrLevelIsFound() throws {
        let noTest = Self.replacing("Section 31(1)(a) exempts information whose disclosure would, or would be likely to, prejudice the prevention or detection of crime. We consider that disclosure of the patrol rota would be likely to prejudice the prevention of crime,",
                                    with: "We consider that releasing the patrol rota could harm the prevention of crime,")
        #expect(try Self.findings(noTest).contains { $0.check == .harmTest && $0.message.contains("does not state its test") })
        // The test's own words state no level: "would, or would be likely to" is both.
        let noLevel = Self.replacing("We consider that disclosure of the patrol rota would be likely to prejudice the prevention of crime,",
                                     with: "We consider that disclosure of the patrol rota could damage the prevention of crime,")
        #expect(try Self.findings(noLevel).contains { $0.check == .harmTest && $0.message.contains("level of likelihood") })
    }

    @Test func eitherLevelStatedIsLeftAlone() throws {
        let would = Self.replacing("would be likely to prejudice the prevention of crime,", with: "would prejudice the prevention of crime,")
        #expect(try !Self.ids(would).contains("PIT002"))
    }

    /// The test words come from each provision's metadata: "endanger" (s38), "inhibit"
    /// (s36(2)(b)), "required" (s24, with no level).
    @Test(arguments: [
        ("Section 38(1)(a) – Health and safety", "s38", "would be likely to prejudice the physical health of the officers named", "would be likely to endanger the physical health of the officers named"),
        ("Section 36(2)(b)(i) – Prejudice to effective conduct of public affairs", "s36", "would be likely to prejudice the free and frank provision of advice", "would be likely to inhibit the free and frank provision of advice"),
        ("Section 24(1) – National security", "s24", "withholding the rota is needed to protect national security", "exemption from the duty to disclose the rota is required for the purpose of safeguarding national security"),
    ])
    func eachProvisionHasItsOwnTest(_ applied: String, _ id: String, _ planted: String, _ nearMiss: String) throws {
        func document(_ harm: String) -> String {
            var text = Self.replacing("- Section 31(1)(a) – Law enforcement", with: "- \(applied)")
            text = Self.replacing("Section 31(1)(a) exempts information whose disclosure would, or would be likely to, prejudice the prevention or detection of crime. We consider that disclosure of the patrol rota would be likely to prejudice the prevention of crime,",
                                  with: "The qualified person, the Chief Executive, gave the opinion on 5 May 2026 on the papers put before her. We consider that \(harm),", in: text)
            return text
        }
        #expect(try Self.findings(document(planted), ids: [id]).contains { $0.check == .harmTest })
        let found = try Self.findings(document(nearMiss), ids: [id])
        #expect(!found.contains { $0.check == .harmTest }, "\(found.map { $0.line(file: "x") })")
    }

    // MARK: PIT003

    @Test func aDraftWithNoFactIsFound() throws {
        var request = DraftRequest(reference: "1", exemptionIDs: ["s31"], date: LibraryWalkTests.date)
        request.authorityName = "Northshire Council"
        let drafter = LibraryWalkTests.drafter
        #expect(try drafter.findings(request).map(\.check) == [.caseSpecific])
        request.facts = ["The rota shows the hours when the town centre has nobody on foot patrol."]
        #expect(try drafter.findings(request) == [])
    }

    @Test func anEditedDraftOfLibraryTextOnlyIsFound() throws {
        var request = DraftRequest(reference: "1", exemptionIDs: ["s31"], date: LibraryWalkTests.date)
        request.authorityName = "Northshire Council"
        let libraryOnly = String(decoding: MarkdownWriter().write(try LibraryWalkTests.drafter.draft(request)), as: UTF8.self)
        #expect(try Self.ids(libraryOnly) == ["PIT003"])
        let ownParagraph = libraryOnly.replacingOccurrences(of: "## Factors favouring disclosure",
                                                            with: "The rota shows the hours when the town centre has nobody on foot patrol.\n\n## Factors favouring disclosure")
        #expect(try Self.ids(ownParagraph) == [])
    }

    // MARK: PIT004

    @Test func aBalanceWithoutAConclusionOrAgainstTheOutcomeIsFound() throws {
        let none = Self.replacing(" We have concluded that the public interest in maintaining the exemption outweighs the public interest in disclosure, and the rota is therefore withheld.", with: " Both carry weight.")
        #expect(try Self.findings(none).contains { $0.check == .balanceConclusion && $0.message.contains("states no conclusion") })
        let contrary = Self.replacing("outweighs the public interest in disclosure, and the rota is therefore withheld.", with: "does not outweigh the public interest in disclosure, and the rota is therefore disclosed.")
        #expect(try Self.findings(contrary).contains { $0.check == .balanceConclusion && $0.message.contains("but the outcome is that it is withheld") })
        #expect(try !Self.ids(contrary, outcome: .disclose).contains("PIT004"))
    }

    @Test func theRuleStatedAndOtherWordingsAreNotConclusions() throws {
        let nearMiss = Self.replacing("We have weighed openness about spending against the risk to the prevention of crime. We have concluded that the public interest in maintaining the exemption outweighs the public interest in disclosure, and the rota is therefore withheld.",
                                      with: "Information is withheld only if the public interest in maintaining the exemption outweighs the public interest in disclosure, which is therefore the question. On balance, the public interest favours withholding the rota.")
        #expect(try !Self.ids(nearMiss).contains("PIT004"))
    }

    // MARK: PIT005

    @Test(arguments: [
        "Release would embarrass the council and its officers.",
        "The requester's motives for asking are unclear.",
        "The figures could be misinterpreted by the public.",
        "The cost of answering further questions would be considerable.",
        "The rota is too technical for most readers.",
    ])
    func anIrrelevantFactorIsFound(_ sentence: String) throws {
        let planted = Self.replacing("so the protection the patrols give would fall.", with: "so the protection the patrols give would fall. \(sentence)")
        #expect(try Self.findings(planted).contains { $0.check == .irrelevantFactor && $0.section == "Factors favouring non-disclosure" })
    }

    @Test(arguments: [
        "Embarrassment is not a relevant factor and has not been weighed.",
        "The requester's identity has not been taken into account.",
        "We have not considered whether the figures might be misunderstood.",
    ])
    func aFactorSaidNotToCountIsLeftAlone(_ sentence: String) throws {
        let nearMiss = Self.replacing("so the protection the patrols give would fall.", with: "so the protection the patrols give would fall. \(sentence)")
        #expect(try !Self.ids(nearMiss).contains("PIT005"))
    }

    @Test func aQuotedQuestionThatMentionsCostIsLeftAlone() throws {
        var nearMiss = Self.replacing("## Harm", with: "## The request\n\n1. What was the cost of answering requests about patrols last year?\n\n## Harm")
        nearMiss = Self.replacing("Publishing the rota", with: "The request asks \"what was the cost of responding to requests about patrols\". Publishing the rota", in: nearMiss)
        #expect(try !Self.ids(nearMiss).contains("PIT005"))
    }

    // MARK: PIT006

    static let section36 = replacing("- Section 31(1)(a) – Law enforcement", with: "- Section 36(2)(b)(i) – Prejudice to effective conduct of public affairs",
                                     in: replacing("Section 31(1)(a) exempts information whose disclosure would, or would be likely to, prejudice the prevention or detection of crime. We consider that disclosure of the patrol rota would be likely to prejudice the prevention of crime,",
                                                   with: "The qualified person, the Chief Executive, gave the opinion on 5 May 2026 on the papers put before her: the draft rota and a note on its effect. In that opinion disclosure of the advice would be likely to inhibit the free and frank provision of advice,"))

    @Test func section36WithoutTheQualifiedPersonOrDateIsFound() throws {
        #expect(try !Self.ids(Self.section36).contains("PIT006"))
        let noPerson = Self.replacing("The qualified person, the Chief Executive, gave the opinion", with: "An opinion was given", in: Self.section36)
        #expect(try Self.findings(noPerson).contains { $0.check == .evidence && $0.message.contains("qualified person who gave the opinion") })
        let noDate = Self.replacing(" on 5 May 2026", with: "", in: Self.section36)
        #expect(try Self.findings(noDate).contains { $0.check == .evidence && $0.message.contains("the date") })
    }

    @Test func section31GWithoutItsPurposeIsFound() throws {
        func document(_ purpose: String) -> String {
            var text = Self.replacing("- Section 31(1)(a) – Law enforcement", with: "- Section 31(1)(g) – Law enforcement")
            text = Self.replacing("prejudice the prevention or detection of crime.", with: "prejudice the exercise of functions for a purpose of section 31(2). The function is trading standards enforcement\(purpose).", in: text)
            return text
        }
        #expect(try Self.findings(document("")).contains { $0.check == .evidence && $0.message.contains("purpose of section 31(2)") })
        #expect(try !Self.ids(document(", for the purpose of ascertaining whether any person has failed to comply with the law")).contains("PIT006"))
    }

    @Test func section43ThirdPartyWithoutRepresentationsIsFound() throws {
        func document(_ text: String) -> String {
            var document = Self.replacing("- Section 31(1)(a) – Law enforcement", with: "- Section 43(2) – Commercial interests")
            document = Self.replacing("Section 31(1)(a) exempts information whose disclosure would, or would be likely to, prejudice the prevention or detection of crime. We consider that disclosure of the patrol rota would be likely to prejudice the prevention of crime,",
                                      with: "\(text) We consider that disclosure of the rates would be likely to prejudice the commercial interests of Acme Ltd,", in: document)
            return document
        }
        #expect(try Self.findings(document("Acme Ltd, a third party, supplies the patrol vehicles.")).contains { $0.check == .evidence && $0.message.contains("when consulted") })
        #expect(try !Self.ids(document("Acme Ltd, a third party, supplies the patrol vehicles; its representations of 3 March 2026 say its rivals would undercut it.")).contains("PIT006"))
    }

    // MARK: PIT007

    @Test(arguments: ["[insert date]", "TODO", "[Authority name]", "{{ref}}", "XXX"])
    func aPlaceholderIsFound(_ placeholder: String) throws {
        let planted = Self.replacing("the calls they make.", with: "the calls they make on \(placeholder).")
        #expect(try Self.findings(planted).contains { $0.check == .placeholder && $0.message.contains(placeholder) && $0.line == 15 })
    }

    @Test func wordsThatOnlyLookLikePlaceholdersAreLeftAlone() throws {
        let nearMiss = Self.replacing("the calls they make.", with: "the calls they make, logged in a todo list app in sizes from M to XXXL [in square brackets].")
        #expect(try !Self.ids(nearMiss).contains("PIT007"))
    }

    // MARK: PIT008

    @Test func aSectionNotAppliedIsFound() throws {
        let planted = Self.replacing("so the protection the patrols give would fall.", with: "so the protection the patrols give would fall, and section 24(1) is also engaged.")
        #expect(try Self.findings(planted).contains { $0.check == .sectionNotApplied && $0.message.hasPrefix("cites section 24,") })
    }

    @Test func sectionsSaidNotToApplyAndOtherActsAreLeftAlone() throws {
        let nearMiss = Self.replacing("so the protection the patrols give would fall.", with: "so the protection the patrols give would fall. Section 31(1) applies only to information that is not exempt under section 30. The cost limit of section 12 of the Act plays no part, and section 40 of the Police Act 1996 is another law.")
        #expect(try !Self.ids(nearMiss).contains("PIT008"))
    }

    // MARK: PIT009

    static let pair = replacing("- Section 31(1)(a) – Law enforcement", with: "- Section 30(1)(a) – Investigations and proceedings\n- Section 31(1)(a) – Law enforcement")

    @Test func exclusiveExemptionsWeighedTogetherAreFound() throws {
        let planted = Self.replacing("## Balancing test", with: "## Combined balancing test", in: Self.pair)
        #expect(try Self.findings(planted).contains { $0.check == .exclusiveWeighedTogether })
    }

    @Test func exclusiveExemptionsInTheAlternativeAreLeftAlone() throws {
        let nearMiss = Self.replacing("## Harm", with: "The exemptions are relied on in the alternative.\n\n## Harm", in: Self.pair)
        #expect(try !Self.ids(nearMiss).contains("PIT009"))
    }

    // MARK: PIT010

    static let ncnd = replacing("- Section 31(1)(a) – Law enforcement", with: "- Section 31(3) – Law enforcement",
                                in: replacing("## Factors favouring disclosure", with: "## Factors favouring confirming or denying",
                                              in: replacing("## Factors favouring non-disclosure", with: "## Factors favouring neither confirming nor denying",
                                                            in: replacing("and the rota is therefore withheld.", with: "and we therefore neither confirm nor deny that a rota is held. Nothing in this response should be taken as an indication that information is, or is not, held."))))

    @Test func anNCNDDraftThatConfirmsOrArguesDisclosureIsFound() throws {
        #expect(try !Self.ids(Self.ncnd).contains("PIT010"))
        let confirms = Self.replacing("so the protection the patrols give would fall.", with: "so the protection the patrols give would fall. The information is held on the duty system.", in: Self.ncnd)
        #expect(try Self.findings(confirms).contains { $0.check == .ncndFraming && $0.message.contains("is held") })
        let heading = Self.replacing("## Factors favouring confirming or denying", with: "## Factors favouring disclosure", in: Self.ncnd)
        #expect(try Self.findings(heading).contains { $0.check == .ncndFraming && $0.message.contains("heading") })
        let concludes = Self.replacing("and we therefore neither confirm nor deny that a rota is held.", with: "and the rota is therefore withheld.", in: Self.ncnd)
        #expect(try Self.findings(concludes).contains { $0.check == .ncndFraming && $0.message.contains("concludes about disclosing") })
    }

    @Test func anNCNDDraftThatWeighsWhetherToConfirmIsLeftAlone() throws {
        let nearMiss = Self.replacing("so the protection the patrols give would fall.", with: "so the protection the patrols give would fall. We have considered whether saying that the information is held would reveal what is known.", in: Self.ncnd)
        #expect(try !Self.ids(nearMiss).contains("PIT010"))
    }

    // MARK: PIT011

    @Test func anAbsoluteExemptionWithATestIsFound() throws {
        let planted = Self.replacing("- Section 31(1)(a) – Law enforcement", with: "- Section 21(1) – Information accessible by other means")
        #expect(try Self.findings(planted).contains { $0.check == .absoluteWithTest })
    }

    @Test func anAbsoluteExemptionNotedBesideAQualifiedOneIsLeftAlone() throws {
        var request = DraftRequest(reference: "1", exemptionIDs: ["s23", "s24"], date: LibraryWalkTests.date)
        request.neitherConfirmNorDeny = true
        request.authorityName = "Northshire Police"
        request.facts = ["The request names an operation that has been reported in the press."]
        let draft = try LibraryWalkTests.drafter.draft(request)
        #expect(try LibraryWalkTests.drafter.findings(request) == [])
        let markdown = String(decoding: MarkdownWriter().write(draft), as: UTF8.self)
        let found = try Self.findings(markdown, outcome: nil)
        #expect(found.map { $0.line(file: "x") } == [], "\(markdown)")
    }
}

/// The quick test that lets a batch skip most texts never skips one the text checks would fault.
struct TextCheckPrefilterTests {
    @Test func everyPhraseInAnyCaseIsLetThrough() {
        var phrases = IrrelevantFactor.allCases.flatMap(\.phrases) + TextChecks.placeholders + TextChecks.confirming
        phrases += ["section 24", "s.30 applies", "regulation 12(4)"]
        let facts = TextChecks.Facts(ncnd: true, applied: ["31"], known: ["24", "30", "31"], citations: "Section 31(3)")
        for phrase in phrases {
            for text in ["\(phrase)", "Before \(phrase.uppercased()) after.", "A ‘quoted’ \(phrase).", "It was \(phrase.capitalized)"] {
                var found = false
                TextChecks.scan(FoldedText(text), original: text, part: .against, facts: facts) { _, _, _ in found = true }
                if found { #expect(TextChecks.mayFind(in: text), "\(text)") }
                var quoted = false
                TextChecks.scan(FoldedText(text), original: text, part: .request, facts: facts) { _, _, _ in quoted = true }
                if quoted { #expect(TextChecks.mayFindPlaceholder(in: text), "\(text)") }
            }
        }
        #expect(!TextChecks.mayFind(in: "The figures are broken down by ward and by month."))
        // Words that begin like a phrase ("requester's", "complex or", "would not", "records show").
        #expect(!TextChecks.mayFind(in: "The Request asks whether the company would help; it is recorded in appendices."))
    }
}

/// The README explains every check — its id, why it matters with its source, how to fix it —
/// from the one declaration in `Check`.
struct CheckDocumentationTests {
    @Test func theReadmeTableIsTheChecksOwn() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains("<!-- checks: generated from Check; a test keeps it equal to FindingsReport.markdownTable -->\n"
                              + FindingsReport.markdownTable + "<!-- end of checks -->"),
                "README's table of checks differs from FindingsReport.markdownTable: copy it from there")
        for check in Check.allCases {
            #expect(!check.why.isEmpty && !check.fix.isEmpty && text.contains("| \(check.id) |"))
        }
    }
}

/// `pit check` reads what was applied from the citations, as pit writes them and as people do.
struct CitationReadingTests {
    static let known = LibraryWalkTests.library.exemptionIDs.compactMap { try? LibraryWalkTests.library.exemption($0) }

    static func read(_ text: String) -> [String] {
        let folded = FoldedText(text)
        return CitationReader.citations(in: folded).compactMap { citation in
            CitationReader.resolve(citation, in: folded, among: known).map { resolved in
                "\(resolved.exemption.id) \(resolved.letters.joined(separator: ","))\(resolved.purposes.isEmpty ? "" : " +" + resolved.purposes.joined(separator: ","))\(resolved.ncnd ? " ncnd" : "")"
            }
        }
    }

    @Test func citationsNameTheirExemptionsLimbsAndPurposes() {
        #expect(Self.read("Section 31(1)(a)(b) – Law enforcement") == ["s31 a,b"])
        #expect(Self.read("section 31(1)(a) and (b)") == ["s31 a,b"])
        #expect(Self.read("Section 31(1)(g) and (2)(a)(c)") == ["s31 g +a,c"])
        #expect(Self.read("Section 31(1)(h) and (i)") == ["s31 h,i"])
        #expect(Self.read("Section 36(2)(b)(i)(ii)") == ["s36 b(i),b(ii)"])
        #expect(Self.read("Section 40(2) by virtue of section 40(4A)") == ["s40 third"])
        #expect(Self.read("Section 27(4)(b)") == ["s27-2  ncnd"])
        #expect(Self.read("Section 31(3)") == ["s31  ncnd"])
        #expect(Self.read("s.43(2) and sections 23 and 24") == ["s43 ", "s23 ", "s24 "])
        #expect(Self.read("section 1(1)(a) of the Act; 1990 figures; the 3rd section") == [])
    }
}

@testable import PITKit
import Testing

/// The quality checks under the EIR, FOISA and the Scottish EIR: each regime's test words,
/// presumption and citations, each change with a planted defect it catches and a near miss it
/// leaves alone, on short PITs a person might have written (read as `pit check` reads them).
struct RegimeCheckTests {
    /// A sound EIR regulation 12(5)(b) PIT in the project's own words.
    static let eir = """
        # Public Interest Test

        **Request reference:** E/26

        ## Exception applied

        - Regulation 12(5)(b) – The course of justice

        Under regulation 12(2) of the Environmental Information Regulations 2004 we apply a presumption in favour of disclosure.

        ## Harm

        Regulation 12(5)(b) applies where disclosure would adversely affect the course of justice. The site inspection notes are evidence in a prosecution for pollution of the river that comes to trial in March, and we consider that releasing them now would adversely affect the course of justice, because witnesses could shape their accounts to what the notes record.

        ## Factors favouring disclosure

        Residents downstream want to know what the inspectors found and whether the river is safe to fish.

        ## Factors favouring non-disclosure

        The court must hear the evidence untouched by public comment, and the prosecution could fail if the notes were published first.

        ## Balancing test

        Starting from the presumption in favour of disclosure, we have weighed the residents' interest in the river against the fairness of the trial. We have concluded that the public interest in maintaining the exception outweighs the public interest in disclosure, and the notes are therefore withheld.
        """

    /// A sound FOISA section 35(1)(a) PIT.
    static let foisa = """
        # Public Interest Test

        **Request reference:** S/26

        ## Exemption applied

        - Section 35(1)(a) – Law enforcement

        ## Harm

        Section 35(1)(a) exempts information whose disclosure would, or would be likely to, prejudice substantially the prevention or detection of crime. We consider that disclosure of the patrol rota would be likely to prejudice substantially the prevention of crime, because it shows the hours when the town centre has nobody on foot patrol.

        ## Factors favouring disclosure

        Publishing the rota would show how the community safety budget is spent and let residents judge whether cover matches the calls they make.

        ## Factors favouring non-disclosure

        Anyone planning a burglary could read the rota and choose the unwatched hours, so the protection the patrols give would fall.

        ## Balancing test

        We have weighed openness about spending against the risk to the prevention of crime. We have concluded that the public interest in disclosing the rota is outweighed by the public interest in maintaining the exemption, and the rota is therefore withheld.
        """

    static func findings(_ markdown: String, regime: Regime.ID? = nil, ids: [String] = []) throws -> [Finding] {
        try FileCheck.run(Array(markdown.utf8), name: "pit.md", format: .markdown, library: QualityCheckTests.library, regime: regime,
                          exemptionIDs: ids, ncnd: nil, outcome: .withhold)
    }

    static func lines(_ markdown: String, regime: Regime.ID? = nil) throws -> [String] {
        try findings(markdown, regime: regime).map { $0.line(file: "pit.md") }
    }

    static func replacing(_ old: String, with new: String, in text: String) -> String {
        precondition(text.contains(old), "the fixture has no '\(old)'")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test func theSoundPITsHaveNoFinding() throws {
        #expect(try Self.lines(Self.eir) == [])
        #expect(try Self.lines(Self.foisa) == [])
        // Told the regime, the same.
        #expect(try Self.lines(Self.eir, regime: .eir) == [])
        #expect(try Self.lines(Self.foisa, regime: .foisa) == [])
    }

    /// The regime comes from the citations: regulation 12 is the EIR's, 10 the Scottish EIR's; a
    /// section cited beside FOISA's own words is FOISA's.
    @Test func theRegimeIsReadFromTheCitations() throws {
        let document = { (markdown: String) in try CheckDocument.read(Array(markdown.utf8), format: .markdown, name: "pit.md") }
        let library = QualityCheckTests.library
        func regime(_ markdown: String) throws -> Regime.ID {
            try CheckSubject(reading: try document(markdown), library: library, ids: [], ncnd: nil, outcome: nil).regime.id
        }
        #expect(try regime(Self.eir) == .eir)
        #expect(try regime(Self.foisa) == .foisa)
        #expect(try regime(QualityCheckTests.sound) == .foia)
        let scottish = Self.replacing("Regulation 12(5)(b)", with: "Regulation 10(5)(b)", in: Self.eir)
            .replacingOccurrences(of: "regulation 12(2) of the Environmental Information Regulations 2004", with: "regulation 10(2) of the Environmental Information (Scotland) Regulations 2004")
        #expect(try regime(scottish) == .eisr)
        let subject = try CheckSubject(reading: try document(Self.eir), library: library, ids: [], ncnd: nil, outcome: nil)
        #expect(subject.exemptions.map(\.exemption.id) == ["12-5-b"])
        // A FOISA NCND citation names the exemption it serves: one NCND citation of s35.
        let ncnd = Self.replacing("- Section 35(1)(a) – Law enforcement", with: "- Section 18(1) with section 35(1)(a) – Law enforcement", in: Self.foisa)
        let served = try CheckSubject(reading: try document(ncnd), library: library, ids: [], ncnd: nil, outcome: nil)
        #expect(served.exemptions.map(\.exemption.id) == ["s35"] && served.ncnd)
    }

    // MARK: PIT008

    @Test func anotherExceptionCitedIsFound() throws {
        let planted = Self.replacing("published first.", with: "published first, and regulation 12(5)(e) is also engaged.", in: Self.eir)
        #expect(try Self.findings(planted).contains { $0.check == .sectionNotApplied && $0.message.hasPrefix("cites regulation 12(5)(e),") })
        let capital = Self.replacing("published first.", with: "published first. Regulation 12(4)(e) covers the notes as well.", in: Self.eir)
        #expect(try Self.findings(capital).contains { $0.check == .sectionNotApplied && $0.message.hasPrefix("cites regulation 12(4)(e),") })
        let scottish = Self.replacing("so the protection the patrols give would fall.", with: "so the protection the patrols give would fall; section 30(c) applies too.", in: Self.foisa)
        #expect(try Self.findings(scottish).contains { $0.check == .sectionNotApplied && $0.message.hasPrefix("cites section 30,") })
    }

    /// Regulations that are not exceptions, FOIA's section 12, and FOISA's section 18(1) are not exemptions applied or not.
    @Test func provisionsThatAreNotExceptionsAreLeftAlone() throws {
        let nearMiss = Self.replacing("published first.", with: "published first. The test is regulation 12(1)(b), read with regulation 12(9), and the Regulations have nothing like section 12 of the Act; regulation 12(4) lists other exceptions.", in: Self.eir)
        #expect(try !Self.findings(nearMiss).contains { $0.check == .sectionNotApplied })
        let foia = QualityCheckTests.replacing("so the protection the patrols give would fall.", with: "so the protection the patrols give would fall, and regulation 12(5)(b) is not in point.")
        #expect(try !QualityCheckTests.ids(foia).contains("PIT008"))
        let scottish = Self.replacing("so the protection the patrols give would fall.", with: "so the protection the patrols give would fall. Section 18(1) and section 2(1)(b) of the Act frame the test.", in: Self.foisa)
        #expect(try !Self.findings(scottish).contains { $0.check == .sectionNotApplied })
    }

    // MARK: PIT002

    @Test func anEIRHarmArguingLikelihoodIsFound() throws {
        let likely = Self.replacing("we consider that releasing them now would adversely affect", with: "we consider that releasing them now would be likely to adversely affect", in: Self.eir)
            .replacingOccurrences(of: "applies where disclosure would adversely affect", with: "applies where disclosure adversely affects")
        #expect(try Self.findings(likely).contains { $0.check == .harmTest && $0.message.contains("a level its test does not have") })
        let could = Self.replacing("we consider that releasing them now would adversely affect", with: "we consider that releasing them now could adversely affect", in: Self.eir)
            .replacingOccurrences(of: "applies where disclosure would adversely affect", with: "applies where disclosure adversely affects")
        #expect(try Self.findings(could).contains { $0.check == .harmTest && $0.message.contains("does not state that disclosure would adversely affect") })
    }

    @Test func anEIRHarmSayingLikelyIsNotEnoughIsLeftAlone() throws {
        let nearMiss = Self.replacing("Regulation 12(5)(b) applies where", with: "It is not enough that disclosure would be likely to adversely affect a process. Regulation 12(5)(b) applies where", in: Self.eir)
        #expect(try !Self.findings(nearMiss).contains { $0.check == .harmTest })
    }

    @Test func aFOISAHarmWithoutSubstantialPrejudiceIsFound() throws {
        var planted = Self.replacing("would, or would be likely to, prejudice substantially the prevention", with: "would, or would be likely to, prejudice the prevention", in: Self.foisa)
        planted = Self.replacing("would be likely to prejudice substantially the prevention of crime,", with: "would be likely to prejudice the prevention of crime, a harm we judge to be substantial,", in: planted)
        #expect(try Self.findings(planted, regime: .foisa).contains { $0.check == .harmTest && $0.message.contains("does not state its test") })
    }

    @Test func substantialPrejudiceInOtherWordsIsLeftAlone() throws {
        let nearMiss = Self.replacing("would be likely to prejudice substantially the prevention of crime,", with: "would be likely to cause substantial prejudice to the prevention of crime,", in: Self.foisa)
        #expect(try !Self.findings(nearMiss).contains { $0.check == .harmTest })
    }

    // MARK: PIT012

    @Test func anEIRDraftWithoutThePresumptionIsFound() throws {
        var planted = Self.replacing("Under regulation 12(2) of the Environmental Information Regulations 2004 we apply a presumption in favour of disclosure.\n\n", with: "", in: Self.eir)
        planted = Self.replacing("Starting from the presumption in favour of disclosure, we", with: "We", in: planted)
        let found = try Self.findings(planted).filter { $0.check == .presumption }
        #expect(found.map(\.message) == ["does not state the presumption in favour of disclosure that regulation 12(2) of the Environmental Information Regulations 2004 requires"])
        #expect(found.first?.section == "Balancing test")
        let scottish = planted.replacingOccurrences(of: "Regulation 12(5)(b)", with: "Regulation 10(5)(b)")
            .replacingOccurrences(of: "would adversely affect the course of justice", with: "would prejudice substantially the course of justice")
        #expect(try Self.findings(scottish, regime: .eisr).contains { $0.check == .presumption && $0.message.contains("regulation 10(2)") })
    }

    @Test func thePresumptionInOtherWordsAndFOIADraftsAreLeftAlone() throws {
        var nearMiss = Self.replacing("we apply a presumption in favour of disclosure.", with: "we start from a presumption in favour of disclosing what is asked for.", in: Self.eir)
        nearMiss = Self.replacing("Starting from the presumption in favour of disclosure, we", with: "We", in: nearMiss)
        #expect(try !Self.findings(nearMiss).contains { $0.check == .presumption })
        #expect(try !QualityCheckTests.ids(QualityCheckTests.sound).contains("PIT012"))
        #expect(try !Self.findings(Self.foisa).contains { $0.check == .presumption })
    }

    // MARK: PIT004

    /// The presumption is where the weighing starts: "in favour of disclosure" in it is no conclusion.
    @Test func thePresumptionIsNotAConclusion() throws {
        let reading = BalanceReading(FoldedText("Starting from the presumption in favour of disclosure, we have concluded that the information is withheld."))
        #expect(reading.conclusions == [.withhold])
        let ncnd = BalanceReading(FoldedText("We have concluded that the public interest in neither confirming nor denying does not outweigh the public interest in confirming or denying. We will therefore confirm or deny whether it is held."))
        #expect(ncnd.conclusions == [.disclose])
        // Outside the presumption the same words still conclude.
        let released = BalanceReading(FoldedText("We have therefore concluded that the balance is in favour of disclosure."))
        #expect(released.conclusions == [.disclose])
    }
}

@testable import PITKit
import Testing

/// The statute tables of the other UK regimes: for every exception of the Environmental
/// Information Regulations 2004 and the Environmental Information (Scotland) Regulations 2004,
/// and every exemption of the Freedom of Information (Scotland) Act 2002, what the library's
/// metadata says of the law, row by row against its source; then each regime's own rules.
struct RegimeStatuteTableTests {
    static let library = TemplateLibrary(layers: [.builtIn])

    struct Row: CustomStringConvertible, Sendable {
        let regime: Regime.ID
        let id: String
        /// The limbs drafted (empty: the exemption's default limbs).
        let limbs: [String]
        let citation: String
        let kind: Exemption.Kind
        /// The test words, nil for class-based and absolute provisions.
        let test: String?
        /// Whether the test has a level of likelihood ("would" / "would be likely to").
        let levels: Bool
        /// The NCND citation, nil where the law allows no NCND response for the provision.
        let ncnd: String?
        /// The provision that bars it for information on emissions.
        let emissions: String?
        /// The evidence a draft of this provision must be given.
        let evidence: [String]
        let source: String

        init(_ regime: Regime.ID, _ id: String, limbs: [String] = [], _ citation: String, _ kind: Exemption.Kind, test: String? = nil,
             levels: Bool = false, ncnd: String? = nil, emissions: String? = nil, evidence: [String] = [], source: String) {
            self.regime = regime
            self.id = id
            self.limbs = limbs
            self.citation = citation
            self.kind = kind
            self.test = test
            self.levels = levels
            self.ncnd = ncnd
            self.emissions = emissions
            self.evidence = evidence
            self.source = source
        }

        var description: String { "\(regime.rawValue) \(id) \(limbs)" }
    }

    static let adversely = "would adversely affect"
    static let substantially = "would, or would be likely to, prejudice substantially"
    static let eirRegulation12 = "EIR reg 12 (legislation.gov.uk/uksi/2004/3391/regulation/12)"
    static let eisrRegulation10 = "EISR reg 10 (legislation.gov.uk/ssi/2004/520/regulation/10)"

    static let eir: [Row] = [
        Row(.eir, "12-4-a", "Regulation 12(4)(a)", .class, source: "\(eirRegulation12)(4)(a); no public interest test is drafted: nothing is held"),
        Row(.eir, "12-4-b", "Regulation 12(4)(b)", .class, evidence: ["grounds"],
            source: "\(eirRegulation12)(4)(b), (1)(b); ICO 'Manifestly unreasonable requests (regulation 12(4)(b))': burden is weighed here"),
        Row(.eir, "12-4-c", "Regulation 12(4)(c)", .class, evidence: ["advice"], source: "\(eirRegulation12)(4)(c) and regulation 9"),
        Row(.eir, "12-4-d", "Regulation 12(4)(d)", .class, source: "\(eirRegulation12)(4)(d); reg 14(4) (name the preparer and completion time, if known)"),
        Row(.eir, "12-4-e", "Regulation 12(4)(e)", .class, source: "\(eirRegulation12)(4)(e), (8); ICO 'How exceptions and the public interest test work in the EIR': class-like, no adverse effect test"),
        Row(.eir, "12-5-a", "Regulation 12(5)(a)", .prejudice, test: adversely, ncnd: "Regulation 12(6) with regulation 12(5)(a)",
            source: "\(eirRegulation12)(5)(a), (6); ICO 'International relations, defence, national security or public safety (regulation 12(5)(a))'"),
        Row(.eir, "12-5-b", "Regulation 12(5)(b)", .prejudice, test: adversely, source: "\(eirRegulation12)(5)(b); no NCND: reg 12(6) covers 12(5)(a) only"),
        Row(.eir, "12-5-c", "Regulation 12(5)(c)", .prejudice, test: adversely, source: "\(eirRegulation12)(5)(c)"),
        Row(.eir, "12-5-d", "Regulation 12(5)(d)", .prejudice, test: adversely, emissions: "12(9)", evidence: ["confidentiality-basis"],
            source: "\(eirRegulation12)(5)(d), (9)"),
        Row(.eir, "12-5-e", "Regulation 12(5)(e)", .prejudice, test: adversely, emissions: "12(9)", evidence: ["confidentiality-basis", "economic-interest"],
            source: "\(eirRegulation12)(5)(e), (9); ICO 'Regulation 12(9) – information on emissions'"),
        Row(.eir, "12-5-f", "Regulation 12(5)(f)", .prejudice, test: adversely, emissions: "12(9)", evidence: ["provider", "consent"],
            source: "\(eirRegulation12)(5)(f)(i)-(iii), (9)"),
        Row(.eir, "12-5-g", "Regulation 12(5)(g)", .prejudice, test: adversely, emissions: "12(9)", source: "\(eirRegulation12)(5)(g), (9)"),
        Row(.eir, "13", "Regulation 13(1) by virtue of regulation 13(2A)", .absolute, ncnd: "Regulation 13(5A) with regulation 13(1) by virtue of regulation 13(2A)",
            source: "EIR reg 13(1)(a): the first condition allows no public interest test; ICO 'Section 40 and regulation 13' (NCND: reg 13(5A), (5B))"),
        Row(.eir, "13", limbs: ["second"], "Regulation 13(1) by virtue of regulation 13(2B)", .class,
            ncnd: "Regulation 13(5A) with regulation 13(1) by virtue of regulation 13(2B)", evidence: ["objection"],
            source: "EIR reg 13(1)(b): the second and third conditions carry a public interest test"),
        Row(.eir, "13", limbs: ["third"], "Regulation 13(1) by virtue of regulation 13(3A)", .class,
            ncnd: "Regulation 13(5A) with regulation 13(1) by virtue of regulation 13(3A)", evidence: ["access-exemption"], source: "EIR reg 13(1)(b)"),
    ]

    static let eisr: [Row] = [
        Row(.eisr, "10-4-a", "Regulation 10(4)(a)", .class, source: "\(eisrRegulation10)(4)(a)"),
        Row(.eisr, "10-4-b", "Regulation 10(4)(b)", .class, evidence: ["grounds"],
            source: "\(eisrRegulation10)(4)(b); Scottish Information Commissioner decision 132/2025 (burden weighed under 10(4)(b))"),
        Row(.eisr, "10-4-c", "Regulation 10(4)(c)", .class, evidence: ["advice"], source: "\(eisrRegulation10)(4)(c) and regulation 9"),
        Row(.eisr, "10-4-d", "Regulation 10(4)(d)", .class, source: "\(eisrRegulation10)(4)(d)"),
        Row(.eisr, "10-4-e", "Regulation 10(4)(e)", .class, source: "\(eisrRegulation10)(4)(e)"),
        Row(.eisr, "10-5-a", "Regulation 10(5)(a)", .prejudice, test: substantially, levels: true, ncnd: "Regulation 10(8) with regulation 10(5)(a)",
            source: "\(eisrRegulation10)(5)(a), (8)"),
        Row(.eisr, "10-5-b", "Regulation 10(5)(b)", .prejudice, test: substantially, levels: true,
            source: "\(eisrRegulation10)(5)(b); Scottish Information Commissioner decision 071/2009 ('prejudice substantially')"),
        Row(.eisr, "10-5-c", "Regulation 10(5)(c)", .prejudice, test: substantially, levels: true, source: "\(eisrRegulation10)(5)(c)"),
        Row(.eisr, "10-5-d", "Regulation 10(5)(d)", .prejudice, test: substantially, levels: true, emissions: "10(6)", evidence: ["confidentiality-basis"],
            source: "\(eisrRegulation10)(5)(d), (6)"),
        Row(.eisr, "10-5-e", "Regulation 10(5)(e)", .prejudice, test: substantially, levels: true, emissions: "10(6)",
            evidence: ["confidentiality-basis", "economic-interest"], source: "\(eisrRegulation10)(5)(e), (6)"),
        Row(.eisr, "10-5-f", "Regulation 10(5)(f)", .prejudice, test: substantially, levels: true, emissions: "10(6)", evidence: ["provider", "consent"],
            source: "\(eisrRegulation10)(5)(f), (6); Scottish Information Commissioner decision 204/2024 (10(5)(f) and (6))"),
        Row(.eisr, "10-5-g", "Regulation 10(5)(g)", .prejudice, test: substantially, levels: true, emissions: "10(6)", source: "\(eisrRegulation10)(5)(g), (6)"),
        Row(.eisr, "11", "Regulation 11(2) by virtue of regulation 11(3A)", .absolute, ncnd: "Regulation 11(6) with regulation 11(2) by virtue of regulation 11(3A)",
            source: "EISR reg 11(2)(a), (3A) (legislation.gov.uk/ssi/2004/520/regulation/11): the first condition allows no public interest test"),
        Row(.eisr, "11", limbs: ["second"], "Regulation 11(2) by virtue of regulation 11(3B)", .class,
            ncnd: "Regulation 11(6) with regulation 11(2) by virtue of regulation 11(3B)", evidence: ["objection"], source: "EISR reg 11(2)(b), (3B)"),
        Row(.eisr, "11", limbs: ["third"], "Regulation 11(2) by virtue of regulation 11(4A)", .class,
            ncnd: "Regulation 11(6) with regulation 11(2) by virtue of regulation 11(4A)", evidence: ["access-exemption"], source: "EISR reg 11(2)(b), (4A)"),
    ]

    static let foisaSection18 = "FOISA s18(1), which lists ss28-35, 38, 39(1) and 41 (s38 added by the FOI (Amendment) (Scotland) Act 2013)"

    static let foisa: [Row] = [
        Row(.foisa, "s25", "Section 25(1)", .absolute, source: "FOISA s25, s2(2)(a); not in s18"),
        Row(.foisa, "s26", "Section 26", .absolute, source: "FOISA s26, s2(2)(b)"),
        Row(.foisa, "s27", "Section 27(1)", .class, evidence: ["publication"], source: "FOISA s27(1); not in s18"),
        Row(.foisa, "s27-2", "Section 27(2)", .prejudice, test: substantially, levels: true, evidence: ["research-programme"], source: "FOISA s27(2); not in s18"),
        Row(.foisa, "s28", "Section 28(1)", .prejudice, test: substantially, levels: true, ncnd: "Section 18(1) with section 28(1)", source: "FOISA s28(1); \(foisaSection18)"),
        Row(.foisa, "s29", "Section 29(1)(a)", .class, ncnd: "Section 18(1) with section 29(1)(a)", source: "FOISA s29(1); \(foisaSection18)"),
        Row(.foisa, "s30", "Section 30(b)(i)(ii)", .prejudice, test: "would, or would be likely to, inhibit substantially", levels: true,
            ncnd: "Section 18(1) with section 30(b)(i)(ii)", source: "FOISA s30(b) (foiwiki 'FOISA Section 30 Exemption'); no qualified person, unlike FOIA s36; \(foisaSection18)"),
        Row(.foisa, "s30", limbs: ["a"], "Section 30(a)", .prejudice, test: substantially, levels: true, ncnd: "Section 18(1) with section 30(a)", source: "FOISA s30(a)"),
        Row(.foisa, "s30", limbs: ["c"], "Section 30(c)", .prejudice, test: "would otherwise prejudice substantially, or be likely to prejudice substantially", levels: true,
            ncnd: "Section 18(1) with section 30(c)", source: "FOISA s30(c)"),
        Row(.foisa, "s31", "Section 31(1)", .prejudice, test: "required for the purpose of safeguarding national security", ncnd: "Section 18(1) with section 31(1)",
            source: "FOISA s31(1): 'required', no level of likelihood; \(foisaSection18)"),
        Row(.foisa, "s31-4", "Section 31(4)(a)", .prejudice, test: substantially, levels: true, ncnd: "Section 18(1) with section 31(4)(a)", source: "FOISA s31(4)"),
        Row(.foisa, "s32", "Section 32(1)(a)(i)", .prejudice, test: substantially, levels: true, ncnd: "Section 18(1) with section 32(1)(a)(i)", source: "FOISA s32(1)(a)"),
        Row(.foisa, "s32-1b", "Section 32(1)(b)", .class, ncnd: "Section 18(1) with section 32(1)(b)", source: "FOISA s32(1)(b)"),
        Row(.foisa, "s33", "Section 33(1)(b)", .prejudice, test: substantially, levels: true, ncnd: "Section 18(1) with section 33(1)(b)",
            source: "FOISA s33(1)(b); Scottish Information Commissioner's briefing on s33; \(foisaSection18)"),
        Row(.foisa, "s33", limbs: ["a"], "Section 33(1)(a)", .class, ncnd: "Section 18(1) with section 33(1)(a)", evidence: ["trade-secret"],
            source: "FOISA s33(1)(a): trade secrets, class-based"),
        Row(.foisa, "s33-2", "Section 33(2)(a)", .prejudice, test: substantially, levels: true, ncnd: "Section 18(1) with section 33(2)(a)", source: "FOISA s33(2)"),
        Row(.foisa, "s34", "Section 34(1)(a)", .class, ncnd: "Section 18(1) with section 34(1)(a)",
            source: "FOISA s34 (Scottish Information Commissioner 'Investigations by Scottish public authorities': class-based, public interest test); \(foisaSection18)"),
        Row(.foisa, "s35", "Section 35(1)(a)(b)", .prejudice, test: substantially, levels: true, ncnd: "Section 18(1) with section 35(1)(a)(b)",
            source: "FOISA s35(1) (foiwiki 'FOISA Section 35 Exemption'); \(foisaSection18)"),
        Row(.foisa, "s35", limbs: ["g"], "Section 35(1)(g)", .prejudice, test: substantially, levels: true, ncnd: "Section 18(1) with section 35(1)(g)",
            evidence: ["function"], source: "FOISA s35(1)(g), (2)"),
        Row(.foisa, "s36", "Section 36(1)", .class, source: "FOISA s36(1); s36 is not in s18"),
        Row(.foisa, "s36-2", "Section 36(2)", .absolute, source: "FOISA s36(2), s2(2)(c)"),
        Row(.foisa, "s37", "Section 37(1)", .absolute, source: "FOISA s37, s2(2)(d)"),
        Row(.foisa, "s38", "Section 38(1)(b) by virtue of section 38(2A)", .absolute, ncnd: "Section 18(1) with section 38(1)(b) by virtue of section 38(2A)",
            source: "FOISA s38(1)(b), s2(2)(e)(ii): absolute only by the first condition"),
        Row(.foisa, "s38", limbs: ["second"], "Section 38(1)(b) by virtue of section 38(2B)", .class,
            ncnd: "Section 18(1) with section 38(1)(b) by virtue of section 38(2B)", evidence: ["objection"], source: "FOISA s38(1)(b), (2B); s2(2)(e)(ii)"),
        Row(.foisa, "s38", limbs: ["third"], "Section 38(1)(b) by virtue of section 38(3A)", .class,
            ncnd: "Section 18(1) with section 38(1)(b) by virtue of section 38(3A)", evidence: ["access-exemption"], source: "FOISA s38(1)(b), (3A); s2(2)(e)(ii)"),
        Row(.foisa, "s38-1", "Section 38(1)(a)", .absolute, ncnd: "Section 18(1) with section 38(1)(a)", source: "FOISA s38(1)(a), (c), (d), s2(2)(e)(i)"),
        Row(.foisa, "s39", "Section 39(1)", .prejudice, test: "would, or would be likely to, endanger", levels: true, ncnd: "Section 18(1) with section 39(1)",
            source: "FOISA s39(1): endanger, without 'substantially'; \(foisaSection18)"),
        Row(.foisa, "s39-2", "Section 39(2)", .class, source: "FOISA s39(2); s18 lists 39(1) only"),
        Row(.foisa, "s40", "Section 40(a)", .prejudice, test: substantially, levels: true, source: "FOISA s40; not in s18"),
        Row(.foisa, "s41", "Section 41(b)", .class, ncnd: "Section 18(1) with section 41(b)",
            source: "FOISA s41 (qualified: the 2013 Bill's absolute exemption for royal communications was dropped); \(foisaSection18)"),
    ]

    @Test(arguments: Regime.ID.allCases.filter { $0 != .foia })
    func everyExemptionHasARow(_ regime: Regime.ID) {
        let rows = (Self.eir + Self.eisr + Self.foisa).filter { $0.regime == regime }
        #expect(Self.library.exemptionIDs(in: regime) == rows.map(\.id).reduce(into: []) { ids, id in if ids.last != id { ids.append(id) } })
    }

    @Test(arguments: eir + eisr + foisa)
    func metadataStatesTheLaw(_ row: Row) throws {
        let exemption = try Self.library.exemption(row.id, regime: row.regime)
        let limbs = row.limbs.isEmpty ? exemption.defaultLimbs : row.limbs
        #expect(exemption.regime == row.regime)
        #expect(exemption.citation(limbs: limbs, ncnd: false) == row.citation, "\(row.source)")
        #expect(exemption.kind(limbs: limbs, authority: .council) == row.kind, "\(row.source)")
        if row.kind == .prejudice {
            #expect(exemption.tests(limbs: limbs) == [row.test!], "\(row.source)")
            #expect(exemption.hasLikelihood == row.levels, "\(row.source)")
        } else {
            #expect(row.test == nil)
        }
        let ncnd = exemption.ncndSubsection(limbs: limbs) == nil ? nil : exemption.citation(limbs: limbs, ncnd: true)
        #expect(ncnd == row.ncnd, "\(row.source)")
        #expect(exemption.emissions == row.emissions, "\(row.source)")
        let required = exemption.evidence.filter { $0.isRequired(limbs: limbs, given: []) }.map(\.name)
        #expect(required == row.evidence, "\(row.source)")
    }

    /// Regulations 12(6) and 10(8) allow NCND for 12(5)(a) / 10(5)(a) only; FOISA s18(1) for the
    /// sections it lists; personal data by their own provisions.
    @Test func neitherConfirmNorDenyOnlyWhereTheLawAllowsIt() throws {
        let expected: [Regime.ID: [String]] = [
            .eir: ["12-5-a", "13"],
            .eisr: ["10-5-a", "11"],
            .foisa: ["s28", "s29", "s30", "s31", "s31-4", "s32", "s32-1b", "s33", "s33-2", "s34", "s35", "s38", "s38-1", "s39", "s41"],
        ]
        for (regime, ids) in expected {
            let allowing = try Self.library.exemptionIDs(in: regime).filter { try Self.library.exemption($0, regime: regime).ncnd != nil }
            #expect(allowing == ids, "\(regime)")
        }
    }

    /// EIR reg 12(9) and EISR reg 10(6): 12(5)(d)-(g) / 10(5)(d)-(g) only.
    @Test func theEmissionsBarCoversTheLastFourExceptionsOnly() throws {
        for (regime, barred) in [(Regime.ID.eir, ["12-5-d", "12-5-e", "12-5-f", "12-5-g"]), (.eisr, ["10-5-d", "10-5-e", "10-5-f", "10-5-g"])] {
            let found = try Self.library.exemptionIDs(in: regime).filter { try Self.library.exemption($0, regime: regime).emissions != nil }
            #expect(found == barred, "\(regime)")
        }
        for id in Self.library.exemptionIDs(in: .foisa) { #expect(try Self.library.exemption(id, regime: .foisa).emissions == nil) }
    }

    @Test func eachRegimesOwnRules() throws {
        let foia = try Self.library.regime(.foia)
        #expect(foia.name == "the Freedom of Information Act 2000" && foia.balance == "section 2(2)(b)" && foia.absolute == "section 2(3)")
        #expect(foia.presumption == nil && foia.emissions == nil)
        let eir = try Self.library.regime(.eir)
        // EIR reg 12(1)(b), (2), (9); reg 13(1)(a); Ofcom v IC [2010] UKSC 3 and Case C-71/10 (aggregation).
        #expect(eir.name == "the Environmental Information Regulations 2004" && eir.word == "regulation" && eir.term == "exception")
        #expect(eir.balance == "regulation 12(1)(b)" && eir.presumption == "regulation 12(2)" && eir.emissions == "regulation 12(9)")
        #expect(eir.aggregation?.contains("[2010] UKSC 3") == true && eir.aggregation?.contains("C-71/10") == true)
        let foisa = try Self.library.regime(.foisa)
        // FOISA s2(1)(b), s2(2); DBT v IC [2025] UKSC 27 construed FOIA: pit does not combine FOISA exemptions.
        #expect(foisa.name == "the Freedom of Information (Scotland) Act 2002" && foisa.balance == "section 2(1)(b)" && foisa.absolute == "section 2(2)")
        #expect(foisa.presumption == nil && foisa.aggregation == nil && foisa.ncndNamesProvision)
        let eisr = try Self.library.regime(.eisr)
        // EISR reg 10(1)(b), (2), (6); reg 11(2)(a).
        #expect(eisr.name == "the Environmental Information (Scotland) Regulations 2004" && eisr.extends == .eir)
        #expect(eisr.balance == "regulation 10(1)(b)" && eisr.presumption == "regulation 10(2)" && eisr.emissions == "regulation 10(6)")
        #expect(eisr.commissioner == "the Scottish Information Commissioner")
        for regime in [eir, eisr] {
            #expect(regime.mayWeigh.contains { $0.contains("burden") && $0.contains("(4)(b)") }, "burden is weighed under the manifestly unreasonable exception")
        }
        for regime in [foia, foisa] { #expect(regime.mayNotWeigh.contains { $0.contains("cost") && $0.contains("section 12") }) }
    }

    @Test(arguments: ["12(5)(b)", "r12(5)(b)", "reg 12(5)(b)", "Regulation 12(5)(b)", "12-5-b", "R12(5)(B)"])
    func exceptionsAreFoundInTheirWrittenForms(_ written: String) throws {
        #expect(try Self.library.exemption(written, regime: .eir).id == "12-5-b")
        #expect(Regime.ID.eisr.normalizedID(written.replacingOccurrences(of: "12", with: "10")) == "10-5-b")
    }

    @Test func anotherRegimesIdSaysHowToDraftThatPart() {
        #expect(throws: PITError.self) { try Self.library.exemption("12(5)(b)", regime: .foia) }
        do {
            _ = try Self.library.exemption("12(5)(b)", regime: .foisa)
        } catch let error as PITError {
            #expect(error.message.contains("Environmental Information Regulations 2004") && error.message.contains("--regime eir"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

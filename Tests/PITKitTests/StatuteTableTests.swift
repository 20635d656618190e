@testable import PITKit
import Testing

/// The statute table: for every exemption and every provision whose kind or test differs, what
/// the library's metadata says of the law, pinned row by row against its source.
struct StatuteTableTests {
    static let library = TemplateLibrary(layers: [.builtIn])

    struct Row: CustomStringConvertible, Sendable {
        let id: String
        /// The limbs drafted (empty: the exemption's default limbs).
        let limbs: [String]
        let citation: String
        let kind: Exemption.Kind
        /// The test words, nil for class-based and absolute provisions.
        let test: String?
        /// Whether the test has a level of likelihood ("would" / "would be likely to").
        let levels: Bool
        let ncnd: String?
        /// The evidence a draft of this provision must be given.
        let evidence: [String]
        let source: String

        var description: String { "\(id) \(limbs)" }
    }

    static let prejudice = "would, or would be likely to, prejudice"

    static let rows: [Row] = [
        Row(id: "s21", limbs: [], citation: "Section 21(1)", kind: .absolute, test: nil, levels: false, ncnd: nil, evidence: [],
            source: "FOIA s21, s2(3)(a); no NCND subsection (s21 has none)"),
        Row(id: "s22", limbs: [], citation: "Section 22(1)", kind: .class, test: nil, levels: false, ncnd: "Section 22(2)", evidence: ["publication"],
            source: "FOIA s22(1)(a)-(c), s22(2); ICO guidance 'Information intended for future publication (section 22)'"),
        Row(id: "s22a", limbs: [], citation: "Section 22A(1)(b)(i)", kind: .prejudice, test: prejudice, levels: true, ncnd: "Section 22A(2)",
            evidence: ["research-programme"], source: "FOIA s22A(1)(a) and (b)(i)-(iv) ('would, or would be likely to, prejudice'), s22A(2)"),
        Row(id: "s23", limbs: [], citation: "Section 23(1)", kind: .absolute, test: nil, levels: false, ncnd: "Section 23(5)", evidence: [],
            source: "FOIA s23(1), s23(5), s2(3)(b)"),
        Row(id: "s24", limbs: [], citation: "Section 24(1)", kind: .prejudice, test: "required for the purpose of safeguarding national security",
            levels: false, ncnd: "Section 24(2)", evidence: [],
            source: "FOIA s24(1), (2); 'required' = reasonably necessary: Kalman v IC EA/2009/0111; ICO guidance 'Safeguarding national security (section 24)'"),
        Row(id: "s26", limbs: [], citation: "Section 26(1)(a)(b)", kind: .prejudice, test: prejudice, levels: true, ncnd: "Section 26(3)", evidence: [],
            source: "FOIA s26(1), (3)"),
        Row(id: "s27", limbs: [], citation: "Section 27(1)(a)", kind: .prejudice, test: prejudice, levels: true, ncnd: "Section 27(4)(a)", evidence: [],
            source: "FOIA s27(1), s27(4)(a)"),
        Row(id: "s27-2", limbs: [], citation: "Section 27(2)", kind: .class, test: nil, levels: false, ncnd: "Section 27(4)(b)", evidence: ["confidentiality"],
            source: "FOIA s27(2), (3), s27(4)(b)"),
        Row(id: "s28", limbs: [], citation: "Section 28(1)", kind: .prejudice, test: prejudice, levels: true, ncnd: "Section 28(3)", evidence: [],
            source: "FOIA s28(1), (3)"),
        Row(id: "s29", limbs: [], citation: "Section 29(1)(a)", kind: .prejudice, test: prejudice, levels: true, ncnd: "Section 29(2)", evidence: [],
            source: "FOIA s29(1), (2)"),
        Row(id: "s30", limbs: [], citation: "Section 30(1)(a)(b)", kind: .class, test: nil, levels: false, ncnd: "Section 30(3)", evidence: [],
            source: "FOIA s30(1), (3)"),
        Row(id: "s31", limbs: [], citation: "Section 31(1)(a)(b)", kind: .prejudice, test: prejudice, levels: true, ncnd: "Section 31(3)", evidence: [],
            source: "FOIA s31(1), (3)"),
        Row(id: "s31", limbs: ["g"], citation: "Section 31(1)(g)", kind: .prejudice, test: prejudice, levels: true, ncnd: "Section 31(3)",
            evidence: ["function"], source: "FOIA s31(1)(g), s31(2); ICO guidance 'Section 31 – Law enforcement' (s31(1)(g): identify the function and its purpose)"),
        Row(id: "s32", limbs: [], citation: "Section 32(1)", kind: .absolute, test: nil, levels: false, ncnd: "Section 32(3)", evidence: [],
            source: "FOIA s32, s2(3)(c)"),
        Row(id: "s33", limbs: [], citation: "Section 33(2)", kind: .prejudice, test: prejudice, levels: true, ncnd: "Section 33(3)", evidence: [],
            source: "FOIA s33(2), (3)"),
        Row(id: "s34", limbs: [], citation: "Section 34(1)", kind: .absolute, test: nil, levels: false, ncnd: "Section 34(2)", evidence: [],
            source: "FOIA s34, s2(3)(d)"),
        Row(id: "s35", limbs: [], citation: "Section 35(1)(a)", kind: .class, test: nil, levels: false, ncnd: "Section 35(3)", evidence: [],
            source: "FOIA s35(1), (3)"),
        Row(id: "s36", limbs: ["b(i)", "b(ii)"], citation: "Section 36(2)(b)(i)(ii)", kind: .prejudice, test: "would, or would be likely to, inhibit",
            levels: true, ncnd: "Section 36(3)", evidence: ["qualified-person", "opinion-date", "opinion-basis"],
            source: "FOIA s36(2)(b), (3), (5); ICO guidance 'Prejudice to the effective conduct of public affairs (section 36)'"),
        Row(id: "s36", limbs: ["a(i)"], citation: "Section 36(2)(a)(i)", kind: .prejudice, test: prejudice, levels: true, ncnd: "Section 36(3)",
            evidence: ["qualified-person", "opinion-date", "opinion-basis"], source: "FOIA s36(2)(a)"),
        Row(id: "s36", limbs: ["c"], citation: "Section 36(2)(c)", kind: .prejudice,
            test: "would otherwise prejudice, or would be likely otherwise to prejudice", levels: true, ncnd: "Section 36(3)",
            evidence: ["qualified-person", "opinion-date", "opinion-basis"], source: "FOIA s36(2)(c)"),
        Row(id: "s37", limbs: ["a"], citation: "Section 37(1)(a)", kind: .absolute, test: nil, levels: false, ncnd: "Section 37(2)", evidence: [],
            source: "FOIA s37(1)(a), s2(3)(ea)"),
        Row(id: "s37", limbs: ["aa", "ab"], citation: "Section 37(1)(aa)(ab)", kind: .absolute, test: nil, levels: false, ncnd: "Section 37(2)",
            evidence: [], source: "FOIA s37(1)(aa), (ab), s2(3)(ea)"),
        Row(id: "s37", limbs: ["ac", "ad"], citation: "Section 37(1)(ac)(ad)", kind: .class, test: nil, levels: false, ncnd: "Section 37(2)",
            evidence: [], source: "FOIA s37(1)(ac), (ad); not in s2(3)"),
        Row(id: "s37", limbs: [], citation: "Section 37(1)(b)", kind: .class, test: nil, levels: false, ncnd: "Section 37(2)", evidence: [],
            source: "FOIA s37(1)(b)"),
        Row(id: "s38", limbs: [], citation: "Section 38(1)(a)(b)", kind: .prejudice, test: "would, or would be likely to, endanger", levels: true,
            ncnd: "Section 38(2)", evidence: [], source: "FOIA s38(1), (2)"),
        Row(id: "s39", limbs: [], citation: "Section 39(1)(a)", kind: .class, test: nil, levels: false, ncnd: "Section 39(2)", evidence: [],
            source: "FOIA s39(1), (2)"),
        Row(id: "s40", limbs: [], citation: "Section 40(2) by virtue of section 40(3A)(a)", kind: .absolute, test: nil, levels: false,
            ncnd: "Section 40(5B)(a)(i)", evidence: [], source: "FOIA s40(2), (3A), s2(3)(fa); s40(5B)(a)(i): Williams v IC, EA/2023/0148; ICO guidance \"Section 40 and regulation 13\", part two"),
        Row(id: "s40", limbs: ["second"], citation: "Section 40(2) by virtue of section 40(3B)", kind: .class, test: nil, levels: false,
            ncnd: "Section 40(5B)(b)", evidence: ["objection"], source: "FOIA s40(2), (3B); s2(3)(fa) makes only the first condition absolute"),
        Row(id: "s40", limbs: ["third"], citation: "Section 40(2) by virtue of section 40(4A)", kind: .class, test: nil, levels: false,
            ncnd: "Section 40(5B)(c) and (d)", evidence: ["access-exemption"], source: "FOIA s40(2), (4A); s2(3)(fa)"),
        Row(id: "s40-1", limbs: [], citation: "Section 40(1)", kind: .absolute, test: nil, levels: false, ncnd: "Section 40(5A)", evidence: [],
            source: "FOIA s40(1), (5A), s2(3)(f)"),
        Row(id: "s41", limbs: [], citation: "Section 41(1)", kind: .absolute, test: nil, levels: false, ncnd: "Section 41(2)", evidence: [],
            source: "FOIA s41, s2(3)(g)"),
        Row(id: "s42", limbs: [], citation: "Section 42(1)", kind: .class, test: nil, levels: false, ncnd: "Section 42(2)", evidence: [],
            source: "FOIA s42(1), (2)"),
        Row(id: "s43", limbs: [], citation: "Section 43(2)", kind: .prejudice, test: prejudice, levels: true, ncnd: "Section 43(3)", evidence: [],
            source: "FOIA s43(2), (3); ICO guidance 'Commercial interests (section 43)'"),
        Row(id: "s43-1", limbs: [], citation: "Section 43(1)", kind: .class, test: nil, levels: false, ncnd: nil, evidence: ["trade-secret"],
            source: "FOIA s43(1); s43(3) covers only s43(2)"),
        Row(id: "s44", limbs: [], citation: "Section 44(1)", kind: .absolute, test: nil, levels: false, ncnd: "Section 44(2)", evidence: [],
            source: "FOIA s44, s2(3)(h)"),
    ]

    @Test func everyExemptionHasARow() {
        #expect(Self.library.exemptionIDs == Self.rows.map(\.id).reduce(into: []) { ids, id in if ids.last != id { ids.append(id) } })
    }

    @Test(arguments: rows)
    func metadataStatesTheLaw(_ row: Row) throws {
        let exemption = try Self.library.exemption(row.id)
        let limbs = row.limbs.isEmpty ? exemption.defaultLimbs : row.limbs
        #expect(exemption.citation(limbs: limbs, ncnd: false) == row.citation, "\(row.source)")
        #expect(exemption.kind(limbs: limbs, authority: .council) == row.kind, "\(row.source)")
        let tests = exemption.tests(limbs: limbs)
        if row.kind == .prejudice {
            #expect(tests == [row.test!], "\(row.source)")
            #expect(exemption.hasLikelihood == row.levels, "\(row.source)")
        } else {
            #expect(row.test == nil)
        }
        #expect(exemption.ncndSubsection(limbs: limbs).map { "Section \($0)" } == row.ncnd, "\(row.source)")
        let required = exemption.evidence.filter { $0.isRequired(limbs: limbs, given: []) }.map(\.name)
        #expect(required == row.evidence, "\(row.source)")
    }

    @Test func section36IsAbsoluteForTheHousesOfParliament() throws {
        // FOIA s2(3)(e): s36 so far as relating to information held by the House of Commons or the House of Lords.
        let s36 = try Self.library.exemption("s36")
        #expect(s36.kind(limbs: ["b(i)"], authority: .parliament) == .absolute)
        #expect(s36.kind(limbs: ["b(i)"], authority: .centralGovernment) == .prejudice)
    }

    @Test func exclusivePairsAreKnown() throws {
        // s31(1): "Information which is not exempt information by virtue of section 30"; s36(1)(a): not exempt under s35;
        // s24(1): "Information which does not fall within section 23(1)" (ICO guidance 'How sections 23 and 24 interact').
        for (id, other, always) in [("s31", "s30", false), ("s30", "s31", false), ("s36", "s35", false), ("s35", "s36", false),
                                    ("s24", "s23", true), ("s23", "s24", true)] {
            let exclusion = try #require(try Self.library.exemption(id).exclusions.first { $0.id == other }, "\(id) excludes \(other)")
            #expect(exclusion.alwaysAlternative == always, "\(id)/\(other)")
        }
    }

    @Test func section31ListsEveryLimbAndPurpose() throws {
        // FOIA s31(1)(a)-(i) and s31(2)(a)-(j).
        let s31 = try Self.library.exemption("s31")
        #expect(s31.limbs.map(\.letter) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        #expect(s31.limbs[0].text == "the prevention or detection of crime")
        #expect(s31.purposes?.list.map(\.letter) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
        #expect(s31.purposes?.list.first?.text == "the purpose of ascertaining whether any person has failed to comply with the law")
        #expect(s31.purposes?.limbs == ["g", "h", "i"])
        #expect(s31.likelihood == .likely)
    }
}

@testable import PITKit
import Testing

/// Pins every exemption's citation (default limbs) and NCND citation against the Act.
struct CitationTests {
    static let library = TemplateLibrary(layers: [.builtIn])

    static let expected: [(id: String, citation: String, ncnd: String?, kind: Exemption.Kind)] = [
        ("s21", "Section 21(1)", nil, .absolute),
        ("s22", "Section 22(1)", "Section 22(2)", .class),
        ("s22a", "Section 22A(1)", "Section 22A(2)", .class),
        ("s23", "Section 23(1)", "Section 23(5)", .absolute),
        ("s24", "Section 24(1)", "Section 24(2)", .prejudice),
        ("s26", "Section 26(1)(a)(b)", "Section 26(3)", .prejudice),
        ("s27", "Section 27(1)(a)", "Section 27(4)", .prejudice),
        ("s27-2", "Section 27(2)", "Section 27(4)", .class),
        ("s28", "Section 28(1)", "Section 28(3)", .prejudice),
        ("s29", "Section 29(1)(a)", "Section 29(2)", .prejudice),
        ("s30", "Section 30(1)(a)(b)", "Section 30(3)", .class),
        ("s31", "Section 31(1)(a)(b)", "Section 31(3)", .prejudice),
        ("s32", "Section 32(1)", "Section 32(3)", .absolute),
        ("s33", "Section 33(2)", "Section 33(3)", .prejudice),
        ("s34", "Section 34(1)", "Section 34(2)", .absolute),
        ("s35", "Section 35(1)(a)", "Section 35(3)", .class),
        ("s36", "Section 36(2)(b)(i)(ii)", "Section 36(3)", .prejudice),
        ("s37", "Section 37(1)(b)", "Section 37(2)", .class),
        ("s38", "Section 38(1)(a)(b)", "Section 38(2)", .prejudice),
        ("s39", "Section 39(1)(a)", "Section 39(2)", .class),
        ("s40", "Section 40(2)", "Section 40(5B)", .absolute),
        ("s40-1", "Section 40(1)", "Section 40(5A)", .absolute),
        ("s41", "Section 41(1)", "Section 41(2)", .absolute),
        ("s42", "Section 42(1)", "Section 42(2)", .class),
        ("s43", "Section 43(2)", "Section 43(3)", .prejudice),
        ("s43-1", "Section 43(1)", nil, .class),
        ("s44", "Section 44(1)", "Section 44(2)", .absolute),
    ]

    @Test func everyExemptionIsPinned() {
        #expect(Self.library.exemptionIDs == Self.expected.map(\.id))
    }

    @Test func citationsMatchTheAct() throws {
        for pin in Self.expected {
            let exemption = try Self.library.exemption(pin.id)
            #expect(exemption.citation(limbs: exemption.defaultLimbs, ncnd: false) == pin.citation, "\(pin.id)")
            #expect(exemption.ncnd.map { "Section \($0)" } == pin.ncnd, "\(pin.id) NCND")
            if pin.ncnd != nil {
                #expect(exemption.citation(limbs: exemption.defaultLimbs, ncnd: true) == pin.ncnd, "\(pin.id) NCND citation")
            }
            #expect(exemption.kind == pin.kind, "\(pin.id) kind")
        }
    }

    @Test func section31ListsEveryLimbOfSubsection1() throws {
        let s31 = try Self.library.exemption("s31")
        #expect(s31.limbs.map(\.letter) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        #expect(s31.limbs[0].text == "the prevention or detection of crime")
        #expect(s31.limbs[1].text == "the apprehension or prosecution of offenders")
        #expect(s31.limbs[2].text == "the administration of justice")
        #expect(s31.defaultLimbs == ["a", "b"])
        #expect(s31.likelihood == .likely)
    }

    @Test(arguments: [
        (["a"], "Section 31(1)(a)"),
        (["a", "b", "c"], "Section 31(1)(a)(b)(c)"),
        ([], "Section 31(1)"),
    ])
    func limbsConcatenateAsInPublishedPITs(_ limbs: [String], _ citation: String) throws {
        #expect(try Self.library.exemption("s31").citation(limbs: limbs, ncnd: false) == citation)
    }

    @Test func subLimbsCiteWithTheirLetter() throws {
        let s36 = try Self.library.exemption("s36")
        #expect(s36.citation(limbs: ["b(i)"], ncnd: false) == "Section 36(2)(b)(i)")
        #expect(s36.citation(limbs: ["a(ii)", "b(i)", "c"], ncnd: false) == "Section 36(2)(a)(ii)(b)(i)(c)")
        #expect(s36.limbs.first { $0.letter == "b(ii)" }?.label == "(b)(ii)")
    }
}

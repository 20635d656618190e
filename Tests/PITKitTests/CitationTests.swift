@testable import PITKit
import Testing

/// How citations are written: limbs concatenated as in published PITs, never ambiguous, the
/// s31(2) purposes with their limb, and the statute's own style when an authority chooses it.
struct CitationTests {
    static let library = TemplateLibrary(layers: [.builtIn])

    @Test(arguments: [
        (["a"], [], "Section 31(1)(a)"),
        (["a", "b", "c"], [], "Section 31(1)(a)(b)(c)"),
        ([], [], "Section 31(1)"),
        (["h", "i"], ["a"], "Section 31(1)(h) and (i) and (2)(a)"),
        (["g"], ["a"], "Section 31(1)(g) and (2)(a)"),
        (["g"], ["a", "c"], "Section 31(1)(g) and (2)(a)(c)"),
        (["g"], ["h", "i"], "Section 31(1)(g) and (2)(h) and (i)"),
    ])
    func limbsConcatenateAsInPublishedPITs(_ limbs: [String], _ purposes: [String], _ citation: String) throws {
        #expect(try Self.library.exemption("s31").citation(limbs: limbs, purposes: purposes, ncnd: false) == citation)
    }

    @Test func theStatuteStyleJoinsLimbsWithAnd() throws {
        let s31 = try Self.library.exemption("s31")
        #expect(s31.citation(limbs: ["a", "b"], ncnd: false, style: .statute) == "section 31(1)(a) and (b)")
        #expect(s31.citation(limbs: ["a", "b", "c"], ncnd: false, style: .statute) == "section 31(1)(a), (b) and (c)")
        #expect(s31.citation(limbs: ["g"], purposes: ["a", "c"], ncnd: false, style: .statute) == "section 31(1)(g), with section 31(2)(a) and (c)")
        #expect(s31.citation(limbs: ["a"], ncnd: true, style: .statute) == "section 31(3)")
        let s36 = try Self.library.exemption("s36")
        #expect(s36.citation(limbs: ["b(i)", "b(ii)"], ncnd: false, style: .statute) == "section 36(2)(b)(i) and (ii)")
    }

    @Test func subLimbsCiteWithTheirLetter() throws {
        let s36 = try Self.library.exemption("s36")
        #expect(s36.citation(limbs: ["b(i)"], ncnd: false) == "Section 36(2)(b)(i)")
        #expect(s36.citation(limbs: ["a(ii)", "b(i)", "c"], ncnd: false) == "Section 36(2)(a)(ii)(b)(i)(c)")
        #expect(s36.limbs.first { $0.letter == "b(ii)" }?.label == "(b)(ii)")
        #expect(s36.limbs.first { $0.letter == "b(ii)" }?.key == "b_ii")
    }

    @Test func conditionsCiteTheirOwnSubsection() throws {
        let s40 = try Self.library.exemption("s40")
        #expect(s40.citation(limbs: ["third"], ncnd: false) == "Section 40(2) by virtue of section 40(4A)")
        #expect(s40.citation(limbs: ["third"], ncnd: true) == "Section 40(5B)(c) and (d)")
    }
}

@testable import PITKit
import Testing

/// The variables a draft starts from, and the counts that size their tables.
struct DraftVariablesTests {
    @Test func theDraftNameCountIsTheNumberOfDraftNames() {
        #expect(Drafter.draftNameCount == Drafter.draftNames.count)
    }

    @Test func limbKeysAreTemplateNames() {
        let keys = ["a", "12", "b(i)", "ab", "B(ii)(c)", "x-y", "", "(a)"].map { Exemption.Limb(letter: $0, text: "t").key }
        #expect(keys == ["a", "12", "b_i", "ab", "B_ii_c", "x_y", "", "_a"])
    }

    @Test func testWordsAreTheChosenLimbsOwnElseTheExemptions() {
        let exemption = Exemption(id: "s99", section: "99", title: "T", kind: .prejudice, provision: "99(1)",
                                  limbs: [.init(letter: "a", text: "x"), .init(letter: "b", text: "y", test: "inhibit"),
                                          .init(letter: "c", text: "z", test: "inhibit")],
                                  test: "prejudice")
        #expect(exemption.tests(limbs: []) == ["prejudice"])
        #expect(exemption.tests(limbs: ["a"]) == ["prejudice"])
        #expect(exemption.tests(limbs: ["b", "c"]) == ["inhibit"])
        #expect(exemption.tests(limbs: ["c", "a"]) == ["prejudice", "inhibit"])
        let untested = Exemption(id: "s98", section: "98", title: "T", kind: .class, provision: "98")
        #expect(untested.tests(limbs: []).isEmpty)
    }
}

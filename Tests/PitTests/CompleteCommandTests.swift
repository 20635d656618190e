@testable import pit
import PITKit
import Testing

/// The words `pit __complete` offers the completion scripts.
struct CompleteCommandTests {
    static let library = TemplateLibrary(layers: [.builtIn])

    func exemptions(_ word: String) -> [String] {
        CompleteCommand.exemptionCandidates(word, library: Self.library).filter { $0.hasPrefix(word) }
    }

    func variants(_ word: String, _ given: [String] = []) -> [String] {
        CompleteCommand.variantCandidates(word, library: Self.library, exemptions: given).filter { $0.hasPrefix(word) }
    }

    @Test func exemptionIDs() {
        #expect(exemptions("s3").contains("s30"))
        #expect(exemptions("s3").contains("s31"))
        #expect(!exemptions("s3").contains("s24"))
        #expect(exemptions("s24,s3").contains("s24,s31"), "after a comma, the list so far comes first")
    }

    @Test func variantChoices() {
        #expect(variants("", ["s31"]).contains("statistics"))
        #expect(variants("", ["s31"]).contains("harm="))
        #expect(!variants("", ["s31"]).contains("covert-techniques"), "s24's variants are not s31's")
        #expect(variants("harm=t", ["s31"]) == ["harm=tactics"])
        #expect(variants("", ["s24", "s31"]).contains("s24."), "with several exemptions, each id starts a choice")
        #expect(variants("s24.") == ["s24.harm=", "s24.for=", "s24.against=", "s24.balance="])
        #expect(variants("s24.harm=co").contains("s24.harm=covert-techniques"))
        #expect(variants("").contains("covert-techniques"), "with no exemption given, every variant")
        #expect(variants("nonsense=").isEmpty)
        #expect(variants("", ["s13"]).contains("covert-techniques"), "an unknown id on the command line is ignored")
    }
}

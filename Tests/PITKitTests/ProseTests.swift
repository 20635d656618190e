import Foundation
@testable import PITKit
import Testing

/// What every built-in draft, in every regime, must never say: an irrelevant factor weighed, or
/// police wording for an authority that is not a police force.
struct ProseTests {
    static let library = LibraryWalkTests.library
    static let drafter = LibraryWalkTests.drafter

    /// Phrases that weigh a factor the law says is irrelevant, each with its source: the quality
    /// check's own list (`IrrelevantFactor`, PIT005), and what the library's prose rules add.
    static let irrelevant: [(phrase: String, source: String)] =
        IrrelevantFactor.allCases.flatMap { factor in factor.phrases.map { ($0, factor.source) } } + [
        ("distress", "ICO 'The public interest test'; s38 needs endangerment, not distress or upset"),
        ("upset", "ICO 'The public interest test'; s38 needs endangerment, not distress or upset"),
        ("reputation", "arguments must relate to the interest the exemption protects (ICO 'The public interest test')"),
        ("litigation", "breach of confidence is s41's ground, not a public interest factor (ICO 'Commercial interests (section 43)')"),
        ("having examined the information", "pit cannot know what the information contains: evidence the user gives"),
        ("not remote or speculative", "asserted without reasons (ICO 'The prejudice test')"),
    ]

    /// Words that belong to policing, allowed only for a police force or in a police-only variant.
    static let policeWords = ["police", "policing", "the force", "forces", "constabulary", "chief constable", "frontline"]

    /// Every section variant of every qualified exemption of every regime, normal and NCND, drafted for `kind`.
    static func everyDraft(for kind: AuthorityKind, outcome: Outcome = .withhold) throws -> [(label: String, text: String, policeVariant: Bool, weighs: Set<String>)] {
        var drafts: [(String, String, Bool, Set<String>)] = []
        for regime in Regime.ID.allCases {
            for id in library.exemptionIDs(in: regime) {
                let exemption = try library.exemption(id, regime: regime)
                guard LibraryWalkTests.hasTemplates(exemption) else { continue }
                let limbs = LibraryWalkTests.qualifiedLimbs(exemption)
                let sections = try #require(exemption.kind(limbs: limbs, authority: kind)).sections
                for ncnd in exemption.ncnd == nil ? [false] : [false, true] {
                    for section in sections {
                        let folder = library.sectionFolder(exemption, section, ncnd: ncnd)
                        for variant in library.variants(in: folder) {
                            var request = DraftRequest(reference: "P/1", exemptionIDs: [id], date: LibraryWalkTests.date)
                            request.regime = regime
                            request.neitherConfirmNorDeny = ncnd
                            request.variantChoices = [.exemptionSection(id, section, variant)]
                            let argued = exemption.variantLimbs[variant] ?? limbs
                            if exemption.variantLimbs[variant] == nil && argued != exemption.defaultLimbs {
                                request.limbChoices = [try LimbChoice(parsing: "\(id)=\(argued.joined(separator: ","))")]
                            }
                            request.evidence = LibraryWalkTests.evidence(exemption, limbs: argued, all: true)
                            request.authorityKind = kind
                            request.authorityName = "Northshire"
                            request.outcome = outcome
                            let draft = try drafter.draft(request)
                            let text = String(decoding: TextWriter().write(draft), as: UTF8.self)
                            let police = library.summary(of: "\(folder)/\(variant).mustache")?.hasPrefix("police:") == true
                            // A factor the provision's own test weighs (EIR 12(4)(b): burden) is no irrelevant factor there.
                            let weighs = Set(exemption.weighs.flatMap(\.phrases))
                            drafts.append(("\(regime.rawValue) \(folder)/\(variant)", text, police, weighs))
                        }
                    }
                }
            }
        }
        return drafts
    }

    @Test(arguments: [Outcome.withhold, .partial, .disclose])
    func noDraftWeighsAnIrrelevantFactor(_ outcome: Outcome) throws {
        for kind in [AuthorityKind.police, .council] {
            let drafts = try Self.everyDraft(for: kind, outcome: outcome)
            #expect(drafts.count > 300, "every variant of every qualified exemption of every regime is drafted")
            for draft in drafts {
                let text = draft.text.lowercased()
                for (phrase, source) in Self.irrelevant where text.contains(phrase) && !draft.weighs.contains(phrase) {
                    Issue.record("\(draft.label) (\(kind), \(outcome)) says '\(phrase)': \(source)")
                }
            }
        }
    }

    /// Whether `word` starts a word in `text` ("forces", not "enforces").
    static func containsWord(_ word: String, in text: String) -> Bool {
        var rest = Substring(text)
        while let range = rest.range(of: word) {
            if range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    @Test func wordsAreFoundAtTheStartOfAWord() {
        #expect(Self.containsWord("forces", in: "other forces may"))
        #expect(!Self.containsWord("forces", in: "it enforces the law"))
        #expect(Self.containsWord("police", in: "(police) work"))
    }

    /// Under the environmental regulations the burden of a request is weighed, but only under the
    /// manifestly unreasonable exception, and its drafts say why (EIR reg 12(4)(b), EISR reg 10(4)(b);
    /// ICO 'Manifestly unreasonable requests (regulation 12(4)(b))'); no other draft weighs it.
    @Test func burdenIsWeighedOnlyWhereTheRegulationsMakeItRelevant() throws {
        for draft in try Self.everyDraft(for: .council) {
            let text = draft.text.lowercased()
            if draft.label.contains("/12-4-b/") {
                #expect(text.contains("no cost limit") && text.contains("burden of complying"), "\(draft.label) does not say why burden is weighed")
            } else {
                #expect(!text.contains("burden of complying") && !text.contains("cost limit"), "\(draft.label) weighs the burden of complying")
            }
        }
    }

    @Test func aCouncilDraftHasNoPoliceWording() throws {
        for draft in try Self.everyDraft(for: .council) where !draft.policeVariant {
            let text = draft.text.lowercased()
            for word in Self.policeWords where Self.containsWord(word, in: text) {
                Issue.record("\(draft.label): a council's draft says '\(word)'")
            }
        }
    }
}

import Mustache
@testable import PITKit
import Testing

/// Walks the whole built-in library, every regime: every exemption × every section variant ×
/// (normal, NCND), drafted in strict mode, must give a complete document with its citation.
struct LibraryWalkTests {
    static let library = TemplateLibrary(layers: [.builtIn])
    static let drafter = try! Drafter(library: library)
    static let date = DocumentDate(year: 2026, month: 11, day: 21)!

    /// Each (regime, exemption, NCND?) the library can draft, as `regime id` or `regime id ncnd`.
    static let drafts: [String] = Regime.ID.allCases.flatMap { regime in
        library.exemptionIDs(in: regime).flatMap { id -> [String] in
            guard let exemption = try? library.exemption(id, regime: regime), hasTemplates(exemption) else { return [] }
            return exemption.ncnd == nil ? ["\(regime.rawValue) \(id)"] : ["\(regime.rawValue) \(id)", "\(regime.rawValue) \(id) ncnd"]
        }
    }

    /// The qualified exemptions whose law the library knows but for which it has no wording yet:
    /// drafting one says so (see `RegimeTests`). A test keeps this list exact.
    static let withoutTemplates: [Regime.ID: [String]] = [
        .eir: ["12-4-c", "12-5-c"],
        .eisr: ["10-4-c", "10-5-c"],
        .foisa: ["s27", "s27-2", "s28", "s29", "s31", "s31-4", "s32", "s32-1b", "s33-2", "s36", "s39-2", "s40", "s41"],
    ]

    /// Whether a qualified exemption has a default variant for its first section, and a test to draft.
    static func hasTemplates(_ exemption: Exemption) -> Bool {
        guard exemption.isQualified, exemption.noTest == nil,
              let kind = exemption.kind(limbs: qualifiedLimbs(exemption), authority: .other), let first = kind.sections.first else { return false }
        return !library.variants(in: library.sectionFolder(exemption, first, ncnd: false)).isEmpty
    }

    /// The limbs a walk drafts: the default ones, or the first qualified limb when those are absolute.
    static func qualifiedLimbs(_ exemption: Exemption) -> [String] {
        if exemption.kind(limbs: exemption.defaultLimbs, authority: .other) != .absolute { return exemption.defaultLimbs }
        return [exemption.limbs.first { ($0.kind ?? exemption.kind) != .absolute }!.letter]
    }

    /// Evidence for every item the exemption declares (`all`), or only what it requires.
    static func evidence(_ exemption: Exemption, limbs: [String], all: Bool) -> [(key: String, value: String)] {
        var given: [(key: String, value: String)] = []
        for item in exemption.evidence where item.appliesTo(limbs: limbs) {
            let needed = all || item.isRequired(limbs: limbs, given: Set(given.map(\.key)))
                || exemption.evidenceOneOf.contains { $0.first == item.name }
            guard needed else { continue }
            given.append((item.name, item.type == .date ? "2023-05-05" : "Evidence for \(item.name)."))
        }
        if !all, let withNeeded = exemption.evidence.first(where: { item in
            item.with != nil && given.contains { $0.key == item.with } && !given.contains { $0.key == item.name } }) {
            given.append((withNeeded.name, "Evidence for \(withNeeded.name)."))
        }
        return given
    }

    @Test(arguments: drafts)
    func everyVariantDraftsCompletely(_ draft: String) throws {
        let parts = draft.split(separator: " ")
        let regime = try #require(Regime.ID(rawValue: String(parts[0])))
        let exemption = try Self.library.exemption(String(parts[1]), regime: regime)
        let ncnd = parts.count > 2
        let limbs = Self.qualifiedLimbs(exemption)
        let kind = try #require(exemption.kind(limbs: limbs, authority: .other))
        for section in kind.sections {
            let folder = Self.library.sectionFolder(exemption, section, ncnd: ncnd)
            let variants = Self.library.variants(in: folder)
            #expect(variants.contains("default"), "\(folder) has no default variant")
            for variant in variants {
                let path = "\(folder)/\(variant).mustache"
                #expect(Self.library.summary(of: path)?.isEmpty == false, "\(path) has no summary line")
                for (outcome, authority, all) in [(Outcome.withhold, AuthorityKind.police, true), (.partial, .council, false),
                                                  (.disclose, .health, true), (.withhold, .centralGovernment, false)] {
                    var request = DraftRequest(reference: "REF/1", exemptionIDs: [exemption.id], date: Self.date)
                    request.regime = regime
                    request.neitherConfirmNorDeny = ncnd
                    request.variantChoices = [.exemptionSection(exemption.id, section, variant)]
                    let argued = exemption.variantLimbs[variant] ?? limbs
                    if argued != exemption.defaultLimbs && exemption.variantLimbs[variant] == nil {
                        request.limbChoices = [try LimbChoice(parsing: "\(exemption.id)=\(argued.joined(separator: ","))")]
                    }
                    request.evidence = Self.evidence(exemption, limbs: argued, all: all)
                    request.outcome = outcome
                    request.authorityKind = authority
                    request.questions = ["What is held?"]
                    request.facts = ["A case-specific point."]
                    let label = "\(path) \(outcome) \(authority)"
                    let result = try Self.drafter.draft(request)
                    let applied = try #require(result.exemptions.first)
                    for rendered in applied.sections {
                        #expect(!rendered.isEmpty, "\(label): the \(rendered.section) section is empty")
                    }
                    #expect(applied.sections.first { $0.section == section }?.variant == variant)
                    let text = String(decoding: TextWriter().write(result), as: UTF8.self)
                    #expect(text.contains(applied.citation), "\(label): the document does not cite \(applied.citation)")
                    #expect(text.contains("A case-specific point."), "\(label): the --fact text is not placed")
                    #expect(!text.contains("  "), "\(label): a double space, usually a blank variable")
                    #expect(!text.contains("{{") && !text.contains("}}"), "\(label): an unrendered tag")
                }
            }
        }
    }

    /// Harm sections of exemptions with a prejudice test state the level of likelihood.
    @Test func prejudiceHarmStatesItsLikelihood() throws {
        for regime in Regime.ID.allCases {
            for id in Self.library.exemptionIDs(in: regime) {
                let exemption = try Self.library.exemption(id, regime: regime)
                guard exemption.kind == .prejudice, exemption.hasLikelihood else { continue }
                for ncnd in exemption.ncnd == nil ? [false] : [false, true] {
                    let folder = Self.library.sectionFolder(exemption, .harm, ncnd: ncnd)
                    for variant in Self.library.variants(in: folder) {
                        let text = try #require(Self.library.file("\(folder)/\(variant).mustache")).text
                        #expect(text.contains("{{likelihood}}"), "\(folder)/\(variant) does not state the likelihood")
                    }
                }
            }
        }
    }

    /// Class-based and absolute exemptions have no harm section: the metadata decides, not code.
    @Test func harmFoldersFollowTheKind() throws {
        for regime in Regime.ID.allCases {
            for id in Self.library.exemptionIDs(in: regime) {
                let exemption = try Self.library.exemption(id, regime: regime)
                guard exemption.isQualified else {
                    #expect(Self.library.paths(under: "\(regime.exemptionsFolder)/\(id)") == ["\(regime.exemptionsFolder)/\(id)/exemption.json"])
                    continue
                }
                guard Self.hasTemplates(exemption) else { continue }
                let harm = Self.library.variants(in: Self.library.sectionFolder(exemption, .harm, ncnd: false))
                #expect(harm.isEmpty == (exemption.kind != .prejudice), "\(regime) \(id): harm variants \(harm) for a \(exemption.kind) exemption")
            }
        }
    }

    /// The qualified exemptions without wording are exactly those listed, and every one the issue
    /// names has wording (EIR 12(4)(b), (d), (e), 12(5)(a), (b), (e), (f); FOISA 30, 33, 34, 35,
    /// 38(1)(b), 39(1); the Scottish EIR's equivalents).
    @Test func theExemptionsWithoutWordingAreKnown() throws {
        for regime in Regime.ID.allCases {
            let missing = try Self.library.exemptionIDs(in: regime).filter { id in
                let exemption = try Self.library.exemption(id, regime: regime)
                return exemption.isQualified && exemption.noTest == nil && !Self.hasTemplates(exemption)
            }
            #expect(missing == Self.withoutTemplates[regime] ?? [], "\(regime)")
        }
        let drafted = Set(Self.drafts.map { $0.split(separator: " ").prefix(2).joined(separator: " ") })
        for required in ["eir 12-4-b", "eir 12-4-d", "eir 12-4-e", "eir 12-5-a", "eir 12-5-b", "eir 12-5-e", "eir 12-5-f", "eir 13",
                         "eisr 10-4-b", "eisr 10-4-d", "eisr 10-4-e", "eisr 10-5-a", "eisr 10-5-b", "eisr 10-5-e", "eisr 10-5-f", "eisr 11",
                         "foisa s30", "foisa s33", "foisa s34", "foisa s35", "foisa s38", "foisa s39"] {
            #expect(drafted.contains(required), "\(required) has no wording")
        }
        for ncnd in ["eir 12-5-a ncnd", "eisr 10-5-a ncnd", "foisa s30 ncnd", "foisa s33 ncnd", "foisa s34 ncnd", "foisa s35 ncnd",
                     "foisa s38 ncnd", "foisa s39 ncnd"] {
            #expect(Self.drafts.contains(ncnd), "\(ncnd) has no NCND form")
        }
    }

    @Test func jointDraftsWeighEachExemptionThenTheAggregate() throws {
        for ncnd in [false, true] {
            var request = DraftRequest(reference: "J/1", exemptionIDs: ["s24", "s31"], date: Self.date)
            request.neitherConfirmNorDeny = ncnd
            let draft = try Self.drafter.draft(request)
            let text = String(decoding: TextWriter().write(draft), as: UTF8.self)
            let citations = ncnd ? ["Section 24(2)", "Section 31(3)"] : ["Section 24(1)", "Section 31(1)(a)(b)"]
            for citation in citations {
                #expect(text.contains("\nBalancing test: \(citation)"), "each exemption is weighed on its own: \(citation)")
            }
            let combined = try #require(text.components(separatedBy: "\nCombined balancing test\n").last)
            for citation in citations {
                #expect(combined.contains(citation), "the combined balancing test does not name \(citation)")
            }
            #expect(text.components(separatedBy: "\nCombined balancing test\n").count == 2, "exactly one combined balancing test")
            #expect(draft.templatesUsed.contains { $0.path == (ncnd ? "balance/ncnd/default.mustache" : "balance/default.mustache") })
        }
    }
}

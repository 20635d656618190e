import Mustache
@testable import PITKit
import Testing

/// Walks the whole built-in library: every exemption × every section variant × (normal, NCND),
/// drafted in strict mode, must give a complete document with its citation.
struct LibraryWalkTests {
    static let library = TemplateLibrary(layers: [.builtIn])
    static let drafter = try! Drafter(library: library)
    static let date = DocumentDate(year: 2026, month: 11, day: 21)!

    /// Each (exemption, NCND?) pair the library can draft.
    static let drafts: [String] = library.exemptionIDs.flatMap { id -> [String] in
        guard let exemption = try? library.exemption(id), exemption.isQualified else { return [] }
        return exemption.ncnd == nil ? [id] : [id, id + " ncnd"]
    }

    @Test(arguments: drafts)
    func everyVariantDraftsCompletely(_ draft: String) throws {
        let parts = draft.split(separator: " ")
        let exemption = try Self.library.exemption(String(parts[0]))
        let ncnd = parts.count > 1
        for section in exemption.kind.sections {
            let folder = TemplateLibrary.sectionFolder(exemption.id, section, ncnd: ncnd)
            let variants = Self.library.variants(in: folder)
            #expect(variants.contains("default"), "\(folder) has no default variant")
            for variant in variants {
                let path = "\(folder)/\(variant).mustache"
                #expect(Self.library.summary(of: path)?.isEmpty == false, "\(path) has no summary line")
                var request = DraftRequest(reference: "REF/1", exemptionIDs: [exemption.id], date: Self.date)
                request.neitherConfirmNorDeny = ncnd
                request.variantChoices = [.exemptionSection(exemption.id, section, variant)]
                request.questions = ["What is held?"]
                request.facts = ["A case-specific point."]
                let result = try Self.drafter.draft(request)
                let applied = try #require(result.exemptions.first)
                for rendered in applied.sections {
                    #expect(!rendered.isEmpty, "\(path): the \(rendered.section) section is empty")
                }
                #expect(applied.sections.first { $0.section == section }?.variant == variant)
                let text = String(decoding: TextWriter().write(result), as: UTF8.self)
                #expect(text.contains(applied.citation), "\(path): the document does not cite \(applied.citation)")
                #expect(text.contains("A case-specific point."), "\(path): the --fact text is not placed")
                #expect(!text.contains("  "), "\(path): a double space, usually a blank variable")
                #expect(!text.contains("{{") && !text.contains("}}"), "\(path): an unrendered tag")
            }
        }
    }

    /// Harm sections of exemptions with a prejudice test state the level of likelihood.
    @Test func prejudiceHarmStatesItsLikelihood() throws {
        for id in Self.library.exemptionIDs {
            let exemption = try Self.library.exemption(id)
            guard exemption.kind == .prejudice, exemption.test?.contains("would be likely to") == true else { continue }
            for ncnd in exemption.ncnd == nil ? [false] : [false, true] {
                let folder = TemplateLibrary.sectionFolder(id, .harm, ncnd: ncnd)
                for variant in Self.library.variants(in: folder) {
                    let text = try #require(Self.library.file("\(folder)/\(variant).mustache")).text
                    #expect(text.contains("{{likelihood}}"), "\(folder)/\(variant) does not state the likelihood")
                }
            }
        }
    }

    /// Class-based and absolute exemptions have no harm section: the metadata decides, not code.
    @Test func harmFoldersFollowTheKind() throws {
        for id in Self.library.exemptionIDs {
            let exemption = try Self.library.exemption(id)
            let harm = Self.library.variants(in: TemplateLibrary.sectionFolder(id, .harm, ncnd: false))
            #expect(harm.isEmpty == (exemption.kind != .prejudice), "\(id): harm variants \(harm) for a \(exemption.kind) exemption")
            if exemption.kind == .absolute {
                #expect(Self.library.paths(under: "exemptions/\(id)") == ["exemptions/\(id)/exemption.json"])
            }
        }
    }

    @Test func jointDraftsNameEveryExemptionInOneBalancingTest() throws {
        for ncnd in [false, true] {
            var request = DraftRequest(reference: "J/1", exemptionIDs: ["s24", "s31"], date: Self.date)
            request.neitherConfirmNorDeny = ncnd
            let draft = try Self.drafter.draft(request)
            let text = String(decoding: TextWriter().write(draft), as: UTF8.self)
            let citations = ncnd ? ["Section 24(2)", "Section 31(3)"] : ["Section 24(1)", "Section 31(1)(a)(b)"]
            let balance = try #require(text.components(separatedBy: "\nBalancing test\n").last)
            for citation in citations {
                #expect(balance.contains(citation), "the joint balancing test does not name \(citation)")
            }
            #expect(text.components(separatedBy: "\nBalancing test\n").count == 2, "exactly one balancing test")
            #expect(draft.templatesUsed.contains { $0.path == (ncnd ? "balance/ncnd/default.mustache" : "balance/default.mustache") })
        }
    }
}

import Foundation
@testable import PITKit
import TestSupport
import Testing

/// The checks read a draft the same whatever its format: Markdown, text, and a Word document pit
/// wrote that a person saved again in Word (deflated parts, runs split, fields, tracked changes).
struct CheckReadingTests {
    static let library = LibraryWalkTests.library
    static let drafter = LibraryWalkTests.drafter

    /// What a finding says, without where: the formats number lines and paragraphs differently.
    static func said(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.check.id) \($0.message) [\($0.section)]" }
    }

    static func check(_ bytes: [UInt8], _ format: CheckDocument.Format, outcome: Outcome? = .withhold) throws -> [Finding] {
        try FileCheck.run(bytes, name: "draft", format: format, library: library, exemptionIDs: [], ncnd: nil, outcome: outcome)
    }

    /// Drafts with defects a person would leave: the placeholder authority, an irrelevant factor
    /// and a leftover note in a fact, a section cited but not applied; and sound ones.
    static let requests: [DraftRequest] = {
        var flawed = DraftRequest(reference: "658A/22", exemptionIDs: ["s31"], date: LibraryWalkTests.date)
        flawed.facts = ["Releasing the rota would embarrass the council. TODO: check the dates with section 24 in mind."]
        var ncnd = DraftRequest(reference: "FOI-027538", exemptionIDs: ["s24", "s31"], date: LibraryWalkTests.date)
        ncnd.neitherConfirmNorDeny = true
        ncnd.authorityName = "Northshire Police"
        ncnd.facts = ["The information is held on the duty system and names two patrol officers."]
        var sound = DraftRequest(reference: "12/26", exemptionIDs: ["s36"], date: LibraryWalkTests.date)
        sound.authorityName = "Northshire Council"
        sound.evidence = [("qualified-person", "Jane Smith, Chief Executive"), ("opinion-date", "2026-05-05"), ("opinion-basis", "the draft report")]
        sound.facts = ["The report compares three options for closing the depot and the savings each would bring."]
        return [flawed, ncnd, sound]
    }()

    @Test(arguments: 0..<3)
    func aWordDocumentSavedAgainReadsAsItsMarkdown(_ index: Int) throws {
        let draft = try Self.drafter.draft(Self.requests[index])
        let markdown = try Self.check(MarkdownWriter().write(draft), .markdown)
        let resaved = try WordResave.resave(DOCXWriter().write(draft))
        #expect(try ZipReader(resaved).entries.allSatisfy { $0.method == 8 }, "every part is deflated, as Word saves them")
        let word = try Self.check(resaved, .docx)
        #expect(Self.said(word) == Self.said(markdown))
        #expect(index == 2 ? markdown.isEmpty : !markdown.isEmpty)
        // The text form too, and the checks a fresh draft gets.
        #expect(Self.said(try Self.check(TextWriter().write(draft), .text)) == Self.said(markdown))
        #expect(Self.said(try Self.drafter.findings(Self.requests[index])) == Self.said(markdown))
        // Paragraph numbers count every paragraph, as a person can in Word.
        if let first = word.first { #expect(first.line > 1) }
    }

    @Test func fieldCodesAndDeletedTextAreNotRead() throws {
        let draft = try Self.drafter.draft(Self.requests[2])
        let resaved = try WordResave.resave(DOCXWriter().write(draft))
        let xml = String(decoding: try { let zip = try ZipReader(resaved); return try zip.data(zip.entry("word/document.xml")!) }(), as: UTF8.self)
        for made in ["MERGEFORMAT", "<w:delText", "<w:hyperlink", "<w:sdtContent>", "<w:proofErr", "w:rsidR="] {
            #expect(xml.contains(made), "the re-saved document has \(made)")
        }
        let document = try DocxTextReader.read(resaved)
        let text = document.blocks.map(\.text).joined(separator: "\n")
        #expect(!text.contains("MERGEFORMAT") && !text.contains("deleted in review"))
        #expect(text.contains("Request reference: 12/26"))
        #expect(document.blocks.contains { $0.kind == .heading(level: 2) && $0.text == "Balancing test" })
        #expect(document.blocks.contains { $0.kind == .listItem && $0.text.hasPrefix("Section 36(2)(b)(i)(ii)") })
    }

    /// Text pasted from a PDF: headings run into paragraphs or end in colons, paragraphs broken
    /// across blank lines, a balance concluding in its last sentence without a concluding word.
    @Test func textPastedFromAPDFReadsAsItsParts() throws {
        let pasted = """
            Request reference: 88/26
            Exemption applied: Section 31(1)(a) - Law enforcement
            Harm
            We consider that disclosure of the rota would be likely to prejudice the prevention of crime, since it shows

            the hours when nobody is on foot patrol in the town centre.

            Factors favouring disclosure:

            Publishing the rota would show how the patrol budget is spent.
            Factors favouring non-disclosure:
            Anyone planning a burglary could choose the unwatched hours.

            Balancing test

            The public interest in providing the rota is outweighed by the harm its release would do.

            Northshire Council will not disclose the rota.
            """
        let document = CheckDocument.plainText(pasted)
        #expect(document.sections.map(\.part) == [.other, .harm, .for, .against, .balance])
        #expect(document.blocks.contains { $0.text.hasSuffix("since it shows the hours when nobody is on foot patrol in the town centre.") })
        #expect(Self.said(try Self.check(Array(pasted.utf8), .text)) == [])
        #expect(Self.said(try Self.check(Array(pasted.utf8), .text, outcome: .disclose)).first?.hasPrefix("PIT004") == true)
    }

    /// The checks a batch runs once a shape, with each row's texts after, find what the checks
    /// find on each whole draft.
    @Test func checksThroughTheCacheEqualChecksOnTheWholeDraft() throws {
        let drafter = try Drafter(library: Self.library)
        let texts = ["The figures are by ward.", "Release would embarrass officers.", "TODO", "[insert date]", "Section 24 applies too.",
                     "We hold the information on the duty system.", "Embarrassment is not a relevant factor.", "{{ref}}", "XXX marks it."]
        var generator = SeededGenerator(seed: 9)
        for round in 0..<120 {
            var request = DraftRequest(reference: "R/\(round)", exemptionIDs: [["s31"], ["s24", "s31"], ["s38"]][round % 3], date: LibraryWalkTests.date)
            request.neitherConfirmNorDeny = Bool.random(using: &generator)
            request.facts = (0..<Int.random(in: 0...2, using: &generator)).map { _ in texts.randomElement(using: &generator)! }
            request.questions = (0..<Int.random(in: 0...1, using: &generator)).map { _ in texts.randomElement(using: &generator)! }
            if Bool.random(using: &generator) { request.authorityName = ["Northshire Council", "[Authority name]", "TODO Council"].randomElement(using: &generator)! }
            request.outcome = Outcome.allCases.randomElement(using: &generator)!
            let cached = try drafter.findings(request)
            let draft = try drafter.draft(request)
            let whole = QualityChecks.run(CheckDocument(draft.document), CheckSubject(draft, library: Self.library))
            #expect(cached == whole, "round \(round)")
            request.strict = true
            if cached.isEmpty {
                #expect(throws: Never.self) { try drafter.write(request, as: .text) }
            } else {
                #expect(throws: ChecksFailed.self) { try drafter.write(request, as: .text) }
            }
        }
    }
}

/// Saves a .docx pit wrote as Word does on saving it again: every part deflated, with data
/// descriptors; runs split in the middle of words, with revision ids and proofing marks; a
/// bookmark; the reference put in a field (its code and its result); a deleted word kept as a
/// tracked change; a hyperlink and a content control around runs.
enum WordResave {
    static func resave(_ docx: [UInt8]) throws -> [UInt8] {
        let archive = try ZipReader(docx)
        var entries: [TestZip.Entry] = []
        for entry in archive.entries {
            var data = try archive.data(entry)
            if entry.name == "word/document.xml" { data = Array(rewrite(String(decoding: data, as: UTF8.self)).utf8) }
            entries.append(TestZip.Entry(entry.name, data, deflated: true))
        }
        return TestZip.archive(entries, dataDescriptors: true)
    }

    static let textStart = "<w:t xml:space=\"preserve\">"

    static func rewrite(_ xml: String) -> String {
        var output = ""
        var rest = Substring(xml)
        var count = 0
        while let start = rest.range(of: "<w:r>") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "</w:r>") else { break }
            let run = rest[start.upperBound..<end.lowerBound]
            rest = rest[end.upperBound...]
            count += 1
            guard let textRange = run.range(of: textStart), let close = run.range(of: "</w:t>") else {
                output += "<w:r>" + run + "</w:r>"
                continue
            }
            let properties = String(run[..<textRange.lowerBound])
            let text = String(run[textRange.upperBound..<close.lowerBound])
            if ["12/26", "658A/22", "FOI-027538"].contains(text.trimmingCharacters(in: .whitespaces)) {
                // The reference as a field's result, with its code.
                output += "<w:r>\(properties)<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>\(properties)<w:instrText xml:space=\"preserve\"> DOCPROPERTY Reference \\* MERGEFORMAT </w:instrText></w:r>"
                output += "<w:r>\(properties)<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r w:rsidR=\"00A1B2C3\">\(properties)<w:t>\(text)</w:t></w:r><w:r>\(properties)<w:fldChar w:fldCharType=\"end\"/></w:r>"
                continue
            }
            let pieces = split(text)
            for (index, piece) in pieces.enumerated() {
                if index == 1 { output += "<w:proofErr w:type=\"spellStart\"/><w:bookmarkStart w:id=\"\(count)\" w:name=\"_Ref\(count)\"/>" }
                let wrapped = "<w:r w:rsidR=\"00\(String(count * 7 + index, radix: 16, uppercase: true))\" w:rsidRPr=\"00C0FFEE\">\(properties)<w:t xml:space=\"preserve\">\(piece)</w:t></w:r>"
                switch (count % 5, index) {
                case (1, 0): output += "<w:hyperlink w:anchor=\"_Top\">\(wrapped)</w:hyperlink>"
                case (2, 0): output += "<w:sdt><w:sdtPr><w:alias w:val=\"Text\"/></w:sdtPr><w:sdtContent>\(wrapped)</w:sdtContent></w:sdt>"
                default: output += wrapped
                }
                if index == 1 { output += "<w:bookmarkEnd w:id=\"\(count)\"/><w:proofErr w:type=\"spellEnd\"/>" }
            }
            if count % 3 == 0 {
                output += "<w:del w:id=\"9\(count)\" w:author=\"Reviewer\"><w:r><w:delText xml:space=\"preserve\"> deleted in review: embarrassment</w:delText></w:r></w:del>"
            }
        }
        return output + rest
    }

    /// `text` cut in three, never inside an entity.
    static func split(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        let cuts = [text.count / 3, 2 * text.count / 3]
        var inEntity = false
        for (index, character) in text.enumerated() {
            if cuts.contains(index) && !inEntity && !current.isEmpty {
                pieces.append(current)
                current = ""
            }
            if character == "&" { inEntity = true }
            if character == ";" { inEntity = false }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }
}

@testable import PITKit
import Testing

/// Parsing of the draft options: dates, variants, limbs, formats, suggestions.
struct RequestParsingTests {
    @Test(arguments: [("2022-06-01", "1 June 2022"), ("2024-02-29", "29 February 2024"), ("2026-11-21", "21 November 2026")])
    func datesPrintInTheUKLongForm(_ iso: String, _ long: String) throws {
        let date = try DocumentDate(iso: iso)
        #expect(date.longForm == long)
        #expect(date.iso == iso)
    }

    @Test(arguments: ["2023-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "21/11/2026", "", "2026-11-21x", "１２３４-01-01"])
    func invalidDatesAreUsageErrors(_ text: String) {
        #expect(throws: PITError.self) { try DocumentDate(iso: text) }
    }

    @Test func variantChoicesParseThreeForms() throws {
        #expect(try VariantChoice(parsing: "statistics") == .everywhere("statistics"))
        #expect(try VariantChoice(parsing: "harm=systems") == .section(.harm, "systems"))
        #expect(try VariantChoice(parsing: "S24.against=covert-techniques") == .exemptionSection("s24", .against, "covert-techniques"))
        #expect(throws: PITError.usage("--variant 'hram=x': unknown section 'hram' — did you mean 'harm'? (sections: harm, for, against, balance)")) {
            try VariantChoice(parsing: "hram=x")
        }
        #expect(throws: PITError.self) { try VariantChoice(parsing: "harm=") }
        #expect(throws: PITError.self) { try VariantChoice(parsing: "a.b.c=x") }
    }

    @Test func limbChoicesParse() throws {
        #expect(try LimbChoice(parsing: "a,b") == LimbChoice(parsing: "a, b"))
        #expect(try LimbChoice(parsing: "S31=a,c").exemptionID == "s31")
        #expect(try LimbChoice(parsing: "b(i),b(ii)").letters == ["b(i)", "b(ii)"])
        #expect(throws: PITError.self) { try LimbChoice(parsing: "a,,b") }
    }

    @Test func formatsComeFromTheOptionOrTheFileName() throws {
        #expect(try DraftOptions.format(named: nil, output: nil) == .text)
        #expect(try DraftOptions.format(named: nil, output: "out/658A-22.txt") == .text)
        #expect(try DraftOptions.format(named: "text", output: nil) == .text)
        #expect(throws: PITError.self) { try DraftOptions.format(named: "pdf", output: nil) }
    }

    @Test func suggestionsPreferTranspositionsAndSharedStarts() {
        #expect(Suggestion.closest(to: "s13", in: ["s21", "s23", "s31", "s43"]) == "s31")
        #expect(Suggestion.closest(to: "statstics", in: ["default", "statistics", "systems"]) == "statistics")
        #expect(Suggestion.closest(to: "draught", in: ["draft", "list", "show"]) == "draft")
        #expect(Suggestion.closest(to: "zzzz", in: ["draft", "list", "show"]) == nil)
    }

    @Test func requestsComeFromOptionValues() throws {
        let values: [DraftOption: [String]] = [.ref: ["658A/22"], .exemption: ["s24, s31", "s38"], .set: ["officer=A. Clerk"],
                                               .likelihood: ["would"], .ncnd: []]
        let request = try DraftOptions.request(OptionValues(values: values), today: { DocumentDate(year: 2026, month: 1, day: 2)! })
        #expect(request.exemptionIDs == ["s24", "s31", "s38"])
        #expect(request.neitherConfirmNorDeny)
        #expect(request.likelihood == .would)
        #expect(request.date.longForm == "2 January 2026")
        #expect(request.extraVariables.map(\.key) == ["officer"])
        #expect(request.extraVariables.map(\.value) == ["A. Clerk"])
    }

    @Test func pairsFoundInAMemoAreThoseSplitAnew() throws {
        var memo = RowOptionsMemo()
        let today = { DocumentDate(year: 2026, month: 1, day: 2)! }
        // Texts of more than 15 bytes, shared between the two requests as batch readers share them.
        let evidence = [" qualified-person =Ann Jones, Chief Constable", "opinion-basis=a note on the effect of release"]
        let values = OptionValues(values: [.ref: ["658A/22"], .exemption: ["s36"], .evidence: evidence, .set: ["officer=A. Clerk of the Records"]])
        let plain = try DraftOptions.request(values, today: today)
        for _ in 0..<2 {
            let remembered = try DraftOptions.request(values, today: today, memo: &memo)
            #expect(remembered.evidence.map(\.key) == ["qualified-person", "opinion-basis"])
            #expect(remembered.evidence.map(\.key) == plain.evidence.map(\.key))
            #expect(remembered.evidence.map(\.value) == plain.evidence.map(\.value))
            #expect(remembered.extraVariables.map(\.value) == ["A. Clerk of the Records"])
        }
        // A text with no `=` fails the same way, remembered or not.
        let bad = OptionValues(values: [.ref: ["658A/22"], .exemption: ["s36"], .evidence: ["qualified-person Ann Jones, Chief Constable"]])
        for keeping in [false, true, true] {
            var memo = keeping ? memo : .none
            #expect(throws: PITError.usage("--evidence 'qualified-person Ann Jones, Chief Constable': expected NAME=TEXT")) {
                try DraftOptions.request(bad, today: today, memo: &memo)
            }
        }
    }

    @Test func listsFoundInAMemoAreThoseReadAnew() throws {
        var memo = RowOptionsMemo()
        let today = { DocumentDate(year: 2026, month: 1, day: 2)! }
        // Lists alike in their counts and ends, so that some share a slot, each met several times.
        let rows: [[DraftOption: [String]]] = (0..<200).map { number in
            [.ref: ["\(number)"], .exemption: number % 3 == 0 ? ["s24, s31", "s38"] : ["s\(20 + number % 30)"],
             .limbs: ["a,\(["b", "c", "d"][number % 3])"], .variant: [number % 2 == 0 ? "default" : "harm=v\(number % 7)"],
             .purposes: ["a, c"], .question: number % 4 == 0 ? [] : ["Question \(number % 5)?", "How many?"],
             .fact: ["Fact \(number % 6)."]]
        }
        for values in (rows + rows.reversed()).map(OptionValues.init(values:)) {
            let plain = try DraftOptions.request(values, today: today)
            let remembered = try DraftOptions.request(values, today: today, memo: &memo)
            #expect(remembered.exemptionIDs == plain.exemptionIDs)
            #expect(remembered.limbChoices == plain.limbChoices)
            #expect(remembered.variantChoices == plain.variantChoices)
            #expect(remembered.purposes == plain.purposes && remembered.purposes == ["a", "c"])
            #expect(remembered.questions == plain.questions && remembered.facts == plain.facts)
        }
        // A list that fails fails the same way, remembered or not, after one like it that did not.
        let good = OptionValues(values: [.ref: ["1"], .exemption: ["s31"], .variant: ["harm=x"]])
        let bad = OptionValues(values: [.ref: ["1"], .exemption: ["s31"], .variant: ["harn=x"]])
        for keeping in [false, true, true] {
            var memo = keeping ? memo : .none
            _ = try DraftOptions.request(good, today: today, memo: &memo)
            #expect(throws: PITError.self) { try DraftOptions.request(bad, today: today, memo: &memo) }
            do {
                _ = try DraftOptions.request(bad, today: today, memo: &memo)
            } catch let error as PITError {
                #expect(error.message.hasPrefix("--variant 'harn=x': unknown section 'harn'"))
            }
        }
    }
}

/// Draft option values from a dictionary, as a command line gives them.
struct OptionValues: DraftOptionValues {
    let values: [DraftOption: [String]]

    subscript(option: DraftOption) -> ArraySlice<String>? { values[option]?[...] }
}

import Foundation
import Testing

/// Every UK access regime end to end (issue 12): the Environmental Information Regulations 2004,
/// the Freedom of Information (Scotland) Act 2002 and the Environmental Information (Scotland)
/// Regulations 2004 — citations, test words, the presumption, NCND allowed and refused by each
/// regime's own list, absolute exemptions, the emissions bar, aggregation, mixed requests, and the
/// default regime from an overlay's authority.json.
struct RegimeTests {
    static let base = ["draft", "--ref", "REG/1", "--date", "2026-11-21", "--authority", "Northshire Council", "--authority-kind", "council"]
    static let commercial = ["--evidence", "confidentiality-basis=a confidentiality clause in the 2024 lease",
                             "--evidence", "economic-interest=the tenant's rental terms, which its competitors would use"]

    static func refused(_ arguments: [String], status: Int32 = 65) throws -> String {
        let result = try Pit.run(base + arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        return result.stderr
    }

    static func drafted(_ arguments: [String], environment: [String: String?] = [:]) throws -> String {
        let result = try Pit.run(base + arguments, environment: environment)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.text
    }

    // MARK: - The EIR

    @Test func eirDraftsCiteRegulationsAndApplyThePresumption() throws {
        // EIR reg 12(1)(b), 12(2), 12(5)(b): "would adversely affect", no "likely to" level.
        let text = try Self.drafted(["--regime", "eir", "--exemption", "12(5)(b)"])
        #expect(text.contains("Exception applied\n\n- Regulation 12(5)(b) – "))
        #expect(text.contains("Under regulation 12(2) of the Environmental Information Regulations 2004, Northshire Council applies a presumption in favour of disclosure."))
        #expect(text.contains("disclosure would adversely affect the course of justice"))
        #expect(text.contains("more probable than not"))
        #expect(!text.contains("would be likely to"), "the EIR's adverse-effect test has no 'likely to' level")
        #expect(text.contains("(regulation 12(1)(b))"))
        #expect(try Self.refused(["--regime", "eir", "--exemption", "12-5-b", "--likelihood", "likely"], status: 64).contains("has no level of likelihood"))
        for id in ["12-4-b", "12-4-d", "12-4-e", "12-5-a", "12-5-e", "12-5-f", "13"] {
            var arguments = ["--regime", "eir", "--exemption", id]
            switch id {
            case "12-4-b": arguments += ["--evidence", "grounds=locating the records would take about 90 hours"]
            case "12-5-e": arguments += Self.commercial
            case "12-5-f": arguments += ["--evidence", "provider=a landowner who sent a survey voluntarily", "--evidence", "consent=the landowner refused consent on 2 March 2026"]
            case "13": arguments += ["--limbs", "second", "--evidence", "objection=made on 1 March 2026 on grounds of personal safety"]
            default: break
            }
            let draft = try Self.drafted(arguments)
            #expect(draft.contains("presumption in favour of disclosure"), "\(id): every EIR draft carries the presumption")
            #expect(draft.contains("Regulation 1"), "\(id) cites a regulation")
        }
    }

    @Test func manifestlyUnreasonableRequestsWeighTheBurden() throws {
        // EIR reg 12(4)(b): no cost limit, so burden is weighed under this exception (ICO guidance).
        #expect(try Self.refused(["--regime", "eir", "--exemption", "12-4-b"]).contains("--evidence grounds="))
        let text = try Self.drafted(["--regime", "eir", "--exemption", "12-4-b", "--evidence", "grounds=locating the records would take about 90 hours"])
        #expect(text.contains("no cost limit") && text.contains("burden of complying"))
        #expect(text.contains("locating the records would take about 90 hours"))
        #expect(!text.contains("\nHarm\n"), "12(4) exceptions have no adverse effect test")
    }

    @Test func eirNeitherConfirmNorDenyOnlyFor12_5_aAndPersonalData() throws {
        // EIR reg 12(6): NCND only where 12(5)(a) interests would be adversely affected; reg 13(5A) for personal data.
        let text = try Self.drafted(["--regime", "eir", "--exemption", "12-5-a", "--ncnd", "--limbs", "national-security"])
        #expect(text.contains("Regulation 12(6) with regulation 12(5)(a)"))
        #expect(text.contains("national security"))
        #expect(text.contains("Nothing in this response should be taken as an indication"))
        for id in ["12-5-b", "12-4-e", "12-5-f"] {
            let stderr = try Self.refused(["--regime", "eir", "--exemption", id, "--ncnd"])
            #expect(stderr.contains("no neither-confirm-nor-deny provision") && stderr.contains("only 12-5-a and 13 allow one"), "\(id): \(stderr)")
        }
        let personal = try Self.drafted(["--regime", "eir", "--exemption", "13", "--limbs", "third", "--ncnd",
                                         "--evidence", "access-exemption=paragraph 2 of Schedule 2 to the Data Protection Act 2018"])
        #expect(personal.contains("Regulation 13(5A) with regulation 13(1) by virtue of regulation 13(3A)"))
    }

    @Test func theEmissionsBar() throws {
        // EIR reg 12(9), EISR reg 10(6): 12(5)(d)-(g) / 10(5)(d)-(g) cannot be used for information on emissions.
        for (regime, ids) in [("eir", ["12-5-d", "12-5-e", "12-5-f", "12-5-g"]), ("eisr", ["10-5-d", "10-5-e", "10-5-f", "10-5-g"])] {
            for id in ids {
                let stderr = try Self.refused(["--regime", regime, "--exemption", id, "--emissions"])
                #expect(stderr.contains("cannot be relied on for information on emissions") && stderr.contains(regime == "eir" ? "regulation 12(9)" : "regulation 10(6)"), "\(id): \(stderr)")
            }
        }
        #expect(try Self.drafted(["--regime", "eir", "--exemption", "12-5-a", "--emissions"]).contains("Regulation 12(5)(a)"),
                "12(5)(a) is not barred for emissions")
        #expect(try Self.drafted(["--regime", "eir", "--exemption", "12-5-e"] + Self.commercial).contains("Regulation 12(5)(e)"),
                "without --emissions 12(5)(e) drafts")
        #expect(try Self.refused(["--exemption", "s31", "--emissions"], status: 64).contains("has no emissions bar"))
    }

    @Test func eirExceptionsAreWeighedTogether() throws {
        // Office of Communications v IC [2010] UKSC 3; Case C-71/10: aggregation is lawful under the EIR.
        let text = try Self.drafted(["--regime", "eir", "--exemption", "12-5-a,12-5-b"])
        #expect(text.contains("Exceptions applied"))
        #expect(text.contains("Combined balancing test"))
        #expect(text.contains("[2010] UKSC 3") && text.contains("C-71/10"))
        #expect(text.contains("the public interest in maintaining the exceptions at Regulation 12(5)(a) and Regulation 12(5)(b), taken together"))
        #expect(!text.contains("[2025] UKSC 27"), "the FOIA authority is not cited for the EIR")
    }

    // MARK: - FOISA

    @Test func foisaDraftsCiteTheScottishActAndItsTest() throws {
        // FOISA s35(1), s2(1)(b): "would, or would be likely to, prejudice substantially".
        let text = try Self.drafted(["--regime", "foisa", "--exemption", "s35"])
        #expect(text.contains("- Section 35(1)(a)(b) – Law enforcement"))
        #expect(text.contains("would, or would be likely to, prejudice substantially the prevention or detection of crime"))
        #expect(text.contains("section 2(1)(b) of the Act"))
        #expect(!text.contains("presumption in favour of disclosure"), "FOISA has no presumption in its words")
        let advice = try Self.drafted(["--regime", "foisa", "--exemption", "s30"])
        #expect(advice.contains("Section 30(b)(i)(ii)") && advice.contains("inhibit substantially"))
        #expect(!advice.contains("qualified person"), "FOISA s30 needs no qualified person's opinion")
        let endanger = try Self.drafted(["--regime", "foisa", "--exemption", "s39", "--likelihood", "would"])
        #expect(endanger.contains("would, or would be likely to, endanger") && endanger.contains("would endanger the health or safety"))
    }

    @Test func foisaNeitherConfirmNorDenyIsSection18ForTheSectionsItLists() throws {
        // FOISA s18(1): sections 28 to 35, 38, 39(1) and 41.
        let text = try Self.drafted(["--regime", "foisa", "--exemption", "s35", "--ncnd"])
        #expect(text.contains("Section 18(1) with section 35(1)(a)(b)"))
        #expect(text.contains("would be contrary to the public interest"))
        #expect(text.contains("refusal notice could be given under section 16(1) of the Freedom of Information (Scotland) Act 2002"))
        for id in ["s27", "s36", "s39-2", "s40"] {
            let stderr = try Self.refused(["--regime", "foisa", "--exemption", id, "--ncnd"])
            #expect(stderr.contains("no neither-confirm-nor-deny provision"), "\(id): \(stderr)")
        }
        let personal = try Self.drafted(["--regime", "foisa", "--exemption", "s38", "--limbs", "second", "--ncnd",
                                         "--evidence", "objection=made on 1 March 2026"])
        #expect(personal.contains("Section 18(1) with section 38(1)(b) by virtue of section 38(2B)"))
    }

    @Test(arguments: ["s25", "s26", "s36-2", "s37", "s38", "s38-1"])
    func absoluteFoisaExemptionsAreRefusedAlone(_ id: String) throws {
        // FOISA s2(2): ss25, 26, 36(2), 37, 38(1)(a), (c), (d), and 38(1)(b) by the first condition.
        let stderr = try Self.refused(["--regime", "foisa", "--exemption", id])
        #expect(stderr.contains("is an absolute exemption (FOISA s2(2))"), "\(stderr)")
    }

    @Test func anAbsoluteFoisaExemptionBesideAQualifiedOneIsNoted() throws {
        let text = try Self.drafted(["--regime", "foisa", "--exemption", "s37,s35"])
        #expect(text.contains("Section 37(1) is an absolute exemption (section 2(2) of the Act)"))
        #expect(text.contains("Section 35(1)(a)(b)"))
    }

    @Test func foisaExemptionsAreEachWeighedAlone() throws {
        let text = try Self.drafted(["--regime", "foisa", "--exemption", "s30,s35"])
        #expect(!text.contains("Combined balancing test"))
        #expect(text.contains("Balancing test: Section 30(b)(i)(ii)") && text.contains("Balancing test: Section 35(1)(a)(b)"))
        #expect(text.contains("the public interest in maintaining them is not combined"))
    }

    @Test func aQualifiedExemptionWithoutWordingSaysSo() throws {
        let stderr = try Self.refused(["--regime", "foisa", "--exemption", "s36"])
        #expect(stderr.contains("has no templates in the library") && stderr.contains("Writing an overlay"))
    }

    // MARK: - The Scottish EIR

    @Test func scottishEirDraftsCiteRegulation10AndPrejudiceSubstantially() throws {
        // EISR reg 10(1)(b), 10(2), 10(5)(b): "would, or would be likely to, prejudice substantially"; reg 10(8) NCND.
        let text = try Self.drafted(["--regime", "eisr", "--exemption", "10(5)(b)", "--likelihood", "would"])
        #expect(text.contains("- Regulation 10(5)(b) – "))
        #expect(text.contains("Under regulation 10(2) of the Environmental Information (Scotland) Regulations 2004, Northshire Council interprets the exceptions in a restrictive way and applies a presumption in favour of disclosure."))
        #expect(text.contains("would, or would be likely to, prejudice substantially the course of justice"))
        #expect(text.contains("would prejudice that process substantially"))
        #expect(text.contains("(regulation 10(1)(b))"))
        #expect(!text.contains("Regulation 12") && !text.contains("regulation 12"), "no EIR provision in a Scottish draft")
        let ncnd = try Self.drafted(["--regime", "eisr", "--exemption", "10-5-a", "--ncnd"])
        #expect(ncnd.contains("Regulation 10(8) with regulation 10(5)(a)"))
        #expect(try Self.refused(["--regime", "eisr", "--exemption", "10-5-e", "--ncnd"] + Self.commercial).contains("only 10-5-a and 11 allow one"))
    }

    // MARK: - Mixed requests, the default regime, batch

    @Test func aRequestThatMixesRegimesIsTwoDrafts() throws {
        let stderr = try Self.refused(["--exemption", "s31,12(5)(b)"])
        #expect(stderr.contains("Regulation 12(5)(b) of the Environmental Information Regulations 2004"))
        #expect(stderr.contains("a request that mixes regimes is two drafts") && stderr.contains("--regime eir"))
        #expect(try Self.refused(["--regime", "eir", "--exemption", "12-5-b,s43"]).contains("--regime foia"))
        #expect(try Self.refused(["--regime", "eisr", "--exemption", "s35"]).contains("--regime foisa"))
        #expect(try Self.refused(["--regime", "eir", "--exemption", "12-5-x"]).contains("unknown exception '12-5-x'"))
    }

    @Test func theDefaultRegimeComesFromAuthorityJson() throws {
        let overlay = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: overlay) }
        try Pit.write(["authority.json": #"{"name": "Northshire Council", "short": "NC", "kind": "council", "regime": "eisr"}"#], into: overlay)
        let text = try Self.drafted(["--exemption", "10-5-b", "--templates", overlay.path])
        #expect(text.contains("- Regulation 10(5)(b) – ") && text.contains("regulation 10(2)"))
        #expect(try Self.drafted(["--exemption", "s31", "--regime", "foia", "--templates", overlay.path]).contains("Section 31(1)(a)(b)"),
                "--regime overrides authority.json")
        // The JSON form records the regime.
        let json = try Self.drafted(["--exemption", "10-5-b", "--templates", overlay.path, "--format", "json"])
        #expect(json.contains(#""regime": {"#) && json.contains(#""id": "eisr""#) && json.contains(#""abbreviation": "EISR""#), "\(json.prefix(600))")
        let list = try Pit.run(["list", "--templates", overlay.path])
        #expect(list.status == 0 && list.text.hasPrefix("10-4-a  Regulation 10(4)(a)"))
        try Pit.write(["authority.json": #"{"name": "N", "short": "N", "regime": "scotland"}"#], into: overlay)
        let bad = try Pit.run(["draft", "--ref", "1", "--exemption", "s31", "--templates", overlay.path])
        #expect(bad.status == 65 && bad.stderr.contains("unknown regime 'scotland'"))
    }

    @Test func listAndShowTakeTheRegime() throws {
        let list = try Pit.run(["list", "--regime", "foisa"])
        #expect(list.text.contains("s35     Section 35(1)     prejudice        built-in  Law enforcement\n"))
        #expect(list.text.contains("s37     Section 37(1)     absolute         "))
        let show = try Pit.run(["show", "12(5)(a)", "--regime", "eir"])
        #expect(show.status == 0, "\(show.stderr)")
        for expected in ["12-5-a: Regulation 12(5)(a) – ", "test: would adversely affect", "neither confirm nor deny: Regulation 12(6) with regulation 12(5)(a)",
                         "presumption in favour of disclosure: regulation 12(2)", "emissions bar: regulation 12(9)", "the test may not weigh:"] {
            #expect(show.text.contains(expected), "pit show 12-5-a lacks \(expected)")
        }
        #expect(try Pit.run(["show", "12-5-e", "--regime", "eir"]).text.contains("information on emissions: cannot be relied on (regulation 12(9); --emissions)"))
        #expect(try Pit.run(["list", "--regime", "wales"]).status == 64)
    }

    @Test func batchRowsTakeARegimeAndTheEmissionsFlag() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Pit.write(["rows.csv": "ref,exemption,regime,emissions,authority\nE/1,12-5-a,eir,yes,N\nE/2,12-5-g,eir,yes,N\nS/1,s35,foisa,,N\n"], into: folder)
        let out = folder.appendingPathComponent("out")
        let result = try Pit.run(["batch", folder.appendingPathComponent("rows.csv").path, "--out-dir", out.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("row 3: ") && result.stderr.contains("regulation 12(9)"))
        #expect(Pit.files(under: out) == ["E-1.txt", "S-1.txt"])
        let scottish = try String(contentsOf: out.appendingPathComponent("S-1.txt"), encoding: .utf8)
        #expect(scottish.contains("Section 35(1)(a)(b)"))
    }
}

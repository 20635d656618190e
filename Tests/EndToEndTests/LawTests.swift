import Foundation
import Testing

/// The law in every draft, end to end: kinds and tests per provision, the evidence the law
/// requires, exclusive pairs, outcomes, authority kinds and NCND wording (issue 8).
struct LawTests {
    static let base = ["draft", "--ref", "LAW/1", "--date", "2026-11-21", "--authority", "Northshire Council"]
    static let s36Evidence = ["--evidence", "qualified-person=Jane Smith, Chief Executive", "--evidence", "opinion-date=2023-05-05",
                              "--evidence", "opinion-basis=the draft report and a submission on the effect of release"]

    /// Runs a draft expected to fail, and checks the failure's shape: exit code, nothing on stdout.
    static func refused(_ arguments: [String], status: Int32 = 65) throws -> String {
        let result = try Pit.run(base + arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        return result.stderr
    }

    static func drafted(_ arguments: [String]) throws -> String {
        let result = try Pit.run(base + arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.text
    }

    @Test func section37AbsoluteLimbsAreRefusedAndHonoursDrafted() throws {
        // FOIA s2(3)(ea): s37(1)(a)-(ab) are absolute; (b) is qualified.
        let stderr = try Self.refused(["--exemption", "s37", "--limbs", "a"])
        #expect(stderr.contains("absolute exemption") && stderr.contains("Section 37(1)(a)"))
        let honours = try Self.drafted(["--exemption", "s37", "--limbs", "b"])
        #expect(honours.contains("Section 37(1)(b) – "))
        #expect(try Self.refused(["--exemption", "s37", "--limbs", "a,b"]).contains("are absolute and (b) qualified"))
        let royal = try Self.drafted(["--exemption", "s37", "--variant", "royal"])
        #expect(royal.contains("Section 37(1)(ac)(ad)"), "the royal variant cites the Royal Family and Household limbs")
    }

    @Test func section40ByTheThirdConditionGetsAPublicInterestTest() throws {
        // FOIA s2(3)(fa): only the first condition of s40(2) is absolute.
        #expect(try Self.refused(["--exemption", "s40"]).contains("absolute exemption"))
        #expect(try Self.refused(["--exemption", "s40", "--limbs", "third"]).contains("--evidence access-exemption="))
        let third = try Self.drafted(["--exemption", "s40", "--limbs", "third", "--evidence",
                                      "access-exemption=paragraph 2 of Schedule 2 to the Data Protection Act 2018 (crime and taxation)"])
        #expect(third.contains("paragraph 2 of Schedule 2"))
        #expect(third.contains("Section 40(2) by virtue of section 40(4A)"))
        #expect(third.contains("Balancing test"))
        let ncnd = try Self.drafted(["--exemption", "s40", "--limbs", "second", "--ncnd", "--evidence", "objection=made in writing on 1 March 2026"])
        #expect(ncnd.contains("Section 40(5B)(b)"))
    }

    @Test func section22AHasAHarmTestWithALikelihood() throws {
        // FOIA s22A(1)(b): "would, or would be likely to, prejudice".
        let text = try Self.drafted(["--exemption", "s22a", "--likelihood", "would", "--evidence", "research-programme=The 2026 survey of tenants"])
        #expect(text.contains("\nHarm\n"))
        #expect(text.contains(" would prejudice") || text.contains(" would, "), "the harm states the level chosen")
        #expect(text.contains("The 2026 survey of tenants"))
        #expect(try Self.refused(["--exemption", "s22a"]).contains("--evidence research-programme="))
    }

    @Test func section24HasNoLikelihood() throws {
        // FOIA s24(1): "required for the purpose of safeguarding national security" - no level of likelihood.
        let stderr = try Self.refused(["--exemption", "s24", "--likelihood", "would"], status: 64)
        #expect(stderr.contains("has no level of likelihood"))
        let text = try Self.drafted(["--exemption", "s24"])
        #expect(!text.contains("would be likely to"), "s24 drafts state no likelihood")
        #expect(text.contains("reasonably necessary"), "'required' means reasonably necessary (Kalman v IC, EA/2009/0111)")
    }

    @Test func section36NeedsTheQualifiedPersonsOpinion() throws {
        // FOIA s36(2), (5); ICO guidance on s36: who, when, on what material.
        let stderr = try Self.refused(["--exemption", "s36"])
        let lines = stderr.split(separator: "\n")
        #expect(lines.count == 3, "one line per missing item: \(stderr)")
        for name in ["qualified-person", "opinion-date", "opinion-basis"] {
            #expect(stderr.contains("--evidence \(name)="), "names how to give \(name)")
        }
        #expect(stderr.contains("section 36(5)"), "says why the law needs it")
        let text = try Self.drafted(["--exemption", "s36"] + Self.s36Evidence)
        #expect(text.contains("Jane Smith, Chief Executive"))
        #expect(text.contains("5 May 2023"))
        #expect(text.contains("the draft report and a submission on the effect of release"))
        #expect(try Self.refused(["--exemption", "s36", "--evidence", "opinion-date=5 May"] + Self.s36Evidence.prefix(2)
                                 + Self.s36Evidence.suffix(2)).contains("is not a date"))
        let inhibit = try Self.drafted(["--exemption", "s36", "--limbs", "b(i)"] + Self.s36Evidence)
        #expect(inhibit.contains("inhibit"))
    }

    @Test func section31RegulatoryLimbsNeedAPurpose() throws {
        // FOIA s31(1)(g) works through a purpose in s31(2); ICO guidance "Section 31 – Law enforcement".
        let stderr = try Self.refused(["--exemption", "s31", "--limbs", "g", "--evidence", "function=Trading standards enforcement under the Consumer Rights Act 2015"])
        #expect(stderr.contains("--purposes") && stderr.contains("31(2)"))
        #expect(try Self.refused(["--exemption", "s31", "--limbs", "g", "--purposes", "a"]).contains("--evidence function="))
        let text = try Self.drafted(["--exemption", "s31", "--limbs", "g", "--purposes", "a,c",
                                     "--evidence", "function=Trading standards enforcement under the Consumer Rights Act 2015"])
        #expect(text.contains("Section 31(1)(g) and (2)(a)(c)"))
        #expect(text.contains("Trading standards enforcement under the Consumer Rights Act 2015"))
        #expect(try Self.refused(["--exemption", "s31", "--purposes", "a"], status: 64).contains("only with limbs g, h, i"))
    }

    @Test func section43ThirdPartyHarmComesFromTheThirdParty() throws {
        // ICO guidance on s43; Derry City Council v IC (EA/2006/0014).
        #expect(try Self.refused(["--exemption", "s43"]).contains("needs one of"))
        #expect(try Self.refused(["--exemption", "s43", "--evidence", "third-party=Acme Ltd"]).contains("--evidence representations="))
        let text = try Self.drafted(["--exemption", "s43", "--evidence", "third-party=Acme Ltd",
                                     "--evidence", "representations=Acme Ltd wrote on 3 March 2026 that its unit rates would be exposed to rivals"])
        #expect(text.contains("Acme Ltd wrote on 3 March 2026"))
    }

    @Test(arguments: [["s30", "s31"], ["s31", "s30"], ["s35", "s36"]])
    func exclusivePairsNeedToSayHowTheyApply(_ pair: [String]) throws {
        let evidence = pair.contains("s36") ? Self.s36Evidence : []
        let stderr = try Self.refused(["--exemption", pair.joined(separator: ",")] + evidence)
        #expect(stderr.contains("--alternative") && stderr.contains("--separate-parts"))
        #expect(stderr.contains("applies only to information that is not exempt under section"))
        let alternative = try Self.drafted(["--exemption", pair.joined(separator: ","), "--alternative"] + evidence)
        #expect(alternative.contains("relied on in the alternative"))
        #expect(!alternative.contains("Combined balancing test"), "no aggregate weighing in the alternative")
        let parts = try Self.drafted(["--exemption", pair.joined(separator: ","), "--separate-parts"] + evidence)
        #expect(parts.contains("applies to a different part of the information"))
        #expect(!parts.contains("Combined balancing test"))
    }

    @Test func sections23And24AreAlwaysInTheAlternative() throws {
        let text = try Self.drafted(["--exemption", "s23,s24", "--ncnd"])
        #expect(text.contains("Section 23(5)") && text.contains("Section 24(2)"))
        #expect(text.contains("relied on in the alternative"))
        #expect(text.contains("No inference should be drawn as to which of them applies"))
        #expect(try Self.refused(["--exemption", "s23,s24", "--separate-parts"]).contains("only in the alternative"))
    }

    @Test func jointDraftsWeighEachThenTogether() throws {
        let text = try Self.drafted(["--exemption", "s24,s31"])
        #expect(text.contains("Balancing test: Section 24(1)"))
        #expect(text.contains("Balancing test: Section 31(1)(a)(b)"))
        #expect(text.contains("Combined balancing test"))
        #expect(text.contains("[2025] UKSC 27"))
    }

    @Test(arguments: ["withhold", "partial", "disclose"])
    func everyOutcomeHasItsConclusion(_ outcome: String) throws {
        let conclusion: [String: String] = [
            "withhold": "outweighs the public interest in disclosure of the information, which is therefore withheld",
            "partial": "for part of the information only",
            "disclose": "does not outweigh the public interest in disclosure",
        ]
        for exemptions in ["s31", "s38", "s42"] {
            let text = try Self.drafted(["--exemption", exemptions, "--outcome", outcome])
            #expect(text.contains(conclusion[outcome]!), "\(exemptions) \(outcome)")
        }
        let joint = try Self.drafted(["--exemption", "s24,s31", "--outcome", outcome])
        let jointConclusion: [String: String] = [
            "withhold": "taken together, outweighs the public interest in disclosure, and the information is withheld",
            "partial": "outweighs the public interest in disclosure for part of the information only",
            "disclose": "even taken together, the public interest in maintaining them does not outweigh",
        ]
        #expect(joint.contains(jointConclusion[outcome]!), "joint \(outcome)")
        let ncnd = try Self.drafted(["--exemption", "s31", "--ncnd", "--outcome", outcome])
        #expect(ncnd.contains("Nothing in this response should be taken as an indication that information is, or is not, held."))
        #expect(try Self.refused(["--exemption", "s31", "--outcome", "maybe"], status: 64).contains("unknown outcome 'maybe'"))
    }

    @Test func ncndDraftsSpeakOfConfirmingOrDenying() throws {
        for id in ["s24", "s31", "s38", "s30", "s27", "s27-2", "s43"] {
            var arguments = ["--exemption", id, "--ncnd"]
            if id == "s27-2" { arguments += ["--evidence", "confidentiality=Received under a memorandum of understanding that requires confidence"] }
            if id == "s43" { arguments += ["--evidence", "own-interests=the Council's position in the re-tender"] }
            let text = try Self.drafted(arguments)
            #expect(text.contains("\nFactors favouring confirming or denying\n"), "\(id)")
            #expect(text.contains("\nFactors favouring neither confirming nor denying\n"), "\(id)")
            #expect(!text.contains("Factors favouring disclosure") && !text.contains("Factors favouring non-disclosure"), "\(id)")
            #expect(text.contains("exclusion of the duty to confirm or deny"), "\(id): the conclusion speaks as s2(1)(b) does")
            #expect(text.contains("is, or is not, held"), "\(id)")
        }
        #expect(try Self.drafted(["--exemption", "s27", "--ncnd"]).contains("Section 27(4)(a)"))
    }

    @Test func theParliamentIsAbsoluteForSection36() throws {
        let stderr = try Self.refused(["--exemption", "s36", "--authority-kind", "parliament"] + Self.s36Evidence)
        #expect(stderr.contains("absolute exemption"))
    }

    @Test func aPlaceholderAuthorityIsWarnedAbout() throws {
        let result = try Pit.run(["draft", "--ref", "1", "--exemption", "s31"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: the authority is the placeholder '[Authority name]'"))
        #expect(result.stderr.contains("--authority NAME"))
        #expect(try Pit.run(Self.base + ["--exemption", "s31"]).stderr.isEmpty, "no warning with --authority")
    }

    @Test func unknownEvidenceIsNamed() throws {
        let stderr = try Self.refused(["--exemption", "s36", "--evidence", "qualified-persn=x"], status: 64)
        #expect(stderr.contains("unknown evidence 'qualified-persn'") && stderr.contains("did you mean 'qualified-person'?"))
    }
}

/// The batch columns are declared once: `pit help batch` prints them, and the README carries the same text.
struct BatchColumnsDocumentationTests {
    @Test func theReadmeListsTheColumnsAsPitHelpBatchDoes() throws {
        let help = try Pit.run(["help", "batch"])
        #expect(help.status == 0)
        let columns = try #require(help.text.components(separatedBy: "\nColumns:\n").last?.components(separatedBy: "\n\n").first)
        for name in ["ref", "evidence", "purposes", "outcome", "alternative", "separate-parts", "authority-kind"] {
            #expect(columns.contains("\n  \(name) ") || columns.hasPrefix("  \(name) "), "pit help batch lists \(name)")
        }
        let readme = try String(contentsOf: Pit.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("<!-- batch-columns: generated from DraftOption; a test keeps it equal to `pit help batch` -->\n```\n" + columns + "\n```"),
                "README's batch columns differ from `pit help batch`: copy them from its output")
    }
}

/// A council's draft of every qualified exemption, through the binary: no police wording.
struct AuthorityKindTests {
    static let policeWords = ["police", "policing", "the force", "forces", "constabulary", "frontline"]
    static let evidence: [String: [String]] = [
        "s22": ["publication=the annual report, due in March 2027"], "s22a": ["research-programme=the 2026 tenants survey"],
        "s27-2": ["confidentiality=the terms of the exchange of letters"],
        "s36": ["qualified-person=Jane Smith, Monitoring Officer", "opinion-date=2026-10-01", "opinion-basis=the request and the papers"],
        "s43": ["own-interests=the re-tender of the waste contract"], "s43-1": ["trade-secret=the recipe, kept in a locked file"],
    ]

    @Test func noQualifiedExemptionSpeaksOfPolicingToACouncil() throws {
        let list = try Pit.run(["list"])
        let ids = list.text.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return fields.count > 3 && fields[3] != "absolute" ? String(fields[0]) : nil
        }
        #expect(ids.count >= 19, "every qualified exemption: \(ids)")
        for id in ids {
            var arguments = ["draft", "--ref", "C/1", "--exemption", id, "--authority", "Northshire Council", "--authority-kind", "council"]
            if id == "s40" { arguments += ["--limbs", "third", "--evidence", "access-exemption=paragraph 2 of Schedule 2 to the Data Protection Act 2018"] }
            for item in Self.evidence[id] ?? [] { arguments += ["--evidence", item] }
            for ncnd in [false, true] {
                let result = try Pit.run(arguments + (ncnd ? ["--ncnd"] : []))
                if ncnd && result.status == 65 && result.stderr.contains("no neither-confirm-nor-deny") { continue }
                #expect(result.status == 0, "\(id): \(result.stderr)")
                let text = result.text.lowercased()
                for word in Self.policeWords where text.contains(" " + word) || text.contains("\n" + word) {
                    Issue.record("\(id)\(ncnd ? " ncnd" : ""): a council's draft says '\(word)'")
                }
            }
        }
    }
}

import Foundation
import Testing

/// `pit draft` end to end: the built binary, its stdout, stderr, exit code and files.
struct DraftTests {
    @Test func defaultSection31DraftIsACompletePIT() throws {
        let result = try Pit.run(["draft", "--ref", "658A/22", "--exemption", "s31", "--date", "2026-11-21",
                                  "--authority", "Northshire Council"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let text = result.text
        #expect(text.contains("658A/22"))
        #expect(text.contains("Section 31(1)(a)(b) – Law enforcement"))
        #expect(text.contains("\nHarm\n"))
        #expect(text.contains("would be likely to prejudice"))
        #expect(text.contains("\nFactors favouring disclosure\n"))
        #expect(text.contains("\nFactors favouring non-disclosure\n"))
        #expect(text.contains("\nBalancing test\n"))
        #expect(text.contains("outweighs the public interest in disclosure of the information, which is therefore withheld"))
        #expect(text.contains("21 November 2026"))
        #expect(!text.contains("{{"))
        #expect(!text.contains("**"))
    }
}

/// The rest of `pit draft`'s behaviour, end to end.
extension DraftTests {
    static let dated = ["draft", "--ref", "658A/22", "--date", "2026-11-21"]

    @Test func houseStyleOverlayReproducesAnAuthoritysPITWordForWord() throws {
        let overlay = Pit.fixtures.appendingPathComponent("house-style")
        let expected = try String(contentsOf: Pit.fixtures.appendingPathComponent("house-style.expected.txt"), encoding: .utf8)
        let result = try Pit.run(["draft", "--ref", "NC-2026-0412", "--exemption", "s31", "--date", "2026-03-14",
                                  "--templates", overlay.path, "--likelihood", "would",
                                  "--question", "How many ANPR cameras operate in the county?",
                                  "--question", "Where are they sited?"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == expected)
        // The same through PIT_TEMPLATES.
        let viaEnvironment = try Pit.run(["draft", "--ref", "NC-2026-0412", "--exemption", "s31", "--date", "2026-03-14",
                                          "--likelihood", "would", "--question", "How many ANPR cameras operate in the county?",
                                          "--question", "Where are they sited?"],
                                         environment: ["PIT_TEMPLATES": "/nonexistent-is-not-used-when-empty:" + overlay.path].mapValues { $0 })
        #expect(viaEnvironment.status == 66, "a missing folder in PIT_TEMPLATES is an error too")
        let viaGoodEnvironment = try Pit.run(["draft", "--ref", "NC-2026-0412", "--exemption", "s31", "--date", "2026-03-14",
                                              "--likelihood", "would", "--question", "How many ANPR cameras operate in the county?",
                                              "--question", "Where are they sited?"], environment: ["PIT_TEMPLATES": overlay.path])
        #expect(viaGoodEnvironment.text == expected)
    }

    @Test func anOverlayCanReplaceOneBlockOfTheLayout() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{! summary: ours }}\n{{<layout}}{{$balance-heading}}Conclusion{{/balance-heading}}{{/layout}}\n"
            .write(to: folder.appendingPathComponent("document.mustache"), atomically: true, encoding: .utf8)
        try "{\"name\": \"Northshire Constabulary\", \"short\": \"NC\"}"
            .write(to: folder.appendingPathComponent("authority.json"), atomically: true, encoding: .utf8)
        let plain = try Pit.run(Self.dated + ["--exemption", "s31"])
        let styled = try Pit.run(Self.dated + ["--exemption", "s31", "--templates", folder.path])
        #expect(styled.status == 0, "\(styled.stderr)")
        #expect(styled.text.contains("\nConclusion\n"))
        #expect(!styled.text.contains("Balancing test"))
        #expect(styled.text.contains("Northshire Constabulary"))
        #expect(!styled.text.contains("[Authority name]"))
        #expect(plain.text.replacingOccurrences(of: "\nBalancing test\n", with: "\nConclusion\n")
            .replacingOccurrences(of: "[Authority name]", with: "Northshire Constabulary") == styled.text)
    }

    @Test func neitherConfirmNorDenyCitesTheSubsectionAndArguesAboutTheAnswer() throws {
        let result = try Pit.run(Self.dated + ["--exemption", "s31", "--ncnd"])
        #expect(result.status == 0)
        #expect(result.text.contains("Section 31(3) – Law enforcement"))
        #expect(!result.text.contains("Section 31(1)"))
        #expect(result.text.contains("neither confirms nor denies"))
        #expect(result.text.contains("confirming or denying"))
    }

    @Test func severalExemptionsGetTheirOwnHeadingsAndOneCombinedBalancingTest() throws {
        let result = try Pit.run(Self.dated + ["--exemption", "s24,s31", "--fact", "The request names a specific site."])
        #expect(result.status == 0)
        let text = result.text
        #expect(text.contains("Exemptions applied"))
        #expect(text.contains("\nHarm: Section 24(1) – National security\n"))
        #expect(text.contains("\nHarm: Section 31(1)(a)(b) – Law enforcement\n"))
        #expect(text.contains("\nFactors favouring non-disclosure: Section 24(1) – National security\n"))
        #expect(text.contains("\nBalancing test: Section 24(1) – National security\n"))
        #expect(text.contains("\nBalancing test: Section 31(1)(a)(b) – Law enforcement\n"))
        #expect(text.components(separatedBy: "\nCombined balancing test\n").count == 2)
        #expect(text.contains("Section 24(1) and Section 31(1)(a)(b)"))
        #expect(text.components(separatedBy: "The request names a specific site.").count == 2, "the fact appears once")
    }

    @Test func ncndForSeveralExemptions() throws {
        let result = try Pit.run(Self.dated + ["--exemption", "s30,s31", "--ncnd", "--alternative"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.contains("Section 30(3)"))
        #expect(result.text.contains("Section 31(3)"))
        #expect(!result.text.contains("\nHarm: Section 30"), "s30 is class-based: no harm section")
        #expect(result.text.contains("\nHarm: Section 31(3) – Law enforcement\n"))
    }

    @Test func anAbsoluteExemptionBesideAQualifiedOneIsNoted() throws {
        let result = try Pit.run(Self.dated + ["--exemption", "s23,s24", "--ncnd"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.contains("Section 23(5)"))
        #expect(result.text.contains("(absolute exemption: no public interest test)"))
        #expect(result.text.contains("\nHarm: Section 24(2) – National security\n"))
        #expect(!result.text.contains("Harm: Section 23"))
    }

    @Test func variantsLimbsLikelihoodAndSet() throws {
        let result = try Pit.run(Self.dated + ["--exemption", "s31", "--variant", "statistics", "--limbs", "a",
                                               "--likelihood", "would"])
        #expect(result.status == 0)
        #expect(result.text.contains("Section 31(1)(a) – Law enforcement"))
        #expect(result.text.contains("would prejudice the prevention or detection of crime"))
        #expect(!result.text.contains("would be likely to prejudice the"), "the level chosen, not the default")
        let statisticsHarm = try String(contentsOf: Pit.repository.appendingPathComponent("Templates/exemptions/s31/harm/statistics.mustache"), encoding: .utf8)
        let secondLine = statisticsHarm.split(separator: "\n")[1]
        let firstWords = secondLine[secondLine.index(secondLine.lastIndex(of: "}")!, offsetBy: 1)...].prefix(40)
        #expect(result.text.contains(firstWords), "the statistics variant of harm is used")

        let perSection = try Pit.run(Self.dated + ["--exemption", "s24,s31", "--variant", "s31.harm=systems",
                                                   "--variant=s24.against=protective-security"])
        #expect(perSection.status == 0, "\(perSection.stderr)")
    }

    @Test func userTextIsAlwaysLiteral() throws {
        let result = try Pit.run(["draft", "--ref", "**REF**", "--exemption", "s31", "--date", "2026-11-21",
                                  "--question", "# not a heading", "--question", "1. not a list",
                                  "--fact", "**not bold** and *not italic* \\ and a line\nbreak"])
        #expect(result.status == 0)
        #expect(result.text.contains("Request reference: **REF**"))
        #expect(result.text.contains("1. # not a heading\n2. 1. not a list\n"))
        #expect(result.text.contains("\n**not bold** and *not italic* \\ and a line break\n"))
    }

    @Test func outputIsWrittenToAFileAndIdenticalToStdout() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("658A-22.txt")
        let written = try Pit.run(Self.dated + ["--exemption", "s31", "--authority", "Northshire Council", "--output", file.path])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(written.stderr.isEmpty)
        let printed = try Pit.run(Self.dated + ["--exemption", "s31", "--authority", "Northshire Council"])
        #expect(try Data(contentsOf: file) == printed.stdout)
        #expect(try Pit.contents(of: folder) == ["658A-22.txt"])
        let again = try Pit.run(Self.dated + ["--exemption", "s31", "--authority", "Northshire Council"])
        #expect(again.stdout == printed.stdout, "the same inputs give the same bytes")
    }

    @Test func listShowHelpAndVersion() throws {
        let list = try Pit.run(["list"])
        #expect(list.status == 0)
        #expect(list.text.contains("s31    Section 31(1)   prejudice       built-in  Law enforcement\n"))
        #expect(list.text.contains("s21    Section 21(1)   absolute        "))
        #expect(list.text.contains("s30    Section 30(1)   class           "))
        #expect(list.text.contains("s37    Section 37(1)   absolute/class  "), "kinds by limb")
        let show = try Pit.run(["show", "s31"])
        #expect(show.status == 0)
        for expected in ["provision: 31(1)", "neither confirm nor deny: Section 31(3)", "(i) ", "statistics",
                         "ncnd harm:", "default citation: Section 31(1)(a)(b)"] {
            #expect(show.text.contains(expected), "pit show s31 lacks \(expected)")
        }
        let help = try Pit.run(["help", "draft"])
        #expect(help.status == 0)
        #expect(help.text.contains("--exemption ID[,ID...]"))
        #expect(try Pit.run(["draft", "--help"]).text == help.text)
        #expect(try Pit.run(["--version"]).text.hasPrefix("pit "))
        let overview = try Pit.run(["help"])
        #expect(overview.text.contains("draft") && overview.text.contains("list") && overview.text.contains("show"))
    }
}

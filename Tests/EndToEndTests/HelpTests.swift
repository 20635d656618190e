import Foundation
import TestSupport
import Testing

/// Help, the short usage and the manual page, end to end.
struct HelpTests {
    /// The commands `pit help` lists.
    static func commands() throws -> [String] {
        let overview = try Pit.run(["help"]).text
        let table = overview.components(separatedBy: "\nCommands:\n")[1].components(separatedBy: "\n\n")[0]
        return table.split(separator: "\n").compactMap { line in
            line.hasPrefix("  ") && !line.hasPrefix("   ") ? line.split(separator: " ").first.map(String.init) : nil
        }
    }

    @Test func pitAloneIsAUsageErrorWithAShortUsage() throws {
        let result = try Pit.run([])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("pit: no command given: usage: pit COMMAND [options]"))
        #expect(result.stderr.split(separator: "\n").count <= 3, "short")
    }

    @Test func everyCommandHasHelpWithExamplesIn80Columns() throws {
        let commands = try Self.commands()
        #expect(commands == ["draft", "batch", "check", "lint", "list", "show", "init", "render", "completion", "help"])
        for command in commands {
            let help = try Pit.run(["help", command])
            #expect(help.status == 0, "\(command): \(help.stderr)")
            #expect(help.text.hasPrefix("Usage: pit \(command)"))
            #expect(help.text.contains("\nExamples:\n"), "pit help \(command) has no examples")
            let wide = help.text.split(separator: "\n").filter { $0.count > 80 }
            #expect(wide.isEmpty, "pit help \(command): \(wide)")
            #expect(try Pit.run([command, "--help"]).text == help.text)
        }
        #expect(try Pit.run(["help"]).text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func theCommittedManualPageIsWhatPitPrints() throws {
        let printed = try Pit.run(["help", "--man"])
        #expect(printed.status == 0)
        let committed = try Data(contentsOf: Pit.repository.appendingPathComponent("docs/pit.1"))
        #expect(printed.stdout == committed, "docs/pit.1 is stale: run 'swift run pit help --man > docs/pit.1'")
        #expect(try Pit.run(["help", "draft", "--man"]).status == 64)
    }

    // Skipped, and reported as skipped, without groff.
    @Test(.enabled(if: ExternalTool.path("groff") != nil, "groff is not installed"))
    func theManualPageRendersWithoutWarnings() throws {
        let page = Pit.repository.appendingPathComponent("docs/pit.1")
        let checked = try Pit.runTool(try #require(ExternalTool.path("groff")), ["-man", "-ww", "-z", page.path])
        #expect(checked.status == 0)
        #expect(checked.stderr.isEmpty, "groff warns: \(checked.stderr)")
        let rendered = try Pit.runTool(try #require(ExternalTool.path("groff")), ["-man", "-ww", "-Tutf8", "-P-cbou", page.path])
        #expect(rendered.stderr.isEmpty, "groff warns: \(rendered.stderr)")
        for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "ENVIRONMENT", "FILES", "EXIT STATUS"] {
            #expect(rendered.text.contains(heading), "no \(heading)")
        }
    }
}

import Foundation
@testable import pit
import Testing

/// Help, the manual page and the completion scripts, made from the commands' declarations.
struct HelpTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func tooWide(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.count > Help.width }
    }

    @Test func everyCommandsHelpFits80ColumnsAndHasExamples() {
        for command in Commands.visible {
            let text = Help.text(for: command)
            #expect(Self.tooWide(text).isEmpty, "pit help \(command.name) has lines over 80 columns: \(Self.tooWide(text))")
            #expect(text.contains("\nExamples:\n"), "pit help \(command.name) has no examples")
            for option in command.options {
                #expect(text.contains("--\(option.name)"), "pit help \(command.name) lacks --\(option.name)")
            }
        }
        #expect(Self.tooWide(Help.overview(Commands.all)).isEmpty)
        #expect(Self.tooWide(Help.shortUsage(Commands.all)).isEmpty)
    }

    @Test func hiddenCommandsStayOutOfHelpAndTheManual() {
        let hidden = Commands.all.filter { $0.hidden }.map { $0.name }
        #expect(hidden == ["__complete"])
        #expect(!Commands.visible.contains { $0.hidden })
        for name in hidden {
            #expect(!Help.overview(Commands.all).contains(name))
            #expect(!Help.shortUsage(Commands.all).contains(name))
            #expect(!ManualPage.text(Commands.visible).contains(name))
        }
    }

    @Test func theCommittedManualPageIsUpToDate() throws {
        let committed = try String(contentsOf: Self.repository.appendingPathComponent("docs/pit.1"), encoding: .utf8)
        #expect(committed == ManualPage.text(Commands.visible),
                "docs/pit.1 is stale: run 'swift run pit help --man > docs/pit.1'")
    }

    @Test func theManualPageHasEveryCommandAndOption() {
        let page = ManualPage.text(Commands.visible)
        for command in Commands.visible {
            #expect(page.contains("\n.SS pit \(command.name)\n"), "no section for \(command.name)")
            for option in command.options {
                #expect(page.contains("\\fB" + ManualPage.code("--" + option.name) + "\\fR"), "no \(command.name) --\(option.name)")
            }
        }
        #expect(!page.unicodeScalars.contains { $0.value > 0x7E }, "the page is ASCII: other characters are escaped")
    }

    @Test func roffEscaping() {
        #expect(ManualPage.prose(".starts with a dot") == "\\&.starts with a dot")
        #expect(ManualPage.prose("'quoted'") == "\\&'quoted'")
        #expect(ManualPage.prose("a\\b – c") == "a\\eb \\[u2013] c")
        #expect(ManualPage.code("--ref", font: "B") == "\\fB\\-\\-ref\\fR")
    }

    @Test func wrapping() {
        #expect(TextWrapping.fill("one two three", width: 9, indent: "") == "one two\nthree\n")
        #expect(TextWrapping.fill("unbreakable-word x", width: 5, indent: "") == "unbreakable-word\nx\n")
        #expect(TextWrapping.paragraphs("a\nb\n\nc", width: 80) == "a b\n\nc\n")
        #expect(TextWrapping.usage("pit x [--a B] [--c D]", width: 16, hangingIndent: "  ") == "pit x [--a B]\n  [--c D]\n")
        #expect(TextWrapping.command("pit draft --authority \"West Midlands Police\"", width: 30, indent: "", hangingIndent: "    ")
                == "pit draft --authority \\\n    \"West Midlands Police\"\n", "never inside quotes; a continuation backslash")
    }

    @Test func everyOptionThatNamesItsChoicesDeclaresThem() {
        for command in Commands.visible {
            for option in command.options {
                // A placeholder such as would|likely lists the values; FILE.json|- does not.
                guard let alternatives = option.value?.split(separator: "|").map(String.init), alternatives.count > 1,
                      alternatives.allSatisfy({ $0 != "-" && $0 == $0.lowercased() }) else { continue }
                #expect(option.choices == alternatives,
                        "\(command.name) --\(option.name) shows \(alternatives) but offers \(option.choices)")
            }
        }
    }
}

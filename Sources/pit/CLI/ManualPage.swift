import PITKit

/// The manual page, pit.1 (roff, man macros), generated from the same declarations as help.
enum ManualPage {
    static func text(_ commands: [any Command.Type]) -> String {
        var page = """
            .\\" pit.1: made by 'pit help --man' from pit's own declarations; do not edit by hand.
            .TH PIT 1 "" "pit \(pitVersion)" "User Commands"
            .SH NAME
            pit \\- draft the public interest test for a qualified exemption of FOIA 2000
            .SH SYNOPSIS

            """
        page += commands.map { "\(code("pit " + $0.name, font: "B")) \(code($0.usage))\n.br\n" }.joined()
        page += code("pit", font: "B") + " " + code("--version") + "\n"
        page += ".SH DESCRIPTION\n"
        page += [About.summary, About.description, About.overlays].flatMap(TextWrapping.paragraphList)
            .map { ".PP\n" + prose($0) + "\n" }.joined()
        page += ".SH COMMANDS\n"
        for command in commands { page += section(command) }
        page += ".SH GLOBAL OPTIONS\n"
        page += item(code("--version", font: "B"), "print pit's version")
        page += item(code("-h", font: "B") + ", " + code("--help", font: "B"), "show help: pit's, or a command's after its name")
        page += ".SH ENVIRONMENT\n" + About.environment.map { item(code($0.name, font: "B"), $0.text) }.joined()
        page += ".SH FILES\n" + About.files.map { item(code($0.name, font: "I"), $0.text) }.joined()
        page += ".SH EXIT STATUS\n" + About.exitStatus.map { item($0.code, $0.text) }.joined()
        page += ".SH SEE ALSO\n" + prose("The README of pit's source for the template library's layout and the variables every template sees; the Mustache manual, mustache(5).") + "\n"
        return page
    }

    private static func section(_ command: any Command.Type) -> String {
        var text = ".SS \(code("pit " + command.name))\n"
        text += code("pit " + command.name, font: "B") + " " + code(command.usage) + "\n.PP\n"
        text += prose(Help.capitalized(command.abstract) + ".") + "\n"
        text += TextWrapping.paragraphList(command.discussion).map { ".PP\n" + prose($0) + "\n" }.joined()
        text += command.arguments.map { item(code($0.name, font: "I"), $0.help) }.joined()
        if let columns = command.table {
            text += ".PP\n" + prose(columns.title + ":") + "\n" + columns.rows.map { item(code($0.0, font: "B"), $0.1) }.joined()
        }
        text += command.options.map { option in
            item(code("--" + option.name, font: "B") + (option.value.map { " " + code($0, font: "I") } ?? ""), Help.optionHelp(option))
        }.joined()
        if !command.examples.isEmpty {
            text += ".PP\nExamples:\n"
            text += command.examples.map { example in
                let lines = TextWrapping.command(example.command, width: 70, indent: "", hangingIndent: "    ")
                return ".PP\n" + prose(example.purpose + ":") + "\n.RS 4\n.nf\n" + code(lines) + ".fi\n.RE\n"
            }.joined()
        }
        return text
    }

    /// A tagged paragraph: the tag on its own line, the text indented below it.
    private static func item(_ tag: String, _ text: String) -> String {
        ".TP\n\(tag)\n\(prose(text))\n"
    }

    /// Text as roff: backslashes and characters outside ASCII escaped, a leading dot or quote
    /// kept from being read as a request.
    static func prose(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\e"
            case _ where scalar.value > 0x7E:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escaped += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    /// Something typed at the shell (options, commands, placeholders): its hyphens are minus
    /// signs, so that it can be copied from the rendered page; in `font` (B bold, I italic, R roman).
    static func code(_ text: String, font: String = "R") -> String {
        let escaped = prose(text).escaping(["-": "\\-"])
        return font == "R" ? escaped : "\\f\(font)\(escaped)\\fR"
    }
}

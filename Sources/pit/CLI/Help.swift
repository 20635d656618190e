/// Help text, generated from the commands' declarations, fitting 80 columns.
enum Help {
    static let width = 80

    static func text(for command: any Command.Type) -> String {
        var text = TextWrapping.usage("Usage: pit \(command.name) \(command.usage)", width: width,
                                      hangingIndent: String(repeating: " ", count: "Usage: pit \(command.name) ".count))
        text += "\n" + TextWrapping.fill(capitalized(command.abstract) + ".", width: width, indent: "")
        if !command.discussion.isEmpty { text += "\n" + TextWrapping.paragraphs(command.discussion, width: width) }
        if !command.arguments.isEmpty {
            text += "\nArguments:\n" + table(command.arguments.map { ($0.name, $0.help) })
        }
        if let columns = command.table { text += "\n\(columns.title):\n" + table(columns.rows) }
        text += "\nOptions:\n" + table(command.options.map { (optionLabel($0), optionHelp($0)) } + [("-h, --help", "show this help")])
        if !command.examples.isEmpty {
            text += "\nExamples:\n"
            text += command.examples.map { example in
                TextWrapping.fill(example.purpose + ":", width: width, indent: "  ")
                    + TextWrapping.command(example.command, width: width, indent: "    ", hangingIndent: "        ")
            }.joined(separator: "\n")
        }
        return text
    }

    /// `pit help`: what pit is, its commands and where to read more.
    static func overview(_ commands: [any Command.Type]) -> String {
        var text = TextWrapping.paragraphs(About.summary, width: width)
        text += "\nUsage: pit COMMAND [options]\n\nCommands:\n"
        text += table(commands.filter { !$0.hidden }.map { ($0.name, $0.abstract) })
        text += "\nGlobal options:\n" + table([("--version", "print pit's version"), ("-h, --help", "show this help")])
        text += "\n" + TextWrapping.paragraphs(About.overlays, width: width)
        text += "\n'pit help COMMAND' shows a command's options and examples; 'pit help --man'\nprints the manual page.\n"
        return text
    }

    /// The short usage `pit` alone prints on standard error.
    static func shortUsage(_ commands: [any Command.Type]) -> String {
        let names = commands.filter { !$0.hidden }.map { $0.name }.joined(separator: "|")
        return "no command given\nusage: pit \(names)\n'pit help' lists the commands; 'pit help COMMAND' explains one"
    }

    /// An option as help shows it: `--ref REF`.
    static func optionLabel(_ option: OptionSpec) -> String {
        "--\(option.name)" + (option.value.map { " \($0)" } ?? "")
    }

    static func optionHelp(_ option: OptionSpec) -> String {
        option.help + (option.repeatable ? " (repeatable)" : "")
    }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Two columns: a label and its help, wrapped; a label too wide for the first column puts its
    /// help on the next line.
    static func table(_ rows: [(String, String)]) -> String {
        let column = min(26, (rows.map(\.0.count).max() ?? 0) + 2)
        let hanging = String(repeating: " ", count: 2 + column)
        return rows.map { label, help in
            if label.count + 2 > column {
                return "  \(label)\n" + TextWrapping.fill(help, width: width, indent: hanging)
            }
            let first = "  " + label + String(repeating: " ", count: column - label.count)
            return TextWrapping.fill(help, width: width, indent: first, hangingIndent: hanging)
        }.joined()
    }
}

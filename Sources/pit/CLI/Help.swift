/// Help text, generated from the commands' declarations.
enum Help {
    static func text(for command: any Command.Type) -> String {
        var text = "Usage: pit \(command.name) \(command.usage)\n\n\(command.abstract)\n"
        if !command.discussion.isEmpty { text += "\n\(command.discussion)\n" }
        if !command.arguments.isEmpty {
            text += "\nArguments:\n"
            text += table(command.arguments.map { ($0.name, $0.help) })
        }
        var rows = command.options.map { option in
            ("--\(option.name)" + (option.value.map { " \($0)" } ?? ""), option.help + (option.repeatable ? " (repeatable)" : ""))
        }
        rows.append(("-h, --help", "show this help"))
        text += "\nOptions:\n" + table(rows)
        return text
    }

    static func overview(_ commands: [any Command.Type]) -> String {
        var text = """
            pit drafts the public interest test a UK public authority writes when it withholds
            information under a qualified exemption of the Freedom of Information Act 2000.

            Usage: pit COMMAND [options]

            Commands:

            """
        text += table(commands.map { ($0.name, $0.abstract) })
        text += """

            Global options:
              --version  print pit's version
              -h, --help show this help

            'pit help COMMAND' shows a command's options.

            """
        return text
    }

    private static func table(_ rows: [(String, String)]) -> String {
        let width = min(28, (rows.map(\.0.count).max() ?? 0) + 2)
        return rows.map { left, right in
            let padding = left.count < width ? String(repeating: " ", count: width - left.count) : "  "
            return "  \(left)\(padding)\(right)\n"
        }.joined()
    }
}

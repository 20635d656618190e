import PITKit

/// `pit help [COMMAND]`: the overview, one command's usage, options and examples, or the manual.
enum HelpCommand: Command {
    static let name = "help"
    static let abstract = "show help for pit or one of its commands"
    static let usage = "[COMMAND] [--man]"
    static let options: [OptionSpec] = [
        .flag("man", "print the manual page, pit.1 (roff), made from the same declarations as help"),
    ]
    static let arguments = [
        ArgumentSpec(name: "COMMAND", help: "the command to explain", optional: true,
                     choices: Commands.visible.map { $0.name }),
    ]
    static let examples = [
        Example("A command's options and examples", "pit help draft"),
        Example("Read the manual page without installing it", "pit help --man | man -l -"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        if arguments.flag("man") {
            guard arguments.positional(0) == nil else { throw PITError.usage("help: --man prints the whole manual; give no COMMAND") }
            return Array(ManualPage.text(Commands.visible).utf8)
        }
        guard let name = arguments.positional(0) else { return Array(Help.overview(Commands.all).utf8) }
        return Array(Help.text(for: try Commands.named(name)).utf8)
    }
}

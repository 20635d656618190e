import PITKit

/// `pit help [COMMAND]`: the overview, or one command's usage and options.
enum HelpCommand: Command {
    static let name = "help"
    static let abstract = "show help for pit or one of its commands"
    static let usage = "[COMMAND]"
    static let options: [OptionSpec] = []
    static let arguments = [ArgumentSpec(name: "COMMAND", help: "the command to explain", optional: true)]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        guard let name = arguments.positional(0) else { return Array(Help.overview(Commands.all).utf8) }
        return Array(Help.text(for: try Commands.named(name)).utf8)
    }
}

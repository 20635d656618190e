import PITKit

/// pit's commands, and how a command line reaches one.
enum Commands {
    static let all: [any Command.Type] = [DraftCommand.self, BatchCommand.self, ListCommand.self, ShowCommand.self, HelpCommand.self]

    static func named(_ name: String) throws -> any Command.Type {
        var names: [String] = []
        for command in all {
            if command.name == name { return command }
            names.append(command.name)
        }
        throw PITError.usage("unknown command '\(name)'\(Suggestion.didYouMean(name, in: names)) (see 'pit help')")
    }

    /// Runs a whole command line (without the program name); returns standard output's bytes.
    static func run(_ words: [String]) throws -> [UInt8] {
        guard let first = words.first else { return Array(Help.overview(all).utf8) }
        switch first {
        case "--version": return Array("pit \(pitVersion)\n".utf8)
        case "-h", "--help": return Array(Help.overview(all).utf8)
        default: break
        }
        let command = try named(first)
        let arguments = try ParsedArguments(Array(words.dropFirst()), options: command.options,
                                            arguments: command.arguments, command: command.name)
        if arguments.wantsHelp { return Array(Help.text(for: command).utf8) }
        return try command.run(arguments)
    }
}

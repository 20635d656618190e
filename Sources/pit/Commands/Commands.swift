import PITKit

/// pit's commands, and how a command line reaches one.
enum Commands {
    static let all: [any Command.Type] = [
        DraftCommand.self, BatchCommand.self, CheckCommand.self, LintCommand.self, ListCommand.self, ShowCommand.self, InitCommand.self,
        RenderCommand.self, CompletionCommand.self, HelpCommand.self, CompleteCommand.self,
    ]

    /// The commands a user sees: in help, completion and the manual page.
    static var visible: [any Command.Type] { all.filter { !$0.hidden } }

    static func named(_ name: String) throws -> any Command.Type {
        if let command = all.first(where: { $0.name == name }) { return command }
        let names = visible.map { $0.name }
        throw PITError.usage("unknown command '\(name)'\(Suggestion.didYouMean(name, in: names)) (see 'pit help')")
    }

    /// Runs a whole command line (without the program name); returns standard output's bytes.
    static func run(_ words: [String]) throws -> [UInt8] {
        guard let first = words.first else { throw PITError.usage(Help.shortUsage(all)) }
        switch first {
        case "--version": return Array("pit \(pitVersion)\n".utf8)
        case "-h", "--help": return Array(Help.overview(all).utf8)
        default: break
        }
        let command = try named(first)
        let arguments = try ParsedArguments(words.dropFirst(), form: command.form(ofOption:), options: { command.options },
                                            arguments: command.arguments, command: command.name)
        if arguments.wantsHelp { return Array(Help.text(for: command).utf8) }
        return try command.run(arguments)
    }
}

/// A failure already told on standard error (a batch's failed rows, findings): exit 65, nothing more to say.
struct AlreadyReported: Error {}

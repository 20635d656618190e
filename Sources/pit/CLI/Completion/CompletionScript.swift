/// Shell completion scripts, generated from the commands' declarations. Exemption ids and
/// variant choices are asked of pit itself (`pit __complete`), so overlays are included.
enum CompletionScript {
    enum Shell: String, CaseIterable {
        case bash, zsh, fish
    }

    static func script(for shell: Shell, commands: [any Command.Type]) -> String {
        switch shell {
        case .bash: return BashCompletion.script(commands)
        case .zsh: return ZshCompletion.script(commands)
        case .fish: return FishCompletion.script(commands)
        }
    }

    /// What completes a value: its fixed choices, or where the words come from.
    enum Values {
        case nothing
        case choices([String])
        case ask(ValueCompletion)
        case files
        case directories

        init(choices: [String], completion: ValueCompletion) {
            if !choices.isEmpty {
                self = .choices(choices)
                return
            }
            switch completion {
            case .none: self = .nothing
            case .exemptions, .variants: self = .ask(completion)
            case .files: self = .files
            case .directories: self = .directories
            }
        }
    }

    static func values(of option: OptionSpec) -> Values {
        Values(choices: option.choices, completion: option.completion)
    }

    static func values(of argument: ArgumentSpec) -> Values {
        Values(choices: argument.choices, completion: argument.completion)
    }

    /// The first line of each generated script.
    static func header(_ shell: Shell) -> String {
        "# \(shell.rawValue) completion for pit, made by 'pit completion \(shell.rawValue)' from pit's own declarations.\n"
    }
}

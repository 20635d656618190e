/// The fish completion script.
enum FishCompletion {
    static func script(_ commands: [any Command.Type]) -> String {
        var lines: [String] = []
        for command in commands {
            lines.append("complete -c pit -n __pit_needs_command -a \(command.name) -d \(quoted(command.abstract))")
        }
        lines.append("complete -c pit -n __pit_needs_command -l version -d \(quoted("print pit's version"))")
        lines.append("complete -c pit -s h -l help -d \(quoted("show help"))")
        for command in commands {
            let condition = "-n '__pit_using \(command.name)'"
            for option in command.options {
                let value = option.value == nil ? "" : " " + action(CompletionScript.values(of: option))
                lines.append("complete -c pit \(condition) -l \(option.name)\(value) -d \(quoted(Help.optionHelp(option)))")
            }
            // Positional arguments: fish cannot tell them apart by place, so every one is offered.
            for argument in command.arguments {
                switch CompletionScript.values(of: argument) {
                case .nothing: continue
                case .files: lines.append("complete -c pit \(condition) -F")
                case let values: lines.append("complete -c pit \(condition) " + action(values))
                }
            }
        }
        return CompletionScript.header(.fish) + """
            # Install it with:  pit completion fish > ~/.config/fish/completions/pit.fish

            # Whether the command line has no command yet.
            function __pit_needs_command
                test (count (commandline -opc)) -eq 1
            end

            # Whether the command line's command is $argv[1].
            function __pit_using
                set -l tokens (commandline -opc)
                test (count $tokens) -ge 2; and test "$tokens[2]" = $argv[1]
            end

            # pit's own words for the current token: exemption ids or variant choices, with the
            # overlays and exemptions the command line names.
            function __pit_ask
                set -l tokens (commandline -opc)
                set -l context
                for i in (seq 2 (count $tokens))
                    switch $tokens[$i]
                        case --templates --exemption --regime
                            set -l next (math $i + 1)
                            if test $next -le (count $tokens)
                                set -a context "$tokens[$i]=$tokens[$next]"
                            end
                        case '--templates=*' '--exemption=*' '--regime=*'
                            set -a context $tokens[$i]
                    end
                end
                set -l word (string replace -r -- '^--[^=]*=' '' (commandline -ct))
                $tokens[1] __complete $argv[1] $context -- "$word" 2>/dev/null
            end

            complete -c pit -f
            \(lines.joined(separator: "\n"))

            """
    }

    /// The `complete` flags for an option's value.
    private static func action(_ values: CompletionScript.Values) -> String {
        switch values {
        case .nothing: return "-x"
        case .choices(let choices): return "-x -a " + quoted(choices.joined(separator: " "))
        case .ask(let kind): return "-x -a " + quoted("(__pit_ask \(kind.rawValue))")
        case .files: return "-r -F"
        case .directories: return "-x -a '(__fish_complete_directories)'"
        }
    }

    /// A word in fish's single quotes.
    private static func quoted(_ text: String) -> String {
        "'" + text.escaping(["\\": "\\\\", "'": "\\'"]) + "'"
    }
}

/// The zsh completion script: a `_pit` function for `compdef` or for a folder of `fpath`.
enum ZshCompletion {
    static func script(_ commands: [any Command.Type]) -> String {
        let described = commands.map { "        \(quoted("\($0.name):\($0.abstract)"))" }.joined(separator: "\n")
        let cases = commands.map { command -> String in
            let specs = command.options.map(spec)
                + ["'(- *)'{-h,--help}'[show this help]'"]
                + command.arguments.enumerated().map { index, argument in
                    "'\(index + 1):\(argument.optional ? ":" : "")\(message(argument.name)):\(action(CompletionScript.values(of: argument)))'"
                }
            return "        (\(command.name))\n            _arguments -S \\\n                "
                + specs.joined(separator: " \\\n                ") + " ;;"
        }.joined(separator: "\n")
        return "#compdef pit\n" + CompletionScript.header(.zsh) + """
            # Install it as _pit in a folder of your fpath, or load it with:  source <(pit completion zsh)

            # pit's own words for the word being completed: exemption ids or variant choices, with the
            # overlays and exemptions the command line names. _arguments puts compadd's options first.
            _pit_ask() {
                local kind=$argv[-1] i
                local -a options=("${(@)argv[1,-2]}") context candidates partial whole
                for ((i = 2; i <= $#words; i++)); do
                    (( i == CURRENT || i + 1 == CURRENT )) && continue
                    case $words[i] in
                        (--templates|--exemption|--regime) context+=("$words[i]=$words[i+1]") ;;
                        (--templates=*|--exemption=*|--regime=*) context+=("$words[i]") ;;
                    esac
                done
                candidates=(${(f)"$(_call_program values $pit_program __complete $kind $context -- ${(Q)PREFIX} 2>/dev/null)"})
                partial=(${(M)candidates:#*[=.]})
                whole=(${candidates:#*[=.]})
                compadd "${options[@]}" -S '' -a partial
                compadd "${options[@]}" -a whole
            }

            _pit() {
                local pit_program=$words[1] curcontext=$curcontext state line
                local -a commands
                typeset -A opt_args
                _arguments -C \\
                    '(- *)--version[print pit'\\''s version]' \\
                    '(- *)'{-h,--help}'[show help]' \\
                    '1:command:->command' \\
                    '*::argument:->argument'
                case $state in
                    (command)
                        commands=(
            \(described)
                        )
                        _describe -t commands 'pit command' commands ;;
                    (argument)
                        case $words[1] in
            \(cases)
                        esac ;;
                esac
            }

            if [[ $funcstack[1] == _pit ]]; then
                _pit "$@"
            else
                compdef _pit pit
            fi

            """
    }

    /// An `_arguments` spec: `'*--exemption=[help]:ID:_pit_ask exemptions'`.
    private static func spec(_ option: OptionSpec) -> String {
        let help = "[" + Help.optionHelp(option).escaping(["[": "\\[", "]": "\\]", "'": "'\\''"]) + "]"
        let repeated = option.repeatable ? "*" : ""
        guard let value = option.value else { return "'\(repeated)--\(option.name)\(help)'" }
        return "'\(repeated)--\(option.name)=\(help):\(message(value)):\(action(CompletionScript.values(of: option)))'"
    }

    private static func action(_ values: CompletionScript.Values) -> String {
        switch values {
        case .nothing: return " "
        case .choices(let choices): return "(" + choices.joined(separator: " ") + ")"
        case .ask(let kind): return "_pit_ask \(kind.rawValue)"
        case .files: return "_files"
        case .directories: return "_files -/"
        }
    }

    /// A placeholder as an `_arguments` message: colons escaped, single quotes closed and reopened.
    private static func message(_ text: String) -> String {
        text.escaping([":": "\\:", "'": "'\\''"])
    }

    /// A word in single quotes.
    private static func quoted(_ text: String) -> String {
        "'" + text.escaping(["'": "'\\''"]) + "'"
    }
}

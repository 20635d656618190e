/// The bash completion script (bash 3.2 and later; no bash-completion package needed).
enum BashCompletion {
    static func script(_ commands: [any Command.Type]) -> String {
        var takesValue: [String] = []
        var options: [String] = []
        var values: [String] = []
        var arguments: [String] = []
        for command in commands {
            let name = command.name
            takesValue += command.options.filter { $0.value != nil }.map { "\"\(name) --\($0.name)\"" }
            options.append("        \(name)) list=\(quoted(command.options.map { "--" + $0.name } + ["--help"])) ;;")
            for option in command.options where option.value != nil {
                if let line = action(CompletionScript.values(of: option)) { values.append("        \"\(name) --\(option.name)\") \(line) ;;") }
            }
            for (index, argument) in command.arguments.enumerated() {
                if let line = action(CompletionScript.values(of: argument)) { arguments.append("        \"\(name) \(index)\") \(line) ;;") }
            }
        }
        let commandWords = quoted(commands.map { $0.name } + ["--help", "--version"])
        return CompletionScript.header(.bash) + """
            # Load it in this shell with:  source <(pit completion bash)

            # pit's own words for WORD: exemption ids or variant choices, with the overlays and
            # exemptions the command line names (pit_program and pit_context are _pit's).
            _pit_ask() {
                "$pit_program" __complete "$1" "${pit_context[@]}" -- "$2" 2>/dev/null
            }

            # The words of a newline-separated LIST that start with WORD.
            _pit_words() {
                compgen -W "$1" -- "$2"
            }

            # Whether option $2 of command $1 takes a value.
            _pit_takes_value() {
                case "$1 $2" in
                    \(takesValue.isEmpty ? "\"\"" : takesValue.joined(separator: "|"))) return 0 ;;
                esac
                return 1
            }

            # The options of command $1 that start with $2.
            _pit_options() {
                local list=""
                case $1 in
            \(options.joined(separator: "\n"))
                esac
                _pit_words "$list" "$2"
            }

            # The values of option $2 of command $1 that start with $3.
            _pit_values() {
                case "$1 $2" in
            \(values.joined(separator: "\n"))
                esac
            }

            # The values of positional argument $2 (from 0) of command $1 that start with $3.
            _pit_argument() {
                case "$1 $2" in
            \(arguments.joined(separator: "\n"))
                esac
            }

            _pit() {
                local IFS=$'\\n'
                local pit_program=${COMP_WORDS[0]}
                [[ $pit_program == \\~/* ]] && pit_program=$HOME/${pit_program#\\~/}
                local -a pit_context=() words=() reply=()
                local i raw word pending="" ended="" positional=0
                # Bash splits words at '=': put --format=html and harm=tactics back together.
                for ((i = 0; i <= COMP_CWORD; i++)); do
                    raw=${COMP_WORDS[i]}
                    if ((${#words[@]} > 1)) && [[ $raw == "=" || ${COMP_WORDS[i-1]} == "=" ]]; then
                        words[${#words[@]}-1]+=$raw
                    else
                        words+=("$raw")
                    fi
                done
                local cur=${words[${#words[@]}-1]}
                local command=${words[1]}
                # Read the words before the cursor: option values, overlays, positionals.
                for ((i = 2; i < ${#words[@]} - 1; i++)); do
                    word=${words[i]}
                    if [[ -n $pending ]]; then
                        [[ $pending == --templates || $pending == --exemption || $pending == --regime ]] && pit_context+=("$pending=$word")
                        pending=""
                    elif [[ -z $ended && $word == -- ]]; then
                        ended=1
                    elif [[ -z $ended && $word == --*=* ]]; then
                        [[ $word == --templates=* || $word == --exemption=* || $word == --regime=* ]] && pit_context+=("$word")
                    elif [[ -z $ended && $word == -?* ]]; then
                        _pit_takes_value "$command" "$word" && pending=$word
                    else
                        positional=$((positional + 1))
                    fi
                done
                if ((${#words[@]} == 2)); then
                    reply=($(_pit_words \(commandWords) "$cur"))
                elif [[ -n $pending ]]; then
                    reply=($(_pit_values "$command" "$pending" "$cur"))
                elif [[ -z $ended && $cur == --*=* ]]; then
                    reply=($(_pit_values "$command" "${cur%%=*}" "${cur#*=}"))
                    reply=("${reply[@]/#/${cur%%=*}=}")
                elif [[ -z $ended && $cur == -* ]]; then
                    reply=($(_pit_options "$command" "$cur"))
                else
                    reply=($(_pit_argument "$command" "$positional" "$cur"))
                fi
                # Bash replaces only the part of the word after its last '=': drop what comes before.
                local strip=$((${#cur} - ${#COMP_WORDS[COMP_CWORD]}))
                COMPREPLY=()
                for word in "${reply[@]}"; do
                    COMPREPLY+=("${word:strip}")
                done
                if ((${#COMPREPLY[@]} == 1)) && [[ ${COMPREPLY[0]} == *[=.,/] ]]; then
                    compopt -o nospace 2>/dev/null
                fi
                return 0
            }

            complete -F _pit pit

            """
    }

    /// The shell code that prints the values starting with `$3`, or nil when there are none to offer.
    private static func action(_ values: CompletionScript.Values) -> String? {
        switch values {
        case .nothing: return nil
        case .choices(let choices): return "_pit_words \(quoted(choices)) \"$3\""
        case .ask(let kind): return "_pit_ask \(kind.rawValue) \"$3\""
        case .files: return "compgen -f -- \"$3\""
        case .directories: return "compgen -d -- \"$3\""
        }
    }

    /// Words as one bash string, a word a line: `$'a\nb'`.
    static func quoted(_ words: [String]) -> String {
        let escaped = words.map { $0.escaping(["\\": "\\\\", "'": "\\'"]) }
        return "$'" + escaped.joined(separator: "\\n") + "'"
    }
}

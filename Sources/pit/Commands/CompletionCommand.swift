import PITKit

/// `pit completion SHELL`: a completion script for bash, zsh or fish.
enum CompletionCommand: Command {
    static let name = "completion"
    static let abstract = "print a shell completion script for bash, zsh or fish"
    static let usage = "bash|zsh|fish"
    static let discussion = """
        The script completes commands, options and their values; exemption ids and variant names
        come from pit itself, so they include your overlays (your own folder, PIT_TEMPLATES and any
        --templates on the command line). Load it from your shell's start-up file; the README says
        where each shell looks.
        """
    static let options: [OptionSpec] = []
    static let arguments = [
        ArgumentSpec(name: "SHELL", help: "bash, zsh or fish", choices: CompletionScript.Shell.allCases.map(\.rawValue)),
    ]
    static let examples = [
        Example("Complete pit in every new bash", "echo 'source <(pit completion bash)' >> ~/.bashrc"),
        Example("Install the zsh completion in a folder of your fpath", "pit completion zsh > ~/.zfunc/_pit"),
        Example("Install the fish completion", "pit completion fish > ~/.config/fish/completions/pit.fish"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let name = arguments.positional(0)!
        guard let shell = CompletionScript.Shell(rawValue: name) else {
            let shells = CompletionScript.Shell.allCases.map(\.rawValue)
            throw PITError.usage("completion: unknown shell '\(name)'\(Suggestion.didYouMean(name, in: shells)) (shells: \(shells.joined(separator: ", ")))")
        }
        return Array(CompletionScript.script(for: shell, commands: Commands.visible).utf8)
    }
}

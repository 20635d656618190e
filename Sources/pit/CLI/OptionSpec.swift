import PITKit

/// A declared option of a command: its name, its value, its help line.
struct OptionSpec {
    let name: String
    /// The placeholder of its value in help (`REF`), or nil for a flag.
    let value: String?
    let help: String
    var repeatable = false

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, value: nil, help: help)
    }

    static func value(_ name: String, _ value: String, _ help: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, value: value, help: help, repeatable: repeatable)
    }
}

extension OptionSpec {
    /// A draft option, as `DraftOption` declares it.
    init(draftOption option: DraftOption) {
        let declaration = option.declaration
        var help = declaration.help
        if !declaration.choices.isEmpty && declaration.value?.contains("|") != true {
            help += " (" + declaration.choices.joined(separator: "|") + ")"
        }
        self.init(name: option.rawValue, value: declaration.value, help: help, repeatable: declaration.repeatable)
    }
}

/// A declared positional argument.
struct ArgumentSpec {
    let name: String
    let help: String
    var optional = false
}

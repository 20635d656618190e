import PITKit

/// A declared option of a command: its name, its value, its help line, and what shell completion
/// offers for its value.
struct OptionSpec {
    let name: String
    /// The placeholder of its value in help (`REF`), or nil for a flag.
    let value: String?
    let help: String
    var repeatable = false
    /// The values it allows, offered by completion; empty when the value is free.
    var choices: [String] = []
    /// Where completion finds its values when there are no `choices`.
    var completion: ValueCompletion = .none

    /// How parsing reads it.
    var form: OptionForm { value.map { .value(placeholder: $0, repeatable: repeatable) } ?? .flag }

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, value: nil, help: help)
    }

    static func value(_ name: String, _ value: String, _ help: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, value: value, help: help, repeatable: repeatable)
    }

    /// This option, offering `choices` to completion.
    func choices(_ choices: [String]) -> OptionSpec {
        var option = self
        option.choices = choices
        return option
    }

    /// This option, completing its value as `completion` says.
    func completing(_ completion: ValueCompletion) -> OptionSpec {
        var option = self
        option.completion = completion
        return option
    }
}

extension OptionSpec {
    /// A draft option, as `DraftOption` declares it.
    init(draftOption option: DraftOption) {
        let declaration = option.declaration
        var help = declaration.help
        if !declaration.choices.isEmpty && declaration.value?.contains("|") != true {
            // Joined here rather than by `joined(separator:)`, whose first use costs the runtime a
            // search at every start (`pit draft` builds these options to read its arguments).
            var list = ""
            for (index, choice) in declaration.choices.enumerated() { list += index == 0 ? choice : ", " + choice }
            help += " (" + list + ")"
        }
        self.init(name: option.rawValue, value: declaration.value, help: help, repeatable: declaration.repeatable,
                  choices: declaration.choices, completion: Self.completion(of: option))
    }

    /// What completion offers for a draft option's value.
    private static func completion(of option: DraftOption) -> ValueCompletion {
        switch option {
        case .exemption: return .exemptions
        case .variant: return .variants
        case .output: return .files
        default: return .none
        }
    }
}

extension [OptionSpec] {
    /// How parsing reads the option called `name` among these declarations.
    func form(of name: String) -> OptionForm { first { $0.name == name }?.form ?? .unknown }
}

/// What parsing needs of an option named on the command line: whether it is declared, and
/// whether it takes a value (its placeholder names it when it is missing) and may be repeated.
enum OptionForm: Equatable {
    case unknown
    case flag
    case value(placeholder: String, repeatable: Bool)
}

/// A declared positional argument.
struct ArgumentSpec {
    let name: String
    let help: String
    var optional = false
    /// The values it allows, offered by completion; empty when the value is free.
    var choices: [String] = []
    var completion: ValueCompletion = .none
}

/// What an option's or argument's value is, so that shell completion can offer the right words.
enum ValueCompletion: String {
    /// Free text: nothing to offer.
    case none
    /// An exemption id, or a comma-separated list of them, asked of `pit` (overlays included).
    case exemptions
    /// A variant choice, `[[ID.]SECTION=]NAME`, asked of `pit` (overlays included).
    case variants
    /// A file.
    case files
    /// A folder.
    case directories
}

extension OptionSpec {
    /// `--regime`, as the commands that read exemptions take it; `help` says what the default is.
    static func regime(_ help: String) -> OptionSpec {
        .value("regime", "foia|eir|foisa|eisr", help).choices(Regime.ID.allCases.map(\.rawValue))
    }
}

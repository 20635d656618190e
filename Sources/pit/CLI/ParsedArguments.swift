import PITKit

/// A command line parsed against a command's declarations.
struct ParsedArguments {
    /// The options given a value, in order: `valueNames[i]` was given `givenValues[i]`. (Two
    /// lists of text rather than a table: a command line has a handful of options.)
    private var valueNames: [String] = []
    private var givenValues: [String] = []
    /// The flags given.
    private var flags: [String] = []
    private(set) var positionals: [String] = []
    private(set) var wantsHelp = false

    /// Parses `words` (the arguments after the command's name) against `options`.
    init(_ words: [String], options: [OptionSpec], arguments: [ArgumentSpec], command: String) throws {
        try self.init(words[...], form: options.form(of:), options: { options },
                      arguments: arguments, command: command)
    }

    /// Parses `words` (the arguments after the command's name): `--opt value`, `--opt=value`,
    /// `--` to end options, `-h`/`--help`. Unknown options and missing values are usage errors.
    /// `form` tells how to read an option by its name; `options`, all the declared ones, is
    /// asked only to suggest a name for an unknown one.
    init(_ words: ArraySlice<String>, form: (String) -> OptionForm, options: () -> [OptionSpec],
         arguments: [ArgumentSpec], command: String) throws {
        var index = words.startIndex
        var optionsEnded = false
        while index < words.endIndex {
            let word = words[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                let name = positionals.count < arguments.count ? arguments[positionals.count].name : "argument \(positionals.count + 1)"
                try ForbiddenCharacters.check(word, allowingLineBreaks: true, .usage, subject: "\(command): \(name)")
                positionals.append(word)
                continue
            }
            if word == "--" { optionsEnded = true; continue }
            if word == "-h" || word == "--help" { wantsHelp = true; continue }
            guard word.hasPrefix("--") else {
                throw PITError.usage("\(command): unknown option '\(word)' (see 'pit help \(command)')")
            }
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(ofASCII: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if name == "help" { throw PITError.usage("\(command): --help takes no value") }
            let placeholder: String, repeatable: Bool
            switch form(name) {
            case .unknown:
                guard !name.isEmpty else { throw PITError.usage("\(command): unknown option '\(word)'") }
                let known = options().map { "--" + $0.name } + ["--help"]
                throw PITError.usage("\(command): unknown option '--\(name)'\(Suggestion.didYouMean("--" + name, in: known))")
            case .flag:
                if inlineValue != nil { throw PITError.usage("\(command): --\(name) takes no value") }
                if !flags.contains(name) { flags.append(name) }
                continue
            case .value(let given, let many):
                placeholder = given
                repeatable = many
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < words.endIndex else { throw PITError.usage("\(command): --\(name) needs a value (\(placeholder))") }
                value = words[index]
                index += 1
            }
            try ForbiddenCharacters.check(value, allowingLineBreaks: true, .usage, subject: "\(command): --\(name)")
            if !repeatable && valueNames.contains(name) {
                throw PITError.usage("\(command): --\(name) is given more than once")
            }
            valueNames.append(name)
            givenValues.append(value)
        }
        guard !wantsHelp else { return }
        let required = arguments.filter { !$0.optional }.count
        if positionals.count < required {
            throw PITError.usage("\(command): missing \(arguments[positionals.count].name) (see 'pit help \(command)')")
        }
        if positionals.count > arguments.count {
            throw PITError.usage("\(command): unexpected argument '\(positionals[arguments.count])'")
        }
    }

    func value(_ name: String) -> String? { valueNames.lastIndex(of: name).map { givenValues[$0] } }
    func all(_ name: String) -> [String] { valueNames.indices.filter { valueNames[$0] == name }.map { givenValues[$0] } }
    func flag(_ name: String) -> Bool { flags.contains(name) }
    func positional(_ index: Int) -> String? { index < positionals.count ? positionals[index] : nil }
}

extension ParsedArguments: DraftOptionValues {
    /// The values of a draft option as given on the command line (a flag that is on: none).
    subscript(option: DraftOption) -> ArraySlice<String>? {
        guard option.cell != .flag else { return flag(option.rawValue) ? [] : nil }
        let values = all(option.rawValue)
        return values.isEmpty ? nil : values[...]
    }

    func last(_ option: DraftOption) -> String? { option.cell == .flag ? nil : value(option.rawValue) }

    func isGiven(_ option: DraftOption) -> Bool {
        option.cell == .flag ? flag(option.rawValue) : valueNames.contains(option.rawValue)
    }
}

extension ParsedArguments {
    /// The built-in library with the user's own overlay, `PIT_TEMPLATES` and `--templates` on top.
    func templateLibrary() throws -> TemplateLibrary {
        try TemplateLibrary(overlays: TemplateLibrary.overlayFolders(environment: FileSystem.environment,
                                                                     options: all("templates")))
    }

    /// The regime a command works in: `--regime`, else the library's `authority.json`'s, else FOIA.
    func regime(in library: TemplateLibrary) throws -> Regime.ID {
        try givenRegime() ?? library.authority().regime
    }

    /// The regime `--regime` names, if given.
    func givenRegime() throws -> Regime.ID? {
        guard let name = value("regime") else { return nil }
        guard let regime = Regime.ID(rawValue: name) else {
            let names = Regime.ID.allCases.map(\.rawValue)
            throw PITError.usage("unknown regime '\(name)'\(Suggestion.didYouMean(name, in: names)) (--regime takes \(names.joined(separator: ", ")))")
        }
        return regime
    }
}

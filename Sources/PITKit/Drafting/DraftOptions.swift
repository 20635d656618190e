/// An option that describes one draft: the same names on the command line (`--ref`,
/// `--exemption`, …) and as batch columns or keys. Each is declared once, here: `pit draft`'s
/// options and help, the batch columns and their documentation all come from `declaration`.
public enum DraftOption: String, CaseIterable, Sendable {
    case ref, exemption, limbs, likelihood, ncnd, variant, question, fact, evidence, purposes, outcome
    case alternative
    case separateParts = "separate-parts"
    case authority
    case authorityShort = "authority-short"
    case authorityKind = "authority-kind"
    case regime, emissions
    case date, set, format, output, strict

    /// How a batch cell holds the option's values.
    public enum Cell: Sendable, Equatable {
        /// One value.
        case single
        /// Several: `;` between them in CSV, an array in JSON Lines.
        case list
        /// Several: one a line in CSV, an array in JSON Lines.
        case lines
        /// On or off: `true`/`yes`/`1` or `false`/`no`/`0`/empty in CSV, a boolean in JSON Lines.
        case flag
    }

    /// Everything said about an option.
    public struct Declaration: Sendable {
        /// The placeholder of its value in help (`REF`); nil for a flag.
        public let value: String?
        public let help: String
        public let cell: Cell
        /// The values it accepts, when they are a fixed list (for help and completions).
        public let choices: [String]

        public var repeatable: Bool { cell == .list || cell == .lines }
    }

    /// How a batch cell holds the option's values (what `declaration.cell` says, without
    /// building the whole declaration: batch asks it for every cell).
    public var cell: Cell {
        switch self {
        case .exemption, .limbs, .variant, .evidence, .purposes, .set: return .list
        case .question, .fact: return .lines
        case .ncnd, .alternative, .separateParts, .emissions, .strict: return .flag
        case .ref, .likelihood, .outcome, .authority, .authorityShort, .authorityKind, .date, .format, .output, .regime: return .single
        }
    }

    public var declaration: Declaration {
        switch self {
        case .ref:
            return Declaration(value: "REF", help: "the request reference (required; 1-64 characters)", cell: cell, choices: [])
        case .exemption:
            return Declaration(value: "ID[,ID...]", help: "the exemptions applied, in order (required; see 'pit list')", cell: cell, choices: [])
        case .limbs:
            return Declaration(value: "[ID=]a,b", help: "the lettered limbs that apply (default: the exemption's own)", cell: cell, choices: [])
        case .likelihood:
            return Declaration(value: "would|likely", help: "the level of likelihood, where the test has one (default: the exemption's own)",
                               cell: cell, choices: Likelihood.allCases.map(\.rawValue))
        case .ncnd:
            return Declaration(value: nil, help: "neither confirm nor deny: cite each exemption's NCND subsection", cell: cell, choices: [])
        case .variant:
            return Declaration(value: "[[ID.]SECTION=]NAME", help: "choose a variant of the sections (see 'pit show ID')", cell: cell, choices: [])
        case .question:
            return Declaration(value: "TEXT", help: "a question of the request, quoted in the document", cell: cell, choices: [])
        case .fact:
            return Declaration(value: "TEXT", help: "a case-specific point, placed where the templates put facts", cell: cell, choices: [])
        case .evidence:
            return Declaration(value: "NAME=TEXT", help: "evidence an exemption needs (see 'pit show ID'), e.g. qualified-person=...", cell: cell, choices: [])
        case .purposes:
            return Declaration(value: "a,c", help: "the s31(2) purposes behind s31(1)(g), (h) or (i)", cell: cell, choices: [])
        case .outcome:
            return Declaration(value: "OUTCOME", help: "the balancing test's conclusion (default: withhold)", cell: cell,
                               choices: Outcome.allCases.map(\.rawValue))
        case .alternative:
            return Declaration(value: nil, help: "exclusive exemptions relied on in the alternative, each argued alone", cell: cell, choices: [])
        case .separateParts:
            return Declaration(value: nil, help: "each exemption applies to a different part of the information", cell: cell, choices: [])
        case .authority:
            return Declaration(value: "NAME", help: "the authority's name (default: the library's authority.json)", cell: cell, choices: [])
        case .authorityShort:
            return Declaration(value: "SHORT", help: "the authority's short name", cell: cell, choices: [])
        case .authorityKind:
            return Declaration(value: "KIND", help: "the kind of authority (default: authority.json's, else other)", cell: cell,
                               choices: AuthorityKind.allCases.map(\.rawValue))
        case .regime:
            return Declaration(value: "foia|eir|foisa|eisr", help: "the access regime (default: authority.json's, else foia)",
                               cell: cell, choices: Regime.ID.allCases.map(\.rawValue))
        case .emissions:
            return Declaration(value: nil, help: "the information is on emissions, so EIR 12(5)(d)-(g) and Scottish EIR 10(5)(d)-(g) cannot apply",
                               cell: cell, choices: [])
        case .date:
            return Declaration(value: "YYYY-MM-DD", help: "the document date (default: today)", cell: cell, choices: [])
        case .set:
            return Declaration(value: "KEY=VALUE", help: "an extra template variable", cell: cell, choices: [])
        case .format:
            return Declaration(value: "FORMAT", help: "output format (default: text, or from --output)", cell: cell,
                               choices: OutputFormat.allCases.map(\.rawValue))
        case .output:
            return Declaration(value: "FILE", help: "write the document to FILE instead of standard output", cell: cell, choices: [])
        case .strict:
            return Declaration(value: nil, help: "run the quality checks (see 'pit help check'); any finding fails the draft, and nothing is written",
                               cell: cell, choices: [])
        }
    }

    /// The batch columns, for `pit help batch`, the manual page and the README: each option's
    /// name, and how a cell holds it and what it means.
    public static var batchColumns: [(name: String, description: String)] {
        allCases.map { option in
            let declaration = option.declaration
            let how: String
            switch declaration.cell {
            case .single: how = declaration.choices.isEmpty ? "one value" : "one of " + declaration.choices.joined(separator: ", ")
            case .list: how = "several, ';' between them (in JSON, an array)"
            case .lines: how = "several, one a line (in JSON, an array)"
            case .flag: how = "true or false"
            }
            return (option.rawValue, "\(declaration.help); \(how)")
        }
    }
}

/// How the balancing test concludes.
public enum Outcome: String, Sendable, CaseIterable {
    /// The public interest in maintaining the exemption outweighs that in disclosure.
    case withhold
    /// Some of the information is released, the rest withheld.
    case partial
    /// The exemption is engaged, but the public interest favours release.
    case disclose
}

/// The values of draft options, however they were given: a command line, a batch row.
public protocol DraftOptionValues {
    /// The option's values in order; nil when it is not given (a flag that is on has none).
    subscript(option: DraftOption) -> ArraySlice<String>? { get }
    /// The option's last value, the one that counts for an option of one value; nil when it
    /// has none. (A batch row gives it without making a slice of its values.)
    func last(_ option: DraftOption) -> String?
    /// Whether the option is given: for a flag, whether it is on.
    func isGiven(_ option: DraftOption) -> Bool
}

extension DraftOptionValues {
    public func last(_ option: DraftOption) -> String? { self[option]?.last }
    public func isGiven(_ option: DraftOption) -> Bool { self[option] != nil }
}

/// Builds a `DraftRequest` from draft options.
public enum DraftOptions {
    /// The request `values` describe; `today` gives the date when they give none.
    /// Each option is read and checked in one fixed order, so that of several problems the same
    /// one is reported; the request is made once all are read.
    public static func request<Values: DraftOptionValues>(_ values: Values, today: () -> DocumentDate) throws -> DraftRequest {
        var memo = RowOptionsMemo.none
        return try request(values, today: today, memo: &memo)
    }

    /// The request `values` describe, as `request(_:today:)` makes it; `memo`: what was read
    /// from the option texts of rows before (a batch's: its rows repeat the same lists and
    /// evidence, each text shared by `RecentTexts`, so a list or pair met again is neither read
    /// nor made anew).
    static func request<Values: DraftOptionValues>(_ values: Values, today: () -> DocumentDate,
                                                   memo: inout RowOptionsMemo) throws -> DraftRequest {
        guard let reference = values.last(.ref) else { throw PITError.usage("missing --ref (the request reference)") }
        let exemptionIDs = memo.exemptions.value(values[.exemption], orMake: commaSeparated)
        guard !exemptionIDs.isEmpty else { throw PITError.usage("missing --exemption (e.g. --exemption s31)") }
        if exemptionIDs.contains(where: \.isEmpty) { throw PITError.usage("--exemption: an empty exemption id") }
        let date = try values.last(.date).map(DocumentDate.init(iso:)) ?? today()
        let limbChoices = try memo.limbs.value(values[.limbs]) { try $0?.map(LimbChoice.init(parsing:)) ?? [] }
        let likelihood: Likelihood? = try choice(values.last(.likelihood), .likelihood, among: likelihoods)
        let variantChoices = try memo.variants.value(values[.variant]) { try $0?.map(VariantChoice.init(parsing:)) ?? [] }
        let evidence = try pairs(values[.evidence], .evidence, memo: memo.pairs)
        let purposes = memo.purposes.value(values[.purposes], orMake: commaSeparated)
        if purposes.contains(where: \.isEmpty) { throw PITError.usage("--purposes: an empty purpose") }
        let outcome: Outcome = try choice(values.last(.outcome), .outcome, among: outcomes) ?? .withhold
        let relation: ExemptionRelation?
        switch (values.isGiven(.alternative), values.isGiven(.separateParts)) {
        case (true, true): throw PITError.usage("--alternative and --separate-parts cannot both be given: choose how the exemptions apply")
        case (true, false): relation = .alternative
        case (false, true): relation = .separateParts
        case (false, false): relation = nil
        }
        let authorityKind: AuthorityKind? = try choice(values.last(.authorityKind), .authorityKind, among: authorityKinds)
        let regime: Regime.ID? = try choice(values.last(.regime), .regime, among: regimes)
        let extraVariables = try pairs(values[.set], .set, memo: memo.pairs)

        let questions = memo.questions.value(values[.question]) { $0.map(Array.init) ?? [] }
        let facts = memo.facts.value(values[.fact]) { $0.map(Array.init) ?? [] }
        let authorityName = values.last(.authority), authorityShort = values.last(.authorityShort)
        let ncnd = values.isGiven(.ncnd), emissions = values.isGiven(.emissions), strict = values.isGiven(.strict)

        return DraftRequest(reference: reference, exemptionIDs: exemptionIDs, limbChoices: limbChoices, likelihood: likelihood,
                            neitherConfirmNorDeny: ncnd, variantChoices: variantChoices, questions: questions, facts: facts,
                            evidence: evidence, purposes: purposes, outcome: outcome, relation: relation,
                            authorityName: authorityName, authorityShort: authorityShort, authorityKind: authorityKind,
                            regime: regime, emissions: emissions, date: date, strict: strict, extraVariables: extraVariables)
    }

    /// The output format: `--format` if given, else from `--output`'s extension, else text.
    public static func format(named name: String?, output: String?) throws -> OutputFormat {
        if let name { return try choice(name, .format, among: formats)! }
        return output.flatMap(OutputFormat.init(fileName:)) ?? .text
    }

    /// The values of the options with a fixed list of them, each list made once (`allCases`
    /// makes a new array at each call, and `init(rawValue:)` is slower than comparing them).
    private static let likelihoods = Likelihood.allCases, outcomes = Outcome.allCases,
                       authorityKinds = AuthorityKind.allCases, regimes = Regime.ID.allCases, formats = OutputFormat.allCases

    /// The value of an option with a fixed list of values, checked against the list.
    /// (`cases` is read only when there is a value: a list's first use costs the runtime its type.)
    private static func choice<Value: RawRepresentable>(_ name: String?, _ option: DraftOption,
                                                        among cases: @autoclosure () -> [Value]) throws -> Value?
    where Value.RawValue == String {
        guard let name else { return nil }
        guard let value = cases().first(where: { $0.rawValue == name }) else {
            let known = option.declaration.choices
            throw PITError.usage("unknown \(option.rawValue) '\(name)'\(Suggestion.didYouMean(name, in: known)) (--\(option.rawValue) takes \(known.joined(separator: ", ")))")
        }
        return value
    }

    /// `KEY=VALUE` pairs, in order, each found in `memo` when it has it.
    private static func pairs(_ values: ArraySlice<String>?, _ option: DraftOption,
                              memo: SharedTextMemo<(key: String, value: String)?>?) throws -> [(key: String, value: String)] {
        guard let values else { return [] }
        return try values.map { text in
            guard let pair = memo.map({ $0.value(text, orMake: pair) }) ?? pair(text) else {
                throw PITError.usage("--\(option.rawValue) '\(text)': expected \(option.declaration.value!)")
            }
            return pair
        }
    }

    /// The key (trimmed) and value of a `KEY=VALUE` text; nil when it has no `=`.
    private static func pair(_ text: String) -> (key: String, value: String)? {
        guard let equals = text.firstIndex(ofASCII: "=") else { return nil }
        // `=` is a character of its own: the key is the bytes before it, the text the bytes after it.
        let offset = text.utf8.distance(from: text.startIndex, to: equals)
        return text.withUTF8Bytes { bytes in
            (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<offset]), as: UTF8.self).trimmingSpaces,
             String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 1)...]), as: UTF8.self))
        }
    }

    /// `s24,s31` and `s24`, `s31` alike: every value split at commas, trimmed.
    private static func commaSeparated(_ values: ArraySlice<String>?) -> [String] {
        guard let values else { return [] }
        var items: [String] = []
        items.reserveCapacity(values.count)
        for value in values {
            if value.containsByte(where: { $0 == UInt8(ascii: ",") }) {
                items += value.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            } else {
                items.append(value.trimmingSpaces)
            }
        }
        return items
    }
}

/// An access regime: the Freedom of Information Act 2000, the Environmental Information
/// Regulations 2004, the Freedom of Information (Scotland) Act 2002 or the Environmental
/// Information (Scotland) Regulations 2004, as its `regimes/<id>/regime.json` describes it: the
/// instrument's name, how its provisions are cited, the provisions that govern the public interest
/// test (the balance, the presumption, absolute provisions, neither confirm nor deny, the
/// emissions bar), whether several exemptions may be weighed together, and what the test may and
/// may not weigh.
public struct Regime: Sendable, Equatable {
    /// The regimes pit knows.
    public enum ID: String, Sendable, CaseIterable {
        case foia, eir, foisa, eisr

        /// The folder of the regime's exemptions: FOIA's at the top of the library, the others
        /// under `regimes/<id>/`.
        public var exemptionsFolder: String { self == .foia ? "exemptions" : "regimes/\(rawValue)/exemptions" }

        /// The folder of the regime's own files (`regime.json`, and layout parts it replaces).
        public var folder: String { "regimes/\(rawValue)" }

        /// An exemption id as the library names it. Under the environmental regulations the
        /// written forms `12(5)(b)`, `r12(5)(b)`, `reg 12(5)(b)` and `regulation 12(5)(b)` are
        /// all `12-5-b`; elsewhere an id is only made lower case (`s22A` is `s22a`).
        public func normalizedID(_ id: String) -> String {
            let lower = id.lowercased()
            guard self == .eir || self == .eisr else { return lower }
            var text = Substring(lower)
            for prefix in ["regulation", "reg.", "reg", "r"] where text.hasPrefix(prefix) {
                text = text.dropFirst(prefix.count)
                break
            }
            var key = ""
            for character in text where character != " " && character != ")" {
                key.append(character == "(" ? "-" : character)
            }
            return key
        }

        /// Parses a regime's name; an unknown one is an error that lists the regimes, `source`
        /// saying where.
        public init(named name: String, source: String) throws {
            guard let id = ID(rawValue: name.lowercased()) else {
                let names = Self.allCases.map(\.rawValue)
                throw PITError(.data, "\(source): unknown regime '\(name)'\(Suggestion.didYouMean(name, in: names)) (regimes: \(names.joined(separator: ", ")))")
            }
            self = id
        }
    }

    public let id: ID
    /// "Environmental Information Regulations 2004".
    public let title: String
    /// "EIR".
    public let abbreviation: String
    /// How the instrument refers to itself: "the Act", "the Regulations".
    public let short: String
    /// The word its provisions are cited with: "section" or "regulation".
    public let word: String
    /// What its grounds for refusal are called: "exemption" or "exception".
    public let term: String
    /// Who regulates it: "the Information Commissioner", "the Scottish Information Commissioner".
    public let commissioner: String
    /// The provision of the public interest test: "section 2(2)(b)", "regulation 12(1)(b)".
    public let balance: String
    /// The provision that requires a presumption in favour of disclosure, if any: "regulation 12(2)".
    public let presumption: String?
    /// The provision that makes some exemptions absolute, if any: "section 2(3)".
    public let absolute: String?
    /// The provision that bars some exceptions for information on emissions: "regulation 12(9)".
    public let emissions: String?
    /// The regime whose layout parts and section templates this one shares where it has none of its own.
    public let extends: ID?
    /// Whether several exemptions applying to the same information may be weighed together, and
    /// the authority for it ("Ofcom v Information Commissioner [2010] UKSC 3"); nil: each is
    /// weighed on its own and must justify withholding alone.
    public let aggregation: String?
    /// Whether an NCND citation names the exemption's provision beside the NCND provision
    /// (FOISA's section 18(1) serves many exemptions: "Section 18(1) with section 35(1)(a)").
    public let ncndNamesProvision: Bool
    /// What the public interest test may weigh, and what it may not, each with its source.
    public let mayWeigh: [String]
    public let mayNotWeigh: [String]

    /// "the Environmental Information Regulations 2004".
    public var name: String { "the " + title }

    /// Where the law makes an exemption absolute, as a message names it: "FOIA s2(3)", "EIR reg 13(1)(a)".
    var absoluteSource: String {
        guard let absolute else { return "\(abbreviation): no public interest test" }
        let short = absolute.hasPrefix("section ") ? "s" + absolute.dropFirst("section ".count)
            : absolute.hasPrefix("regulation ") ? "reg " + absolute.dropFirst("regulation ".count) : Substring(absolute)
        return "\(abbreviation) \(short)"
    }

    /// Reads a `regime.json`.
    static func decode(_ text: String, id: ID, path: String) throws -> Regime {
        let json = try JSONValue.parse(text, source: path)
        guard case .object(let members) = json else { throw PITError(.data, "\(path): must be a JSON object") }
        // A short list: its names are compared in place, not hashed into a set first.
        let known = ["title", "abbreviation", "short", "word", "term", "commissioner", "balance", "presumption", "absolute",
                          "emissions", "extends", "aggregation", "ncndNamesProvision", "mayWeigh", "mayNotWeigh"]
        if let unknown = members.first(where: { !known.contains($0.key) }) {
            throw PITError(.data, "\(path): unknown field '\(unknown.key)'\(Suggestion.didYouMean(unknown.key, in: known.sorted()))")
        }
        func optional(_ key: String) throws -> String? {
            guard let value = json[key] else { return nil }
            guard case .string(let text) = value, !text.isEmpty else {
                throw PITError(.data, "\(path): '\(key)' must be a non-empty string")
            }
            return text
        }
        func required(_ key: String) throws -> String {
            guard let value = try optional(key) else { throw PITError(.data, "\(path): missing field '\(key)'") }
            return value
        }
        func strings(_ key: String) throws -> [String] {
            guard let value = json[key] else { return [] }
            guard case .array(let items) = value else { throw PITError(.data, "\(path): '\(key)' must be an array of strings") }
            return try items.map { item in
                guard case .string(let text) = item else { throw PITError(.data, "\(path): '\(key)' must be an array of strings") }
                return text
            }
        }
        var ncndNamesProvision = false
        if let flag = json["ncndNamesProvision"] {
            guard case .bool(let value) = flag else { throw PITError(.data, "\(path): 'ncndNamesProvision' must be true or false") }
            ncndNamesProvision = value
        }
        return Regime(id: id, title: try required("title"), abbreviation: try required("abbreviation"), short: try required("short"),
                      word: try required("word"), term: try required("term"), commissioner: try required("commissioner"),
                      balance: try required("balance"), presumption: try optional("presumption"), absolute: try optional("absolute"),
                      emissions: try optional("emissions"), extends: try optional("extends").map { try ID(named: $0, source: "\(path): 'extends'") },
                      aggregation: try optional("aggregation"), ncndNamesProvision: ncndNamesProvision,
                      mayWeigh: try strings("mayWeigh"), mayNotWeigh: try strings("mayNotWeigh"))
    }
}

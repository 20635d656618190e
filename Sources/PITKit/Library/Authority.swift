/// The public authority a PIT is written for: "West Midlands Police", "WMP", a police force.
public struct Authority: Sendable, Equatable {
    public var name: String
    public var short: String
    /// What kind of authority it is: police wording appears only for `police`.
    public var kind: AuthorityKind
    public var citationStyle: CitationStyle
    /// The access regime it drafts under unless a draft says otherwise (`"regime"` in
    /// `authority.json`; a Scottish council: `foisa`).
    public var regime: Regime.ID

    public init(name: String, short: String, kind: AuthorityKind = .other, citationStyle: CitationStyle = .compact,
                regime: Regime.ID = .foia) {
        self.name = name
        self.short = short
        self.kind = kind
        self.citationStyle = citationStyle
        self.regime = regime
    }

    /// Whether the name is still a placeholder such as "[Authority name]": a draft with it must
    /// not be signed as it is.
    public var isPlaceholder: Bool { name.hasPrefix("[") && name.hasSuffix("]") }

    /// Reads an `authority.json`: `{"name": "…", "short": "…", "kind": "council", "citationStyle": "statute", "regime": "foisa"}`.
    static func decode(_ text: String, path: String) throws -> Authority {
        let json = try JSONValue.parse(text, source: path)
        func place(_ key: String) -> String { JSONValue.place(of: [key], in: text, source: path) }
        func field(_ key: String) throws -> String? {
            guard let value = json[key] else { return nil }
            guard case .string(let text) = value, !text.isEmpty else {
                throw PITError(.data, "\(place(key)): '\(key)' must be a non-empty string")
            }
            // One line: the name and short name stand in sentences and headings.
            try ForbiddenCharacters.check(text, allowingLineBreaks: false, .data, subject: "\(place(key)): '\(key)'")
            return text
        }
        func required(_ key: String) throws -> String {
            guard let value = try field(key) else { throw PITError(.data, "\(place(key)): '\(key)' must be a non-empty string") }
            return value
        }
        guard case .object = json else { throw PITError(.data, "\(place("")): must be a JSON object") }
        var authority = Authority(name: try required("name"), short: try required("short"))
        if let kind = try field("kind") {
            // The place is found (by reading the file again) only for an error.
            authority.kind = try AuthorityKind(rawValue: kind) ?? AuthorityKind(named: kind, source: "\(place("kind")): 'kind'")
        }
        if let style = try field("citationStyle") {
            guard let known = CitationStyle(rawValue: style) else {
                throw PITError(.data, "\(place("citationStyle")): 'citationStyle' must be \(CitationStyle.allCases.map(\.rawValue).joined(separator: " or ")), not '\(style)'")
            }
            authority.citationStyle = known
        }
        if let regime = try field("regime") {
            authority.regime = try Regime.ID(rawValue: regime) ?? Regime.ID(named: regime, source: "\(place("regime")): 'regime'")
        }
        return authority
    }
}

/// The kinds of public authority whose wording differs.
public enum AuthorityKind: String, Sendable, CaseIterable {
    case police, council, health
    case centralGovernment = "central-government"
    case education, parliament, other

    /// The kind named `name`; an unknown name is an error that lists the kinds, `source` saying where.
    public init(named name: String, source: String) throws {
        guard let kind = AuthorityKind(rawValue: name) else {
            let names = Self.allCases.map(\.rawValue)
            throw PITError(.data, "\(source): unknown authority kind '\(name)'\(Suggestion.didYouMean(name, in: names)) (kinds: \(names.joined(separator: ", ")))")
        }
        self = kind
    }

    /// The template key of the kind's flag: `is_police`, `is_central_government`.
    var flag: String {
        switch self {
        case .police: return "is_police"
        case .council: return "is_council"
        case .health: return "is_health"
        case .centralGovernment: return "is_central_government"
        case .education: return "is_education"
        case .parliament: return "is_parliament"
        case .other: return "is_other"
        }
    }
}

/// Reads an `exemption.json` into an `Exemption`, with errors that name the file and the field.
struct ExemptionDecoder {
    let id: String
    let path: String
    /// The file's text, to say where a field is.
    let text: String
    /// The regime whose library folder holds the file: its citation word and NCND style.
    var regime: Regime?

    /// The fields an exemption may have: a short list, compared in place rather than hashed.
    static let fields = [
        "section", "title", "kind", "provision", "limbs", "defaultLimbs", "ncnd", "likelihood", "test",
        "purposes", "evidence", "evidenceOneOf", "exclusive", "absoluteFor", "variantLimbs",
        "templates", "noTest", "emissions", "words", "balance", "weighs",
    ]

    func decode() throws -> Exemption {
        let json = try JSONValue.parse(text, source: path)
        guard case .object(let members) = json else { throw problem("must be a JSON object") }
        try checkKeys(members, Self.fields, in: "")
        let kind = try decodeKind(json["kind"], "kind")!
        let limbs = try decodeLimbs(json["limbs"])
        let letters = limbs.map(\.letter)
        let defaultLimbs = try strings(json["defaultLimbs"], "defaultLimbs")
        try requireLimbs(defaultLimbs, known: letters, field: "defaultLimbs")
        var likelihood: Likelihood?
        if let value = json["likelihood"] {
            guard case .string(let name) = value, let level = Likelihood(rawValue: name) else {
                throw problem("'likelihood' must be \"would\" or \"likely\"", at: "likelihood")
            }
            likelihood = level
        }
        let purposes = try decodePurposes(json["purposes"], letters: letters)
        let evidence = try decodeEvidence(json["evidence"], letters: letters)
        let oneOf = try decodeOneOf(json["evidenceOneOf"], names: evidence.map(\.name))
        var variantLimbs: [String: [String]] = [:]
        if let value = json["variantLimbs"] {
            guard case .object(let entries) = value else { throw problem("'variantLimbs' must be an object from variant to limbs", at: "variantLimbs") }
            for entry in entries {
                let chosen = try strings(entry.value, "variantLimbs.\(entry.key)")
                try requireLimbs(chosen, known: letters, field: "variantLimbs.\(entry.key)")
                variantLimbs[entry.key] = chosen
            }
        }
        return Exemption(
            id: id,
            section: try string(json, "section"),
            title: try string(json, "title"),
            kind: kind,
            provision: try string(json, "provision"),
            limbs: limbs,
            defaultLimbs: defaultLimbs,
            ncnd: try optionalString(json, "ncnd"),
            likelihood: likelihood,
            test: try optionalString(json, "test"),
            purposes: purposes,
            evidence: evidence,
            evidenceOneOf: oneOf,
            exclusions: try decodeExclusions(json["exclusive"]),
            absoluteFor: try strings(json["absoluteFor"], "absoluteFor").map { try AuthorityKind(named: $0, source: "\(path): 'absoluteFor'") },
            variantLimbs: variantLimbs,
            regime: regime?.id ?? .foia,
            word: regime?.word ?? "section",
            ncndNamesProvision: regime?.ncndNamesProvision ?? false,
            sharedTemplates: try sharedTemplates(json),
            noTest: try optionalString(json, "noTest"),
            emissions: try optionalString(json, "emissions"),
            words: try optionalString(json, "words"),
            balance: try optionalString(json, "balance"),
            weighs: try strings(json["weighs"], "weighs").map { name in
                guard let factor = IrrelevantFactor(rawValue: name) else {
                    throw problem("'weighs' names '\(name)', which is not a factor (\(IrrelevantFactor.allCases.map(\.rawValue).joined(separator: ", ")))", at: "weighs")
                }
                return factor
            }
        )
    }

    /// An error at the field `at` (a dotted path of member names) of the file: `file:line:column: message`.
    private func problem(_ message: String, at field: String = "") -> PITError {
        PITError(.data, "\(JSONValue.place(of: field.split(separator: ".").map(String.init), in: text, source: path)): \(message)")
    }

    /// `"templates": "12-5-b"`: an exemption of the regime this one's extends.
    private func sharedTemplates(_ json: JSONValue) throws -> String? {
        guard let shared = try optionalString(json, "templates") else { return nil }
        guard regime?.extends != nil else {
            throw problem("'templates' names an exemption of the regime this one extends, but its regime extends none", at: "templates")
        }
        return shared
    }

    private func checkKeys(_ members: [(key: String, value: JSONValue)], _ known: [String], in place: @autoclosure () -> String) throws {
        if let unknown = members.first(where: { !known.contains($0.key) }) {
            let place = place()
            throw problem("unknown field '\(place)\(unknown.key)'\(Suggestion.didYouMean(unknown.key, in: known.sorted()))", at: "\(place)\(unknown.key)")
        }
    }

    /// `field`: the field's dotted name, made only for an error (`kind` is the one that must be there).
    private func decodeKind(_ value: JSONValue?, _ field: @autoclosure () -> String) throws -> Exemption.Kind? {
        guard let value else {
            if field() == "kind" { throw problem("missing field 'kind'") }
            return nil
        }
        guard case .string(let name) = value, let kind = Exemption.Kind(rawValue: name) else {
            let field = field()
            throw problem("'\(field)' must be one of \(Exemption.Kind.allCases.map(\.rawValue).joined(separator: ", "))", at: field)
        }
        return kind
    }

    private func requireLimbs(_ chosen: [String], known: [String], field: @autoclosure () -> String) throws {
        for letter in chosen where !known.contains(letter) {
            let field = field()
            throw problem("'\(field)' names limb '\(letter)', which 'limbs' does not list", at: field)
        }
    }

    private func string(_ json: JSONValue, _ key: String) throws -> String {
        guard let value = try optionalString(json, key) else { throw problem("missing field '\(key)'", at: key) }
        return value
    }

    private func optionalString(_ json: JSONValue, _ key: String, in place: @autoclosure () -> String = "") throws -> String? {
        guard let value = json[key] else { return nil }
        guard case .string(let text) = value, !text.isEmpty else {
            let place = place()
            throw problem("'\(place)\(key)' must be a non-empty string, not \(value.typeName)", at: "\(place)\(key)")
        }
        return text
    }

    private func strings(_ value: JSONValue?, _ key: @autoclosure () -> String) throws -> [String] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw problem("'\(key())' must be an array of strings", at: key()) }
        return try items.map { item in
            guard case .string(let text) = item else { throw problem("'\(key())' must be an array of strings", at: key()) }
            return text
        }
    }

    /// `{"a": "text"}` or `{"a": {"text": "…", "kind": "absolute", "test": "…", "ncnd": "…", "cite": "…"}}`.
    private func decodeLimbs(_ value: JSONValue?, field: String = "limbs") throws -> [Exemption.Limb] {
        guard let value else { return [] }
        guard case .object(let members) = value else {
            throw problem("'\(field)' must be an object from letter to text, like {\"a\": \"…\"}", at: field)
        }
        return try members.map { member in
            switch member.value {
            case .string(let text) where !text.isEmpty:
                return Exemption.Limb(letter: member.key, text: text)
            case .object(let fields):
                // The field's dotted name, made only for an error.
                func place() -> String { "\(field).\(member.key)." }
                try checkKeys(fields, ["text", "kind", "test", "ncnd", "cite"], in: place())
                guard let text = try optionalString(member.value, "text", in: place()) else {
                    throw problem("\(field) '\(member.key)' needs its 'text'", at: "\(field).\(member.key)")
                }
                var cite: String?
                if case .string("") = member.value["cite"] { cite = "" } else { cite = try optionalString(member.value, "cite", in: place()) }
                return Exemption.Limb(letter: member.key, text: text,
                                      kind: try decodeKind(member.value["kind"], "\(place())kind"),
                                      test: try optionalString(member.value, "test", in: place()),
                                      ncnd: try optionalString(member.value, "ncnd", in: place()),
                                      cite: cite)
            default:
                throw problem("\(field) '\(member.key)' must be its text, or an object with 'text'", at: "\(field).\(member.key)")
            }
        }
    }

    /// `{"subsection": "31(2)", "limbs": ["g", "h", "i"], "list": {"a": "…"}}`.
    private func decodePurposes(_ value: JSONValue?, letters: [String]) throws -> Exemption.Purposes? {
        guard let value else { return nil }
        guard case .object(let fields) = value else { throw problem("'purposes' must be an object", at: "purposes") }
        try checkKeys(fields, ["subsection", "limbs", "list"], in: "purposes.")
        let limbs = try strings(value["limbs"], "purposes.limbs")
        try requireLimbs(limbs, known: letters, field: "purposes.limbs")
        let list = try decodeLimbs(value["list"], field: "purposes.list")
        guard let subsection = try optionalString(value, "subsection", in: "purposes."), !limbs.isEmpty, !list.isEmpty else {
            throw problem("'purposes' needs 'subsection', 'limbs' and 'list'", at: "purposes")
        }
        return Exemption.Purposes(subsection: subsection, limbs: limbs, list: list)
    }

    /// `{"qualified-person": {"label": "…", "why": "…", "type": "date", "required": false, "limbs": [], "with": "…", "cues": ["…"]}}`.
    private func decodeEvidence(_ value: JSONValue?, letters: [String]) throws -> [Exemption.Evidence] {
        guard let value else { return [] }
        guard case .object(let members) = value else { throw problem("'evidence' must be an object from name to description", at: "evidence") }
        let evidence = try members.map { member -> Exemption.Evidence in
            // The field's dotted name, made only for an error.
            func place() -> String { "evidence.\(member.key)." }
            guard case .object(let fields) = member.value else { throw problem("'evidence.\(member.key)' must be an object", at: "evidence.\(member.key)") }
            try checkKeys(fields, ["label", "why", "type", "required", "limbs", "with", "cues", "statedInNCND"], in: place())
            guard EvidenceName.isValid(member.key) else {
                throw problem("evidence name '\(member.key)' must be lower-case letters, digits and '-'", at: "evidence.\(member.key)")
            }
            var type = Exemption.Evidence.ValueType.text
            if let name = try optionalString(member.value, "type", in: place()) {
                guard let known = Exemption.Evidence.ValueType(rawValue: name) else {
                    throw problem("'\(place())type' must be \"text\" or \"date\"", at: "\(place())type")
                }
                type = known
            }
            let required = try flag(member.value["required"], "\(place())required") ?? true
            let statedInNCND = try flag(member.value["statedInNCND"], "\(place())statedInNCND") ?? true
            let limbs = try strings(member.value["limbs"], "\(place())limbs")
            try requireLimbs(limbs, known: letters, field: "\(place())limbs")
            guard let label = try optionalString(member.value, "label", in: place()),
                  let why = try optionalString(member.value, "why", in: place()) else {
                throw problem("'evidence.\(member.key)' needs a 'label' and a 'why'", at: "evidence.\(member.key)")
            }
            let cues = try strings(member.value["cues"], "\(place())cues")
            guard !cues.contains(where: \.isEmpty) else { throw problem("'\(place())cues' must not hold an empty string", at: "\(place())cues") }
            return Exemption.Evidence(name: member.key, label: label, why: why, type: type, required: required,
                                      limbs: limbs, with: try optionalString(member.value, "with", in: place()),
                                      cues: member.value["cues"] == nil ? nil : cues, statedInNCND: statedInNCND)
        }
        for item in evidence {
            if let with = item.with, !evidence.contains(where: { $0.name == with }) {
                throw problem("'evidence.\(item.name).with' names '\(with)', which 'evidence' does not list", at: "evidence.\(item.name).with")
            }
        }
        return evidence
    }

    private func flag(_ value: JSONValue?, _ field: @autoclosure () -> String) throws -> Bool? {
        guard let value else { return nil }
        guard case .bool(let flag) = value else { throw problem("'\(field())' must be true or false", at: field()) }
        return flag
    }

    private func decodeOneOf(_ value: JSONValue?, names: [String]) throws -> [[String]] {
        guard let value else { return [] }
        guard case .array(let groups) = value else { throw problem("'evidenceOneOf' must be an array of arrays of evidence names", at: "evidenceOneOf") }
        return try groups.map { group in
            let members = try strings(group, "evidenceOneOf")
            for name in members where !names.contains(name) {
                throw problem("'evidenceOneOf' names '\(name)', which 'evidence' does not list", at: "evidenceOneOf")
            }
            return members
        }
    }

    /// `[{"with": "s30", "reason": "…", "alwaysAlternative": false}]`.
    private func decodeExclusions(_ value: JSONValue?) throws -> [Exemption.Exclusion] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw problem("'exclusive' must be an array of objects", at: "exclusive") }
        return try items.map { item in
            guard case .object(let fields) = item else { throw problem("'exclusive' must be an array of objects", at: "exclusive") }
            try checkKeys(fields, ["with", "reason", "alwaysAlternative"], in: "exclusive.")
            let always = try flag(item["alwaysAlternative"], "exclusive.alwaysAlternative") ?? false
            guard let with = try optionalString(item, "with", in: "exclusive."),
                  let reason = try optionalString(item, "reason", in: "exclusive.") else {
                throw problem("each of 'exclusive' needs 'with' and 'reason'", at: "exclusive")
            }
            return Exemption.Exclusion(id: with, reason: reason, alwaysAlternative: always)
        }
    }
}

/// Evidence names: `qualified-person`, `opinion-date`.
enum EvidenceName {
    static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= 0x61 && first <= 0x7A else { return false }
        return name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
    }
}

/// Reads an `exemption.json` into an `Exemption`, with errors that name the file and the field.
struct ExemptionDecoder {
    let id: String
    let path: String

    func decode(_ text: String) throws -> Exemption {
        let json = try JSONValue.parse(text, source: path)
        guard case .object(let members) = json else { throw problem("must be a JSON object") }
        let known: Set = ["section", "title", "kind", "provision", "limbs", "defaultLimbs", "ncnd", "likelihood", "test"]
        if let unknown = members.first(where: { !known.contains($0.key) }) {
            throw problem("unknown field '\(unknown.key)'\(Suggestion.didYouMean(unknown.key, in: Array(known)))")
        }
        let kindName = try string(json, "kind")
        guard let kind = Exemption.Kind(rawValue: kindName) else {
            throw problem("'kind' must be one of prejudice, class, absolute, not '\(kindName)'")
        }
        let limbs = try decodeLimbs(json["limbs"])
        let defaultLimbs = try strings(json["defaultLimbs"], "defaultLimbs")
        for letter in defaultLimbs where !limbs.contains(where: { $0.letter == letter }) {
            throw problem("'defaultLimbs' names limb '\(letter)', which 'limbs' does not list")
        }
        var likelihood: Likelihood?
        if let value = json["likelihood"] {
            guard case .string(let name) = value, let level = Likelihood(rawValue: name) else {
                throw problem("'likelihood' must be \"would\" or \"likely\"")
            }
            likelihood = level
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
            test: try optionalString(json, "test")
        )
    }

    private func problem(_ message: String) -> PITError { PITError(.data, "\(path): \(message)") }

    private func string(_ json: JSONValue, _ key: String) throws -> String {
        guard let value = try optionalString(json, key) else { throw problem("missing field '\(key)'") }
        return value
    }

    private func optionalString(_ json: JSONValue, _ key: String) throws -> String? {
        guard let value = json[key] else { return nil }
        guard case .string(let text) = value, !text.isEmpty else {
            throw problem("'\(key)' must be a non-empty string, not \(value.typeName)")
        }
        return text
    }

    private func strings(_ value: JSONValue?, _ key: String) throws -> [String] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw problem("'\(key)' must be an array of strings") }
        return try items.map { item in
            guard case .string(let text) = item else { throw problem("'\(key)' must be an array of strings") }
            return text
        }
    }

    private func decodeLimbs(_ value: JSONValue?) throws -> [Exemption.Limb] {
        guard let value else { return [] }
        guard case .object(let members) = value else {
            throw problem("'limbs' must be an object from letter to text, like {\"a\": \"…\"}")
        }
        return try members.map { member in
            guard case .string(let text) = member.value, !text.isEmpty else {
                throw problem("limb '\(member.key)' must have its text as a string")
            }
            return Exemption.Limb(letter: member.key, text: text)
        }
    }
}

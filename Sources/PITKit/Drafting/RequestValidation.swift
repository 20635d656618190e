/// Checks on the user's own text before it reaches a template.
enum RequestValidation {
    static let reservedVariables: Set = [
        "ref", "date", "authority", "questions", "has_questions", "facts", "has_facts", "likelihood", "ncnd",
        "multiple", "exemptions", "exemption", "balance", "qualified_exemptions", "absolute_exemptions",
        "has_absolute", "citations", "all_citations", "outcome_withhold", "outcome_partial", "outcome_disclose",
        "joint", "alternative", "separate_parts", "exclusive", "regime", "independent", "emissions",
    ]

    /// The request with the user's text trimmed of white space at both ends, after checking it.
    static func normalized(_ request: DraftRequest) throws -> DraftRequest {
        var request = request
        request.reference = trim(request.reference)
        request.questions = request.questions.map(trim)
        request.facts = request.facts.map(trim)
        request.authorityName = request.authorityName.map(trim)
        request.authorityShort = request.authorityShort.map(trim)
        request.extraVariables = request.extraVariables.map { ($0.key, trim($0.value)) }
        request.evidence = request.evidence.map { ($0.key, trim($0.value)) }
        request.purposes = request.purposes.map { $0.lowercased() }
        try validate(request)
        return request
    }

    static func trim(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, !isWhiteSpace(first), !isWhiteSpace(last) { return text }
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    static func validate(_ request: DraftRequest) throws {
        let reference = request.reference
        guard !reference.isEmpty, reference.utf8.count <= 64 || reference.count <= 64 else {
            throw PITError.usage("--ref must be 1 to 64 characters, not \(reference.count)")
        }
        if hasControl(reference) {
            throw PITError.usage("--ref must not contain control characters")
        }
        guard !request.exemptionIDs.isEmpty else { throw PITError.usage("missing --exemption") }
        try checkTexts(request.questions, label: "--question")
        try checkTexts(request.facts, label: "--fact")
        for (key, value) in request.extraVariables {
            guard let first = key.first, first.isASCII, first.isLetter || first == "_",
                  key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw PITError.usage("--set '\(key)': a variable name is letters, digits, '_' and '-', starting with a letter")
            }
            guard !reservedVariables.contains(key) else {
                throw PITError.usage("--set '\(key)': that is a built-in variable; use its own option")
            }
            if hasControl(value, allowingLineBreaksAndTabs: true) {
                throw PITError.usage("--set \(key): the value must not contain control characters")
            }
        }
        for (name, value) in request.evidence {
            guard EvidenceName.isValid(name) else {
                throw PITError.usage("--evidence '\(name)': an evidence name is lower-case letters, digits and '-' (see 'pit show ID')")
            }
            if value.isEmpty { throw PITError.usage("--evidence \(name): the text must not be empty") }
            if hasControl(value, allowingLineBreaksAndTabs: true) {
                throw PITError.usage("--evidence \(name): the text must not contain control characters")
            }
        }
        for case let text? in [request.authorityName, request.authorityShort] where text.isEmpty || hasControl(text) {
            throw PITError.usage("--authority and --authority-short must be non-empty, without control characters")
        }
    }

    /// Questions and facts: none empty, no control characters but line breaks and tabs.
    private static func checkTexts(_ texts: [String], label: String) throws {
        for text in texts {
            if text.isEmpty { throw PITError.usage("\(label) must not be empty") }
            if hasControl(text, allowingLineBreaksAndTabs: true) { throw PITError.usage("\(label) must not contain control characters") }
        }
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether `text` holds a control character other than those in `allowed` (ASCII).
    static func hasControl(_ text: String, allowingLineBreaksAndTabs allowsBreaks: Bool = false) -> Bool {
        text.withUTF8Bytes { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F {
                    if !(allowsBreaks && (byte == 0x09 || byte == 0x0A || byte == 0x0D)) { return true }
                } else if previous == 0xC2 && (0x80...0x9F).contains(byte) {
                    return true  // U+0080 to U+009F, the C1 controls
                }
                previous = byte
            }
            return false
        }
    }

}

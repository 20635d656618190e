/// Checks on the user's own text before it reaches a template.
enum RequestValidation {
    static let reservedVariables: Set = [
        "ref", "date", "authority", "questions", "has_questions", "facts", "has_facts", "likelihood", "ncnd",
        "multiple", "exemptions", "exemption", "balance", "qualified_exemptions", "absolute_exemptions",
        "has_absolute", "citations",
    ]

    static func validate(_ request: DraftRequest) throws {
        let reference = request.reference
        guard !reference.isEmpty, reference.count <= 64 else {
            throw PITError.usage("--ref must be 1 to 64 characters, not \(reference.count)")
        }
        if reference.unicodeScalars.contains(where: isControl) {
            throw PITError.usage("--ref must not contain control characters")
        }
        guard !request.exemptionIDs.isEmpty else { throw PITError.usage("missing --exemption") }
        for (label, texts) in [("--question", request.questions), ("--fact", request.facts)] {
            for text in texts where text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
                throw PITError.usage("\(label) must not contain control characters")
            }
        }
        for (key, value) in request.extraVariables {
            guard let first = key.first, first.isASCII, first.isLetter || first == "_",
                  key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw PITError.usage("--set '\(key)': a variable name is letters, digits, '_' and '-', starting with a letter")
            }
            guard !reservedVariables.contains(key) else {
                throw PITError.usage("--set '\(key)': that is a built-in variable; use its own option")
            }
            if value.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
                throw PITError.usage("--set \(key): the value must not contain control characters")
            }
        }
        for text in [request.authorityName, request.authorityShort].compactMap({ $0 }) {
            guard !text.isEmpty, !text.unicodeScalars.contains(where: isControl) else {
                throw PITError.usage("--authority and --authority-short must be non-empty, without control characters")
            }
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
    }
}

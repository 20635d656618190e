/// Checks on the user's own text before it reaches a template.
enum RequestValidation {
    static let reservedVariables: Set = [
        "ref", "date", "authority", "questions", "has_questions", "facts", "has_facts", "likelihood", "ncnd",
        "multiple", "exemptions", "exemption", "balance", "qualified_exemptions", "absolute_exemptions",
        "has_absolute", "citations", "all_citations", "outcome_withhold", "outcome_partial", "outcome_disclose",
        "joint", "alternative", "separate_parts", "exclusive", "regime", "independent", "emissions",
    ]

    /// Trims the user's text in `request` of white space at both ends, after checking it.
    static func normalize(_ request: inout DraftRequest) throws {
        // Changed only when something needs it: most requests come trimmed and lower-cased.
        var untrimmed = false
        request.forEachText { text in untrimmed = untrimmed || !isTrimmed(text) }
        if untrimmed { request = request.mappingTexts(trim) }
        if request.purposes.contains(where: { purpose in purpose.containsByte { $0 >= 0x80 || (0x41...0x5A).contains($0) } }) {
            request.purposes = request.purposes.map { $0.lowercased() }
        }
        try validate(request)
    }

    /// Whether `text` starts and ends with something other than white space (or is empty).
    private static func isTrimmed(_ text: String) -> Bool {
        guard let ends = text.endBytes else { return true }
        return !isWhiteSpace(ends.first) && !isWhiteSpace(ends.last)
    }

    static func trim(_ text: String) -> String {
        if !text.isEmpty && isTrimmed(text) { return text }
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    static func validate(_ request: borrowing DraftRequest) throws {
        let reference = request.reference
        // A reference of no more bytes than the limit has no more characters (counting them is slow).
        guard !reference.isEmpty, reference.utf8.count <= InputLimits.referenceBytes,
              reference.utf8.count <= InputLimits.referenceCharacters || reference.count <= InputLimits.referenceCharacters else {
            throw PITError.usage("--ref must be 1 to \(InputLimits.referenceCharacters) characters and at most \(InputLimits.referenceBytes) bytes, not \(reference.count) characters (\(reference.utf8.count) bytes)")
        }
        // Batch readers have refused what no text may hold; line breaks and tabs are the only
        // characters a reference and an authority may not hold that others may.
        let read = request.textsRead
        try check(reference, "--ref", allowingLineBreaks: false, read: read)
        guard !request.exemptionIDs.isEmpty else { throw PITError.usage("missing --exemption") }
        try checkTexts(request.questions, label: "--question", read: read)
        try checkTexts(request.facts, label: "--fact", read: read)
        for (key, value) in request.extraVariables {
            guard let first = key.first, first.isASCII, first.isLetter || first == "_",
                  key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw PITError.usage("--set '\(key)': a variable name is letters, digits, '_' and '-', starting with a letter")
            }
            guard !reservedVariables.contains(key) else {
                throw PITError.usage("--set '\(key)': that is a built-in variable; use its own option")
            }
            try check(value, "--set \(key)", allowingLineBreaks: true, read: read)
        }
        for (name, value) in request.evidence {
            guard EvidenceName.isValid(name) else {
                throw PITError.usage("--evidence '\(name)': an evidence name is lower-case letters, digits and '-' (see 'pit show ID')")
            }
            if value.isEmpty { throw PITError.usage("--evidence \(name): the text must not be empty") }
            try check(value, "--evidence \(name)", allowingLineBreaks: true, read: read)
        }
        if let name = request.authorityName { try checkAuthority(name, "--authority", read: read) }
        if let short = request.authorityShort { try checkAuthority(short, "--authority-short", read: read) }
    }

    /// The authority's name or short name: not empty, on one line.
    private static func checkAuthority(_ text: String, _ label: String, read: Bool) throws {
        if text.isEmpty { throw PITError.usage("\(label) must not be empty") }
        try check(text, label, allowingLineBreaks: false, read: read)
    }

    /// Questions and facts: none empty, no control characters but line breaks and tabs.
    private static func checkTexts(_ texts: [String], label: String, read: Bool) throws {
        for text in texts {
            if text.isEmpty { throw PITError.usage("\(label) must not be empty") }
            try check(text, label, allowingLineBreaks: true, read: read)
        }
    }

    /// One text of the user's: at most `InputLimits.valueBytes`, and no character a document
    /// cannot carry (line breaks and tabs allowed or not). `read`: its reader has refused every
    /// other such character already, so the text is looked at only for line breaks and tabs
    /// where they are not allowed (the only bytes below 0x20 it can hold), and then checked whole.
    static func check(_ text: String, _ label: @autoclosure () -> String, allowingLineBreaks: Bool, read: Bool) throws {
        if text.utf8.count > InputLimits.valueBytes {
            throw PITError.usage("\(label()) is \(text.utf8.count) bytes long; a value is at most \(InputLimits.valueBytes)")
        }
        if read && (allowingLineBreaks || !text.withUTF8Bytes(holdsControlByte)) { return }
        try ForbiddenCharacters.check(text, allowingLineBreaks: allowingLineBreaks, .usage, subject: label())
    }

    /// Whether UTF-8 `bytes` hold a byte below 0x20, looked for eight at a time.
    private static func holdsControlByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWords.firstIndex(in: bytes, from: 0, marks: ByteWords.belowSpace, isStop: { $0 < 0x20 }) < bytes.count
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

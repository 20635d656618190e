/// An option that describes one draft: the same names on the command line (`--ref`,
/// `--exemption`, …) and as batch columns or keys, so both read options one way.
public enum DraftOption: String, CaseIterable, Sendable {
    case ref, exemption, limbs, likelihood, ncnd, variant, question, fact, authority
    case authorityShort = "authority-short"
    case date, set, format, output
}

/// Builds a `DraftRequest` from draft options.
public enum DraftOptions {
    /// `values` gives each option's values in order (nil when not given); `ncnd` whether the
    /// draft neither confirms nor denies.
    public static func request(values: (DraftOption) -> [String]?, ncnd: Bool, today: () -> DocumentDate) throws -> DraftRequest {
        guard let reference = values(.ref)?.last else { throw PITError.usage("missing --ref (the request reference)") }
        let exemptionIDs = (values(.exemption) ?? []).flatMap { value in
            value.utf8.contains(UInt8(ascii: ",")) ? value.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces } : [value.trimmingSpaces]
        }
        guard !exemptionIDs.isEmpty else { throw PITError.usage("missing --exemption (e.g. --exemption s31)") }
        if exemptionIDs.contains(where: \.isEmpty) { throw PITError.usage("--exemption: an empty exemption id") }
        let date = try values(.date)?.last.map(DocumentDate.init(iso:)) ?? today()
        var request = DraftRequest(reference: reference, exemptionIDs: exemptionIDs, date: date)
        request.limbChoices = try (values(.limbs) ?? []).map(LimbChoice.init(parsing:))
        if let level = values(.likelihood)?.last {
            guard let likelihood = Likelihood(rawValue: level) else {
                throw PITError.usage("--likelihood must be 'would' or 'likely', not '\(level)'")
            }
            request.likelihood = likelihood
        }
        request.neitherConfirmNorDeny = ncnd
        request.variantChoices = try (values(.variant) ?? []).map(VariantChoice.init(parsing:))
        request.questions = values(.question) ?? []
        request.facts = values(.fact) ?? []
        request.authorityName = values(.authority)?.last
        request.authorityShort = values(.authorityShort)?.last
        request.extraVariables = try (values(.set) ?? []).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { throw PITError.usage("--set '\(pair)': expected KEY=VALUE") }
            return (String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
        }
        return request
    }

    /// The output format: `--format` if given, else from `--output`'s extension, else text.
    public static func format(named name: String?, output: String?) throws -> OutputFormat {
        if let name {
            guard let format = OutputFormat(rawValue: name) else {
                let known = OutputFormat.allCases.map(\.rawValue)
                throw PITError.usage("unknown format '\(name)'\(Suggestion.didYouMean(name, in: known)) (formats: \(known.joined(separator: ", ")))")
            }
            return format
        }
        return output.flatMap(OutputFormat.init(fileName:)) ?? .text
    }
}

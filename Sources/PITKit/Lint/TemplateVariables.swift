/// The variables templates may use, as the README's "Variables" table and DESIGN.md document them:
/// the shape of each (a value, an object with known fields, a list of a kind), for `pit lint` to
/// check every name a template looks up. A test keeps it equal to what the drafter defines.
indirect enum VariableType: Equatable {
    /// A text, a flag or rendered Markdown: sections on it render their content with it on top.
    case value
    case object([String: VariableType])
    case list(VariableType)

    /// The field `name` of this type, if it has one.
    func field(_ name: String) -> VariableType? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }
}

enum TemplateVariables {
    /// The fields of one exemption (`exemption`, each of `exemptions`), with the limb keys and
    /// evidence names given.
    static func exemption(limbKeys: Set<String>, evidence: Set<String>) -> VariableType {
        var fields: [String: VariableType] = [:]
        for name in ["id", "section", "title", "provision", "citation", "kind", "is_prejudice", "is_class", "is_absolute",
                     "limbs_phrase", "test", "has_likelihood", "purposes_phrase", "has_purposes", "weighed_jointly",
                     "likelihood", "harm", "for", "against", "balance", "words"] {
            fields[name] = .value
        }
        for outcome in Outcome.allCases { fields["concludes_\(outcome.rawValue)"] = .value }
        for level in Likelihood.allCases { fields["likelihood_\(level.rawValue)"] = .value }
        let limb = VariableType.object(["letter": .value, "text": .value])
        fields["limbs"] = .list(limb)
        fields["purposes"] = .list(limb)
        fields["limb"] = .object(Dictionary(uniqueKeysWithValues: limbKeys.map { ($0, .value) }))
        fields["evidence"] = .object(Dictionary(uniqueKeysWithValues: evidence.map { ($0, .value) }))
        return .object(fields)
    }

    /// The names every template sees, with `exemption` as given and the `--set` keys allowed.
    static func globals(exemption: VariableType, setKeys: Set<String>) -> [String: VariableType] {
        var globals: [String: VariableType] = [:]
        for key in setKeys { globals[key] = .value }
        for name in ["ref", "date", "has_questions", "has_facts", "likelihood", "ncnd", "multiple", "balance", "has_absolute",
                     "citations", "all_citations", "joint", "alternative", "separate_parts", "exclusive", "independent",
                     "emissions"] {
            globals[name] = .value
        }
        // The regime's own words (README, "Every UK access regime"): `regime.term`, `regime.presumption`, …
        var regime: [String: VariableType] = [:]
        for name in ["id", "name", "Name", "title", "abbreviation", "short", "word", "term", "terms", "Term", "Terms",
                     "commissioner", "balance", "presumption", "absolute", "emissions", "aggregation"] {
            regime[name] = .value
        }
        for id in Regime.ID.allCases { regime["is_\(id.rawValue)"] = .value }
        globals["regime"] = .object(regime)
        for outcome in Outcome.allCases { globals["outcome_\(outcome.rawValue)"] = .value }
        var authority: [String: VariableType] = ["name": .value, "short": .value, "kind": .value]
        for kind in AuthorityKind.allCases { authority[kind.flag] = .value }
        globals["authority"] = .object(authority)
        globals["questions"] = .list(.value)
        globals["facts"] = .list(.value)
        globals["exemption"] = exemption
        for list in ["exemptions", "qualified_exemptions", "absolute_exemptions"] { globals[list] = .list(exemption) }
        return globals
    }

    /// What a section template sees on top of the globals: its own exemption, and `likelihood`.
    static func sectionContext(exemption: VariableType) -> VariableType {
        .object(["exemption": exemption, "likelihood": .value])
    }
}

/// The factors the law says are irrelevant to the public interest test, with the phrases that
/// show one being weighed. Phrases are folded (lower case) and match at the start of a word.
public enum IrrelevantFactor: String, CaseIterable, Sendable {
    case embarrassment, requester, misunderstanding, cost, technical, precedent

    /// How a finding names it.
    public var name: String {
        switch self {
        case .embarrassment: return "embarrassment"
        case .requester: return "the requester's identity or motive"
        case .misunderstanding: return "the risk that the information is misunderstood"
        case .cost: return "the cost or effort of answering"
        case .technical: return "the information being technical or complex"
        case .precedent: return "setting a precedent"
        }
    }

    /// Why it is irrelevant, with the source.
    public var source: String {
        switch self {
        case .embarrassment: return "ICO guidance \"The public interest test\": embarrassment to the authority or its officials is not a factor"
        case .requester: return "the Act is motive-blind: the requester's identity and motives are irrelevant (ICO guidance \"The public interest test\"; Hogan and Oxford City Council v IC, EA/2005/0026 and 0030)"
        case .misunderstanding: return "ICO guidance \"The public interest test\": the risk of misunderstanding is met by explaining the information, not withholding it"
        case .cost: return "the cost of complying is section 12's ground (the appropriate limit), not a public interest factor"
        case .technical: return "the complexity of the information is not a relevant factor (Hogan and Oxford City Council v IC, EA/2005/0026 and 0030)"
        case .precedent: return "each request is weighed \"in all the circumstances of the case\" (FOIA s2(2)(b)), not for the precedent it might set"
        }
    }

    /// The phrases that weigh it; `motive` and `motives` only as whole words.
    public var phrases: [String] {
        switch self {
        case .embarrassment: return ["embarrass"]
        case .requester:
            return ["motive", "motives", "motivated by", "requester's identity", "requester's motive", "requester's purpose", "requester's reason",
                    "identity of the requester", "identity of the applicant", "applicant's identity", "applicant's motive", "who is asking",
                    "who the requester is", "why the requester", "why the information is wanted"]
        case .misunderstanding:
            return ["misunderst", "misinterpret", "mislead", "misled", "misconstru", "misread", "taken out of context"]
        case .cost:
            return ["cost of complying", "cost of compliance", "cost of answering", "cost of responding", "effort of answering",
                    "effort of complying", "effort of responding", "burden of answering", "burden of complying", "burden of responding",
                    "time it would take to answer", "time it would take to respond"]
        case .technical:
            return ["too technical", "too complex", "too complicated", "highly technical", "technical nature", "technical or complex",
                    "complex or technical", "difficult to understand", "hard to understand", "would not understand", "would not be understood"]
        case .precedent:
            return ["set a precedent", "setting a precedent", "create a precedent", "creating a precedent", "difficult to withhold"]
        }
    }

    /// Whether `phrase` must end at a word boundary.
    static func isWholeWord(_ phrase: String) -> Bool { phrase == "motive" || phrase == "motives" }
}

/// An exemption of the Freedom of Information Act 2000, as its `exemption.json` describes it.
public struct Exemption: Sendable, Equatable {
    /// Whether the exemption needs a harm test, a public interest test, or neither.
    public enum Kind: String, Sendable, CaseIterable {
        /// Prejudice-based (or harm-based, as s24 and s38): harm, then the public interest test.
        case prejudice
        /// Class-based: no harm test, only the public interest test.
        case `class`
        /// Absolute: no public interest test at all.
        case absolute

        /// The sections an exemption of this kind is drafted with, in document order.
        public var sections: [Section] {
            switch self {
            case .prejudice: return [.harm, .for, .against, .balance]
            case .class: return [.for, .against, .balance]
            case .absolute: return []
            }
        }
    }

    /// One part of an exemption's public interest test.
    public enum Section: String, Sendable, CaseIterable {
        case harm, `for`, against, balance
    }

    /// One lettered limb of the exemption's provision: `a` → "the prevention or detection of crime".
    public struct Limb: Sendable, Equatable {
        public let letter: String
        public let text: String

        /// How the limb is cited: `a` → `(a)`, `b(i)` → `(b)(i)`.
        public var label: String {
            let head = letter.prefix { $0 != "(" }
            return "(\(head))\(letter.dropFirst(head.count))"
        }
    }

    public let id: String
    public let section: String
    public let title: String
    public let kind: Kind
    public let provision: String
    public let limbs: [Limb]
    public let defaultLimbs: [String]
    /// The subsection that removes the duty to confirm or deny, e.g. `31(3)`.
    public let ncnd: String?
    public let likelihood: Likelihood?
    /// The words of the statutory harm test, e.g. "would, or would be likely to, prejudice".
    public let test: String?

    public var isQualified: Bool { kind != .absolute }

    /// `Section 31(1)(a)(b)`: the provision and the chosen limbs, or the NCND subsection.
    public func citation(limbs letters: [String], ncnd neitherConfirmNorDeny: Bool) -> String {
        if neitherConfirmNorDeny, let ncnd { return "Section \(ncnd)" }
        var citation = "Section \(provision)"
        var previousHead = ""
        for letter in letters {
            // A sub-limb such as b(i) cites as (b)(i); after (b)(i), b(ii) adds only (ii).
            let head = letter.prefix { $0 != "(" }
            let rest = letter.dropFirst(head.count)
            if !rest.isEmpty && head == previousHead {
                citation += rest
            } else {
                citation += "(\(head))\(rest)"
            }
            previousHead = String(head)
        }
        return citation
    }
}

/// The level of likelihood a prejudice-based exemption claims.
public enum Likelihood: String, Sendable, CaseIterable {
    /// More probable than not.
    case would
    /// A real and significant risk.
    case likely

    /// The words a template prints: `would` or `would be likely to`.
    public var phrase: String {
        switch self {
        case .would: return "would"
        case .likely: return "would be likely to"
        }
    }
}

/// A drafted PIT: the document, and what it was drafted from (for the JSON writer's structure
/// and provenance, and for the quality checks).
public struct Draft: Sendable {
    public let reference: String
    public let date: DocumentDate
    public let authority: Authority
    /// The access regime the draft applies.
    public let regime: Regime
    public let neitherConfirmNorDeny: Bool
    /// The conclusion the balancing tests reach.
    public let outcome: Outcome
    public let exemptions: [AppliedExemption]
    public let questions: [String]
    public let facts: [String]
    public let document: Document
    /// Every library file the draft used, in the order first used.
    public let templatesUsed: [TemplateLibrary.File]
}

/// An exemption as one draft applies it: the limbs chosen, its citation, its rendered sections.
public struct AppliedExemption: Sendable {
    public let exemption: Exemption
    public let limbs: [Exemption.Limb]
    public let citation: String
    /// Its kind for these limbs and this authority (s37(1)(a) absolute, (b) class).
    public let kind: Exemption.Kind
    public let likelihood: Likelihood?
    /// The s31(2) purposes chosen.
    public let purposes: [Exemption.Limb]
    /// The evidence given for it, by name, as the document prints it.
    public let evidence: [String: String]
    /// Each rendered section with the variant used, in document order.
    public let sections: [RenderedSection]
}

/// One section of an exemption as drafted.
public struct RenderedSection: Sendable {
    public let section: Exemption.Section
    public let variant: String
    /// Whether the section rendered to nothing but white space.
    public let isEmpty: Bool
}

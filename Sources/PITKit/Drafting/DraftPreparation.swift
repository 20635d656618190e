import Mustache

/// What drafting a request starts from, but for its lists (the questions and the facts): the
/// plan, the variants of its sections, the global variables, each exemption's level of
/// likelihood, variables (its sections not yet rendered) and section templates, and the
/// document's template.
struct DraftPreparation: Sendable {
    let plan: DraftPlan
    let variants: VariantResolver
    /// The global variables, with room for those each draft adds (`Drafter.draftNames`).
    let globals: [String: MustacheValue]
    let exemptions: [PreparedExemption]
    /// The path of the template of the whole document (the regime's own, if it has one).
    let documentPath: String
    /// The renders its drafts share, when it is remembered (`PreparationMemo`).
    var shared: SharedRenders?

    /// An exemption of the plan as its drafts start from it.
    struct PreparedExemption: Sendable {
        /// Its level of likelihood, when it is prejudice-based and has one.
        let level: Likelihood?
        /// Its variables, with room for its sections' renders, which each draft adds.
        let variables: [String: MustacheValue]
        /// Its sections in order, and by the same place, the variant each uses and that variant's
        /// template path. (Three lists, not one of tuples: that tuple's array would be one more
        /// generic type made at start-up.)
        let sections: [Exemption.Section]
        let variants: [String]
        let paths: [String]
    }
}

/// Preparations made before, by everything in a request but its lists: the shapes of a batch
/// that differ only in how many questions and facts they have are prepared once
/// (`CachedDrafter`). Bounded like every memo.
final class PreparationMemo: Sendable {
    /// A request but its lists: its shape without them, its texts and the date as the templates see it.
    struct Key: Hashable, Sendable {
        let shape: DraftShape
        let texts: [String]
        let dateText: String?
    }

    private let preparations = BoundedMemo<Key, Result<DraftPreparation, PITError>>(capacity: 1024)
    /// Whether each template (by regime and path) may look at the lists.
    private let listLooking = BoundedMemo<ListLookingKey, Bool>(capacity: 4096)

    private struct ListLookingKey: Hashable, Sendable {
        let regime: Regime.ID
        let path: String
    }

    /// The preparation of `request`, remembered or made by `prepare`.
    func preparation(_ request: DraftRequest, dateText: String?, orPrepare prepare: () throws -> DraftPreparation) throws -> DraftPreparation {
        var listless = request
        listless.questions = []
        listless.facts = []
        var texts: [String] = []
        listless.forEachText { texts.append($0) }
        return try preparations.value(Key(shape: DraftShape(listless), texts: texts, dateText: dateText), orTry: {
            var preparation = try prepare()
            preparation.shared = SharedRenders(memo: self)
            return preparation
        })
    }

    /// Whether the template at `path` may look at the lists, `mayLookUp` answering when it is not known.
    func mayLookAtLists(_ path: String, regime: Regime.ID, mayLookUp: () -> Bool) -> Bool {
        listLooking.value(ListLookingKey(regime: regime, path: path), orMake: mayLookUp)
    }
}

/// The renders of section templates that the drafts of one preparation share: a section that
/// does not look at the lists renders the same in every draft of the preparation, whatever its
/// lists hold. Each render keeps the library files it read, so that a draft that takes it still
/// records them.
final class SharedRenders: Sendable {
    /// A section of the exemption at a place in the plan: within one preparation it names one template.
    struct Key: Hashable, Sendable {
        let item: Int
        let section: Exemption.Section
    }

    /// A section's render, or none when its template looks at the lists and each draft renders it.
    struct Render: Sendable {
        let markdown: [UInt8]
        let files: [TemplateLibrary.File]
    }

    let memo: PreparationMemo
    /// By section: a preparation has a few exemptions of four sections each.
    private let renders = BoundedMemo<Key, Render?>(capacity: 256)

    init(memo: PreparationMemo) {
        self.memo = memo
    }

    /// The render for `key`, remembered or made by `render`.
    func render(_ key: Key, orRender render: () throws -> Render?) rethrows -> Render? {
        try renders.value(key, orMake: render)
    }
}

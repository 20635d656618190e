import Mustache

/// What drafting a request starts from, but for its lists (the questions and the facts): the
/// plan, the variants of its sections, the global variables, and each exemption's level of
/// likelihood and variables (its sections not yet rendered).
struct DraftPreparation: Sendable {
    let plan: DraftPlan
    let variants: VariantResolver
    let globals: [String: MustacheValue]
    let exemptions: [(level: Likelihood?, variables: [String: MustacheValue])]
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

    /// The preparation of `request`, remembered or made by `prepare`.
    func preparation(_ request: DraftRequest, dateText: String?, orPrepare prepare: () throws -> DraftPreparation) throws -> DraftPreparation {
        var listless = request
        listless.questions = []
        listless.facts = []
        var texts: [String] = []
        listless.forEachText { texts.append($0) }
        return try preparations.value(Key(shape: DraftShape(listless), texts: texts, dateText: dateText), orTry: prepare)
    }
}

/// What a batch remembers of its rows' option texts, so that rows repeating them (most do) share
/// what was read from them: the lists (`RecentLists`) of exemptions, limbs, variants, purposes,
/// questions and facts, and the `KEY=VALUE` texts of evidence and `set`, each split once while
/// remembered by its storage (`SharedTextMemo`). `none` remembers nothing (`pit draft` reads one
/// request). The reader's own: rows are read on one thread.
struct RowOptionsMemo {
    var exemptions: RecentLists<[String]>, limbs: RecentLists<[LimbChoice]>, variants: RecentLists<[VariantChoice]>
    var purposes: RecentLists<[String]>, questions: RecentLists<[String]>, facts: RecentLists<[String]>
    let pairs: SharedTextMemo<(key: String, value: String)?>?

    /// A memo that remembers (`keeping`) or one that remembers nothing.
    init(keeping: Bool = true) {
        exemptions = RecentLists(keeping: keeping)
        limbs = RecentLists(keeping: keeping)
        variants = RecentLists(keeping: keeping)
        purposes = RecentLists(keeping: keeping)
        questions = RecentLists(keeping: keeping)
        facts = RecentLists(keeping: keeping)
        pairs = keeping ? SharedTextMemo() : nil
    }

    /// Remembers nothing.
    static var none: RowOptionsMemo { RowOptionsMemo(keeping: false) }
}

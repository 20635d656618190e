/// The quick tests that tell which of a batch's texts need their checks run (`TextChecks.mayFind`
/// and `mayFindPlaceholder`), each remembered by text (`SharedTextMemo`): rows repeat their texts,
/// and a long text costs a pass over its bytes each time it is tested.
final class TextScreen: Sendable {
    private let anything = SharedTextMemo<Bool>(), placeholder = SharedTextMemo<Bool>()

    /// Whether the checks may find something in `text`; with `placeholderOnly`, a placeholder.
    func mayFind(in text: String, placeholderOnly: Bool) -> Bool {
        placeholderOnly ? placeholder.value(text, orMake: TextChecks.mayFindPlaceholder(in:))
            : anything.value(text, orMake: TextChecks.mayFind(in:))
    }
}

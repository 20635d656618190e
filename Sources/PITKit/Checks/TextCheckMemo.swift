/// The text checks' results on paragraphs seen before, by their text, the part they stand in and
/// what the checks knew of the subject. The shapes of a batch share most of their paragraphs, so
/// with a memo each is checked once. Bounded: when full it starts again.
final class TextCheckMemo: Sendable {
    struct Key: Hashable {
        /// The paragraph as written (its case decides some findings).
        let text: String
        let part: CheckDocument.Part
        let subject: String
    }

    /// What the checks found in one paragraph: each finding's check, message and offset.
    typealias Found = [(check: Check, message: String, offset: Int)]

    static let capacity = 8192
    private let entries = Locked<[Key: Found]>([:])

    init() {}

    /// The paragraph's findings, from the memo or from `check`.
    func found(_ key: Key, orCheck check: () -> Found) -> Found {
        if let known = entries.withLock({ $0[key] }) { return known }
        let found = check()
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll() }
            entries[key] = found
        }
        return found
    }
}

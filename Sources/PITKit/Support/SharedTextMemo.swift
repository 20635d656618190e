/// Values by texts that share their storage: batch readers give a text met again as the very
/// string kept before (`RecentTexts`), so a text's value can be found again by where its bytes
/// are, with no pass over them. Each remembered text is kept (so its storage, and the address,
/// cannot go to another text while it is remembered), in one of a few slots chosen by that
/// address until another text takes the slot, so memory stays bounded. A text of no storage of
/// its own (a small string) or of other storage gets its value made anew: a value must depend
/// on the text's bytes alone. A text of more than `longest` bytes is made anew too, never kept
/// (so a memo keeps at most 2^slotBits × `longest` bytes of text). Safe to share between threads.
final class SharedTextMemo<Value: Sendable>: Sendable {
    private static var longest: Int { 4096 }
    /// 2^slotBits slots.
    private let slotBits: Int
    private let slots: Locked<[(text: String, value: Value)?]>

    /// A memo of 2^`slotBits` slots: room for more texts than a batch keeps in use at once.
    init(slotBits: Int = 8) {
        self.slotBits = slotBits
        slots = Locked(Array(repeating: nil, count: 1 << slotBits))
    }

    /// The value of `text`, remembered or made by `make`.
    func value(_ text: String, orMake make: (String) -> Value) -> Value {
        // Small strings (15 bytes or fewer) are held in the string itself: no address to go by.
        guard text.utf8.count > 15, text.utf8.count <= Self.longest,
              let address = text.utf8.withContiguousStorageIfAvailable({ UInt(bitPattern: $0.baseAddress) }) else { return make(text) }
        let slot = UInt64(address).slot(among: 1 << slotBits)
        let known = slots.withLock { slots -> Value? in
            guard let kept = slots[slot], kept.text.utf8.count == text.utf8.count,
                  kept.text.utf8.withContiguousStorageIfAvailable({ UInt(bitPattern: $0.baseAddress) }) == address else { return nil }
            return kept.value
        }
        if let known { return known }
        let value = make(text)
        slots.withLock { $0[slot] = (text, value) }
        return value
    }
}

/// Values by whole-number keys, each remembered in one of two slots chosen by the key (among
/// 2^`slotBits`) until another key takes it: a look-up hashes nothing and copies only the value,
/// for keys looked up far more often than they are new (lengths, dates). Memory stays bounded by
/// the slots. Safe to share between threads.
final class NumberMemo<Value: Sendable>: Sendable {
    private let slotBits: Int
    private let slots: Locked<[(key: Int, value: Value)?]>

    init(slotBits: Int) {
        precondition(slotBits >= 1 && slotBits < 32, "a memo of 2 to 2^31 slots")
        self.slotBits = slotBits
        slots = Locked(Array(repeating: nil, count: 1 << slotBits))
    }

    /// The value for `key`, remembered or made by `make`.
    func value(_ key: Int, orMake make: () -> Value) -> Value {
        let first = UInt64(truncatingIfNeeded: key).slot(among: 1 << slotBits) & ~1
        let known = slots.withLock { slots -> Value? in
            if let kept = slots[first], kept.key == key { return kept.value }
            if let kept = slots[first + 1], kept.key == key { return kept.value }
            return nil
        }
        if let known { return known }
        let made = make()
        slots.withLock { slots in slots[slots[first] != nil && slots[first + 1] == nil ? first + 1 : first] = (key, made) }
        return made
    }
}

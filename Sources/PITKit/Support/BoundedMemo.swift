/// Values by key, made once each while they are remembered: at most `capacity` of them, and when
/// full it starts again, so memory stays bounded. Safe to share between threads.
final class BoundedMemo<Key: Hashable & Sendable, Value>: @unchecked Sendable {
    private let capacity: Int
    private let entries = Locked<[Key: Value]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value for `key`, remembered or made by `make`.
    func value(_ key: Key, orMake make: () -> Value) -> Value {
        if let known = entries.withLock({ $0[key] }) { return known }
        let value = make()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = value
        }
        return value
    }
}

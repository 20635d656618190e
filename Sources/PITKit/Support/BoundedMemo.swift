/// Values by key, made once each while they are remembered: at most `capacity` of them, and when
/// full it starts again, so memory stays bounded. Safe to share between threads.
final class BoundedMemo<Key: Hashable & Sendable, Value>: @unchecked Sendable {
    private let capacity: Int
    private let entries = Locked<[Key: Value]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value for `key`, if it is remembered.
    func remembered(_ key: Key) -> Value? {
        entries.withLock { $0[key] }
    }

    /// The value for `key`, remembered or made by `make`.
    func value(_ key: Key, orMake make: () throws -> Value) rethrows -> Value {
        if let known = remembered(key) { return known }
        let value = try make()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = value
        }
        return value
    }
}

extension BoundedMemo {
    /// The result for `key`, remembered or made by `make`: a failure is remembered too, and
    /// thrown again each time.
    func value<Success>(_ key: Key, orTry make: () throws -> Success) throws -> Success where Value == Result<Success, PITError> {
        try value(key) {
            do {
                return .success(try make())
            } catch let error as PITError {
                return .failure(error)
            } catch {
                return .failure(PITError.data("\(error)"))
            }
        }.get()
    }
}

/// Values by texts compared byte for byte, as `BoundedMemo` keeps values by keys, for texts
/// looked up far more often than they are new: a text's bytes are digested once
/// (`ExactBytes.digest`) and looked for in an open-addressed table of the digests, so a
/// remembered text costs a pass over its bytes and one comparison, with no `Hasher` and no key
/// made (its bytes are copied only when it is new). At most `capacity` texts are remembered; when
/// full it starts again, so memory stays bounded. Safe to share between threads.
final class ExactTextMemo<Value: Sendable>: Sendable {
    /// A remembered text and its value.
    private struct Entry {
        let bytes: [UInt8]
        let value: Value
    }

    /// The slots: `digests[i]` is the digest of `entries[i]`'s text; a nil entry marks an empty slot.
    private struct Table {
        var digests: [UInt64]
        var entries: [Entry?]
        var count = 0

        /// The slot that holds `bytes` (found), or else the empty slot where they would go.
        func slot(of bytes: UnsafeRawBufferPointer, digest: UInt64) -> (slot: Int, found: Bool) {
            let mask = digests.count - 1
            var slot = digest.slot(among: digests.count)
            while let entry = entries[slot] {
                if digests[slot] == digest, entry.bytes.count == bytes.count,
                   bytes.isEmpty || entry.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) }) == 0 {
                    return (slot, true)
                }
                slot = (slot + 1) & mask
            }
            return (slot, false)
        }

        /// Twice the slots, every entry moved to its place among them.
        mutating func grow() {
            let old = (digests, entries)
            digests = Array(repeating: 0, count: 2 * old.0.count)
            entries = Array(repeating: nil, count: 2 * old.0.count)
            for (digest, entry) in zip(old.0, old.1) {
                guard let entry else { continue }
                let (slot, _) = entry.bytes.withUnsafeBytes { self.slot(of: $0, digest: digest) }
                digests[slot] = digest
                entries[slot] = entry
            }
        }
    }

    private let capacity: Int
    private let table: Locked<Table>

    /// A memo of at most `capacity` texts (at least one).
    init(capacity: Int) {
        precondition(capacity > 0, "a memo remembers at least one text")
        self.capacity = capacity
        // The table starts small and grows as texts come (see `value(bytes:orMake:)`).
        table = Locked(Table(digests: Array(repeating: 0, count: 16), entries: Array(repeating: nil, count: 16)))
    }

    /// The value for the UTF-8 of `text`, remembered or made by `make`.
    func value(_ text: String, orMake make: () throws -> Value) rethrows -> Value {
        var native = text
        return try native.withUTF8 { try value(bytes: UnsafeRawBufferPointer($0), orMake: make) }
    }

    /// The value for `bytes`, remembered or made by `make`.
    func value(bytes: UnsafeRawBufferPointer, orMake make: () throws -> Value) rethrows -> Value {
        let digest = ExactBytes.digest(bytes)
        let known = table.withLock { table -> Value? in
            let (slot, found) = table.slot(of: bytes, digest: digest)
            return found ? table.entries[slot]?.value : nil
        }
        if let known { return known }
        let value = try make()
        table.withLock { table in
            if table.count >= capacity {
                for index in table.entries.indices { table.entries[index] = nil }
                table.count = 0
            }
            // At most half the slots are ever full, so a probe stops soon at an empty one.
            if 2 * (table.count + 1) > table.entries.count { table.grow() }
            let (slot, found) = table.slot(of: bytes, digest: digest)
            if !found { table.count += 1 }
            table.digests[slot] = digest
            table.entries[slot] = Entry(bytes: Array(bytes), value: value)
        }
        return value
    }
}

extension UInt64 {
    /// Where a hash is first looked for in an open-addressed table of `size` slots (a power of
    /// two): its product with an odd constant, top bits first, so that hashes alike in their low
    /// bits spread.
    @inline(__always)
    func slot(among size: Int) -> Int {
        Int(truncatingIfNeeded: (self &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - size.trailingZeroBitCount))
    }
}

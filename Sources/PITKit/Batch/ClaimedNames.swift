/// The rows that claimed each output name of a batch, by a 64-bit hash of the name: a table of
/// the hashes themselves, open-addressed, so a row's name is not hashed a second time (as a
/// `Dictionary` would hash its key). A few bytes a row, so memory stays nearly flat.
struct ClaimedNames {
    /// `hashes[i]` was claimed by row `rows[i]`; a row of 0 marks an empty slot.
    private var hashes: [UInt64]
    private var rows: [Int32]
    private var count = 0

    init() {
        hashes = Array(repeating: 0, count: 1024)
        rows = Array(repeating: 0, count: 1024)
    }

    /// Claims `hash` for `row` (numbered from 1), or gives the row that claimed it first.
    mutating func claim(_ hash: UInt64, row: Int32) -> Int32? {
        precondition(row > 0, "rows are numbered from 1")
        if 4 * (count + 1) > 3 * rows.count { grow() }
        var slot = hash.slot(among: rows.count)
        while rows[slot] != 0 {
            if hashes[slot] == hash { return rows[slot] }
            slot = (slot + 1) & (rows.count - 1)
        }
        hashes[slot] = hash
        rows[slot] = row
        count += 1
        return nil
    }

    /// Doubles the slots, every claim moved to its place among them.
    private mutating func grow() {
        let (oldHashes, oldRows) = (hashes, rows)
        hashes = Array(repeating: 0, count: 2 * oldRows.count)
        rows = Array(repeating: 0, count: 2 * oldRows.count)
        for (hash, row) in zip(oldHashes, oldRows) where row != 0 {
            var slot = hash.slot(among: rows.count)
            while rows[slot] != 0 { slot = (slot + 1) & (rows.count - 1) }
            hashes[slot] = hash
            rows[slot] = row
        }
    }
}

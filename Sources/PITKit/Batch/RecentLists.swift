/// Values made from lists of texts (a row's exemptions, variants, questions…), found again by
/// the texts: a batch's rows repeat a few lists, and a list met again gives the value made of it
/// before (an array already made, no allocation) rather than being read anew. Each list is kept
/// in one of a few slots, chosen by its texts' lengths and end bytes, until another takes the
/// slot; a list of more than `longest` bytes in all is never kept, so memory stays bounded. A
/// value is only kept once made: a list that fails is read anew each time, and fails the same
/// way. One with no slots (`init(keeping: false)`) keeps nothing. A reader's own: one thread uses it.
struct RecentLists<Value> {
    /// 2^slotBits slots.
    private static var slotBits: Int { 6 }
    private static var longest: Int { 4096 }
    private var slots: [(texts: [String], value: Value)?]

    /// A memo of a few slots, or (`keeping` false) of none.
    init(keeping: Bool = true) {
        slots = keeping ? Array(repeating: nil, count: 1 << Self.slotBits) : []
    }

    /// What `make` makes of `texts`, remembered or made (nil, an option not given, is made anew).
    mutating func value(_ texts: ArraySlice<String>?, orMake make: (ArraySlice<String>?) throws -> Value) rethrows -> Value {
        guard let texts, !slots.isEmpty else { return try make(texts) }
        let slot = Self.slot(texts)
        if let kept = slots[slot], kept.texts.elementsEqual(texts) { return kept.value }
        let value = try make(texts)
        if texts.reduce(0, { $0 + $1.utf8.count }) <= Self.longest { slots[slot] = (Array(texts), value) }
        return value
    }

    /// The slot of a list: a mix of its count and each text's byte count, first and last byte.
    private static func slot(_ texts: ArraySlice<String>) -> Int {
        let golden: UInt64 = 0x9E37_79B9_7F4A_7C15
        var mixed = UInt64(texts.count)
        for text in texts {
            let ends = text.withUTF8Bytes { bytes in
                bytes.isEmpty ? 0 : UInt64(bytes.count) << 16 | UInt64(bytes[0]) << 8 | UInt64(bytes[bytes.count - 1])
            }
            mixed = (mixed ^ ends) &* golden
        }
        return Int(truncatingIfNeeded: mixed >> (64 - slotBits))
    }
}

/// Values made from lists of texts (a row's exemptions, variants, questions…), found again by
/// the texts: a batch's rows repeat a few lists, and a list met again gives the value made of it
/// before (an array already made, no allocation) rather than being read anew. Each list is kept
/// in one of a few slots, chosen by its strings, until another takes the
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
        if let kept = slots[slot], Self.same(kept.texts, texts) { return kept.value }
        let value = try make(texts)
        if texts.reduce(0, { $0 + $1.utf8.count }) <= Self.longest { slots[slot] = (Array(texts), value) }
        return value
    }

    /// Whether two lists hold the same texts (most often the very same strings, shared by
    /// `RecentTexts`: told apart or found equal at once).
    private static func same(_ kept: [String], _ texts: ArraySlice<String>) -> Bool {
        guard kept.count == texts.count else { return false }
        var index = texts.startIndex
        for text in kept {
            guard text == texts[index] else { return false }
            index += 1
        }
        return true
    }

    /// The slot of a list: a mix of its count and each string's own bytes (those of a small
    /// string are its text; a larger one's name its storage, which `RecentTexts` shares between
    /// the texts of the same bytes). Equal texts of other storage may get other slots: they are
    /// then kept twice, never mistaken.
    private static func slot(_ texts: ArraySlice<String>) -> Int {
        let golden: UInt64 = 0x9E37_79B9_7F4A_7C15
        var mixed = UInt64(texts.count)
        for text in texts {
            withUnsafeBytes(of: text) { raw in
                for offset in stride(from: 0, to: raw.count - 3, by: 4) {
                    mixed = (mixed ^ UInt64(raw.load(fromByteOffset: offset, as: UInt32.self))) &* golden
                }
            }
        }
        return Int(truncatingIfNeeded: mixed >> (64 - slotBits))
    }
}

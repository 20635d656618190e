/// The texts of a batch's recent values, found again by their bytes. Rows repeat many texts
/// (the authority's name, standard questions and facts), and a text met again is shared rather
/// than made anew: a text too long for a small string is an allocation, and a free at the end
/// of its row. Each text is kept in one of a few slots, chosen by its bytes, until another text
/// takes the slot, so memory stays bounded. A reader's own: one thread uses it.
struct RecentTexts {
    /// 2^slotBits slots.
    private static let slotBits = 8
    private var slots = [String](repeating: "", count: 1 << RecentTexts.slotBits)

    /// `String(decoding: bytes, as: UTF8.self)`, shared with the kept text of the same bytes.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // A small string is made in place, with no allocation: sooner than found.
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        let slot = Self.slot(bytes)
        let same = slots[slot].withUTF8Bytes { kept in
            kept.count == bytes.count && memcmp(kept.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
        if same { return slots[slot] }
        let text = String(decoding: bytes, as: UTF8.self)
        slots[slot] = text
        return text
    }

    /// The slot of sixteen bytes or more: a mix of their count, their first eight and last eight.
    private static func slot(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let golden: UInt64 = 0x9E37_79B9_7F4A_7C15
        let mixed = (ByteWords.word(bytes, at: 0) &* golden ^ ByteWords.word(bytes, at: bytes.count - 8) ^ UInt64(bytes.count)) &* golden
        return Int(truncatingIfNeeded: mixed >> (64 - slotBits))
    }
}

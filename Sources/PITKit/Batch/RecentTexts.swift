/// The texts of a batch's recent values, found again by their bytes. Rows repeat many texts
/// (the authority's name, standard questions and facts), and a text met again is shared rather
/// than made anew: a text too long for a small string is an allocation, and a free at the end
/// of its row; a small one (15 bytes or fewer) is no allocation, but making it checks its bytes
/// as UTF-8, slower than finding it by them. Each text is kept in one of a few slots, chosen by
/// its bytes, until another text takes the slot, so memory stays bounded. A reader's own: one
/// thread uses it.
struct RecentTexts {
    /// 2^slotBits slots for long texts; 2^smallSlotBits for small ones (rows' dates among them:
    /// a few hundred, each best in a slot of its own).
    private static let slotBits = 8, smallSlotBits = 10
    private var slots = [String](repeating: "", count: 1 << RecentTexts.slotBits)
    /// Small texts by their bytes packed in two words (`SmallKey`); the slots start with the
    /// empty text, whose key is all zero.
    private var smallSlots = [(key: SmallKey, text: String)](repeating: (SmallKey(first: 0, rest: 0), ""), count: 1 << RecentTexts.smallSlotBits)

    /// `String(decoding: bytes, as: UTF8.self)`, shared with the kept text of the same bytes.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15 else { return smallText(bytes) }
        let slot = Self.slot(bytes)
        let same = slots[slot].withUTF8Bytes { kept in
            kept.count == bytes.count && memcmp(kept.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
        if same { return slots[slot] }
        let text = String(decoding: bytes, as: UTF8.self)
        slots[slot] = text
        return text
    }

    /// Fifteen bytes or fewer, whole: the first eight (or fewer) in `first`, little-endian; the
    /// rest in the low bytes of `rest`, and their count in its top byte.
    private struct SmallKey: Equatable {
        let first: UInt64, rest: UInt64
    }

    /// The text of at most fifteen `bytes`, found by their key or made and kept.
    private mutating func smallText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        var first: UInt64 = 0, rest = UInt64(count) << 56
        // Two loads of the same width from either end, shifted into place: the bytes loaded twice
        // land on themselves.
        switch count {
        case 8...:
            first = ByteWords.word(bytes, at: 0)
            if count > 8 { rest |= ByteWords.word(bytes, at: count - 8) >> UInt64(8 * (16 - count)) }
        case 4...:
            first = UInt64(Self.load(UInt32.self, bytes, at: 0)) | UInt64(Self.load(UInt32.self, bytes, at: count - 4)) << UInt64(8 * (count - 4))
        case 2...:
            first = UInt64(Self.load(UInt16.self, bytes, at: 0)) | UInt64(Self.load(UInt16.self, bytes, at: count - 2)) << UInt64(8 * (count - 2))
        case 1:
            first = UInt64(bytes[0])
        default:
            break
        }
        let key = SmallKey(first: first, rest: rest)
        let slot = ((first &* 0x9E37_79B9_7F4A_7C15) ^ rest).slot(among: 1 << Self.smallSlotBits)
        if smallSlots[slot].key == key { return smallSlots[slot].text }
        let text = String(decoding: bytes, as: UTF8.self)
        smallSlots[slot] = (key, text)
        return text
    }

    /// The little-endian integer of `bytes` at `offset`.
    @inline(__always)
    private static func load<Integer: FixedWidthInteger>(_: Integer.Type, _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Integer {
        Integer(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: Integer.self))
    }

    /// The slot of sixteen bytes or more: a mix of their count, their first eight and last eight.
    private static func slot(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        (ByteWords.word(bytes, at: 0) &* 0x9E37_79B9_7F4A_7C15 ^ ByteWords.word(bytes, at: bytes.count - 8) ^ UInt64(bytes.count))
            .slot(among: 1 << slotBits)
    }
}

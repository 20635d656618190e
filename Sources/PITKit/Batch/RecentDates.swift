/// The long forms (`DocumentDate.longForm`) of a batch's recent dates, each made once while it
/// keeps its slot: rows repeat a few hundred dates, and a long form of more than 15 bytes is an
/// allocation (and a free once its row is written). A slot a date, chosen by the date, so memory
/// stays bounded. A reader's own: one thread uses it.
struct RecentDates {
    /// 2^slotBits slots: more than a year of days, each in a slot of its own.
    private static let slotBits = 9
    private var slots = [(date: DocumentDate, text: String)?](repeating: nil, count: 1 << RecentDates.slotBits)

    /// `date.longForm`, shared with the kept one of the same date.
    mutating func longForm(_ date: DocumentDate) -> String {
        // Consecutive days have consecutive numbers (a month of 31, a year of 12 × 31).
        let slot = (date.year &* 372 &+ date.month &* 31 &+ date.day) & (1 << Self.slotBits - 1)
        if let kept = slots[slot], kept.date == date { return kept.text }
        let text = date.longForm
        slots[slot] = (date, text)
        return text
    }
}

@testable import PITKit
import Testing

/// `NumberMemo` gives each key its own value, made once while it is remembered, and keeps no
/// more keys than its slots.
struct NumberMemoTests {
    /// Two keys to a pair of slots are both remembered; every value is its own key's.
    @Test func eachKeyHasItsOwnValue() {
        let memo = NumberMemo<Int>(slotBits: 4)
        var made = 0
        for round in 0..<2 {
            for key in [3, 3 + (1 << 40), -7, 0, 20_261_122] {
                #expect(memo.value(key) { made += 1; return key * 2 } == key * 2, "round \(round), key \(key)")
            }
        }
        #expect(made <= 10)
        // Far more keys than slots: each still gets its own value.
        let small = NumberMemo<Int>(slotBits: 4)
        for round in 0..<2 {
            for key in 0..<100 {
                #expect(small.value(key) { key + 1 } == key + 1, "round \(round), key \(key)")
            }
        }
    }

    /// Keys fewer than the slots, looked up again and again, are made about once each.
    @Test func fewKeysAreMadeOnce() {
        let memo = NumberMemo<Int>(slotBits: 10)
        var made = 0
        for _ in 0..<5 {
            for key in stride(from: 20_260_101, to: 20_260_131, by: 1) { _ = memo.value(key) { made += 1; return key } }
        }
        #expect(made < 40)
    }
}

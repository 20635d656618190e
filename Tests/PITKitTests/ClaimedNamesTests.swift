@testable import PITKit
import Testing

/// `ClaimedNames` gives each hash's first row, however many hashes it holds and however alike.
struct ClaimedNamesTests {
    @Test func aHashClaimedAgainGivesItsFirstRow() {
        var names = ClaimedNames()
        // Hashes alike in their low bits or high bits, zero among them, past several growths.
        let hashes = (0..<5000).map { UInt64($0) << 40 } + (1..<5000).map { UInt64($0) } + [UInt64.max]
        for (index, hash) in hashes.enumerated() {
            #expect(names.claim(hash, row: Int32(index + 1)) == nil)
        }
        for (index, hash) in hashes.enumerated() {
            #expect(names.claim(hash, row: 99_999) == Int32(index + 1))
        }
    }
}

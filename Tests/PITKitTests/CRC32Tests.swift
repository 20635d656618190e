@testable import PITKit
import Testing

/// The CRC-32 that ZIP archives record.
struct CRC32Tests {
    @Test func checkValue() {
        #expect(CRC32.checksum("123456789".utf8) == 0xCBF4_3926)
    }

    @Test func emptyInput() {
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func sentence() {
        #expect(CRC32.checksum("The quick brown fox jumps over the lazy dog".utf8) == 0x414F_A339)
    }
}

@testable import PITKit
import Testing

/// `RecentTexts` gives the text `String(decoding:as:)` gives, whether its bytes were met before,
/// another text took their slot, or they are not UTF-8.
struct RecentTextsTests {
    @Test func givesTheTextOfTheBytesEveryTime() {
        var texts = RecentTexts()
        var inputs: [[UInt8]] = ["", "short", "exactly 15 bytes", "West Midlands Police", "West Midlands Polic\u{E9}"].map { Array($0.utf8) }
        // Many texts of the same length and ends, so that some share a slot.
        inputs += (0..<300).map { Array("The request asks for figures \($0) broken down by ward".utf8) }
        inputs += [[0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xFF, 0xFE, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F]]
        // Small texts of every length, alike but for their length or one byte, and small ones not UTF-8.
        inputs += (0...15).flatMap { count in [Array(repeating: UInt8(ascii: "a"), count: count), Array(repeating: 0, count: count)] }
        inputs += (0..<300).map { Array("s\($0 % 40);x\($0)".utf8) }
        inputs += [[0xFF], [0x41, 0xC3], [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xE2, 0x82]]
        for _ in 0..<3 {
            for bytes in inputs + inputs.reversed() {
                let text = bytes.withUnsafeBufferPointer { texts.text($0) }
                #expect(text == String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
